using Ipenergy.Probe.Config;
using Ipenergy.Probe.Protocols.Snmp;
using Ipenergy.Probe.Protocols.Snmp.Mib;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Snmp
{
    /// <summary>ENTITY-MIB entPhysicalTable and entLastChangeTime over the fixture's configuration.</summary>
    [TestClass]
    public class StandardMibEntityTests
    {
        private static readonly uint[] LastChangeTime = new uint[] { 1, 3, 6, 1, 2, 1, 47, 1, 4, 1, 0 };

        /// <summary>Chassis, L1-L3 voltage/frequency, channels 1-6 current/power, circuits 1-2 load/current/power.</summary>
        public static readonly uint[] Indices = new uint[]
        {
            1, 111, 112, 121, 122, 131, 132,
            1011, 1012, 1021, 1022, 1031, 1032, 1041, 1042, 1051, 1052, 1061, 1062,
            2011, 2012, 2013, 2021, 2022, 2023,
        };

        private static uint[] Cell(uint column, uint index)
        {
            return StandardMibFixture.Cell(StandardOids.EntPhysicalEntry, column, index);
        }

        private static string Column(StandardMibFixture f, uint column, uint index)
        {
            f.Get(Cell(column, index));
            return f.Text();
        }

        private static int IntegerColumn(StandardMibFixture f, uint column, uint index)
        {
            SnmpValue v = f.Get(Cell(column, index));
            Assert.AreEqual((int)SnmpType.Integer, (int)v.Type, "column " + column.ToString());
            return v.Integer;
        }

        [TestMethod]
        public void RowsComeInIndexOrderColumnByColumn()
        {
            StandardMibFixture f = new StandardMibFixture();
            uint[] cursor = Cell(EntPhysicalTable.Descr, 0);
            int length = cursor.Length;
            for (int i = 0; i < Indices.Length; i++)
            {
                Assert.IsTrue(f.GetNext(cursor, length));
                Assert.AreEqual(StandardOids.EntPhysicalEntry.Length + 2, f.Next.Length);
                Assert.AreEqual(EntPhysicalTable.Descr, f.Next.Arcs[11], "column");
                Assert.AreEqual(Indices[i], f.Next.Arcs[12], "row " + i.ToString());
                cursor = new uint[] { 1, 3, 6, 1, 2, 1, 47, 1, 1, 1, 1, f.Next.Arcs[11], f.Next.Arcs[12] };
            }

            Assert.IsTrue(f.GetNext(cursor, length));
            Assert.AreEqual(EntPhysicalTable.VendorType, f.Next.Arcs[11], "next column after the last row");
            Assert.AreEqual(1u, f.Next.Arcs[12]);

            // Past the last cell of the table comes entLastChangeTime.
            Assert.IsTrue(f.GetNext(Cell(EntPhysicalTable.Uuid, 2023), length));
            Assert.AreEqual(0, ObjectId.Compare(LastChangeTime, LastChangeTime.Length, f.Next.Arcs, f.Next.Length));
        }

        [TestMethod]
        public void ChassisRowEveryColumn()
        {
            StandardMibFixture f = new StandardMibFixture();
            Assert.AreEqual("IPenergy Modul'Power e-Probe MPP18", Column(f, EntPhysicalTable.Descr, 1));
            SnmpValue v = f.Get(Cell(EntPhysicalTable.VendorType, 1));
            Assert.AreEqual((int)SnmpType.ObjectIdentifier, (int)v.Type);
            Assert.AreEqual(0, ObjectId.Compare(EprobeOids.ProductMpp18, EprobeOids.ProductMpp18.Length, v.Oid.Arcs, v.Oid.Length));
            Assert.AreEqual(0, IntegerColumn(f, EntPhysicalTable.ContainedIn, 1));
            Assert.AreEqual(3, IntegerColumn(f, EntPhysicalTable.Class, 1), "chassis(3)");
            Assert.AreEqual(-1, IntegerColumn(f, EntPhysicalTable.ParentRelPos, 1));
            Assert.AreEqual("e-Probe MPP18", Column(f, EntPhysicalTable.Name, 1));
            Assert.AreEqual("rev B", Column(f, EntPhysicalTable.HardwareRev, 1));
            Assert.AreEqual("0.5.0", Column(f, EntPhysicalTable.FirmwareRev, 1));
            Assert.AreEqual("", Column(f, EntPhysicalTable.SoftwareRev, 1));
            Assert.AreEqual("EP18-000042", Column(f, EntPhysicalTable.SerialNum, 1));
            Assert.AreEqual("IPenergy", Column(f, EntPhysicalTable.MfgName, 1));
            Assert.AreEqual("MPP18", Column(f, EntPhysicalTable.ModelName, 1));
            Assert.AreEqual("", Column(f, EntPhysicalTable.Alias, 1));
            Assert.AreEqual("", Column(f, EntPhysicalTable.AssetId, 1));
            Assert.AreEqual(1, IntegerColumn(f, EntPhysicalTable.IsFru, 1), "true(1)");
            v = f.Get(Cell(EntPhysicalTable.MfgDate, 1));
            Assert.AreEqual((int)SnmpType.OctetString, (int)v.Type);
            Assert.AreEqual(8, v.OctetLength, "DateAndTime '0000000000000000'H = unknown");
            for (int i = 0; i < 8; i++)
            {
                Assert.AreEqual((byte)0, v.Octets[i]);
            }

            Assert.AreEqual("", Column(f, EntPhysicalTable.Uris, 1));
            Assert.AreEqual("", Column(f, EntPhysicalTable.Uuid, 1));
        }

        [TestMethod]
        public void SensorRowEveryColumn()
        {
            StandardMibFixture f = new StandardMibFixture();
            Assert.AreEqual("Ch 6 current (UPS-2 in, rack B12)", Column(f, EntPhysicalTable.Descr, 1061));
            SnmpValue v = f.Get(Cell(EntPhysicalTable.VendorType, 1061));
            Assert.AreEqual(0, ObjectId.Compare(StandardOids.ZeroDotZero, 2, v.Oid.Arcs, v.Oid.Length), "zeroDotZero");
            Assert.AreEqual(1, IntegerColumn(f, EntPhysicalTable.ContainedIn, 1061), "in the chassis");
            Assert.AreEqual(8, IntegerColumn(f, EntPhysicalTable.Class, 1061), "sensor(8)");
            Assert.AreEqual(1061, IntegerColumn(f, EntPhysicalTable.ParentRelPos, 1061));
            Assert.AreEqual("Ch 6 current (UPS-2 in, rack B12)", Column(f, EntPhysicalTable.Name, 1061));
            uint[] empty = new uint[] { 8, 9, 10, 11, 12, 13, 14, 15, 18, 19 };
            for (int i = 0; i < empty.Length; i++)
            {
                Assert.AreEqual("", Column(f, empty[i], 1061), "column " + empty[i].ToString());
            }

            Assert.AreEqual(2, IntegerColumn(f, EntPhysicalTable.IsFru, 1061), "false(2)");
            Assert.AreEqual(8, f.Get(Cell(EntPhysicalTable.MfgDate, 1061)).OctetLength);
        }

        [TestMethod]
        public void NamesAPersonUnderstands()
        {
            StandardMibFixture f = new StandardMibFixture();
            Assert.AreEqual("L1 voltage", Column(f, EntPhysicalTable.Name, 111));
            Assert.AreEqual("L1 frequency", Column(f, EntPhysicalTable.Name, 112));
            Assert.AreEqual("L3 voltage", Column(f, EntPhysicalTable.Name, 131));
            Assert.AreEqual("Ch 1 current", Column(f, EntPhysicalTable.Name, 1011));
            Assert.AreEqual("Ch 4 active power (rack A03)", Column(f, EntPhysicalTable.Name, 1042));
            Assert.AreEqual("Ch 5 current (Chiller)", Column(f, EntPhysicalTable.Name, 1051));
            Assert.AreEqual("Ch 6 active power (UPS-2 in, rack B12)", Column(f, EntPhysicalTable.Name, 1062));
            Assert.AreEqual("Circuit PDU-A1 load", Column(f, EntPhysicalTable.Name, 2011));
            Assert.AreEqual("Circuit PDU-A1 current", Column(f, EntPhysicalTable.Name, 2012));
            Assert.AreEqual("Circuit PDU-B1 active power", Column(f, EntPhysicalTable.Name, 2023));
        }

        [TestMethod]
        public void MissingRowsAndColumns()
        {
            StandardMibFixture f = new StandardMibFixture();
            Assert.AreEqual((int)SnmpType.NoSuchInstance, (int)f.Get(Cell(EntPhysicalTable.Name, 2031)).Type);
            Assert.AreEqual((int)SnmpType.NoSuchInstance, (int)f.Get(Cell(EntPhysicalTable.Name, 1071)).Type, "6-channel probe");
            Assert.AreEqual((int)SnmpType.NoSuchInstance, (int)f.Get(Cell(EntPhysicalTable.Name, 0)).Type);
            Assert.AreEqual((int)SnmpType.NoSuchObject, (int)f.Get(Cell(1, 1)).Type, "entPhysicalIndex is not-accessible");
            Assert.AreEqual((int)SnmpType.NoSuchObject, (int)f.Get(Cell(20, 1)).Type);
            f.Tree.BeginRequest();
            uint[] alias = Cell(EntPhysicalTable.Alias, 1);
            Assert.AreEqual(SnmpErrorStatus.NotWritable, f.Tree.Find(alias, alias.Length).TestSet(alias, alias.Length, StandardMibFixture.TextValue("x")));
        }

        [TestMethod]
        public void IndicesStayWhenLabelsChangeAndLastChangeTimeMoves()
        {
            StandardMibFixture f = new StandardMibFixture();
            SnmpValue v = f.Get(LastChangeTime);
            Assert.AreEqual((int)SnmpType.TimeTicks, (int)v.Type);
            Assert.AreEqual(0u, v.Unsigned, "built when the agent started");

            // A new configuration with another rack label, a renamed circuit and a third circuit.
            f.Clock.MonotonicMilliseconds += 60000;
            MeterConfig next = f.Live.Current.Clone();
            next.Channels[6 - 1].Rack = "C07";
            next.Circuits[0].Name = "PDU-A2";
            next.Circuits = new CircuitConfig[] { next.Circuits[0], next.Circuits[1], new CircuitConfig("Chiller", new int[] { 5 }, 20) };
            f.Live.Current = next;

            Assert.AreEqual(6000u, f.Get(LastChangeTime).Unsigned);
            Assert.AreEqual("Ch 6 current (UPS-2 in, rack C07)", Column(f, EntPhysicalTable.Name, 1061));
            Assert.AreEqual("Circuit PDU-A2 load", Column(f, EntPhysicalTable.Name, 2011));
            Assert.AreEqual("Circuit Chiller active power", Column(f, EntPhysicalTable.Name, 2033));
            for (int i = 0; i < Indices.Length; i++)
            {
                Assert.AreEqual((int)SnmpType.Integer, (int)f.Get(Cell(EntPhysicalTable.Class, Indices[i])).Type, "index " + Indices[i].ToString() + " kept");
            }

            // A configuration replaced by an equal copy, or a sysName SET, changes no entity.
            f.Clock.MonotonicMilliseconds += 60000;
            f.Live.Current = f.Live.Current.Clone();
            Assert.AreEqual(6000u, f.Get(LastChangeTime).Unsigned);
            Assert.AreEqual(SnmpErrorStatus.NoError, f.Set(StandardMibFixture.SysName, StandardMibFixture.TextValue("other")));
            Assert.AreEqual(6000u, f.Get(LastChangeTime).Unsigned);
        }

        [TestMethod]
        public void ListIsRebuiltOnlyWhenTheConfigurationObjectChanges()
        {
            StandardMibFixture f = new StandardMibFixture();
            EntityInventory inventory = new EntityInventory(f.Identity, f.Live, f.UpTime);
            EntityList first = inventory.Refresh();
            Assert.AreSame(first, inventory.Refresh());
            Assert.AreSame(first, inventory.Refresh());

            // Changing a label of the object in force is not a new configuration (it is never changed in
            // place): the list is kept until the object is replaced.
            MeterConfig next = f.Live.Current.Clone();
            next.Channels[0].Label = "Lift";
            f.Live.Current = next;
            EntityList second = inventory.Refresh();
            Assert.AreNotSame(first, second);
            Assert.AreEqual("Ch 1 current (Lift)", second.All[7].Name);
            Assert.AreEqual(1011u, second.All[7].Index);
        }
    }
}
