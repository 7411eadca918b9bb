namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// What a sensor entity measures, and how ENTITY-SENSOR-MIB describes it: entPhySensorType, precision
    /// (scale is always units(9)) and entPhySensorUnitsDisplay. Precisions match what the meter resolves:
    /// 0.1 V, 0.01 Hz, 0.01 A, 1 W, 0.1 % of breaker.
    /// </summary>
    public static class SensorQuantity
    {
        public const int None = 0;
        public const int PhaseVoltage = 1;
        public const int PhaseFrequency = 2;
        public const int ChannelCurrent = 3;
        public const int ChannelActivePower = 4;
        public const int CircuitLoad = 5;
        public const int CircuitCurrent = 6;
        public const int CircuitActivePower = 7;

        /// <summary>EntitySensorDataType values used here.</summary>
        public const int TypeOther = 1;
        public const int TypeVoltsAc = 3;
        public const int TypeAmperes = 5;
        public const int TypeWatts = 6;
        public const int TypeHertz = 7;

        /// <summary>EntitySensorDataScale units(9): 10^0.</summary>
        public const int ScaleUnits = 9;

        /// <summary>entPhySensorValueUpdateRate: the engine publishes one snapshot a second.</summary>
        public const uint UpdateRateMs = 1000;

        // Indexed by quantity.
        private static readonly int[] Types = new int[] { 0, TypeVoltsAc, TypeHertz, TypeAmperes, TypeWatts, TypeOther, TypeAmperes, TypeWatts };
        private static readonly int[] Precisions = new int[] { 0, 1, 2, 2, 0, 1, 2, 0 };
        private static readonly string[] Units = new string[] { "", "V", "Hz", "A", "W", "%", "A", "W" };

        public static int Type(int quantity)
        {
            return Types[quantity];
        }

        public static int Precision(int quantity)
        {
            return Precisions[quantity];
        }

        public static string UnitsDisplay(int quantity)
        {
            return Units[quantity];
        }
    }
}
