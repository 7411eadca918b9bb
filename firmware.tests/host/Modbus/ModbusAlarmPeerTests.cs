using System;
using System.IO;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Protocols.Modbus;
using Ipenergy.Probe.Protocols.Modbus.Maps;
using Ipenergy.Probe.Storage.Alarms;
using Ipenergy.Probe.Tests.CompileGate;
using Ipenergy.Probe.Tests.Unit.ModbusMaps;
using Xunit;

namespace Ipenergy.Probe.Tests.Modbus
{
    /// <summary>
    /// Real Modbus-TCP clients (pymodbus, mbpoll) read the alarm registers of the unit-1 register space built
    /// by ProbeRegisterMap.Create with an alarm journal: the vendor header bits/level/counts, the alarm rows,
    /// and each SunSpec meter's Evt decoded with the official model JSON; then an alarm clears while the
    /// server runs and the registers follow.
    /// </summary>
    public class ModbusAlarmPeerTests
    {
        private static readonly DateTime T0 = new DateTime(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);

        /// <summary>Reads the vendor alarm registers with function 04: argv port; prints JSON.</summary>
        private const string VendorRead = @"
import sys, json
from pymodbus.client import ModbusTcpClient
c = ModbusTcpClient('127.0.0.1', port=int(sys.argv[1]), timeout=5)
assert c.connect(), 'connect'
def read(addr, n):
    r = c.read_input_registers(addr, n, slave=1)
    if r.isError():
        raise SystemExit('exception at %d: %s' % (addr, r))
    return r.registers
h = read(1000, 24)
out = {'version': h[0], 'alarms': (h[4] << 16) | h[5], 'level': h[16], 'active': h[17], 'critical': h[18],
       'unacknowledged': h[19], 'criticalAlarms': (h[20] << 16) | h[21], 'deviceLevel': h[22], 'deviceAlarms': h[23],
       'phases': read(1140, 6), 'channels': read(1150, 12), 'circuits': read(1930, 4)}
beyond = c.read_input_registers(1934, 1, slave=1)
out['beyondCircuits'] = beyond.exception_code if beyond.isError() else 0
c.close()
print(json.dumps(out))
";

        [Fact]
        public void PymodbusReadsVendorAlarmsAndSunSpecEvt()
        {
            AlarmJournal journal = Journal();
            Raise(journal, AlarmCodes.SourcePhase, 1, AlarmCodes.UnderVoltage, AlarmCodes.LevelWarning);
            Raise(journal, AlarmCodes.SourceChannel, 4, AlarmCodes.OverCurrent, AlarmCodes.LevelCritical);
            Raise(journal, AlarmCodes.SourceCircuit, 1, AlarmCodes.LoadHigh, AlarmCodes.LevelCritical);
            Raise(journal, AlarmCodes.SourceDevice, 0, AlarmCodes.FrequencyHigh, AlarmCodes.LevelWarning);
            uint lowLoad = Raise(journal, AlarmCodes.SourceCircuit, 2, AlarmCodes.LowLoad, AlarmCodes.LevelWarning);
            Assert.True(journal.Acknowledge(lowLoad, "ops", T0.AddMinutes(1)));

            using var server = Start(journal);
            JsonDocument vendor = RunVendorRead(server.Port);
            JsonElement v = vendor.RootElement;
            Assert.Equal(VendorMapLayout.Version, v.GetProperty("version").GetInt32());
            Assert.Equal(0x8F, v.GetProperty("alarms").GetInt32());
            Assert.Equal(2, v.GetProperty("level").GetInt32());
            Assert.Equal(5, v.GetProperty("active").GetInt32());
            Assert.Equal(2, v.GetProperty("critical").GetInt32());
            Assert.Equal(4, v.GetProperty("unacknowledged").GetInt32());
            Assert.Equal(0x3, v.GetProperty("criticalAlarms").GetInt32());
            Assert.Equal(1, v.GetProperty("deviceLevel").GetInt32());
            Assert.Equal(0x80, v.GetProperty("deviceAlarms").GetInt32());
            Assert.Equal(new[] { 0, 0, 1, 8, 0, 0 }, Ints(v.GetProperty("phases")));
            Assert.Equal(new[] { 0, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0 }, Ints(v.GetProperty("channels")));
            Assert.Equal(new[] { 2, 1, 1, 4 }, Ints(v.GetProperty("circuits")));
            Assert.Equal(2, v.GetProperty("beyondCircuits").GetInt32());

            JsonElement models = RunWalk(server.Port);
            Assert.Equal(203, models[1].GetProperty("ID").GetInt32());
            Assert.Equal((1 << 3) | (1 << 5) | (1 << 16) | (1 << 19), models[1].GetProperty("Evt").GetInt64());
            Assert.Equal(201, models[2].GetProperty("ID").GetInt32());
            Assert.Equal((1 << 5) | (1 << 17) | (1 << 19), models[2].GetProperty("Evt").GetInt64());

            // The L2 under-voltage clears and the channel over-current drops to warning: the registers follow.
            Append(journal, AlarmCodes.EventCleared, AlarmCodes.SourcePhase, 1, AlarmCodes.UnderVoltage, AlarmCodes.LevelNormal);
            Append(journal, AlarmCodes.EventChanged, AlarmCodes.SourceChannel, 4, AlarmCodes.OverCurrent, AlarmCodes.LevelWarning);
            v = RunVendorRead(server.Port).RootElement;
            Assert.Equal(0x87, v.GetProperty("alarms").GetInt32());
            Assert.Equal(4, v.GetProperty("active").GetInt32());
            Assert.Equal(1, v.GetProperty("critical").GetInt32());
            Assert.Equal(0x1, v.GetProperty("criticalAlarms").GetInt32());
            Assert.Equal(new[] { 0, 0, 0, 0, 0, 0 }, Ints(v.GetProperty("phases")));
            Assert.Equal(1, Ints(v.GetProperty("channels"))[6]);
            models = RunWalk(server.Port);
            Assert.Equal((1 << 5) | (1 << 16) | (1 << 19), models[1].GetProperty("Evt").GetInt64());
        }

