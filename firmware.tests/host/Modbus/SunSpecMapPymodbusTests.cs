using Ipenergy.Probe.Hal;
using System.IO;
using System.Text.Json;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Protocols.Modbus;
using Ipenergy.Probe.Protocols.Modbus.Maps;
using Ipenergy.Probe.Tests.CompileGate;
using Ipenergy.Probe.Tests.Unit.ModbusMaps;
using Xunit;

namespace Ipenergy.Probe.Tests.Modbus
{
    /// <summary>
    /// pymodbus walks the SunSpec chain of the unit-1 register space over real Modbus-TCP, decodes every
    /// model with the official JSON definitions (points, types, scale factors) and the values agree with
    /// the hand-made snapshot the maps read.
    /// </summary>
    public class SunSpecMapPymodbusTests
    {
        /// <summary>The SunSpec walk (pymodbus): argv port, models folder; prints the decoded models as JSON.</summary>
        internal const string Walk = @"
import sys, json, os
from pymodbus.client import ModbusTcpClient
port = int(sys.argv[1]); models_dir = sys.argv[2]
c = ModbusTcpClient('127.0.0.1', port=port, timeout=5)
assert c.connect(), 'connect'
def read(addr, n):
    out = []
    while n > 0:
        k = min(n, 125)
        r = c.read_holding_registers(addr, k, slave=1)
        if r.isError():
            raise SystemExit('exception at %d: %s' % (addr, r))
        out += r.registers; addr += k; n -= k
    return out
assert read(40000, 2) == [0x5375, 0x6E53], 'SunS marker'
addr = 40002; models = []
while True:
    mid, length = read(addr, 2)
    if mid == 0xFFFF:
        assert length == 0
        break
    regs = read(addr, 2 + length)
    points = json.load(open(os.path.join(models_dir, 'model_%d.json' % mid)))['group']['points']
    off = 0; raw = {}; defs = {}
    for p in points:
        w = regs[off:off + p['size']]; t = p['type']
        if t == 'string':
            v = bytes(b for x in w for b in (x >> 8, x & 255)).rstrip(b'\0').decode('ascii')
        elif t in ('int16', 'sunssf'):
            v = None if w[0] == 0x8000 else (w[0] - 65536 if w[0] >= 32768 else w[0])
        elif t == 'uint16':
            v = None if w[0] == 0xFFFF else w[0]
        elif t in ('acc32', 'bitfield32'):
            v = (w[0] << 16) | w[1]
        else:
            v = None
        raw[p['name']] = v; defs[p['name']] = p; off += p['size']
    assert off == 2 + length, 'model %d length' % mid
    values = {}
    for name, v in raw.items():
        sf = defs[name].get('sf')
        if sf:
            v = None if v is None or raw.get(sf) is None else v * 10 ** raw[sf]
        values[name] = v
    models.append(values)
    addr += 2 + length
c.close()
print(json.dumps(models))
";

        [Fact]
        public void WalkDecodesWithTheOfficialDefinitionsAndAgreesWithTheSnapshot()
        {
            var source = new FixedMeasurementSource { Latest = MapFixtures.Snapshot(6, 2) };
            MeterConfig config = MapFixtures.MixedConfig();
            CompositeRegisterMap map = ProbeRegisterMap.Create(source, config, new RecordingConfigStore(config), new ManualClock(),
                new DeviceIdentity("MPP18", "rev B", "0.5.0", "EP18-000123"), 1);
            var server = new ModbusTcpServer(new ModbusPduProcessor(map, new ModbusDeviceIdentification("MPP18", "0.5.0")), "127.0.0.1", 0);
            server.Start();
            try
            {
                var r = ModbusPeerRunner.Python(Walk, server.Port.ToString(), Path.Combine(RepoLayout.Root, "tools", "sunspec"));
                Assert.True(r.ExitCode == 0, r.ToString());
                using JsonDocument doc = JsonDocument.Parse(r.Stdout);
                JsonElement models = doc.RootElement;
                Assert.Equal(3, models.GetArrayLength());
                JsonElement common = models[0];
                Assert.Equal("IPenergy", common.GetProperty("Mn").GetString());
                Assert.Equal("MPP18", common.GetProperty("Md").GetString());
                Assert.Equal("0.5.0", common.GetProperty("Vr").GetString());
                Assert.Equal("EP18-000123", common.GetProperty("SN").GetString());
                Assert.Equal(1, common.GetProperty("DA").GetInt32());

                JsonElement wye = models[1];
                Assert.Equal(203, wye.GetProperty("ID").GetInt32());
                Near(33.75, wye, "A", 0.005);
                Near(10.25, wye, "AphA", 0.005);
                Near(230.14, wye, "PhVphA", 0.05);
                Near(229.91, wye, "PhVphC", 0.05);
                Near(50.02, wye, "Hz", 0.005);
                Near(6300, wye, "W", 0.5);
                Near(2100, wye, "WphB", 0.5);
                Near(600, wye, "VAR", 0.05);
                Near(7800, wye, "VA", 0.5);
                Near(100.0 * 6300 / 7800, wye, "PF", 0.005);
                Near(370373, wye, "TotWhImp", 0);
                Near(123456, wye, "TotWhImpPhA", 0);
                Near(7, wye, "TotWhExp", 0);
                Assert.Equal(JsonValueKind.Null, wye.GetProperty("PPV").ValueKind);

                JsonElement single = models[2];
                Assert.Equal(201, single.GetProperty("ID").GetInt32());
                Near(13.25, single, "A", 0.005);
                Near(2300, single, "W", 0.05);
                Near(123459, single, "TotWhImp", 0);
                Assert.Equal(JsonValueKind.Null, single.GetProperty("AphB").ValueKind);
            }
            finally
            {
                server.Stop();
            }
        }

        private static void Near(double expected, JsonElement model, string point, double tolerance)
        {
            JsonElement value = model.GetProperty(point);
            Assert.True(value.ValueKind == JsonValueKind.Number, point + " is " + value.ValueKind);
            double actual = value.GetDouble();
            Assert.True(System.Math.Abs(expected - actual) <= tolerance, point + ": expected " + expected + ", got " + actual);
        }
    }
}
