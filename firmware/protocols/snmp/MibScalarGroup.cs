namespace Ipenergy.Probe.Protocols.Snmp
{
    /// <summary>
    /// A group of scalar objects root.s with the single instance root.s.0 (e.g. the system group). A
    /// subclass gives the constant sorted list of sub-identifiers and reads (and optionally writes) them.
    /// </summary>
    public abstract class MibScalarGroup : IMibSubtree
    {
        private readonly uint[] _root;
        private readonly uint[] _scalars;

        /// <param name="root">The group's OID.</param>
        /// <param name="scalars">Sub-identifiers of the group's objects, ascending.</param>
        protected MibScalarGroup(uint[] root, uint[] scalars)
        {
            _root = root;
            _scalars = scalars;
        }

        public uint[] Root { get { return _root; } }

        /// <summary>Nothing by default; a group over measurements takes its snapshot here.</summary>
        public virtual void BeginRequest()
        {
        }

        /// <summary>Writes the value of scalar root.<paramref name="scalar"/>.0; false when it is absent now.</summary>
        protected abstract bool Read(uint scalar, SnmpValue value);

        /// <summary>SET phase 1 for a scalar of the group; read-only by default.</summary>
        protected virtual int TestWrite(uint scalar, SnmpValue value)
        {
            return SnmpErrorStatus.NotWritable;
        }

        /// <summary>SET phase 2 for a scalar that passed <see cref="TestWrite"/>.</summary>
        protected virtual int CommitWrite(uint scalar, SnmpValue value)
        {
            return SnmpErrorStatus.CommitFailed;
        }

        public void Get(uint[] oid, int length, SnmpValue value)
        {
            int rl = _root.Length;
            if (length < rl + 1 || !Contains(oid[rl]))
            {
                value.SetException(SnmpType.NoSuchObject);
                return;
            }

            if (length != rl + 2 || oid[rl + 1] != 0 || !Read(oid[rl], value))
            {
                value.SetException(SnmpType.NoSuchInstance);
            }
        }

        public bool GetNext(uint[] oid, int length, OidBuffer next, SnmpValue value)
        {
            int position = ObjectId.Position(oid, length, _root);
            if (position == ObjectId.After)
            {
                return false;
            }

            int rl = _root.Length;
            for (int i = 0; i < _scalars.Length; i++)
            {
                uint scalar = _scalars[i];
                if (position == ObjectId.Inside && length > rl)
                {
                    // root.s.0 comes after oid when s is later, or when oid is exactly root.s.
                    if (scalar < oid[rl] || (scalar == oid[rl] && length > rl + 1))
                    {
                        continue;
                    }
                }

                if (Read(scalar, value))
                {
                    next.SetCell(_root, scalar, 0);
                    return true;
                }
            }

            return false;
        }

        public int TestSet(uint[] oid, int length, SnmpValue value)
        {
            int rl = _root.Length;
            if (length != rl + 2 || oid[rl + 1] != 0 || !Contains(oid[rl]))
            {
                return length >= rl + 1 && Contains(oid[rl]) ? SnmpErrorStatus.NoCreation : SnmpErrorStatus.NotWritable;
            }

            return TestWrite(oid[rl], value);
        }

        public int CommitSet(uint[] oid, int length, SnmpValue value)
        {
            return CommitWrite(oid[_root.Length], value);
        }

        private bool Contains(uint scalar)
        {
            for (int i = 0; i < _scalars.Length; i++)
            {
                if (_scalars[i] == scalar)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
