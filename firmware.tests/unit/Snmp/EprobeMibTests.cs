using System;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Protocols.Snmp;
using Ipenergy.Probe.Protocols.Snmp.Mib;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Snmp
{
    /// <summary>IPENERGY-EPROBE-MIB subtrees over a hand-built snapshot: values, scaling, order, SETs.</summary>
    [TestClass]
    public class EprobeMibTests
    {
        private EprobeMibSource _source;
        private EprobeMibLiveConfig _live;
        private EprobeMibClock _clock;
        private MibTree _tree;
        private SnmpValue _value;
        private OidBuffer _next;

        [Setup]
        public void Setup()
        {
            Build(EprobeMibFixture.Config(), EprobeMibFixture.Snapshot(3, new string[] { "A" }));
        }

        [TestMethod]
        public void DeviceGroupReportsIdentityNominalsAndScaledMeasurements()
        {
            AssertText(EprobeMibLayout.Device, EprobeMibLayout.DeviceModel, 0, "MPP3");
            AssertText(EprobeMibLayout.Device, EprobeMibLayout.DeviceSerialNumber, 0, "EP3-0001");
            AssertText(EprobeMibLayout.Device, EprobeMibLayout.DeviceFirmwareVersion, 0, "0.6.0");
            AssertInteger(EprobeMibLayout.Device, EprobeMibLayout.DeviceChannelCount, 0, 3);
            AssertInteger(EprobeMibLayout.Device, EprobeMibLayout.DeviceNominalVoltage, 0, 2300);
            AssertInteger(EprobeMibLayout.Device, EprobeMibLayout.DeviceNominalFrequency, 0, 50);
            AssertGauge(EprobeMibLayout.Device, EprobeMibLayout.DeviceFrequency, 0, 5000);
            AssertGauge(EprobeMibLayout.Device, EprobeMibLayout.DeviceVoltageUnbalance, 0, 8);
            AssertGauge(EprobeMibLayout.Device, EprobeMibLayout.DeviceMeasurementSequence, 0, 7);
            AssertGauge(EprobeMibLayout.Device, EprobeMibLayout.DeviceMeasurementAge, 0, 2);
            AssertInteger(EprobeMibLayout.Device, EprobeMibLayout.DeviceCircuitCount, 0, 1);
            AssertInteger(EprobeMibLayout.Device, EprobeMibLayout.DeviceClockSynchronized, 0, EprobeMibLayout.True);
            _clock.Synchronized = false;
            AssertInteger(EprobeMibLayout.Device, EprobeMibLayout.DeviceClockSynchronized, 0, EprobeMibLayout.False);
        }

        [TestMethod]
        public void MeasurementAgeIsZeroWhenTheClockWasSetBack()
        {
            _clock.UtcNow = EprobeMibFixture.SnapshotTime.AddSeconds(-30);
            AssertGauge(EprobeMibLayout.Device, EprobeMibLayout.DeviceMeasurementAge, 0, 0);
        }

        [TestMethod]
        public void PhaseTableScalesAndRoundsHalfAwayFromZero()
        {
            AssertText(EprobeMibLayout.PhaseEntry, EprobeMibLayout.PhaseName, 2, "L2");
            AssertInteger(EprobeMibLayout.PhaseEntry, EprobeMibLayout.PhasePresent, 1, EprobeMibLayout.True);
            AssertInteger(EprobeMibLayout.PhaseEntry, EprobeMibLayout.PhasePresent, 3, EprobeMibLayout.False);
            AssertGauge(EprobeMibLayout.PhaseEntry, EprobeMibLayout.PhaseVoltage, 1, 2301);
            AssertGauge(EprobeMibLayout.PhaseEntry, EprobeMibLayout.PhaseVoltage, 3, 2321);
            AssertGauge(EprobeMibLayout.PhaseEntry, EprobeMibLayout.PhaseFundamentalVoltage, 1, 2299);
            AssertGauge(EprobeMibLayout.PhaseEntry, EprobeMibLayout.PhaseFrequency, 2, 5000);
            AssertGauge(EprobeMibLayout.PhaseEntry, EprobeMibLayout.PhaseThd, 1, 25);
            AssertInteger(EprobeMibLayout.PhaseEntry, EprobeMibLayout.PhaseAngle, 1, 0);
            AssertInteger(EprobeMibLayout.PhaseEntry, EprobeMibLayout.PhaseAngle, 2, -1200);
            // -179.96 degrees rounds to -180.0, reported as +180.0 (range -1799..1800).
            AssertInteger(EprobeMibLayout.PhaseEntry, EprobeMibLayout.PhaseAngle, 3, 1800);
        }

        [TestMethod]
        public void ChannelTableReportsPlacementScaledValuesSignsAndCounters()
        {
            AssertText(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelLabel, 1, "PDU-1A");
            AssertText(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelRack, 1, "R12");
            AssertText(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelCustomer, 1, "ACME");
            AssertText(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelFeed, 1, "A");
            AssertText(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelLabel, 2, "");
            AssertInteger(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelPhase, 3, 3);
            AssertGauge(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelCtRating, 1, 100);
            AssertGauge(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelCtRating, 2, 50);
            AssertGauge(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelCurrent, 1, 16250);
            AssertInteger(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelActivePower, 1, 3500);
            AssertInteger(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelActivePower, 2, -1235);
            AssertInteger(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelReactivePower, 1, -251);
            AssertGauge(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelApparentPower, 1, 3701);
            AssertInteger(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelPowerFactor, 1, 946);
            AssertInteger(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelPowerFactor, 2, -986);
            AssertInteger(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelCosPhi, 1, 999);
            AssertInteger(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelCosPhi, 2, -1000);
            AssertGauge(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelThd, 1, 123);
            AssertGauge(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelLoad, 1, 163);
            AssertCounter64(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelEnergyImport, 1, 123456UL);
            AssertCounter64(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelEnergyExport, 1, 0UL);
            // Beyond 2^32: Counter64 carries it whole.
            AssertCounter64(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelReactiveEnergyImport, 1, 10000000000UL);
            AssertCounter64(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelReactiveEnergyExport, 1, 0UL);
        }

        [TestMethod]
        public void CircuitTableReportsConfigurationAndTotals()
        {
            AssertText(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitName, 1, "A");
            AssertText(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitCustomer, 1, "ACME");
            AssertInteger(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitPhaseCount, 1, 3);
            AssertGauge(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitBreakerRating, 1, 32);
            AssertGauge(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitMaxCurrent, 1, 18000);
            AssertGauge(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitLoad, 1, 563);
            AssertInteger(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitActivePower, 1, 11001);
            AssertInteger(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitReactivePower, 1, 500);
            AssertGauge(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitApparentPower, 1, 11500);
            AssertInteger(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitPowerFactor, 1, 957);
            AssertGauge(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitCurrentUnbalance, 1, 31);
            AssertGauge(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitNeutralCurrent, 1, 1500);
            AssertCounter64(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitEnergyImport, 1, 5000UL);
            AssertCounter64(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitEnergyExport, 1, 0UL);
        }

        [TestMethod]
        public void BeforeTheFirstSnapshotMeasurementsAreAbsentAndSettingsPresent()
        {
            _source.Latest = null;
            AssertText(EprobeMibLayout.Device, EprobeMibLayout.DeviceModel, 0, "MPP3");
            AssertText(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelLabel, 1, "PDU-1A");
            AssertText(EprobeMibLayout.PhaseEntry, EprobeMibLayout.PhaseName, 1, "L1");
            AssertAbsent(EprobeMibLayout.Device, EprobeMibLayout.DeviceFrequency, 0);
            AssertAbsent(EprobeMibLayout.PhaseEntry, EprobeMibLayout.PhaseVoltage, 1);
            AssertAbsent(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelCurrent, 1);
            AssertAbsent(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitActivePower, 1);

            // A walk skips the absent objects: after the nominal frequency comes the circuit count, after
            // the device's last scalar the first phase name.
            GetNext(Cell(EprobeMibLayout.Device, EprobeMibLayout.DeviceNominalFrequency, 0));
            AssertName(EprobeMibLayout.Device, EprobeMibLayout.DeviceCircuitCount, 0);
            GetNext(Cell(EprobeMibLayout.Device, EprobeMibLayout.DeviceClockSynchronized, 0));
            AssertName(EprobeMibLayout.PhaseEntry, EprobeMibLayout.PhaseName, 1);
            GetNext(Cell(EprobeMibLayout.PhaseEntry, EprobeMibLayout.PhaseName, 3));
            AssertName(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelLabel, 1);
            GetNext(Cell(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelCtRating, 3));
            AssertName(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitName, 1);
        }

        [TestMethod]
        public void UnknownInstancesAndObjects()
        {
            Get(Cell(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelCurrent, 4));
            Assert.AreEqual(SnmpType.NoSuchInstance, _value.Type);
            Get(Cell(EprobeMibLayout.ChannelEntry, 1, 1));
            Assert.AreEqual(SnmpType.NoSuchObject, _value.Type, "the index column is not-accessible");
            Get(Cell(EprobeMibLayout.Device, EprobeMibLayout.DeviceModel, 1));
            Assert.AreEqual(SnmpType.NoSuchInstance, _value.Type);
            Get(Cell(EprobeMibLayout.Device, 13, 0));
            Assert.AreEqual(SnmpType.NoSuchObject, _value.Type);
        }

        [TestMethod]
        public void GetNextWalksColumnByColumnAndRowByRowInOidOrder()
        {
            // From the module root: device scalars 1..12, then phases, channels, circuits.
            uint[] oid = EprobeOids.Module;
            int length = oid.Length;
            uint[] previous = new uint[ObjectId.MaxArcs];
            int previousLength = 0;
            int count = 0;
            while (true)
            {
                _tree.BeginRequest();
                if (!_tree.GetNext(oid, length, _next, _value))
                {
                    break;
                }

                Assert.IsTrue(ObjectId.StartsWith(_next.Arcs, _next.Length, EprobeOids.Objects), "walk left the objects");
                if (previousLength > 0)
                {
                    Assert.IsTrue(ObjectId.Compare(previous, previousLength, _next.Arcs, _next.Length) < 0, "not ascending");
                }

                for (int i = 0; i < _next.Length; i++)
                {
                    previous[i] = _next.Arcs[i];
                }

                previousLength = _next.Length;
                oid = previous;
                length = previousLength;
                count++;
            }

            // 12 scalars + 7 × 3 phase cells + 18 × 3 channel cells + 14 × 1 circuit cells + no active
            // alarm (no journal) + 4 alarm counts + 14 bus scalars (no module directory: no module rows).
            Assert.AreEqual(12 + 21 + 54 + 14 + 4 + 14, count);

            // Column order: the last row of a column is followed by the first row of the next column.
            GetNext(Cell(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelLabel, 3));
            AssertName(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelRack, 1);
            GetNext(Cell(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelLabel, 1));
            AssertName(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelLabel, 2);
            // The entry itself or a column without index: its first row.
            GetNext(EprobeMibLayout.ChannelEntry);
            AssertName(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelLabel, 1);
            GetNext(Column(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelEnergyImport));
            AssertName(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelEnergyImport, 1);
            Assert.AreEqual(SnmpType.Counter64, _value.Type);
        }

        [TestMethod]
        public void SparseCircuitRowsSkipTheirMeasuredCells()
        {
            // Configuration C1, C2, C3; the snapshot still measures C1, X, C3 (C2 not yet measured).
            Build(EprobeMibFixture.ThreeCircuits(), EprobeMibFixture.Snapshot(18, new string[] { "C1", "X", "C3" }));
            AssertText(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitName, 2, "C2");
            AssertAbsent(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitMaxCurrent, 2);
            AssertGauge(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitMaxCurrent, 3, 20000);
            // 1-phase circuits report 0 unbalance and neutral current.
            AssertGauge(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitCurrentUnbalance, 1, 0);
            AssertGauge(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitNeutralCurrent, 1, 0);

            GetNext(Cell(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitMaxCurrent, 1));
            AssertName(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitMaxCurrent, 3);
            GetNext(Cell(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitMaxCurrent, 3));
            AssertName(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitLoad, 1);
            // Past the last cell of the circuit table: the active-alarm table is empty (no journal), so the
            // alarm counts follow, then the bus scalars, and after them (no module directory: no module rows)
            // nothing more in the e-Probe's subtrees.
            GetNext(Cell(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitEnergyExport, 3));
            AssertName(EprobeMibLayout.AlarmStatus, EprobeMibLayout.ActiveAlarmCount, 0);
            Assert.AreEqual(0u, _value.Unsigned);
            GetNext(Cell(EprobeMibLayout.AlarmStatus, EprobeMibLayout.AlarmEventsTotal, 0));
            AssertName(EprobeMibLayout.Bus, 1, 0);
            _tree.BeginRequest();
            uint[] last = Cell(EprobeMibLayout.Bus, EprobeMibLayout.SiteCurrentL3, 0);
            Assert.IsFalse(_tree.GetNext(last, last.Length, _next, _value));
            // Channel rows come from the 18-channel configuration.
            AssertInteger(EprobeMibLayout.Device, EprobeMibLayout.DeviceChannelCount, 0, 18);
            AssertGauge(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelCurrent, 18, 33250);
        }

        [TestMethod]
        public void SetChannelLabelGoesThroughLiveConfig()
        {
            MeterConfig before = _live.Current;
            SnmpValue v = Text("Rack 7 PDU");
            uint[] oid = Cell(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelLabel, 3);
            Assert.AreEqual(SnmpErrorStatus.NoError, TestSet(oid, v));
            Assert.AreEqual(0, _live.Applied, "TestSet applied something");
            Assert.IsTrue(object.ReferenceEquals(before, _live.Current), "TestSet changed the configuration");
            Assert.AreEqual(SnmpErrorStatus.NoError, CommitSet(oid, v));
            Assert.AreEqual(1, _live.Applied);
            Assert.AreEqual("Rack 7 PDU", _live.Current.Channels[2].Label);
            Assert.AreEqual("PDU-1A", _live.Current.Channels[0].Label, "other channels kept");
            Assert.AreEqual("R12", _live.Current.Channels[0].Rack);
            AssertText(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelLabel, 3, "Rack 7 PDU");

            oid = Cell(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelFeed, 2);
            v = Text("B \"quoted\" \\");
            Assert.AreEqual(SnmpErrorStatus.NoError, TestSet(oid, v));
            Assert.AreEqual(SnmpErrorStatus.NoError, CommitSet(oid, v));
            Assert.AreEqual("B \"quoted\" \\", _live.Current.Channels[1].Feed);
        }

        [TestMethod]
        public void InvalidSetsAreRefusedAndChangeNothing()
        {
            MeterConfig before = _live.Current;
            uint[] label = Cell(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelLabel, 1);
            Assert.AreEqual(SnmpErrorStatus.WrongValue, TestSet(label, Text("tab\there")));
            Assert.AreEqual(SnmpErrorStatus.WrongValue, TestSet(label, Text("caf\u00e9")));
            Assert.AreEqual(SnmpErrorStatus.WrongLength, TestSet(label, Text("123456789012345678901234567890123")));
            SnmpValue number = new SnmpValue();
            number.SetInteger32(5);
            Assert.AreEqual(SnmpErrorStatus.WrongType, TestSet(label, number));
            Assert.AreEqual(SnmpErrorStatus.NotWritable, TestSet(Cell(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelCurrent, 1), number));
            Assert.AreEqual(SnmpErrorStatus.NotWritable, TestSet(Cell(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitName, 1), Text("B")));
            Assert.AreEqual(SnmpErrorStatus.NoCreation, TestSet(Cell(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelLabel, 4), Text("x")));

            uint[] breaker = Cell(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitBreakerRating, 1);
            SnmpValue amps = new SnmpValue();
            amps.SetGauge32(631);
            Assert.AreEqual(SnmpErrorStatus.WrongValue, TestSet(breaker, amps));
            amps.SetGauge32(0);
            Assert.AreEqual(SnmpErrorStatus.WrongValue, TestSet(breaker, amps));
            Assert.AreEqual(SnmpErrorStatus.WrongType, TestSet(breaker, number));

            uint[] nominal = Cell(EprobeMibLayout.Device, EprobeMibLayout.DeviceNominalVoltage, 0);
            SnmpValue volts = new SnmpValue();
            volts.SetInteger32(999);
            Assert.AreEqual(SnmpErrorStatus.WrongValue, TestSet(nominal, volts));
            volts.SetInteger32(4801);
            Assert.AreEqual(SnmpErrorStatus.WrongValue, TestSet(nominal, volts));
            Assert.AreEqual(SnmpErrorStatus.NotWritable, TestSet(Cell(EprobeMibLayout.Device, EprobeMibLayout.DeviceModel, 0), Text("X")));

            Assert.AreEqual(0, _live.Applied);
            Assert.IsTrue(object.ReferenceEquals(before, _live.Current), "a refused SET changed the configuration");
            AssertText(EprobeMibLayout.ChannelEntry, EprobeMibLayout.ChannelLabel, 1, "PDU-1A");
        }

        [TestMethod]
        public void SetCircuitBreakerCustomerAndNominalVoltage()
        {
            Build(EprobeMibFixture.ThreeCircuits(), EprobeMibFixture.Snapshot(18, new string[] { "C1", "C2", "C3" }));
            _live.Current.Circuits[1].Role = CircuitRoles.FacilityTotal;
            uint[] breaker = Cell(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitBreakerRating, 2);
            SnmpValue amps = new SnmpValue();
            amps.SetGauge32(40);
            Assert.AreEqual(SnmpErrorStatus.NoError, TestSet(breaker, amps));
            Assert.AreEqual(0, _live.Applied);
            Assert.AreEqual(SnmpErrorStatus.NoError, CommitSet(breaker, amps));
            CircuitConfig[] circuits = _live.Current.Circuits;
            Assert.AreEqual(3, circuits.Length);
            Assert.AreEqual(40.0, circuits[1].BreakerRatedAmps);
            Assert.AreEqual(CircuitRoles.FacilityTotal, circuits[1].Role, "the rest of the circuit kept");
            Assert.AreEqual(16.0, circuits[0].BreakerRatedAmps, "other circuits kept");
            Assert.AreEqual(25.0, circuits[2].BreakerRatedAmps);
            Assert.AreEqual(5, circuits[1].Channels[0]);

            uint[] customer = Cell(EprobeMibLayout.CircuitEntry, EprobeMibLayout.CircuitCustomer, 3);
            SnmpValue text = Text("Globex");
            Assert.AreEqual(SnmpErrorStatus.NoError, TestSet(customer, text));
            Assert.AreEqual(SnmpErrorStatus.NoError, CommitSet(customer, text));
            Assert.AreEqual("Globex", _live.Current.Circuits[2].Customer);
            Assert.AreEqual(40.0, _live.Current.Circuits[1].BreakerRatedAmps, "the second SET builds on the first");

            uint[] nominal = Cell(EprobeMibLayout.Device, EprobeMibLayout.DeviceNominalVoltage, 0);
            SnmpValue volts = new SnmpValue();
            volts.SetInteger32(2305);
            Assert.AreEqual(SnmpErrorStatus.NoError, TestSet(nominal, volts));
            Assert.AreEqual(SnmpErrorStatus.NoError, CommitSet(nominal, volts));
            Assert.IsTrue(Math.Abs(_live.Current.NominalVoltage - 230.5) < 1e-9, "nominal voltage " + _live.Current.NominalVoltage.ToString());
            AssertInteger(EprobeMibLayout.Device, EprobeMibLayout.DeviceNominalVoltage, 0, 2305);
            Assert.AreEqual(3, _live.Applied);
        }

        [TestMethod]
        public void ScaleClampsAndHandlesNaN()
        {
            Assert.AreEqual(0u, EprobeScale.Unsigned(double.NaN, 10.0));
            Assert.AreEqual(0u, EprobeScale.Unsigned(-3.0, 10.0));
            Assert.AreEqual(uint.MaxValue, EprobeScale.Unsigned(1e12, 10.0));
            Assert.AreEqual(0, EprobeScale.Signed(double.NaN, 1000.0, -1000, 1000));
            Assert.AreEqual(1000, EprobeScale.Signed(1.2, 1000.0, -1000, 1000));
            Assert.AreEqual(-1000, EprobeScale.Signed(-1.2, 1000.0, -1000, 1000));
            Assert.AreEqual(int.MinValue + 1, EprobeScale.Signed(-1e12, 1.0, -int.MaxValue, int.MaxValue));
            Assert.AreEqual(3, EprobeScale.Signed(2.5, 1.0, -10, 10));
            Assert.AreEqual(-3, EprobeScale.Signed(-2.5, 1.0, -10, 10));
            Assert.AreEqual(1UL, EprobeScale.WholeUnits(1999));
            Assert.AreEqual(0UL, EprobeScale.WholeUnits(-1));
            Assert.AreEqual(-1799, EprobeScale.Angle(-179.94));
            Assert.AreEqual(1800, EprobeScale.Angle(180.0));
        }

        private void Build(MeterConfig config, Ipenergy.Probe.Metering.MeasurementSnapshot snapshot)
        {
            _source = new EprobeMibSource();
            _source.Latest = snapshot;
            _live = new EprobeMibLiveConfig(config);
            _clock = new EprobeMibClock();
            _clock.UtcNow = EprobeMibFixture.SnapshotTime.AddMilliseconds(2500);
            _clock.Synchronized = true;
            DeviceIdentity identity = new DeviceIdentity(DeviceIdentity.ModelForChannels(config.Channels.Length), "", "0.6.0", "EP3-0001");
            _tree = new MibTree(EprobeMib.CreateSubtrees(_source, _live, identity, _clock));
            _value = new SnmpValue();
            _next = new OidBuffer();
        }

        private static uint[] Column(uint[] prefix, uint column)
        {
            return ObjectId.Append(prefix, column);
        }

        private static uint[] Cell(uint[] prefix, uint column, uint index)
        {
            return ObjectId.Append(ObjectId.Append(prefix, column), index);
        }

        private static SnmpValue Text(string text)
        {
            SnmpValue v = new SnmpValue();
            v.SetText(text);
            return v;
        }

        private void Get(uint[] oid)
        {
            _tree.BeginRequest();
            _tree.Get(oid, oid.Length, _value);
        }

        private void GetNext(uint[] oid)
        {
            _tree.BeginRequest();
            Assert.IsTrue(_tree.GetNext(oid, oid.Length, _next, _value), "GETNEXT found nothing");
        }

        private int TestSet(uint[] oid, SnmpValue v)
        {
            IMibSubtree subtree = Find(oid);
            subtree.BeginRequest();
            return subtree.TestSet(oid, oid.Length, v);
        }

        private int CommitSet(uint[] oid, SnmpValue v)
        {
            IMibSubtree subtree = Find(oid);
            subtree.BeginRequest();
            return subtree.CommitSet(oid, oid.Length, v);
        }

        private IMibSubtree Find(uint[] oid)
        {
            for (int i = 0; i < _tree.Count; i++)
            {
                if (ObjectId.StartsWith(oid, oid.Length, _tree[i].Root))
                {
                    return _tree[i];
                }
            }

            throw new Exception("no subtree for the OID");
        }

        private void AssertName(uint[] prefix, uint column, uint index)
        {
            uint[] expected = Cell(prefix, column, index);
            Assert.AreEqual(0, ObjectId.Compare(expected, expected.Length, _next.Arcs, _next.Length), "GETNEXT went elsewhere");
        }

        private void AssertText(uint[] prefix, uint column, uint index, string expected)
        {
            Get(Cell(prefix, column, index));
            Assert.AreEqual(SnmpType.OctetString, _value.Type);
            Assert.AreEqual(expected, _value.OctetsAsText());
        }

        private void AssertInteger(uint[] prefix, uint column, uint index, int expected)
        {
            Get(Cell(prefix, column, index));
            Assert.AreEqual(SnmpType.Integer, _value.Type);
            Assert.AreEqual(expected, _value.Integer);
        }

        private void AssertGauge(uint[] prefix, uint column, uint index, uint expected)
        {
            Get(Cell(prefix, column, index));
            Assert.AreEqual(SnmpType.Gauge32, _value.Type);
            Assert.AreEqual(expected, _value.Unsigned);
        }

        private void AssertCounter64(uint[] prefix, uint column, uint index, ulong expected)
        {
            Get(Cell(prefix, column, index));
            Assert.AreEqual(SnmpType.Counter64, _value.Type);
            Assert.AreEqual(expected, _value.Counter64);
        }

        private void AssertAbsent(uint[] prefix, uint column, uint index)
        {
            Get(Cell(prefix, column, index));
            Assert.AreEqual(SnmpType.NoSuchInstance, _value.Type);
        }
    }
}
