namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// Where the e-Probe's own objects live. The enterprise is 32473, the documentation number of RFC 5612:
    /// when IPenergy's own private enterprise number is used, <see cref="Enterprise"/> is the one constant to
    /// change (and the MIB file's MODULE-IDENTITY with it).
    /// </summary>
    public static class EprobeOids
    {
        /// <summary>enterprises.N (1.3.6.1.4.1.N).</summary>
        public const uint Enterprise = 32473;

        /// <summary>IPENERGY-EPROBE-MIB::ipenergyEprobeMIB = enterprises.N.1 (the module identity).</summary>
        public static readonly uint[] Module = new uint[] { 1, 3, 6, 1, 4, 1, Enterprise, 1 };

        /// <summary>Objects (tables, device and configuration groups) = module.1.</summary>
        public static readonly uint[] Objects = ObjectId.Append(Module, 1);

        /// <summary>Notifications = module.2 (notification OIDs are module.2.0.n, SMIv1-translatable).</summary>
        public static readonly uint[] Notifications = ObjectId.Append(Module, 2);

        /// <summary>Conformance (groups, compliances) = module.3.</summary>
        public static readonly uint[] Conformance = ObjectId.Append(Module, 3);

        /// <summary>Products (sysObjectID values) = module.4.</summary>
        public static readonly uint[] Products = ObjectId.Append(Module, 4);

        /// <summary>sysObjectID of an MPP3 = products.1.</summary>
        public static readonly uint[] ProductMpp3 = ObjectId.Append(Products, 1);

        /// <summary>sysObjectID of an MPP18 = products.2.</summary>
        public static readonly uint[] ProductMpp18 = ObjectId.Append(Products, 2);
    }
}
