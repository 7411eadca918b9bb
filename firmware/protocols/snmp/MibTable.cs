namespace Ipenergy.Probe.Protocols.Snmp
{
    /// <summary>
    /// A conceptual table with one integer index: cells entry.column.index (the walk is
    /// <see cref="MibIndexedTable"/>'s). A subclass gives the ascending index of each row.
    /// </summary>
    public abstract class MibTable : MibIndexedTable
    {
        /// <param name="entry">The table's entry OID (xxxEntry).</param>
        /// <param name="columns">Column sub-identifiers, ascending (not-accessible index columns left out).</param>
        protected MibTable(uint[] entry, uint[] columns)
            : base(entry, columns, 1)
        {
        }

        /// <summary>Index of the row at position row (0-based); strictly ascending with row.</summary>
        protected abstract uint RowIndex(int row);

        protected override uint IndexArc(int row, int arc)
        {
            return RowIndex(row);
        }
    }
}
