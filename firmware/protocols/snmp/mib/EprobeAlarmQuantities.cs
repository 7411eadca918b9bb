using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Storage.Alarms;

namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// An alarm's numbers in the MIB's terms: the eprobeAlarmQuantity of its condition, its value and
    /// threshold in that quantity's table scale (AlarmEntry keeps them in AlarmCodes.Unit), and its source
    /// index as the tables number it. Percentages of a rating become currents with the rating configured
    /// now: overCurrent (% of the channel's CT) and neutralCurrent (% of the circuit's breaker) are mA.
    /// </summary>
    public static class EprobeAlarmQuantities
    {
        private const int MaxScaled = int.MaxValue;

        private static readonly int[] Quantities =
        {
            EprobeMibLayout.QuantityLoad,             // LoadHigh: % of breaker -> 0.1 %
            EprobeMibLayout.QuantityCurrent,          // OverCurrent: % of CT -> mA
            EprobeMibLayout.QuantityCurrent,          // LowLoad: A -> mA
            EprobeMibLayout.QuantityVoltage,          // UnderVoltage: V -> 0.1 V
            EprobeMibLayout.QuantityVoltage,          // OverVoltage
            EprobeMibLayout.QuantityVoltage,          // PhaseLost
            EprobeMibLayout.QuantityFrequency,        // FrequencyLow: Hz -> 0.01 Hz
            EprobeMibLayout.QuantityFrequency,        // FrequencyHigh
            EprobeMibLayout.QuantityVoltageUnbalance, // % -> 0.1 %
            EprobeMibLayout.QuantityCurrentUnbalance, // % -> 0.1 %
            EprobeMibLayout.QuantityNeutralCurrent,   // % of breaker -> mA
            EprobeMibLayout.QuantityMissedPolls,      // ModuleOffline: missed polls, as they are
        };

        /// <summary>EprobeMibLayout.Quantity* of an AlarmCodes condition (0 for an unknown one).</summary>
        public static int QuantityOf(int condition)
        {
            return condition >= 0 && condition < Quantities.Length ? Quantities[condition] : 0;
        }

        /// <summary>eprobeAlarmCondition of an AlarmCodes condition.</summary>
        public static int ConditionOf(int condition)
        {
            return condition + EprobeMibLayout.ConditionOffset;
        }

        /// <summary>eprobeAlarmSourceIndex: phase 1..3 (the journal counts phases from 0), channel and circuit as is, device 0.</summary>
        public static uint SourceIndexOf(int source, int sourceIndex)
        {
            if (sourceIndex < 0)
            {
                return 0;
            }

            return source == AlarmCodes.SourcePhase ? (uint)(sourceIndex + 1) : (uint)sourceIndex;
        }

        /// <summary>The entry's value in its quantity's scale.</summary>
        public static int Value(AlarmEntry e, MeterConfig config)
        {
            return Scaled(e.Condition, e.SourceIndex, e.Value, config);
        }

        /// <summary>The entry's threshold in its quantity's scale.</summary>
        public static int Threshold(AlarmEntry e, MeterConfig config)
        {
            return Scaled(e.Condition, e.SourceIndex, e.Threshold, config);
        }

        /// <summary>
        /// x (in AlarmCodes.Unit(condition)) in the scale of QuantityOf(condition), rounded and clamped to
        /// Integer32. A rating the configuration does not have (source gone) gives 0 mA.
        /// </summary>
        public static int Scaled(int condition, int sourceIndex, double x, MeterConfig config)
        {
            double factor;
            switch (condition)
            {
                case AlarmCodes.LoadHigh:
                case AlarmCodes.VoltageUnbalance:
                case AlarmCodes.CurrentUnbalance:
                case AlarmCodes.UnderVoltage:
                case AlarmCodes.OverVoltage:
                case AlarmCodes.PhaseLost:
                    factor = 10.0;
                    break;
                case AlarmCodes.FrequencyLow:
                case AlarmCodes.FrequencyHigh:
                    factor = 100.0;
                    break;
                case AlarmCodes.LowLoad:
                    factor = 1000.0;
                    break;
                case AlarmCodes.OverCurrent:
                    // % of the CT rating x rating [A] / 100 x 1000 mA.
                    factor = CtRating(config, sourceIndex) * 10.0;
                    break;
                case AlarmCodes.NeutralCurrent:
                    factor = BreakerRating(config, sourceIndex) * 10.0;
                    break;
                default:
                    factor = 1.0;
                    break;
            }

            return EprobeScale.Signed(x, factor, -MaxScaled, MaxScaled);
        }

        private static double CtRating(MeterConfig config, int channel)
        {
            if (config == null || channel < 1 || channel > config.Channels.Length)
            {
                return 0.0;
            }

            return config.Channels[channel - 1].CtRatedAmps;
        }

        private static double BreakerRating(MeterConfig config, int circuit)
        {
            if (config == null || circuit < 1 || circuit > config.Circuits.Length)
            {
                return 0.0;
            }

            return config.Circuits[circuit - 1].BreakerRatedAmps;
        }
    }
}
