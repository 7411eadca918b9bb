namespace Ipenergy.Probe.Protocols.Snmp
{
    /// <summary>
    /// A conceptual table with one integer index: cells entry.column.index. A subclass gives the constant
    /// sorted column list, the rows (count and ascending index of each) and reads a cell. GETNEXT walks
    /// column by column, each column row by row, as RFC 3416 orders the names.
    /// </summary>
    public abstract class MibTable : IMibSubtree
    {
        private readonly uint[] _entry;
        private readonly uint[] _columns;

        /// <param name="entry">The table's entry OID (xxxEntry).</param>
        /// <param name="columns">Column sub-identifiers, ascending (not-accessible index columns left out).</param>
        protected MibTable(uint[] entry, uint[] columns)
        {
            _entry = entry;
            _columns = columns;
        }

        public uint[] Root { get { return _entry; } }

        /// <summary>Nothing by default; a table over measurements takes its snapshot here.</summary>
        public virtual void BeginRequest()
        {
        }

        /// <summary>Rows in the table now (from the snapshot taken in <see cref="BeginRequest"/>).</summary>
        protected abstract int RowCount { get; }

        /// <summary>Index of the row at position row (0-based); strictly ascending with row.</summary>
        protected abstract uint RowIndex(int row);

        /// <summary>Writes the cell; false when this row has no value in this column (sparse tables).</summary>
        protected abstract bool ReadCell(uint column, int row, SnmpValue value);

        /// <summary>SET phase 1 for an existing cell; read-only by default.</summary>
        protected virtual int TestWrite(uint column, int row, SnmpValue value)
        {
            return SnmpErrorStatus.NotWritable;
        }

        /// <summary>SET phase 2 for a cell that passed <see cref="TestWrite"/>.</summary>
        protected virtual int CommitWrite(uint column, int row, SnmpValue value)
        {
            return SnmpErrorStatus.CommitFailed;
        }

        public void Get(uint[] oid, int length, SnmpValue value)
        {
            int rl = _entry.Length;
            if (length < rl + 1 || !HasColumn(oid[rl]))
            {
                value.SetException(SnmpType.NoSuchObject);
                return;
            }

            int row = length == rl + 2 ? FindRow(oid[rl + 1]) : -1;
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
                        // entry.column.i comes after oid when i > oid's index arc (longer names sort after).
                        firstRow = FirstRowAfter(oid[rl + 1], rows);
                    }
                }

                for (int row = firstRow; row < rows; row++)
                {
                    if (ReadCell(column, row, value))
                    {
                        next.SetCell(_entry, column, RowIndex(row));
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

            int row = length == rl + 2 ? FindRow(oid[rl + 1]) : -1;
            if (row < 0)
            {
                return SnmpErrorStatus.NoCreation;
            }

            return TestWrite(oid[rl], row, value);
        }

        public int CommitSet(uint[] oid, int length, SnmpValue value)
        {
            int rl = _entry.Length;
            return CommitWrite(oid[rl], FindRow(oid[rl + 1]), value);
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

        // Position of the row with this index, or -1 (binary search: indices ascend).
        private int FindRow(uint index)
        {
            int low = 0;
            int high = RowCount - 1;
            while (low <= high)
            {
                int middle = (low + high) / 2;
                uint at = RowIndex(middle);
                if (at == index)
                {
                    return middle;
                }

                if (at < index)
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

        // First row whose index is greater than index.
        private int FirstRowAfter(uint index, int rows)
        {
            int low = 0;
            int high = rows;
            while (low < high)
            {
                int middle = (low + high) / 2;
                if (RowIndex(middle) <= index)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low;
        }
    }
}
