namespace Ipenergy.Probe.Protocols.Snmp
{
    /// <summary>
    /// The agent's whole MIB view: subtrees sorted by root, none inside another. GET goes to the subtree
    /// whose root prefixes the name; GETNEXT walks the subtrees in order from the first that can hold a
    /// later name, so a walk visits every subtree once and ends with endOfMibView after the last.
    /// </summary>
    public sealed class MibTree
    {
        private readonly IMibSubtree[] _subtrees;

        /// <summary>Sorts a copy of the subtrees by root (start-up only). Throws when two roots overlap.</summary>
        public MibTree(IMibSubtree[] subtrees)
        {
            _subtrees = new IMibSubtree[subtrees.Length];
            for (int i = 0; i < subtrees.Length; i++)
            {
                _subtrees[i] = subtrees[i];
            }

            // Insertion sort: a handful of subtrees, once.
            for (int i = 1; i < _subtrees.Length; i++)
            {
                IMibSubtree item = _subtrees[i];
                int j = i - 1;
                while (j >= 0 && ObjectId.Compare(_subtrees[j].Root, _subtrees[j].Root.Length, item.Root, item.Root.Length) > 0)
                {
                    _subtrees[j + 1] = _subtrees[j];
                    j--;
                }

                _subtrees[j + 1] = item;
            }

            for (int i = 1; i < _subtrees.Length; i++)
            {
                uint[] previous = _subtrees[i - 1].Root;
                if (ObjectId.StartsWith(_subtrees[i].Root, _subtrees[i].Root.Length, previous))
                {
                    throw new System.ArgumentException("MIB subtrees overlap");
                }
            }
        }

        /// <summary>The subtrees in OID order.</summary>
        public int Count { get { return _subtrees.Length; } }

        public IMibSubtree this[int index] { get { return _subtrees[index]; } }

        /// <summary>Once per request, before the varbinds: every subtree takes its snapshot.</summary>
        public void BeginRequest()
        {
            for (int i = 0; i < _subtrees.Length; i++)
            {
                _subtrees[i].BeginRequest();
            }
        }

        /// <summary>The subtree under which oid lies, or null (then GET answers noSuchObject).</summary>
        public IMibSubtree Find(uint[] oid, int length)
        {
            for (int i = 0; i < _subtrees.Length; i++)
            {
                if (ObjectId.StartsWith(oid, length, _subtrees[i].Root))
                {
                    return _subtrees[i];
                }
            }

            return null;
        }

        public void Get(uint[] oid, int length, SnmpValue value)
        {
            IMibSubtree subtree = Find(oid, length);
            if (subtree == null)
            {
                value.SetException(SnmpType.NoSuchObject);
                return;
            }

            subtree.Get(oid, length, value);
        }

        /// <summary>The next instance after oid in the whole view; false at the end of the view.</summary>
        public bool GetNext(uint[] oid, int length, OidBuffer next, SnmpValue value)
        {
            for (int i = 0; i < _subtrees.Length; i++)
            {
                if (ObjectId.Position(oid, length, _subtrees[i].Root) == ObjectId.After)
                {
                    continue;
                }

                if (_subtrees[i].GetNext(oid, length, next, value))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
