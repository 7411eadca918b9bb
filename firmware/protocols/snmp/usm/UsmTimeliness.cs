namespace Ipenergy.Probe.Protocols.Snmp.Usm
{
    /// <summary>
    /// RFC 3414 3.2 step 7a: is an authenticated message addressed to this (authoritative) engine inside the time
    /// window? Outside when the local boots is latched at 2147483647, when the message's boots differs, or when
    /// its time is more than 150 s away from the local time (either side). The caller then counts
    /// usmStatsNotInTimeWindows and answers with a report (authenticated, carrying the local boots and time).
    /// Pure arithmetic: no exceptions, no allocation.
    /// </summary>
    public static class UsmTimeliness
    {
        public const int InTimeWindow = 0;
        public const int NotInTimeWindow = 1;

        /// <summary>RFC 3414 3.2 7a: the window is 150 seconds either side.</summary>
        public const int WindowSeconds = 150;

        /// <summary>Checks the message's (msgAuthoritativeEngineBoots, msgAuthoritativeEngineTime) against the local pair.</summary>
        public static int Check(int localBoots, int localTime, int messageBoots, int messageTime)
        {
            if (localBoots == SnmpEngineClock.MaxBoots || messageBoots != localBoots)
            {
                return NotInTimeWindow;
            }

            if (messageTime < 0)
            {
                // Outside the INTEGER (0..2147483647) the field is declared with.
                return NotInTimeWindow;
            }

            // long: the difference of two int32 can overflow int.
            long difference = (long)messageTime - localTime;
            if (difference > WindowSeconds || difference < -WindowSeconds)
            {
                return NotInTimeWindow;
            }

            return InTimeWindow;
        }

        /// <summary>Against the engine clock's current pair (Update it first).</summary>
        public static int Check(SnmpEngineClock clock, int messageBoots, int messageTime)
        {
            return Check(clock.Boots, clock.Time, messageBoots, messageTime);
        }
    }
}
