using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Config
{
    /// <summary>
    /// Threshold rules (one per AlarmCodes condition), the storm guard and the syslog destination.
    /// Defaults suit a 230/400 V 50 Hz data centre: breaker load warning 80 %, critical 90 %;
    /// voltage ±10 % / ±15 % (EN 50160); frequency ±0.5 / ±1 Hz; voltage unbalance 2 % / 3 %; a bus module
    /// offline (3 missed polls) critical.
    /// </summary>
    public sealed class AlarmConfig
    {
        public const int MinStormEventsPerMinute = 1;
        public const int MaxStormEventsPerMinute = 60;

        /// <summary>Longest assertion or clear delay, seconds.</summary>
        public const int MaxDelayS = 3600;

        /// <summary>Missed polls after which the gateway marks a module offline: the lowest moduleOffline threshold.</summary>
        public const double ModuleOfflineMinPolls = 3.0;

        public AlarmConfig()
        {
            Rules = new AlarmRuleConfig[AlarmCodes.ConditionCount];
            Rules[AlarmCodes.LoadHigh] = new AlarmRuleConfig(true, 80.0, 90.0, 5.0, 5, 10);
            Rules[AlarmCodes.OverCurrent] = new AlarmRuleConfig(true, 100.0, 120.0, 5.0, 5, 10);
            Rules[AlarmCodes.LowLoad] = new AlarmRuleConfig(true, 0.2, double.NaN, 0.1, 10, 10);
            Rules[AlarmCodes.UnderVoltage] = new AlarmRuleConfig(true, 90.0, 85.0, 1.0, 5, 10);
            Rules[AlarmCodes.OverVoltage] = new AlarmRuleConfig(true, 110.0, 115.0, 1.0, 5, 10);
            Rules[AlarmCodes.PhaseLost] = new AlarmRuleConfig(true, double.NaN, 50.0, 5.0, 1, 5);
            Rules[AlarmCodes.FrequencyLow] = new AlarmRuleConfig(true, 0.5, 1.0, 0.05, 5, 10);
            Rules[AlarmCodes.FrequencyHigh] = new AlarmRuleConfig(true, 0.5, 1.0, 0.05, 5, 10);
            Rules[AlarmCodes.VoltageUnbalance] = new AlarmRuleConfig(true, 2.0, 3.0, 0.5, 10, 10);
            Rules[AlarmCodes.CurrentUnbalance] = new AlarmRuleConfig(true, 20.0, 40.0, 5.0, 10, 10);
            Rules[AlarmCodes.NeutralCurrent] = new AlarmRuleConfig(true, 80.0, 100.0, 5.0, 10, 10);

            // A silent module is a blind part of the switchboard: critical at once once the gateway has
            // marked it offline (3 missed polls are the delay), cleared at its first answer.
            Rules[AlarmCodes.ModuleOffline] = new AlarmRuleConfig(true, double.NaN, ModuleOfflineMinPolls, 0.0, 0, 0);
            StormMaxEventsPerMinute = 6;
            Syslog = "";
        }

        /// <summary>Indexed by AlarmCodes condition; always ConditionCount long.</summary>
        public AlarmRuleConfig[] Rules { get; private set; }

        /// <summary>Most events one alarm (one source and condition) may emit per minute; beyond, they are held back.</summary>
        public int StormMaxEventsPerMinute { get; set; }

        /// <summary>Syslog server "host" or "host:port" (UDP, RFC 5424; port 514 by default); empty = off.</summary>
        public string Syslog { get; set; }

        /// <summary>
        /// True when, in the RULE's unit, the critical threshold lies below the warning one. Same as
        /// AlarmCodes.IsLowSide except frequencyLow: its thresholds are Hz below nominal, so they
        /// grow toward the alarm even though the frequency itself falls.
        /// </summary>
        public static bool RuleDescends(int condition)
        {
            return AlarmCodes.IsLowSide(condition) && condition != AlarmCodes.FrequencyLow;
        }

        public AlarmConfig Clone()
        {
            AlarmConfig copy = new AlarmConfig();
            for (int i = 0; i < Rules.Length; i++)
            {
                copy.Rules[i] = Rules[i].Clone();
            }

            copy.StormMaxEventsPerMinute = StormMaxEventsPerMinute;
            copy.Syslog = Syslog;
            return copy;
        }
    }
}
