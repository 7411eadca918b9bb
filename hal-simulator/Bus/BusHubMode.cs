using System;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Simulator.Bus
{
    /// <summary>
    /// `hal-simulator --bus-hub PORT`: the process runs the bus hub instead of a probe, until SIGINT/SIGTERM.
    /// Prints one line per port. Program.Main calls Run when options.BusHubPort >= 0.
    /// </summary>
    public static class BusHubMode
    {
        public static int Run(SimulatorOptions options)
        {
            var line = new BusLine(options.BusBaud, options.BusParity, 1);
            BusHub hub;
            try
            {
                hub = new BusHub(line, options.BindAddress, options.BusHubPort, options.BusRawPort, options.BusControlPort);
                hub.Start();
            }
            catch (SocketException e)
            {
                Console.Error.WriteLine("error: cannot start the bus hub on " + options.BindAddress + ":" + options.BusHubPort + ": " + e.Message);
                return 1;
            }

            using ManualResetEventSlim shutdown = new ManualResetEventSlim(false);
            using PosixSignalRegistration onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; shutdown.Set(); });
            using PosixSignalRegistration onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; shutdown.Set(); });
            string host = options.BindAddress;
            Console.Out.WriteLine("bus hub " + line.BaudRate + " baud 8" + SerialParity.Letter(line.Parity) + "1");
            Console.Out.WriteLine("bus     tcp://" + host + ":" + hub.NodePort + " (nodes: hal-simulator --bus " + host + ":" + hub.NodePort + ")");
            Console.Out.WriteLine("raw     tcp://" + host + ":" + hub.RawPort + " (socat pty,link=/tmp/ttyBUS,raw,echo=0 TCP:" + host + ":" + hub.RawPort + ")");
            Console.Out.WriteLine("control tcp://" + host + ":" + hub.ControlPort + " (nodes | unplug NAME | replug NAME | wrongbaud NAME on|off | noise N | line 115200/8E1)");
            Console.Out.Flush();
            shutdown.Wait();
            hub.Dispose();
            Console.Out.WriteLine("bus hub stopped");
            return 0;
        }
    }
}
