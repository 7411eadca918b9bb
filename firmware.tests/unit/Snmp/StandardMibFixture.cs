using System;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Protocols.Snmp;
using Ipenergy.Probe.Protocols.Snmp.Mib;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Snmp
{
    /// <summary>A live configuration that applies partial JSON with the real importer and validator.</summary>
    public sealed class StandardMibLiveConfig : ILiveConfig
    {
        private readonly ConfigJsonImporter _importer = new ConfigJsonImporter();

        public StandardMibLiveConfig(MeterConfig current)
        {
            Current = current;
            LastJson = "";
        }

        public MeterConfig Current { get; set; }

        public int Applies { get; private set; }

        /// <summary>The last document given to Apply, "" before any.</summary>
        public string LastJson { get; private set; }

        public string Apply(byte[] json, int offset, int length)
        {
            Applies++;
            LastJson = new string(System.Text.Encoding.UTF8.GetChars(json, offset, length));
            MeterConfig result;
            string error = _importer.Import(json, offset, length, Current, out result);
            if (error == null)
            {
                Current = result;
            }

            return error;
        }
    }

    /// <summary>A measurement source whose latest snapshot the test sets.</summary>
    public sealed class StandardMibSource : IMeasurementSource
    {
        public MeasurementSnapshot Latest { get; set; }
    }

    /// <summary>A monotonic clock the test moves by hand.</summary>
    public sealed class StandardMibClock : IClock
    {
        public long MonotonicMilliseconds { get; set; }

        public DateTime UtcNow { get { return new DateTime(2026, 1, 1, 0, 0, 0).AddMilliseconds(MonotonicMilliseconds); } }
    }

    /// <summary>
    /// The standard subtrees over a hand-built MPP18-like configuration (6 channels, two circuits) and
    /// snapshot, with helpers to GET and GETNEXT through a MibTree as the agent does.
    /// </summary>
    public sealed class StandardMibFixture
    {
        public static readonly uint[] SysName = new uint[] { 1, 3, 6, 1, 2, 1, 1, 5, 0 };
        public static readonly uint[] SysLocation = new uint[] { 1, 3, 6, 1, 2, 1, 1, 6, 0 };
        public static readonly uint[] SysContact = new uint[] { 1, 3, 6, 1, 2, 1, 1, 4, 0 };

        public StandardMibFixture()
        {
            Config = new MeterConfig(6);
            Config.Channels[6 - 1].Label = "UPS-2 in";
            Config.Channels[6 - 1].Rack = "B12";
            Config.Channels[4 - 1].Rack = "A03";
            Config.Channels[5 - 1].Label = "Chiller";
            Config.Circuits = new CircuitConfig[]
            {
                new CircuitConfig("PDU-A1", new int[] { 1, 2, 3 }, 32),
                new CircuitConfig("PDU-B1", new int[] { 4 }, 16),
            };
            Config.Snmp.SysLocation = "Room 1";
            Live = new StandardMibLiveConfig(Config);
            Source = new StandardMibSource();
            Clock = new StandardMibClock();
            Clock.MonotonicMilliseconds = 5000;
            UpTime = new SysUpTime(Clock);
            Counters = new SnmpCounters();
            AuthenTraps = new SnmpAuthenTrapSwitch(false);
            Identity = new DeviceIdentity("MPP18", "rev B", "0.5.0", "EP18-000042");
            Subtrees = StandardMib.CreateSubtrees(Identity, Live, Source, UpTime, Counters, AuthenTraps);
            Tree = new MibTree(Subtrees);
            Value = new SnmpValue();
            Next = new OidBuffer();
        }

        public MeterConfig Config { get; private set; }

        public StandardMibLiveConfig Live { get; private set; }

        public StandardMibSource Source { get; private set; }

        public StandardMibClock Clock { get; private set; }

        public SysUpTime UpTime { get; private set; }

        public SnmpCounters Counters { get; private set; }

        public SnmpAuthenTrapSwitch AuthenTraps { get; private set; }

        public DeviceIdentity Identity { get; private set; }

        public IMibSubtree[] Subtrees { get; private set; }

        public MibTree Tree { get; private set; }

        public SnmpValue Value { get; private set; }

        public OidBuffer Next { get; private set; }

        /// <summary>3 present phases, 6 channels, 2 circuits with values that exercise rounding.</summary>
        public static MeasurementSnapshot Snapshot(long sequence)
        {
            PhaseValues[] phases = new PhaseValues[3];
            double[] volts = new double[] { 230.14, 231.26, 229.96 };
            for (int p = 0; p < 3; p++)
            {
                phases[p] = new PhaseValues(p);
                phases[p].Vrms = volts[p];
                phases[p].FrequencyHz = 50.016;
                phases[p].Present = true;
            }

            ChannelValues[] channels = new ChannelValues[6];
            for (int k = 0; k < 6; k++)
            {
                channels[k] = new ChannelValues(k + 1, k % 3);
                channels[k].Irms = 10.0 + k + 0.254;
                channels[k].ActivePowerW = 2000.4 + (100.0 * k);
            }

            channels[5].ActivePowerW = -1234.5;

            CircuitValues[] circuits = new CircuitValues[2];
            circuits[0] = new CircuitValues(0, "PDU-A1", 3, 32);
            circuits[0].LoadPercent = 38.28125;
            circuits[0].MaxIrms = 12.254;
            circuits[0].ActivePowerW = 6300.6;
            circuits[1] = new CircuitValues(1, "PDU-B1", 1, 16);
            circuits[1].LoadPercent = 80.04;
            circuits[1].MaxIrms = 13.2549;
            circuits[1].ActivePowerW = 2300.0;
            MeasurementSnapshot snapshot = new MeasurementSnapshot(phases, channels, circuits);
            snapshot.Sequence = sequence;
            return snapshot;
        }

        public static uint[] Cell(uint[] entry, uint column, uint index)
        {
            uint[] oid = new uint[entry.Length + 2];
            for (int i = 0; i < entry.Length; i++)
            {
                oid[i] = entry[i];
            }

            oid[entry.Length] = column;
            oid[entry.Length + 1] = index;
            return oid;
        }

        /// <summary>GET of one varbind as a request (BeginRequest first); the value is in <see cref="Value"/>.</summary>
        public SnmpValue Get(uint[] oid)
        {
            Tree.BeginRequest();
            Tree.Get(oid, oid.Length, Value);
            return Value;
        }

        /// <summary>GETNEXT of one varbind as a request; false at the end of the view.</summary>
        public bool GetNext(uint[] oid, int length)
        {
            Tree.BeginRequest();
            return Tree.GetNext(oid, length, Next, Value);
        }

        /// <summary>A one-varbind SET as the agent does it: TestSet, then CommitSet when it passed.</summary>
        public int Set(uint[] oid, SnmpValue value)
        {
            Tree.BeginRequest();
            IMibSubtree subtree = Tree.Find(oid, oid.Length);
            int status = subtree.TestSet(oid, oid.Length, value);
            if (status != SnmpErrorStatus.NoError)
            {
                return status;
            }

            return subtree.CommitSet(oid, oid.Length, value);
        }

        public string Text()
        {
            Assert.AreEqual((int)SnmpType.OctetString, (int)Value.Type, "not an OCTET STRING");
            return Value.OctetsAsText();
        }

        public static SnmpValue TextValue(string text)
        {
            SnmpValue value = new SnmpValue();
            value.SetText(text);
            return value;
        }
    }
}
