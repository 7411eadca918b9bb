using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Protocols.Snmp;
using Ipenergy.Probe.Protocols.Snmp.Mib;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Snmp
{
    /// <summary>ENTITY-SENSOR-MIB entPhySensorTable: types, scaling, status, time stamps, order.</summary>
    [TestClass]
    public class StandardMibSensorTests
    {
        private static uint[] Cell(uint column, uint index)
        {
            return StandardMibFixture.Cell(StandardOids.EntPhySensorEntry, column, index);
        }

        private static int Integer(StandardMibFixture f, uint column, uint index)
        {
            SnmpValue v = f.Get(Cell(column, index));
            Assert.AreEqual((int)SnmpType.Integer, (int)v.Type, "column " + column.ToString() + " index " + index.ToString());
            return v.Integer;
        }

        private static void AssertSensor(StandardMibFixture f, uint index, int type, int precision, string units, int value)
        {
            string at = "sensor " + index.ToString();
            Assert.AreEqual(type, Integer(f, EntPhySensorTable.Type, index), at + " type");
            Assert.AreEqual(9, Integer(f, EntPhySensorTable.Scale, index), at + " scale units(9)");
            Assert.AreEqual(precision, Integer(f, EntPhySensorTable.Precision, index), at + " precision");
            Assert.AreEqual(value, Integer(f, EntPhySensorTable.Value, index), at + " value");
            Assert.AreEqual(1, Integer(f, EntPhySensorTable.OperStatus, index), at + " ok(1)");
            f.Get(Cell(EntPhySensorTable.UnitsDisplay, index));
            Assert.AreEqual(units, f.Text(), at + " units");
            SnmpValue rate = f.Get(Cell(EntPhySensorTable.ValueUpdateRate, index));
            Assert.AreEqual((int)SnmpType.Gauge32, (int)rate.Type);
            Assert.AreEqual(1000u, rate.Unsigned);
        }

        [TestMethod]
        public void EveryKindOfSensorScaledAndRounded()
        {
            StandardMibFixture f = new StandardMibFixture();
            f.Source.Latest = StandardMibFixture.Snapshot(1);
            AssertSensor(f, 111, 3, 1, "V", 2301);      // 230.14 V
            AssertSensor(f, 121, 3, 1, "V", 2313);      // 231.26 V rounds up
            AssertSensor(f, 131, 3, 1, "V", 2300);      // 229.96 V
            AssertSensor(f, 112, 7, 2, "Hz", 5002);     // 50.016 Hz
            AssertSensor(f, 1011, 5, 2, "A", 1025);     // 10.254 A
            AssertSensor(f, 1061, 5, 2, "A", 1525);     // 15.254 A
            AssertSensor(f, 1012, 6, 0, "W", 2000);     // 2000.4 W
            AssertSensor(f, 1022, 6, 0, "W", 2100);     // 2100.4 W
            AssertSensor(f, 1062, 6, 0, "W", -1235);    // -1234.5 W: half away from zero
            AssertSensor(f, 2011, 1, 1, "%", 383);      // 38.28125 % of breaker
            AssertSensor(f, 2012, 5, 2, "A", 1225);     // 12.254 A
            AssertSensor(f, 2013, 6, 0, "W", 6301);     // 6300.6 W
            AssertSensor(f, 2021, 1, 1, "%", 800);      // 80.04 %
            AssertSensor(f, 2022, 5, 2, "A", 1325);     // 13.2549 A
            AssertSensor(f, 2023, 6, 0, "W", 2300);
        }

        [TestMethod]
        public void ScalingLimits()
        {
            Assert.AreEqual(1, SensorValue.Scale(0.5, 0));
            Assert.AreEqual(-1, SensorValue.Scale(-0.5, 0));
            Assert.AreEqual(0, SensorValue.Scale(0.49, 0));
            Assert.AreEqual(0, SensorValue.Scale(double.NaN, 2));
            Assert.AreEqual(999999999, SensorValue.Scale(9999999.99, 2));
            Assert.AreEqual(SensorValue.Overflow, SensorValue.Scale(2e9, 0));
            Assert.AreEqual(SensorValue.Overflow, SensorValue.Scale(double.PositiveInfinity, 1));
            Assert.AreEqual(SensorValue.Underflow, SensorValue.Scale(-2e9, 0));
        }

        [TestMethod]
        public void UnavailableBeforeTheFirstSnapshot()
        {
            StandardMibFixture f = new StandardMibFixture();
            Assert.AreEqual(2, Integer(f, EntPhySensorTable.OperStatus, 111), "unavailable(2)");
            Assert.AreEqual(0, Integer(f, EntPhySensorTable.Value, 1012));
            Assert.AreEqual(0u, f.Get(Cell(EntPhySensorTable.ValueTimeStamp, 111)).Unsigned);
            Assert.AreEqual(3, Integer(f, EntPhySensorTable.Type, 111), "the description is there already");
        }

        [TestMethod]
        public void AbsentPhaseIsUnavailableItsChannelsAreNot()
        {
            StandardMibFixture f = new StandardMibFixture();
            MeasurementSnapshot snapshot = StandardMibFixture.Snapshot(1);
            snapshot.Phases[1].Present = false;
            snapshot.Phases[1].Vrms = 3.2;
            snapshot.Phases[1].FrequencyHz = 0;
            f.Source.Latest = snapshot;
            Assert.AreEqual(2, Integer(f, EntPhySensorTable.OperStatus, 121));
            Assert.AreEqual(2, Integer(f, EntPhySensorTable.OperStatus, 122));
            Assert.AreEqual(1, Integer(f, EntPhySensorTable.OperStatus, 111));
            Assert.AreEqual(1, Integer(f, EntPhySensorTable.OperStatus, 1021), "channel 2 (on L2) still measures current");
        }

        [TestMethod]
        public void NotANumberIsNonOperational()
        {
            StandardMibFixture f = new StandardMibFixture();
            MeasurementSnapshot snapshot = StandardMibFixture.Snapshot(1);
            snapshot.Channels[2].Irms = double.NaN;
            f.Source.Latest = snapshot;
            Assert.AreEqual(3, Integer(f, EntPhySensorTable.OperStatus, 1031), "nonoperational(3)");
            Assert.AreEqual(0, Integer(f, EntPhySensorTable.Value, 1031));
            Assert.AreEqual(1, Integer(f, EntPhySensorTable.OperStatus, 1032));
        }

        [TestMethod]
        public void CircuitNotYetInTheSnapshotIsUnavailable()
        {
            StandardMibFixture f = new StandardMibFixture();
            f.Source.Latest = StandardMibFixture.Snapshot(1);
            Ipenergy.Probe.Config.MeterConfig next = f.Live.Current.Clone();
            next.Circuits = new Ipenergy.Probe.Config.CircuitConfig[]
            {
                next.Circuits[0], next.Circuits[1], new Ipenergy.Probe.Config.CircuitConfig("New", new int[] { 5 }, 20),
            };
            f.Live.Current = next;
            Assert.AreEqual(2, Integer(f, EntPhySensorTable.OperStatus, 2031));
            Assert.AreEqual(1, Integer(f, EntPhySensorTable.OperStatus, 2021));
        }

        [TestMethod]
        public void TimeStampIsWhenTheAgentFirstSawTheSnapshotAndStaleMeansNonOperational()
        {
            StandardMibFixture f = new StandardMibFixture();
            f.Clock.MonotonicMilliseconds += 2000;
            f.Source.Latest = StandardMibFixture.Snapshot(1);
            SnmpValue v = f.Get(Cell(EntPhySensorTable.ValueTimeStamp, 1011));
            Assert.AreEqual((int)SnmpType.TimeTicks, (int)v.Type);
            Assert.AreEqual(200u, v.Unsigned);

            f.Clock.MonotonicMilliseconds += 9000;
            Assert.AreEqual(200u, f.Get(Cell(EntPhySensorTable.ValueTimeStamp, 1011)).Unsigned, "same second, same time stamp");
            Assert.AreEqual(1, Integer(f, EntPhySensorTable.OperStatus, 1011));

            f.Clock.MonotonicMilliseconds += 2000;
            Assert.AreEqual(3, Integer(f, EntPhySensorTable.OperStatus, 1011), "no new second for 11 s");

            f.Source.Latest = StandardMibFixture.Snapshot(2);
            Assert.AreEqual(1, Integer(f, EntPhySensorTable.OperStatus, 1011));
            Assert.AreEqual(1300u, f.Get(Cell(EntPhySensorTable.ValueTimeStamp, 1011)).Unsigned);
        }

        [TestMethod]
        public void GetNextWalksColumnsThenEndsTheView()
        {
            StandardMibFixture f = new StandardMibFixture();
            f.Source.Latest = StandardMibFixture.Snapshot(1);
            uint[] entry = StandardOids.EntPhySensorEntry;
            Assert.IsTrue(f.GetNext(entry, entry.Length));
            Assert.AreEqual(0, ObjectId.Compare(Cell(1, 111), 12, f.Next.Arcs, f.Next.Length), "first: type of L1 voltage");
            Assert.IsTrue(f.GetNext(Cell(1, 2023), 12));
            Assert.AreEqual(0, ObjectId.Compare(Cell(2, 111), 12, f.Next.Arcs, f.Next.Length), "next column");
            Assert.IsTrue(f.GetNext(Cell(4, 1011), 12));
            Assert.AreEqual(0, ObjectId.Compare(Cell(4, 1012), 12, f.Next.Arcs, f.Next.Length));
            Assert.AreEqual(2000, f.Value.Integer);
            Assert.IsFalse(f.GetNext(Cell(8, 2023), 12), "the sensor table is the last of these subtrees");
            Assert.AreEqual((int)SnmpType.NoSuchObject, (int)f.Get(Cell(9, 111)).Type);
            Assert.AreEqual((int)SnmpType.NoSuchInstance, (int)f.Get(Cell(4, 1)).Type, "the chassis is no sensor");
        }

        [TestMethod]
        public void WholeViewWalkIsStrictlyAscendingAndComplete()
        {
            StandardMibFixture f = new StandardMibFixture();
            f.Source.Latest = StandardMibFixture.Snapshot(1);
            uint[] cursor = new uint[ObjectId.MaxArcs];
            int length = 0;
            int count = 0;
            while (f.GetNext(cursor, length))
            {
                Assert.IsTrue(ObjectId.Compare(f.Next.Arcs, f.Next.Length, cursor, length) > 0, "ascending");
                Assert.IsFalse(SnmpType.IsException(f.Value.Type));
                length = f.Next.Length;
                for (int i = 0; i < length; i++)
                {
                    cursor[i] = f.Next.Arcs[i];
                }

                count++;
            }

            // system 7 + snmp 30 + entPhysicalTable 18 x 25 + entLastChangeTime 1 + entPhySensorTable 8 x 24.
            Assert.AreEqual(7 + 30 + (18 * 25) + 1 + (8 * 24), count);
        }
    }
}
