namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// EntitySensorValue (RFC 3433): a reading as a fixed-point Integer32 with precision decimals.
    /// Rounded half away from zero (230.15 V at precision 1 is whatever the double nearest 2301.5 rounds
    /// to; -0.5 W gives -1); beyond ±999 999 999 the MIB's overflow (+1 000 000 000) and underflow
    /// (-1 000 000 000) markers.
    /// </summary>
    public static class SensorValue
    {
        public const int Overflow = 1000000000;
        public const int Underflow = -1000000000;

        private static readonly double[] Factors = new double[] { 1.0, 10.0, 100.0, 1000.0 };

        /// <summary>The reading scaled by 10^precision (precision 0..3); NaN gives 0.</summary>
        public static int Scale(double reading, int precision)
        {
            if (double.IsNaN(reading))
            {
                return 0;
            }

            double scaled = reading * Factors[precision];
            if (scaled >= 999999999.5)
            {
                return Overflow;
            }

            if (scaled <= -999999999.5)
            {
                return Underflow;
            }

            return (int)(scaled >= 0 ? scaled + 0.5 : scaled - 0.5);
        }
    }
}
