using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using Ipenergy.Probe.App;
using Ipenergy.Probe.Bus;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Protocols.Modbus;
using Ipenergy.Probe.Protocols.Modbus.Maps;
using Ipenergy.Probe.Simulator.Bus;

namespace Ipenergy.Probe.Benchmarks
{
    /// <summary>
    /// Bus cycle of the gateway for 1, 8 and 31 slaves on the simulated RS-485 line (hal-simulator BusHub: bytes
    /// paced at the baud rate, one talker at a time), against the floor computed from the frame sizes: every
    /// request and answer byte on the wire (11 bits at 8E1) plus the t3.5 silence that ends each frame. The
    /// slaves are the firmware's RtuSlave answering the vendor map of a fixed snapshot, each on its own thread and
    /// its own socket to the hub; the gateway is the firmware's GatewayService polling back to back (no idle time).
    /// </summary>
    public static class BusCycleBenchmark
    {
        public static void Run(int[] slaveCounts, int baud, int channels, int cycles)
        {
            var line = new BusLine(baud, SerialParity.Even, 1);
            Console.WriteLine($"Bus cycle, gateway polling N {(channels > 3 ? "MPP18" : "MPP3")} slaves back to back, {baud} baud 8E1, simulated line (hal-simulator BusHub); mean of {cycles} cycles after 2 warm-up cycles.");
            Console.WriteLine("Computed floor = request and answer bytes x 11 bits / baud + one t3.5 silence per frame, per module, for the ranges the gateway reads.");
            Console.WriteLine("| slaves | registers/module | bytes on the wire/module | computed floor ms | measured ms (mean) | measured ms (min-max) | measured/computed | all online |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|");
            foreach (int n in slaveCounts)
            {
                RunOne(line, n, channels, cycles);
            }
        }

        private static void RunOne(BusLine line, int n, int channels, int cycles)
        {
            // The gateway logs each module coming online: keep the table readable.
            var console = Console.Out;
            Console.SetOut(System.IO.TextWriter.Null);
            try
            {
                RunQuiet(line, n, channels, cycles, console);
            }
            finally
            {
                Console.SetOut(console);
            }
        }

        private static void RunQuiet(BusLine line, int n, int channels, int cycles, System.IO.TextWriter output)
        {
            using var hub = new BusHub(line);
            hub.Start();
            var slaves = new List<SlaveNode>();
            var gatewayPort = new SimulatedSerialPort("127.0.0.1", hub.NodePort, "GW", line);
            try
            {
                for (int a = 1; a <= n; a++)
                {
                    slaves.Add(new SlaveNode(hub, line, a, channels));
                }

                if (!gatewayPort.WaitConnected(5000))
                {
                    throw new InvalidOperationException("gateway did not connect to the hub");
                }

                var bus = new BusConfig { Baud = line.BaudRate, Parity = line.Parity, StopBits = line.StopBits, GatewayScanFrom = 1, GatewayScanTo = n, PollIntervalMs = 1 };
                var gateway = new GatewayService(gatewayPort, bus);
                BusPoller poller = gateway.Poller;
                for (int i = 0; i < 2 + 1; i++)
                {
                    poller.PollCycle();
                }

                var times = new List<double>();
                bool trace = Environment.GetEnvironmentVariable("BUS_BENCH_TRACE") == "1";
                for (int i = 0; i < cycles; i++)
                {
                    poller.PollCycle();
                    times.Add(poller.LastCycleUs / 1000.0);
                    if (trace)
                    {
                        // Per-cycle line with slave 1's error counters: a slow cycle is a retried frame.
                        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "cycle {0}: {1:F1} ms, slave 1 timeouts {2} crc {3} unexpected {4}",
                            i, poller.LastCycleUs / 1000.0, poller.Master.TimeoutsOf(1), poller.Master.CrcErrorsOf(1), poller.Master.UnexpectedOf(1)));
                    }
                }

                bool allOnline = true;
                for (int a = 1; a <= n; a++)
                {
                    allOnline &= poller.Cache.IsOnline(a);
                }

