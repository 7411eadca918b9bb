using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Simulator.Bus;
using Ipenergy.Probe.Tests.BusSim;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.EndToEnd
{
    /// <summary>
    /// Three virtual e-Probe processes as bus slaves (addresses 2, 3, 4, different scenarios) on the simulated
    /// RS-485 bus (115200 8E1), and a real pymodbus RTU client on a socat pseudo-terminal joined to the bus that
    /// reads each slave directly: channel count and channel 1's current from the vendor map. An address nobody
    /// holds times out; garbage on the bus does not stop the slaves answering.
    /// </summary>
    [Collection(AloneCollection.Name)]
    public sealed class BusSlaveEndToEndTests : IDisposable
    {
        private readonly ITestOutputHelper _output;
        private readonly string _dir = Directory.CreateTempSubdirectory("eprobe-bus-").FullName;

        public BusSlaveEndToEndTests(ITestOutputHelper output)
        {
            _output = output;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(_dir, true);
            }
            catch (IOException)
            {
                // Left in /tmp: harmless.
            }
        }

        [Fact]
        public void APymodbusRtuClientOnAPtyReadsEachSlaveProcessDirectly()
        {
            string python = PeerProcess.Require("/usr/bin/python3", "python3");
            using var hub = new BusHub(new BusLine(115200, SerialParity.Even, 1));
            hub.Start();
            using var bridge = new SocatPtyBridge(hub);
            double[] amps = { 11.0, 22.0, 33.0 };
            using var slaves = new BusSlaveProcesses(hub, _dir, "BUS", amps);
            slaves.WaitForFirstSecond();
            hub.InjectNoise(300);
            string script = string.Join("\n",
                "import sys, struct",
                "try:",
                "    import serial",
                "    from pymodbus.client import ModbusSerialClient",
                "except ImportError as e:",
                "    print('missing python module: %s (apt-get install python3-pymodbus python3-serial)' % e); sys.exit(3)",
                // Linux ptys refuse parity settings: the pty side is 8N1, the hub carries the bytes at 8E1.
                "c = ModbusSerialClient(port=sys.argv[1], baudrate=115200, parity='N', stopbits=1, bytesize=8, timeout=1, retries=3)",
                "if not c.connect(): print('cannot open ' + sys.argv[1]); sys.exit(4)",
                "for unit in (2, 3, 4):",
                "    h = c.read_holding_registers(1001, 1, slave=unit)",
                "    i = c.read_input_registers(1204, 2, slave=unit)",
                "    if h.isError() or i.isError(): print('unit%d error %s %s' % (unit, h, i)); continue",
                "    amps = struct.unpack('>f', struct.pack('>HH', *i.registers))[0]",
                "    print('unit%d channels %d current %.3f' % (unit, h.registers[0], amps))",
                "r = c.read_holding_registers(1001, 1, slave=9)",
                "print('unit9 ' + ('error' if r.isError() else 'answered'))",
                "c.close()");
            PeerProcess.Result result = PeerProcess.Run(PeerProcess.StartInfo(python, null, "-c", script, bridge.PtyPath), 60000);
            _output.WriteLine(result.ToString());
            Assert.True(result.ExitCode != 3, result.Stdout);
            Assert.Equal(0, result.ExitCode);
            string[] lines = result.Stdout.Trim().Split('\n').Select(l => l.Trim()).ToArray();
            for (int i = 0; i < amps.Length; i++)
            {
                string prefix = "unit" + (i + 2) + " channels 3 current ";
                string line = lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
                Assert.True(line != null, "no answer from unit " + (i + 2) + ": " + result.Stdout);
                double current = double.Parse(line.Substring(prefix.Length), CultureInfo.InvariantCulture);
                Assert.InRange(current, amps[i] * 0.99, amps[i] * 1.01);
            }

            Assert.Contains("unit9 error", lines);
            foreach (BusNodeStats node in hub.Nodes())
            {
                _output.WriteLine(node.ToString());
            }
        }
    }
}
