namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>ENTITY-MIB entityGeneral: entLastChangeTime(1), the sysUpTime of the last entity list change.</summary>
    public sealed class EntityGeneralGroup : MibScalarGroup
    {
        public const uint LastChangeTime = 1;

        private static readonly uint[] Scalars = new uint[] { LastChangeTime };

        private readonly EntityInventory _inventory;
        private EntityList _list;

        public EntityGeneralGroup(EntityInventory inventory)
            : base(StandardOids.EntityGeneral, Scalars)
        {
            _inventory = inventory;
            _list = inventory.Current;
        }

        public override void BeginRequest()
        {
            _list = _inventory.Refresh();
        }

        protected override bool Read(uint scalar, SnmpValue value)
        {
            value.SetTimeTicks(_list.LastChange);
            return true;
        }
    }
}
