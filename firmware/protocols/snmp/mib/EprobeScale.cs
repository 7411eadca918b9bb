namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// Measured doubles to the MIB's scaled integers: value × factor rounded half away from zero (the same
    /// on device and host, unlike Math.Round's ties-to-even), clamped to the SMI type's range; NaN gives 0.
    /// </summary>
    public static class EprobeScale
    {
        private const double MaxUnsigned = 4294967295.0;

        /// <summary>Rounded value × factor for Gauge32/Unsigned32: 0 .. 2^32 − 1.</summary>
        public static uint Unsigned(double value, double factor)
        {
            double scaled = RoundHalfAway(value * factor);
            if (!(scaled > 0.0))
            {
                return 0;
            }

            return scaled >= MaxUnsigned ? uint.MaxValue : (uint)scaled;
        }

        /// <summary>Rounded value × factor for Integer32, clamped to min .. max.</summary>
        public static int Signed(double value, double factor, int min, int max)
        {
            double scaled = RoundHalfAway(value * factor);
            if (double.IsNaN(scaled))
            {
                return min > 0 ? min : (max < 0 ? max : 0);
            }

            if (scaled <= min)
            {
                return min;
            }

            return scaled >= max ? max : (int)scaled;
        }

        /// <summary>Whole watt-hours (or var-hours) of a milli register: never negative, truncated so a
        /// counter only steps up once a whole unit is complete.</summary>
        public static ulong WholeUnits(long milli)
        {
            return milli > 0 ? (ulong)(milli / 1000) : 0UL;
        }

        /// <summary>Tenths of a degree in −1799 .. 1800 (a rounded −179.96° is 180.0°, not −180.0°).</summary>
        public static int Angle(double degrees)
        {
            int tenths = Signed(degrees, 10.0, -3600, 3600);
            while (tenths <= -1800)
            {
                tenths += 3600;
            }

            while (tenths > 1800)
            {
                tenths -= 3600;
            }

            return tenths;
        }

        private static double RoundHalfAway(double x)
        {
            return x < 0.0 ? -System.Math.Floor(-x + 0.5) : System.Math.Floor(x + 0.5);
        }
    }
}
