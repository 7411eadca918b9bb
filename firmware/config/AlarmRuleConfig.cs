namespace Ipenergy.Probe.Config
{
    /// <summary>
    /// One threshold rule, applied to every source of its condition's kind (all circuits, all phases...).
    /// Thresholds are in the rule's unit (see Common.AlarmCodes); double.NaN switches that level off
    /// (JSON null). For a "high" condition critical ≥ warning, for a "low" one critical ≤ warning.
    /// </summary>
    public sealed class AlarmRuleConfig
    {
        public AlarmRuleConfig(bool enabled, double warning, double critical, double hysteresis, int assertDelayS, int clearDelayS)
        {
            Enabled = enabled;
            Warning = warning;
            Critical = critical;
            Hysteresis = hysteresis;
            AssertDelayS = assertDelayS;
            ClearDelayS = clearDelayS;
            Latching = false;
        }

        public bool Enabled { get; set; }

        /// <summary>Warning threshold, or NaN for none.</summary>
        public double Warning { get; set; }

        /// <summary>Critical threshold, or NaN for none.</summary>
        public double Critical { get; set; }

        /// <summary>How far back past a threshold the value must go before that level drops (same unit, ≥ 0).</summary>
        public double Hysteresis { get; set; }

        /// <summary>Seconds the value must stay past a threshold before the level is raised (0 = at once).</summary>
        public int AssertDelayS { get; set; }

        /// <summary>Seconds the value must stay back inside before the level drops.</summary>
        public int ClearDelayS { get; set; }

        /// <summary>True: the alarm stays active, once the value is back, until a user acknowledges it.</summary>
        public bool Latching { get; set; }

        public AlarmRuleConfig Clone()
        {
            AlarmRuleConfig copy = new AlarmRuleConfig(Enabled, Warning, Critical, Hysteresis, AssertDelayS, ClearDelayS);
            copy.Latching = Latching;
            return copy;
        }
    }
}
