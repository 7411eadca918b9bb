namespace Ipenergy.Probe.Protocols.Snmp
{
    /// <summary>
    /// A conceptual table with two integer indexes: cells entry.column.major.minor (e.g. a bus module's address
    /// and its channel; the walk is <see cref="MibIndexedTable"/>'s). A subclass gives both indexes of each row.
    /// </summary>
    public abstract class MibTwoIndexTable : MibIndexedTable
    {
        /// <param name="entry">The table's entry OID (xxxEntry).</param>
        /// <param name="columns">Column sub-identifiers, ascending (not-accessible index columns left out).</param>
        protected MibTwoIndexTable(uint[] entry, uint[] columns)
            : base(entry, columns, 2)
        {
        }

        /// <summary>First index of the row at position row (0-based).</summary>
        protected abstract uint MajorIndex(int row);

        /// <summary>Second index of the row; (major, minor) strictly ascending with row.</summary>
        protected abstract uint MinorIndex(int row);

        protected override uint IndexArc(int row, int arc)
        {
            return arc == 0 ? MajorIndex(row) : MinorIndex(row);
        }
    }
}
