using System;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Tests.Unit.Snmp
{
    /// <summary>A measurement source whose latest snapshot the test sets.</summary>
    public sealed class EprobeMibSource : IMeasurementSource
    {
        public MeasurementSnapshot Latest { get; set; }
    }

    /// <summary>A clock standing still where the test puts it.</summary>
    public sealed class EprobeMibClock : ISettableClock
    {
        public long MonotonicMilliseconds { get; set; }

        public DateTime UtcNow { get; set; }

        public bool Synchronized { get; set; }

        public void SetUtcNow(DateTime utc)
        {
            UtcNow = utc;
        }
    }

    /// <summary>
    /// ILiveConfig over memory: Apply imports and validates with the HTTP API's importer and replaces
    /// Current whole (as the device does, minus the flash save); counts the accepted changes.
    /// </summary>
    public sealed class EprobeMibLiveConfig : ILiveConfig
    {
        private readonly ConfigJsonImporter _importer = new ConfigJsonImporter();

        public EprobeMibLiveConfig(MeterConfig config)
        {
            Current = config;
        }

        public MeterConfig Current { get; private set; }

        public int Applied { get; private set; }

        public string LastJson { get; private set; }

        public string Apply(byte[] json, int offset, int length)
        {
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = (char)json[offset + i];
            }

            LastJson = new string(chars);
            MeterConfig result;
            string error = _importer.Import(json, offset, length, Current, out result);
            if (error == null)
            {
                Current = result;
                Applied++;
            }

            return error;
        }
    }

    /// <summary>An MPP3 configuration and a hand-built snapshot with known values.</summary>
    public static class EprobeMibFixture
    {
        public static readonly DateTime SnapshotTime = new DateTime(2026, 11, 25, 4, 0, 0);

        /// <summary>MPP3: channel 1 labelled, a 3-phase circuit "A" (1,2,3; 32 A) and nothing else.</summary>
        public static MeterConfig Config()
        {
            MeterConfig config = new MeterConfig(3);
            config.NominalVoltage = 230.0;
            config.Channels[0].Label = "PDU-1A";
            config.Channels[0].Rack = "R12";
            config.Channels[0].Customer = "ACME";
            config.Channels[0].Feed = "A";
            config.Channels[1].CtRatedAmps = 50.0;
            CircuitConfig a = new CircuitConfig("A", new int[] { 1, 2, 3 }, 32.0);
            a.Role = CircuitRoles.ItLoad;
            a.Customer = "ACME";
            config.Circuits = new CircuitConfig[] { a };
            return config;
        }

        /// <summary>An MPP18-sized configuration with three 1-phase circuits on channels 4, 5, 6.</summary>
        public static MeterConfig ThreeCircuits()
        {
            MeterConfig config = new MeterConfig(18);
            config.Circuits = new CircuitConfig[]
            {
                new CircuitConfig("C1", new int[] { 4 }, 16.0),
                new CircuitConfig("C2", new int[] { 5 }, 20.0),
                new CircuitConfig("C3", new int[] { 6 }, 25.0),
            };
            return config;
        }

        public static MeasurementSnapshot Snapshot(int channels, string[] circuitNames)
        {
            PhaseValues[] phases = new PhaseValues[3];
            for (int p = 0; p < 3; p++)
            {
                phases[p] = new PhaseValues(p);
                phases[p].Vrms = 230.06 + p;
                phases[p].FundamentalVrms = 229.94 + p;
                phases[p].FrequencyHz = 50.004;
                phases[p].ThdPercent = 2.46;
                phases[p].Present = p != 2;
            }

            phases[0].AngleDeg = 0.0;
            phases[1].AngleDeg = -120.04;
            phases[2].AngleDeg = -179.96;

            ChannelValues[] values = new ChannelValues[channels];
            for (int c = 0; c < channels; c++)
            {
                ChannelValues v = new ChannelValues(c + 1, c % 3);
                v.Irms = 16.2504 + c;
                v.ActivePowerW = 3500.4 + c;
                v.ReactivePowerVar = -250.5;
                v.ApparentPowerVA = 3700.5;
                v.PowerFactor = 0.9456;
                v.CosPhi = 0.9994;
                v.ThdPercent = 12.34;
                v.LoadPercentOfCt = 16.25;
                v.ImportEnergyMilliWh = 123456789;
                v.ExportEnergyMilliWh = 999;
                v.ImportReactiveMilliVarh = 10000000000000L;
                v.ExportReactiveMilliVarh = 0;
                values[c] = v;
            }

            if (channels > 1)
            {
                // Channel 2 exports: P, PF and cos phi are negative.
                values[1].ActivePowerW = -1234.5;
                values[1].PowerFactor = -0.9856;
                values[1].CosPhi = -1.0;
            }

            CircuitValues[] circuits = new CircuitValues[circuitNames.Length];
            for (int k = 0; k < circuits.Length; k++)
            {
                CircuitValues v = new CircuitValues(k, circuitNames[k], k == 0 && channels == 3 ? 3 : 1, 32.0);
                v.MaxIrms = 18.0 + k;
                v.LoadPercent = 56.25;
                v.ActivePowerW = 11000.6;
                v.ReactivePowerVar = 500.0;
                v.ApparentPowerVA = 11500.0;
                v.PowerFactor = 0.9566;
                v.CurrentUnbalancePercent = 3.14;
                v.NeutralCurrentA = 1.5;
                v.ImportEnergyMilliWh = 5000000L + k;
                v.ExportEnergyMilliWh = -5;
                circuits[k] = v;
            }

            MeasurementSnapshot s = new MeasurementSnapshot(phases, values, circuits);
            s.Sequence = 0x100000007L;
            s.Timestamp = SnapshotTime;
            s.FrequencyHz = 49.996;
            s.VoltageUnbalancePercent = 0.84;
            return s;
        }
    }
}
