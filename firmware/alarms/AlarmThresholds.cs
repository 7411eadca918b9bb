using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;

namespace Ipenergy.Probe.Alarms
{
    /// <summary>
    /// A rule converted into the unit of the measured value (AlarmCodes.Unit): voltage thresholds from
    /// % of the nominal voltage to volts, frequency thresholds from Hz off nominal to Hz. Refreshed
    /// every second from the live configuration (a few multiplications, no allocation).
    /// </summary>
    public sealed class AlarmThresholds
    {
        public bool Enabled;
        public bool Latching;

        /// <summary>True when the alarm is on below the threshold (AlarmCodes.IsLowSide).</summary>
        public bool LowSide;

        /// <summary>NaN = level off.</summary>
        public double Warning;
        public double Critical;
        public double Hysteresis;
        public int AssertDelayS;
        public int ClearDelayS;

        public void Update(int condition, AlarmRuleConfig rule, double nominalVoltage, double nominalFrequencyHz)
        {
            Enabled = rule.Enabled;
            Latching = rule.Latching;
            LowSide = AlarmCodes.IsLowSide(condition);
            AssertDelayS = rule.AssertDelayS;
            ClearDelayS = rule.ClearDelayS;
            switch (condition)
            {
                case AlarmCodes.UnderVoltage:
                case AlarmCodes.OverVoltage:
                case AlarmCodes.PhaseLost:
                    double volts = nominalVoltage / 100.0;
                    Warning = rule.Warning * volts;
                    Critical = rule.Critical * volts;
                    Hysteresis = rule.Hysteresis * volts;
                    break;
                case AlarmCodes.FrequencyLow:
                    Warning = nominalFrequencyHz - rule.Warning;
                    Critical = nominalFrequencyHz - rule.Critical;
                    Hysteresis = rule.Hysteresis;
                    break;
                case AlarmCodes.FrequencyHigh:
                    Warning = nominalFrequencyHz + rule.Warning;
                    Critical = nominalFrequencyHz + rule.Critical;
                    Hysteresis = rule.Hysteresis;
                    break;
                default:
                    Warning = rule.Warning;
                    Critical = rule.Critical;
                    Hysteresis = rule.Hysteresis;
                    break;
            }
        }

        /// <summary>Threshold of a level (Warning/Critical), NaN for Normal or a level that is off.</summary>
        public double Of(int level)
        {
            return level == AlarmCodes.LevelCritical ? Critical : level == AlarmCodes.LevelWarning ? Warning : double.NaN;
        }

        /// <summary>True when the value is at or beyond the first threshold met on the way to the alarm (no delay).</summary>
        public bool IsPastFirst(double value)
        {
            double first = double.IsNaN(Warning) ? Critical : Warning;
            if (!Enabled || double.IsNaN(first))
            {
                return false;
            }

            return LowSide ? value <= first : value >= first;
        }
    }
}
