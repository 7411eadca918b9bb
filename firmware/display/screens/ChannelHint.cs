using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Display
{
    /// <summary>
    /// The wiring hint of a channel's screen, for the electrician fitting CTs on a live board. Only at a
    /// meaningful current (above <see cref="MinLoadPercent"/> % of the CT rating: below it the angle is noise):
    /// - "CT reversed?" when the active power is negative with |PF| above <see cref="MinReversedPowerFactor"/>:
    ///   current nearly opposite to its voltage, i.e. the CT on backwards or its leads swapped (a real export, as
    ///   from a generator, shows it too);
    /// - "wrong phase?" when |cos phi| is below <see cref="MaxPlausibleCosPhi"/>: a current 60..120 degrees from
    ///   its voltage is what a CT on another phase than the configured one gives (IT loads run at cos phi 0.9+).
    /// </summary>
    public static class ChannelHint
    {
        public const int None = -1;
        public const double MinLoadPercent = 2.0;
        public const double MinReversedPowerFactor = 0.5;
        public const double MaxPlausibleCosPhi = 0.5;

        /// <summary>PanelText.CtReversed, PanelText.WrongPhase or None.</summary>
        public static int Of(ChannelValues ch)
        {
            if (!(ch.LoadPercentOfCt > MinLoadPercent))
            {
                return None;
            }

            double pf = ch.PowerFactor < 0 ? -ch.PowerFactor : ch.PowerFactor;
            if (ch.ActivePowerW < 0 && pf > MinReversedPowerFactor)
            {
                return PanelText.CtReversed;
            }

            double cos = ch.CosPhi < 0 ? -ch.CosPhi : ch.CosPhi;
            return cos < MaxPlausibleCosPhi ? PanelText.WrongPhase : None;
        }
    }
}
