using System;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Protocols.Modbus.Maps;

namespace Ipenergy.Probe.Tests.Unit.ModbusMaps
{
    /// <summary>A measurement source whose latest snapshot the test sets.</summary>
    public sealed class FixedMeasurementSource : IMeasurementSource
    {
        public MeasurementSnapshot Latest { get; set; }
    }

    /// <summary>A clock the test moves by hand.</summary>
    public sealed class ManualClock : IClock
    {
        public long MonotonicMilliseconds { get; set; }

        public DateTime UtcNow { get { return new DateTime(2026, 1, 1, 0, 0, 0).AddMilliseconds(MonotonicMilliseconds); } }
    }

    /// <summary>A configuration store that records the JSON documents applied and can refuse them.</summary>
    public sealed class RecordingConfigStore : IModbusConfigStore
    {
        public RecordingConfigStore(MeterConfig current)
        {
            Current = current;
            Applied = "";
        }

        public MeterConfig Current { get; private set; }

        /// <summary>Last JSON document applied, "" before any.</summary>
        public string Applied { get; private set; }

        public int ApplyCount { get; private set; }

        /// <summary>Non-null: Apply returns it (the save failed).</summary>
        public string FailWith { get; set; }

        public string Apply(byte[] json, int offset, int length)
        {
            if (FailWith != null)
            {
                return FailWith;
            }

            ApplyCount++;
            Applied = new string(System.Text.Encoding.UTF8.GetChars(json, offset, length));
            return null;
        }

        /// <summary>What a real store would do after accepting: the new values in force.</summary>
        public void Replace(MeterConfig next)
        {
            Current = next;
        }
    }

    /// <summary>Hand-made snapshots and register reading helpers shared by the map tests.</summary>
    public static class MapFixtures
    {
        /// <summary>6 channels: circuit 1 is 3-phase on channels 1-3, circuit 2 is 1-phase on channel 4.</summary>
        public static MeterConfig MixedConfig()
        {
            MeterConfig config = new MeterConfig(6);
            config.Circuits = new CircuitConfig[]
            {
                new CircuitConfig("rack A", new int[] { 1, 2, 3 }, 32),
                new CircuitConfig("rack B", new int[] { 4 }, 16),
            };
            return config;
        }

        public static MeasurementSnapshot Snapshot(int channels, int circuits)
        {
            PhaseValues[] phases = new PhaseValues[3];
            double[] volts = new double[] { 230.14, 231.26, 229.91 };
            for (int p = 0; p < 3; p++)
            {
                phases[p] = new PhaseValues(p);
                phases[p].Vrms = volts[p];
                phases[p].FundamentalVrms = volts[p] - 0.5;
                phases[p].FrequencyHz = 50.02;
                phases[p].ThdPercent = 2.5 + p;
                phases[p].AngleDeg = -120.0 * p;
                phases[p].Present = true;
            }

            ChannelValues[] values = new ChannelValues[channels];
            for (int k = 0; k < channels; k++)
            {
                ChannelValues c = new ChannelValues(k + 1, k % 3);
                c.Irms = 10.0 + k + 0.25;
                c.ActivePowerW = 2000.0 + 100.0 * k;
                c.ReactivePowerVar = 300.0 - 100.0 * k;
                c.ApparentPowerVA = 2500.0 + 100.0 * k;
                c.PowerFactor = c.ActivePowerW / c.ApparentPowerVA;
                c.CosPhi = 0.9;
                c.ThdPercent = 4.0;
                c.LoadPercentOfCt = 10.25 + k;
                c.ImportEnergyMilliWh = 123456789L + 1000L * k;
                c.ExportEnergyMilliWh = 2500L * k;
                c.ImportReactiveMilliVarh = 777L;
                c.ExportReactiveMilliVarh = 888L;
                values[k] = c;
            }

            CircuitValues[] circuitValues = new CircuitValues[circuits];
            for (int i = 0; i < circuits; i++)
            {
                CircuitValues v = new CircuitValues(i, i == 0 ? "rack A" : "rack B", i == 0 ? 3 : 1, i == 0 ? 32 : 16);
                v.ActivePowerW = i == 0 ? 6300.0 : 2300.0;
                v.ReactivePowerVar = i == 0 ? 600.0 : 0.0;
                v.ApparentPowerVA = i == 0 ? 7800.0 : 2800.0;
                v.PowerFactor = v.ActivePowerW / v.ApparentPowerVA;
                v.MaxIrms = 12.25;
                v.LoadPercent = 38.28125;
                v.ImportEnergyMilliWh = i == 0 ? 370373367L : 123459789L;
                v.ExportEnergyMilliWh = i == 0 ? 7500L : 7500L;
                circuitValues[i] = v;
            }

            MeasurementSnapshot s = new MeasurementSnapshot(phases, values, circuitValues);
            s.Sequence = 42;
            s.Timestamp = new DateTime(2026, 11, 25, 3, 0, 0);
            s.FrequencyHz = 50.02;
            s.VoltageUnbalancePercent = 0.4;
            return s;
        }

        public static int Word(byte[] buffer, int register)
        {
            return (buffer[2 * register] << 8) | buffer[2 * register + 1];
        }

        public static int Signed(byte[] buffer, int register)
        {
            return (short)Word(buffer, register);
        }

        public static long UInt32At(byte[] buffer, int register)
        {
            return ((long)Word(buffer, register) << 16) | (long)Word(buffer, register + 1);
        }

        public static long Int64At(byte[] buffer, int register)
        {
            return ((long)Word(buffer, register) << 48) | ((long)Word(buffer, register + 1) << 32)
                | ((long)Word(buffer, register + 2) << 16) | (long)Word(buffer, register + 3);
        }

        /// <summary>The float32 at register (big-endian word order), widened to double.</summary>
        public static double FloatAt(byte[] buffer, int register)
        {
            byte[] little = new byte[4];
            little[0] = buffer[2 * register + 3];
            little[1] = buffer[2 * register + 2];
            little[2] = buffer[2 * register + 1];
            little[3] = buffer[2 * register];
            return BitConverter.ToSingle(little, 0);
        }

        public static void Near(double expected, double actual, double tolerance, string what)
        {
            Assert(Math.Abs(expected - actual) <= tolerance, what + ": expected " + expected.ToString() + ", got " + actual.ToString());
        }

        private static void Assert(bool condition, string message)
        {
            nanoFramework.TestFramework.Assert.IsTrue(condition, message);
        }
    }
}
