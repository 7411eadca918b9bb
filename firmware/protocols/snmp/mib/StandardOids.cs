namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>Roots of the standard (IETF) subtrees the e-Probe serves; none lies inside another.</summary>
    public static class StandardOids
    {
        /// <summary>SNMPv2-MIB system group (RFC 3418), scalars 1..7 (sysORTable left out: see SystemGroup).</summary>
        public static readonly uint[] System = new uint[] { 1, 3, 6, 1, 2, 1, 1 };

        /// <summary>SNMPv2-MIB snmp group (RFC 3418, with the MIB-II counters of RFC 1213).</summary>
        public static readonly uint[] Snmp = new uint[] { 1, 3, 6, 1, 2, 1, 11 };

        /// <summary>ENTITY-MIB entPhysicalEntry (RFC 6933): entPhysicalTable.1.</summary>
        public static readonly uint[] EntPhysicalEntry = new uint[] { 1, 3, 6, 1, 2, 1, 47, 1, 1, 1, 1 };

        /// <summary>ENTITY-MIB entityGeneral (entLastChangeTime = .1).</summary>
        public static readonly uint[] EntityGeneral = new uint[] { 1, 3, 6, 1, 2, 1, 47, 1, 4 };

        /// <summary>ENTITY-SENSOR-MIB entPhySensorEntry (RFC 3433): entPhySensorTable.1.</summary>
        public static readonly uint[] EntPhySensorEntry = new uint[] { 1, 3, 6, 1, 2, 1, 99, 1, 1, 1 };

        /// <summary>zeroDotZero (SNMPv2-SMI): "no vendor type" for entPhysicalVendorType.</summary>
        public static readonly uint[] ZeroDotZero = new uint[] { 0, 0 };
    }
}
