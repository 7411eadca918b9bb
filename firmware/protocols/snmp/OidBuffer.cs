namespace Ipenergy.Probe.Protocols.Snmp
{
    /// <summary>A reusable OID: <see cref="ObjectId.MaxArcs"/> arcs and the count in use.</summary>
    public sealed class OidBuffer
    {
        public OidBuffer()
        {
            Arcs = new uint[ObjectId.MaxArcs];
        }

        public uint[] Arcs { get; private set; }

        public int Length { get; set; }

        /// <summary>Copies the first length arcs of source.</summary>
        public void Set(uint[] source, int length)
        {
            for (int i = 0; i < length; i++)
            {
                Arcs[i] = source[i];
            }

            Length = length;
        }

        /// <summary>Sets prefix.column.index: a table cell, or prefix.sub.0 for a scalar (index 0).</summary>
        public void SetCell(uint[] prefix, uint column, uint index)
        {
            Set(prefix, prefix.Length);
            Arcs[Length++] = column;
            Arcs[Length++] = index;
        }
    }
}
