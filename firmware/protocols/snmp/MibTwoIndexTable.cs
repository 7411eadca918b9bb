namespace Ipenergy.Probe.Protocols.Snmp
{
    /// <summary>
    /// A conceptual table with two integer indexes: cells entry.column.major.minor (e.g. a bus module's
    /// address and its channel). A subclass gives the constant sorted column list, the rows (count and the
    /// two indexes of each, ascending as pairs) and reads a cell. GETNEXT walks column by column, each
    /// column row by row, as RFC 3416 orders the names.
    /// </summary>
    public abstract class MibTwoIndexTable : IMibSubtree
    {
        private readonly uint[] _entry;
        private readonly uint[] _columns;

        /// <param name="entry">The table's entry OID (xxxEntry).</param>
        /// <param name="columns">Column sub-identifiers, ascending (not-accessible index columns left out).</param>
        protected MibTwoIndexTable(uint[] entry, uint[] columns)
        {
            _entry = entry;
            _columns = columns;
        }

        public uint[] Root { get { return _entry; } }

        /// <summary>Nothing by default; a table over measurements takes its rows here.</summary>
        public virtual void BeginRequest()
        {
        }

        /// <summary>Rows in the table now.</summary>
        protected abstract int RowCount { get; }

        /// <summary>First index of the row at position row (0-based).</summary>
        protected abstract uint MajorIndex(int row);

        /// <summary>Second index of the row; (major, minor) strictly ascending with row.</summary>
        protected abstract uint MinorIndex(int row);

        /// <summary>Writes the cell; false when this row has no value in this column.</summary>
        protected abstract bool ReadCell(uint column, int row, SnmpValue value);

        public void Get(uint[] oid, int length, SnmpValue value)
        {
            int rl = _entry.Length;
            if (length < rl + 1 || !HasColumn(oid[rl]))
            {
                value.SetException(SnmpType.NoSuchObject);
                return;
            }

            int row = length == rl + 3 ? FindRow(oid[rl + 1], oid[rl + 2]) : -1;
            if (row < 0 || !ReadCell(oid[rl], row, value))
            {
                value.SetException(SnmpType.NoSuchInstance);
            }
        }

        public bool GetNext(uint[] oid, int length, OidBuffer next, SnmpValue value)
        {
            int position = ObjectId.Position(oid, length, _entry);
            if (position == ObjectId.After)
            {
                return false;
            }

            int rl = _entry.Length;
            int rows = RowCount;
            for (int c = 0; c < _columns.Length; c++)
            {
                uint column = _columns[c];
                int firstRow = 0;
                if (position == ObjectId.Inside && length > rl)
                {
                    if (column < oid[rl])
                    {
                        continue;
                    }

                    if (column == oid[rl] && length > rl + 1)
                    {
                        firstRow = FirstRowAfter(oid, length, rl + 1, rows);
                    }
                }

                for (int row = firstRow; row < rows; row++)
                {
                    if (ReadCell(column, row, value))
                    {
                        next.SetCell(_entry, column, MajorIndex(row));
                        next.Arcs[next.Length++] = MinorIndex(row);
                        return true;
                    }
                }
            }

            return false;
        }

        public int TestSet(uint[] oid, int length, SnmpValue value)
        {
            int rl = _entry.Length;
            if (length < rl + 1 || !HasColumn(oid[rl]))
            {
                return SnmpErrorStatus.NotWritable;
            }

            int row = length == rl + 3 ? FindRow(oid[rl + 1], oid[rl + 2]) : -1;
            return row < 0 ? SnmpErrorStatus.NoCreation : SnmpErrorStatus.NotWritable;
        }

        public int CommitSet(uint[] oid, int length, SnmpValue value)
        {
            return SnmpErrorStatus.CommitFailed;
        }

        private bool HasColumn(uint column)
        {
            for (int i = 0; i < _columns.Length; i++)
            {
                if (_columns[i] == column)
                {
                    return true;
                }
            }

            return false;
        }

        // Position of the row (major, minor), or -1 (binary search: pairs ascend).
        private int FindRow(uint major, uint minor)
        {
            int low = 0;
            int high = RowCount - 1;
            while (low <= high)
            {
                int middle = (low + high) / 2;
                int order = CompareRow(middle, major, minor);
                if (order == 0)
                {
                    return middle;
                }

                if (order < 0)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return -1;
        }

        // First row whose name entry.column.major.minor sorts after oid, given oid's arcs from 'from' on
        // (the index part, at least one arc). A name that oid extends (oid longer) sorts before it.
        private int FirstRowAfter(uint[] oid, int length, int from, int rows)
        {
            uint major = oid[from];
            bool majorOnly = length == from + 1;
            uint minor = majorOnly ? 0 : oid[from + 1];
            int low = 0;
            int high = rows;
            while (low < high)
            {
                int middle = (low + high) / 2;
                bool after;
                uint m = MajorIndex(middle);
                if (m != major)
                {
                    after = m > major;
                }
                else
                {
                    // Same major: with oid = ...major only, every row of that major comes after it.
                    after = majorOnly || MinorIndex(middle) > minor;
                }

                if (after)
                {
                    high = middle;
                }
                else
                {
                    low = middle + 1;
                }
            }

            return low;
        }

        private int CompareRow(int row, uint major, uint minor)
        {
            uint m = MajorIndex(row);
            if (m != major)
            {
                return m < major ? -1 : 1;
            }

            uint n = MinorIndex(row);
            if (n != minor)
            {
                return n < minor ? -1 : 1;
            }

            return 0;
        }
    }
}