        [Fact]
        public void MbpollReadsTheHeaderAlarmRegisters()
        {
            AlarmJournal journal = Journal();
            Raise(journal, AlarmCodes.SourcePhase, 2, AlarmCodes.PhaseLost, AlarmCodes.LevelCritical);
            Raise(journal, AlarmCodes.SourceCircuit, 2, AlarmCodes.NeutralCurrent, AlarmCodes.LevelWarning);
            using var server = Start(journal);
            var r = ModbusPeerRunner.Mbpoll("-m", "tcp", "-p", server.Port.ToString(), "-1", "-0", "-o", "5", "-a", "1", "-t", "3",
                "-r", "1004", "-c", "2", "127.0.0.1");
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Equal(0, ValueAt(r.Stdout, 1004));
            Assert.Equal((1 << AlarmCodes.PhaseLost) | (1 << AlarmCodes.NeutralCurrent), ValueAt(r.Stdout, 1005));

            r = ModbusPeerRunner.Mbpoll("-m", "tcp", "-p", server.Port.ToString(), "-1", "-0", "-o", "5", "-a", "1", "-t", "4",
                "-r", "1016", "-c", "8", "127.0.0.1");
            Assert.True(r.ExitCode == 0, r.ToString());
            int[] expected = { 2, 2, 1, 2, 0, 1 << AlarmCodes.PhaseLost, 0, 0 };
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i], ValueAt(r.Stdout, 1016 + i));
            }
        }

        private static AlarmJournal Journal()
        {
            var journal = new AlarmJournal(null);
            journal.Open();
            return journal;
        }

        private static uint Raise(AlarmJournal journal, int source, int index, int condition, int level)
        {
            return Append(journal, AlarmCodes.EventRaised, source, index, condition, level);
        }

        private static uint Append(AlarmJournal journal, int kind, int source, int index, int condition, int level)
        {
            return journal.Append(new AlarmEntry
            {
                Kind = kind, TimestampUtc = T0.AddSeconds(journal.NextId), Source = source, SourceIndex = index,
                Condition = condition, Level = level, Value = 1, Threshold = 1,
            });
        }

        private sealed class RunningServer : IDisposable
        {
            public ModbusTcpServer Server;

            public int Port { get { return Server.Port; } }

            public void Dispose()
            {
                Server.Stop();
            }
        }

        private static RunningServer Start(AlarmJournal journal)
        {
            var source = new FixedMeasurementSource { Latest = MapFixtures.Snapshot(6, 2) };
            MeterConfig config = MapFixtures.MixedConfig();
            CompositeRegisterMap map = ProbeRegisterMap.Create(source, config, new RecordingConfigStore(config), new ManualClock(),
                new DeviceIdentity("MPP18", "rev B", "0.5.0", "EP18-000123"), 1, journal);
            var server = new ModbusTcpServer(new ModbusPduProcessor(map, new ModbusDeviceIdentification("MPP18", "0.5.0")), "127.0.0.1", 0);
            server.Start();
            return new RunningServer { Server = server };
        }

        private static JsonDocument RunVendorRead(int port)
        {
            var r = ModbusPeerRunner.Python(VendorRead, port.ToString());
            Assert.True(r.ExitCode == 0, r.ToString());
            return JsonDocument.Parse(r.Stdout);
        }

        private static JsonElement RunWalk(int port)
        {
            var r = ModbusPeerRunner.Python(SunSpecMapPymodbusTests.Walk, port.ToString(), Path.Combine(RepoLayout.Root, "tools", "sunspec"));
            Assert.True(r.ExitCode == 0, r.ToString());
            JsonElement models = JsonDocument.Parse(r.Stdout).RootElement;
            Assert.Equal(3, models.GetArrayLength());
            return models;
        }

        private static int[] Ints(JsonElement array)
        {
            var values = new int[array.GetArrayLength()];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = array[i].GetInt32();
            }

            return values;
        }

        private static int ValueAt(string stdout, int reference)
        {
            Match m = Regex.Match(stdout, @"\[" + reference + @"\]:\s+(-?\d+)");
            Assert.True(m.Success, "no value for reference " + reference + " in:\n" + stdout);
            return int.Parse(m.Groups[1].Value);
        }
    }
}
