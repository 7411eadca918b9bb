using System;
using System.Diagnostics;
using System.Threading;
using Ipenergy.Probe.Simulator.Bus;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.BusSim
{
    /// <summary>The hub's raw port behind a socat pseudo-terminal: file IO and a real pymodbus RTU client join the bus.</summary>
    [Collection(AloneCollection.Name)]
    public sealed class PtyBridgeTests
    {
        private readonly ITestOutputHelper _output;

        public PtyBridgeTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void BytesWrittenToThePtyReachAPortAndItsAnswerComesBack()
        {
            string python = PeerProcess.Require("/usr/bin/python3", "python3");
            using var bench = new BusBench();
            SimulatedSerialPort port = bench.Join("A");
            using var bridge = new SocatPtyBridge(bench.Hub);
            byte[] request = BusBench.Frame(16, 0x30);
            byte[] answer = BusBench.Frame(24, 0x61);

            // The pty's user: writes the request, then collects up to 24 bytes for 5 s and prints them in hex.
            string script = string.Join("\n",
                "import os, sys, select, time",
                "fd = os.open(sys.argv[1], os.O_RDWR | os.O_NOCTTY)",
                "os.write(fd, bytes.fromhex(sys.argv[2]))",
                "got = b''",
                "end = time.time() + 5",
                "while len(got) < 24 and time.time() < end:",
                "    r, _, _ = select.select([fd], [], [], 0.1)",
                "    if r: got += os.read(fd, 64)",
                "print(got.hex())");
            using Process user = Process.Start(PeerProcess.StartInfo(python, null, "-c", script, bridge.PtyPath, Convert.ToHexString(request)));

            Assert.Equal(request, BusBench.ReadBytes(port, 16, 5000));
            port.Write(answer, 0, answer.Length);
            Assert.True(user.WaitForExit(10000), "the python pty user did not finish");
            string stdout = user.StandardOutput.ReadToEnd();   // a line of 48 hex digits: the pipe cannot fill
            string stderr = user.StandardError.ReadToEnd();
            Assert.True(user.ExitCode == 0, "python3 failed: " + stderr);
            Assert.Equal(Convert.ToHexString(answer).ToLowerInvariant(), stdout.Trim());

            BusNodeStats raw = bench.Control.Node(bridge.RawNodeName);
            Assert.Equal(16, raw.TxBytes);
            Assert.Equal(24, raw.RxBytes);
        }

        [Fact]
        public void APymodbusRtuClientOnThePtyReadsRegistersFromABusNode()
        {
            string python = PeerProcess.Require("/usr/bin/python3", "python3");
            using var bench = new BusBench();
            SimulatedSerialPort slave = bench.Join("slave-7");
            using var bridge = new SocatPtyBridge(bench.Hub);
            using var stop = new CancellationTokenSource();
            var responder = new TinyRtuResponder(slave, 7);
            var thread = new Thread(() => responder.Run(stop.Token)) { IsBackground = true };
            thread.Start();

            string script = string.Join("\n",
                "import sys",
                "try:",
                "    import serial",
                "    from pymodbus.client import ModbusSerialClient",
                "except ImportError as e:",
                "    print('missing python module: %s (apt-get install python3-pymodbus python3-serial)' % e); sys.exit(3)",
                // Linux ptys refuse parity in tcsetattr (EINVAL): the pty side says 8N1, the hub puts the bytes on
                // the bus at its own line (115200 8E1, the raw node's line).
                "c = ModbusSerialClient(port=sys.argv[1], baudrate=115200, parity='N', stopbits=1, bytesize=8, timeout=2)",
                "if not c.connect(): print('cannot open ' + sys.argv[1]); sys.exit(4)",
                "r = c.read_holding_registers(100, 4, slave=7)",
                "if r.isError(): print('error: %s' % r); sys.exit(5)",
                "print(' '.join(str(v) for v in r.registers))",
                "r = c.read_holding_registers(100, 2, slave=8)",
                "print('unit8 ' + ('error' if r.isError() else 'answered'))",
                "c.close()");
            PeerProcess.Result result = PeerProcess.Run(PeerProcess.StartInfo(python, null, "-c", script, bridge.PtyPath), 30000);
            stop.Cancel();
            thread.Join(2000);
            _output.WriteLine(result.ToString());
            _output.WriteLine("responder answered " + responder.Answered + " request(s), ignored " + responder.Ignored);

            Assert.True(result.ExitCode != 3, result.Stdout);
            Assert.Equal(0, result.ExitCode);
            string[] lines = result.Stdout.Trim().Split('\n');
            Assert.Equal("700 701 702 703", lines[0].Trim());
            Assert.Equal("unit8 error", lines[1].Trim());   // nobody at address 8: pymodbus times out
            Assert.Equal(1, responder.Answered);
        }
    }
}
