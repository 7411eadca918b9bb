namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// ENTITY-MIB entPhysicalTable (RFC 6933), columns entPhysicalDescr(2) .. entPhysicalUUID(19): the chassis
    /// and one sensor entity per measured quantity (<see cref="EntityList"/>). Read-only: serial number,
    /// alias, asset ID and URIs are not writable (the MIB allows it when they cannot be kept in
    /// non-volatile storage, and the configuration has no field for them). entPhysicalMfgDate is the
    /// MIB's "unknown" value '0000000000000000'H; URIs and UUID are empty (none known).
    /// </summary>
    public sealed class EntPhysicalTable : MibTable
    {
        public const uint Descr = 2;
        public const uint VendorType = 3;
        public const uint ContainedIn = 4;
        public const uint Class = 5;
        public const uint ParentRelPos = 6;
        public const uint Name = 7;
        public const uint HardwareRev = 8;
        public const uint FirmwareRev = 9;
        public const uint SoftwareRev = 10;
        public const uint SerialNum = 11;
        public const uint MfgName = 12;
        public const uint ModelName = 13;
        public const uint Alias = 14;
        public const uint AssetId = 15;
        public const uint IsFru = 16;
        public const uint MfgDate = 17;
        public const uint Uris = 18;
        public const uint Uuid = 19;

        private const int TruthTrue = 1;
        private const int TruthFalse = 2;

        private static readonly uint[] Columns = new uint[] { 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19 };
        private static readonly byte[] UnknownDate = new byte[8];

        private readonly EntityInventory _inventory;
        private EntityList _list;

        public EntPhysicalTable(EntityInventory inventory)
            : base(StandardOids.EntPhysicalEntry, Columns)
        {
            _inventory = inventory;
            _list = inventory.Current;
        }

        public override void BeginRequest()
        {
            _list = _inventory.Refresh();
        }

        protected override int RowCount { get { return _list.All.Length; } }

        protected override uint RowIndex(int row)
        {
            return _list.All[row].Index;
        }

        protected override bool ReadCell(uint column, int row, SnmpValue value)
        {
            PhysicalEntity entity = _list.All[row];
            switch (column)
            {
                case Descr:
                    value.SetText(entity.Description);
                    break;
                case VendorType:
                    value.SetOid(entity.VendorType, entity.VendorType.Length);
                    break;
                case ContainedIn:
                    value.SetInteger32(entity.ContainedIn);
                    break;
                case Class:
                    value.SetInteger32(entity.Class);
                    break;
                case ParentRelPos:
                    value.SetInteger32(entity.ParentRelPos);
                    break;
                case Name:
                    value.SetText(entity.Name);
                    break;
                case HardwareRev:
                    value.SetText(entity.HardwareRev);
                    break;
                case FirmwareRev:
                    value.SetText(entity.FirmwareRev);
                    break;
                case SerialNum:
                    value.SetText(entity.SerialNum);
                    break;
                case MfgName:
                    value.SetText(entity.MfgName);
                    break;
                case ModelName:
                    value.SetText(entity.ModelName);
                    break;
                case IsFru:
                    // The e-Probe is replaced whole; its sensors are part of it.
                    value.SetInteger32(entity.IsChassis ? TruthTrue : TruthFalse);
                    break;
                case MfgDate:
                    value.SetOctets(UnknownDate, 0, UnknownDate.Length);
                    break;
                default:
                    // SoftwareRev (the firmware is the only software), Alias, AssetID, URIs, UUID: none.
                    value.SetText("");
                    break;
            }

            return true;
        }
    }
}
