using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Ipenergy.Probe.App;
using Ipenergy.Probe.Bus;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Protocols.Modbus;
using Ipenergy.Probe.Protocols.Modbus.Maps;
using Ipenergy.Probe.Simulator.Bus;

namespace Ipenergy.Probe.Benchmarks
{
    /// <summary>
    /// Bus modules for the gateway of the heap budget: each an MPP18 answering the vendor map of a zero snapshot
    /// (the firmware's RtuSlave on its own thread and its own socket to the hub), at addresses 1..N. They are the
    /// benchmark's objects, not the measured app's: they exist before the baseline is taken.
    /// </summary>
    public sealed class HeapBudgetSlaves : IDisposable
    {
        private readonly List<SimulatedSerialPort> _ports = new List<SimulatedSerialPort>();
        private readonly List<Thread> _threads = new List<Thread>();
        private volatile bool _stop;

        public HeapBudgetSlaves(BusHub hub, BusLine line, int count, int channels)
        {
            for (int address = 1; address <= count; address++)
            {
                string name = "M" + address.ToString(CultureInfo.InvariantCulture);
                var port = new SimulatedSerialPort("127.0.0.1", hub.NodePort, name, line);
                _ports.Add(port);
                if (!port.WaitConnected(5000))
                {
                    throw new InvalidOperationException("module " + address + " did not connect to the hub");
                }

                var map = new VendorMap(new ZeroSource(channels), channels, 0);
                var processor = new ModbusPduProcessor(map, new ModbusDeviceIdentification(ModbusDeviceIdentification.ProductCodeFor(channels), "heap"));
                var slave = new RtuSlave(port, new SystemBusClock(), processor, address, new BusAddressingResponder(BusAddressing.KeyOf(name), address, address));
                var thread = new Thread(() =>
                {
                    while (!_stop)
                    {
                        slave.ServeOnce(100);
                    }
                }) { IsBackground = true };
                thread.Start();
                _threads.Add(thread);
            }
        }

        public void Dispose()
        {
            _stop = true;
            foreach (Thread t in _threads)
            {
                t.Join();
            }

            foreach (SimulatedSerialPort p in _ports)
            {
                p.Dispose();
            }
        }

        private sealed class ZeroSource : IMeasurementSource
        {
            private readonly MeasurementSnapshot _snapshot;

            public ZeroSource(int channels)
            {
                _snapshot = ModuleImageDecoder.NewSnapshot(channels);
            }

            public MeasurementSnapshot Latest { get { return _snapshot; } }
        }
    }
}
