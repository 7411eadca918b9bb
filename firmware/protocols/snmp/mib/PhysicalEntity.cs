namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// One row of entPhysicalTable, its text built once when the entity list is (re)built so a GET only
    /// copies it. Sensors also say which measured value they read (<see cref="Quantity"/>, <see cref="Source"/>).
    /// </summary>
    public sealed class PhysicalEntity
    {
        /// <summary>IANAPhysicalClass values used here.</summary>
        public const int ClassChassis = 3;
        public const int ClassSensor = 8;

        public PhysicalEntity(uint index, int physicalClass, string name, int quantity, int source)
        {
            Index = index;
            Class = physicalClass;
            Name = name;
            Description = name;
            Quantity = quantity;
            Source = source;
            HardwareRev = "";
            FirmwareRev = "";
            SerialNum = "";
            MfgName = "";
            ModelName = "";
            VendorType = StandardOids.ZeroDotZero;
        }

        /// <summary>entPhysicalIndex (EntityIndexScheme).</summary>
        public uint Index { get; private set; }

        /// <summary>entPhysicalClass: chassis(3) or sensor(8).</summary>
        public int Class { get; private set; }

        public string Name { get; private set; }

        public string Description { get; set; }

        public string HardwareRev { get; set; }

        public string FirmwareRev { get; set; }

        public string SerialNum { get; set; }

        public string MfgName { get; set; }

        public string ModelName { get; set; }

        /// <summary>entPhysicalVendorType: the product OID for the chassis, zeroDotZero otherwise.</summary>
        public uint[] VendorType { get; set; }

        /// <summary>SensorQuantity; None for the chassis.</summary>
        public int Quantity { get; private set; }

        /// <summary>0-based phase, channel or circuit position in the snapshot the sensor reads.</summary>
        public int Source { get; private set; }

        public bool IsChassis { get { return Class == ClassChassis; } }

        /// <summary>entPhysicalContainedIn: sensors are in the chassis; the chassis in nothing.</summary>
        public int ContainedIn { get { return IsChassis ? 0 : (int)EntityIndexScheme.Chassis; } }

        /// <summary>
        /// entPhysicalParentRelPos: -1 for the chassis (contained in nothing); for a sensor its own index,
        /// a sparse but stable order among the chassis' sensors (RFC 6933 allows sparse orders).
        /// </summary>
        public int ParentRelPos { get { return IsChassis ? -1 : (int)Index; } }

        /// <summary>True when every column of the row is the same (then entLastChangeTime does not move).</summary>
        public bool SameAs(PhysicalEntity other)
        {
            return other != null && Index == other.Index && Class == other.Class && Name == other.Name
                && Description == other.Description && HardwareRev == other.HardwareRev
                && FirmwareRev == other.FirmwareRev && SerialNum == other.SerialNum && MfgName == other.MfgName
                && ModelName == other.ModelName && VendorType == other.VendorType && Quantity == other.Quantity
                && Source == other.Source;
        }
    }
}
