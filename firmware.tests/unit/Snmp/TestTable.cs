using Ipenergy.Probe.Protocols.Snmp;

namespace Ipenergy.Probe.Tests.Unit.Snmp
{
    /// <summary>
    /// A test table with entry enterprises.32473.99.2.1, rows with index 1, 2 and 5: column .2 Integer32
    /// (writable), .3 OCTET STRING name, .4 Gauge32 absent in row 5 (a sparse column).
    /// </summary>
    public sealed class TestTable : MibTable
    {
        public static readonly uint[] EntryOid = new uint[] { 1, 3, 6, 1, 4, 1, 32473, 99, 2, 1 };

        private static readonly uint[] Indexes = new uint[] { 1, 2, 5 };
        private static readonly string[] Names = new string[] { "L1 voltage", "L2 voltage", "Ch 7 current" };
        private readonly int[] _levels = new int[] { 10, 20, 50 };

        public TestTable()
            : base(EntryOid, new uint[] { 2, 3, 4 })
        {
        }

        public int Level(int row)
        {
            return _levels[row];
        }

        protected override int RowCount { get { return Indexes.Length; } }

        protected override uint RowIndex(int row)
        {
            return Indexes[row];
        }

        protected override bool ReadCell(uint column, int row, SnmpValue value)
        {
            if (column == 2)
            {
                value.SetInteger32(_levels[row]);
                return true;
            }

            if (column == 3)
            {
                value.SetText(Names[row]);
                return true;
            }

            if (column == 4 && Indexes[row] != 5)
            {
                value.SetGauge32((uint)(1000 * (row + 1)));
                return true;
            }

            return false;
        }

        protected override int TestWrite(uint column, int row, SnmpValue value)
        {
            if (column != 2)
            {
                return SnmpErrorStatus.NotWritable;
            }

            return value.Type == SnmpType.Integer ? SnmpErrorStatus.NoError : SnmpErrorStatus.WrongType;
        }

        protected override int CommitWrite(uint column, int row, SnmpValue value)
        {
            _levels[row] = value.Integer;
            return SnmpErrorStatus.NoError;
        }
    }
}
