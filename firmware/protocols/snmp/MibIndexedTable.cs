namespace Ipenergy.Probe.Protocols.Snmp
{
    /// <summary>
    /// A conceptual table whose rows are named by a fixed number of integer index arcs: cells
    /// entry.column.i1...in. A subclass gives the constant sorted column list, the rows (count and the index
    /// arcs of each, ascending as tuples) and reads a cell. GETNEXT walks column by column, each column row by
    /// row, as RFC 3416 orders the names. <see cref="MibTable"/> (one index) and <see cref="MibTwoIndexTable"/>
    /// (two) are the shapes the MIB uses.
    /// </summary>
    public abstract class MibIndexedTable : IMibSubtree
    {
        private readonly uint[] _entry;
        private readonly uint[] _columns;
        private readonly int _indexArcs;

        /// <param name="entry">The table's entry OID (xxxEntry).</param>
        /// <param name="columns">Column sub-identifiers, ascending (not-accessible index columns left out).</param>
        /// <param name="indexArcs">Arcs naming a row (1 or more).</param>
        protected MibIndexedTable(uint[] entry, uint[] columns, int indexArcs)
        {
            _entry = entry;
            _columns = columns;
            _indexArcs = indexArcs;
        }

        public uint[] Root { get { return _entry; } }

        /// <summary>Nothing by default; a table over measurements takes its snapshot here.</summary>
        public virtual void BeginRequest()
        {
        }

        /// <summary>Rows in the table now (from the snapshot taken in <see cref="BeginRequest"/>).</summary>
        protected abstract int RowCount { get; }

        /// <summary>Index arc number arc (0-based) of the row at position row; rows ascend as index tuples.</summary>
        protected abstract uint IndexArc(int row, int arc);

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

            int row = FindRow(oid, length);
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
                        next.SetCell(_entry, column, IndexArc(row, 0));
                        for (int arc = 1; arc < _indexArcs; arc++)
                        {
                            next.Arcs[next.Length++] = IndexArc(row, arc);
                        }

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

            int row = FindRow(oid, length);
            if (row < 0)
            {
                return SnmpErrorStatus.NoCreation;
            }

            return TestWrite(oid[rl], row, value);
        }

        public int CommitSet(uint[] oid, int length, SnmpValue value)
        {
            return CommitWrite(oid[_entry.Length], FindRow(oid, length), value);
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

        // Position of the row named by oid's index arcs (exactly _indexArcs of them after the column), or -1.
        // Binary search: rows ascend as tuples.
        private int FindRow(uint[] oid, int length)
        {
            int from = _entry.Length + 1;
            if (length != from + _indexArcs)
            {
                return -1;
            }

            int low = 0;
            int high = RowCount - 1;
            while (low <= high)
            {
                int middle = (low + high) / 2;
                int order = CompareRow(middle, oid, from, _indexArcs);
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

        // First row whose name entry.column.index sorts after oid, given oid's arcs from 'from' on (the index
        // part, at least one arc). A row that oid extends (oid longer) sorts before it; a row that extends oid
        // (oid shorter than the index) sorts after it.
        private int FirstRowAfter(uint[] oid, int length, int from, int rows)
        {
            int given = length - from;
            int compared = given < _indexArcs ? given : _indexArcs;
            bool rowLonger = given < _indexArcs;
            int low = 0;
            int high = rows;
            while (low < high)
            {
                int middle = (low + high) / 2;
                int order = CompareRow(middle, oid, from, compared);
                bool after = order > 0 || (order == 0 && rowLonger);
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

        // Sign of (row's first 'arcs' index arcs) compared with oid[from .. from + arcs - 1].
        private int CompareRow(int row, uint[] oid, int from, int arcs)
        {
            for (int arc = 0; arc < arcs; arc++)
            {
                uint mine = IndexArc(row, arc);
                uint theirs = oid[from + arc];
                if (mine != theirs)
                {
                    return mine < theirs ? -1 : 1;
                }
            }

            return 0;
        }
    }
}
