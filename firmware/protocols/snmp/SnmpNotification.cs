namespace Ipenergy.Probe.Protocols.Snmp
{
    /// <summary>
    /// One notification to send, in reused buffers: the trap OID (snmpTrapOID.0) and up to
    /// <see cref="Capacity"/> varbinds. The caller keeps one instance, calls <see cref="Start"/>, fills the
    /// values <see cref="Add"/> returns, and hands it to <see cref="SnmpTrapSender.Send"/>; nothing is
    /// allocated per notification. sysUpTime.0 and snmpTrapOID.0 are added by the sender.
    /// </summary>
    public sealed class SnmpNotification
    {
        private readonly OidBuffer _trapOid = new OidBuffer();
        private readonly OidBuffer[] _names;
        private readonly SnmpValue[] _values;

        public SnmpNotification(int capacity)
        {
            _names = new OidBuffer[capacity];
            _values = new SnmpValue[capacity];
            for (int i = 0; i < capacity; i++)
            {
                _names[i] = new OidBuffer();
                _values[i] = new SnmpValue();
            }
        }

        public int Capacity { get { return _names.Length; } }

        /// <summary>The notification's OID, e.g. coldStart or an enterprise notification module.2.0.n.</summary>
        public OidBuffer TrapOid { get { return _trapOid; } }

        /// <summary>Varbinds added since <see cref="Start"/>.</summary>
        public int Count { get; private set; }

        /// <summary>Begins a new notification: this trap OID, no varbinds.</summary>
        public void Start(uint[] trapOid, int length)
        {
            _trapOid.Set(trapOid, length);
            Count = 0;
        }

        /// <summary>Adds a varbind with this name; returns its value holder to fill. Throws when full (a fixed design limit).</summary>
        public SnmpValue Add(uint[] name, int length)
        {
            if (Count >= _names.Length)
            {
                throw new System.InvalidOperationException("notification full");
            }

            _names[Count].Set(name, length);
            SnmpValue value = _values[Count];
            value.SetNull();
            Count++;
            return value;
        }

        public OidBuffer Name(int index)
        {
            return _names[index];
        }

        public SnmpValue Value(int index)
        {
            return _values[index];
        }
    }
}