                // The ranges this model has (an MPP3 answers exception 02 to the optional MPP18 channel blocks,
                // retried rarely: left out), a slow range weighted by how often it is read.
                double registers = 0, wireBytes = 0, frames = 0;
                int channelEnd = VendorMapLayout.ChannelAddress + channels * VendorMapLayout.ChannelStride;
                foreach (RegisterRange range in poller.Cache.Ranges)
                {
                    if (range.Optional && range.Start >= VendorMapLayout.ChannelAddress && range.Start + range.Count > channelEnd)
                    {
                        continue;
                    }

                    double weight = 1.0 / Math.Max(1, range.EveryCycles);
                    registers += weight * range.Count;
                    wireBytes += weight * (8 + 5 + 2 * range.Count);
                    frames += weight * 2;
                }

                double charUs = 1e6 * line.BitsPerChar / line.BaudRate;
                double floorMs = n * (wireBytes * charUs + frames * RtuTiming.T35Microseconds(line.BaudRate)) / 1000.0;
                double mean = 0, min = double.MaxValue, max = 0;
                foreach (double t in times)
                {
                    mean += t / times.Count;
                    min = Math.Min(min, t);
                    max = Math.Max(max, t);
                }

                output.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1:F0} | {2:F0} | {3:F1} | {4:F1} | {5:F1}-{6:F1} | {7:F2} | {8} |",
                    n, registers, wireBytes, floorMs, mean, min, max, mean / floorMs, allOnline ? "yes" : "NO"));
            }
            finally
            {
                foreach (SlaveNode s in slaves)
                {
                    s.Dispose();
                }

                gatewayPort.Dispose();
            }
        }

        /// <summary>One slave: the firmware's RtuSlave over a vendor map of a fixed snapshot, serving on its own thread.</summary>
        private sealed class SlaveNode : IDisposable
        {
            private readonly SimulatedSerialPort _port;
            private readonly Thread _thread;
            private volatile bool _stop;

            public SlaveNode(BusHub hub, BusLine line, int address, int channels)
            {
                _port = new SimulatedSerialPort("127.0.0.1", hub.NodePort, "S" + address.ToString(CultureInfo.InvariantCulture), line);
                if (!_port.WaitConnected(5000))
                {
                    throw new InvalidOperationException("slave " + address + " did not connect to the hub");
                }

                var source = new FixedSource(FixedSnapshot(channels, address));
                var map = new VendorMap(source, channels, 0, null);
                var processor = new ModbusPduProcessor(map, new ModbusDeviceIdentification(ModbusDeviceIdentification.ProductCodeFor(channels), "bench"));
                var slave = new RtuSlave(_port, new SystemBusClock(), processor, address, new BusAddressingResponder(BusAddressing.KeyOf("S" + address), address, address));
                _thread = new Thread(() =>
                {
                    while (!_stop)
                    {
                        slave.ServeOnce(100);
                    }
                }) { IsBackground = true };
                _thread.Start();
            }

            public void Dispose()
            {
                _stop = true;
                _thread.Join();
                _port.Dispose();
            }
        }

        private static MeasurementSnapshot FixedSnapshot(int channels, int address)
        {
            var phases = new PhaseValues[3];
            for (int p = 0; p < 3; p++)
            {
                phases[p] = new PhaseValues(p) { Vrms = 230, FundamentalVrms = 230, FrequencyHz = 50, Present = true, AngleDeg = -120 * p };
            }

            var chans = new ChannelValues[channels];
            for (int c = 0; c < channels; c++)
            {
                chans[c] = new ChannelValues(c + 1, c % 3) { Irms = address + 0.1 * c, ActivePowerW = 230 * (address + 0.1 * c), ApparentPowerVA = 230 * (address + 0.1 * c), PowerFactor = 1, CosPhi = 1 };
            }

            return new MeasurementSnapshot(phases, chans, new CircuitValues[0]) { Sequence = 1, Timestamp = DateTime.UtcNow, FrequencyHz = 50 };
        }

        private sealed class FixedSource : IMeasurementSource
        {
            public FixedSource(MeasurementSnapshot s)
            {
                Latest = s;
            }

            public MeasurementSnapshot Latest { get; }
        }
    }
}
