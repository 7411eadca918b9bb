using System;
using System.Diagnostics;
using System.Threading;
using Ipenergy.Probe.Bus;
using Ipenergy.Probe.Protocols.Modbus;
using Ipenergy.Probe.Simulator.Bus;
using Ipenergy.Probe.Tests.BusSim;
using Ipenergy.Probe.Tests.Unit.Bus;
using Ipenergy.Probe.Tests.Unit.Modbus;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Bus
{
    /// <summary>
    /// The bus core in real time on the simulator's socket bus (BusHub + SimulatedSerialPort): a gateway
    /// poller and three RtuSlave threads; unplugging a slave flags it within 3 polls while the others keep
    /// updating, and it is picked up again when plugged back.
    /// </summary>
    public sealed class BusOverHubTests
    {
        private readonly ITestOutputHelper _output;

        public BusOverHubTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void GatewayPollsThreeSlavesAndFlagsTheUnpluggedOne()
        {
            using var bench = new BusBench();
            var slaves = new RtuSlave[3];
            var banks = new TestRegisterBank[3];
            var threads = new Thread[3];
            for (int i = 0; i < 3; i++)
            {
                banks[i] = new TestRegisterBank(20, 20, 0);
                banks[i].SetHolding(0, 100 * (i + 1));
                var processor = new ModbusPduProcessor(banks[i], new ModbusDeviceIdentification("MPP3", "1.0"));
                slaves[i] = new RtuSlave(bench.Join("slave" + (i + 1)), new SystemBusClock(), processor, i + 1, null);
                RtuSlave slave = slaves[i];
                threads[i] = new Thread(slave.Run) { IsBackground = true };
                threads[i].Start();
            }

            var clock = new SystemBusClock();
            var master = new RtuMaster(bench.Join("gateway"), clock);
            var listener = new RecordingBusListener();
            var poller = new BusPoller(master, new ModuleCache(new[] { new RegisterRange(true, 0, 10) }), clock, listener);
            poller.SetAddresses(new[] { 1, 2, 3 });
            var regs = new byte[2];
            try
            {
                poller.PollCycle();
                Assert.Equal("+1 +2 +3", listener.Events);
                Assert.Equal(ModuleCache.Ok, poller.Cache.ReadRegisters(2, true, 0, 1, regs, 0));
                Assert.Equal(200, (regs[0] << 8) | regs[1]);

                bench.Hub.SetPlugged("slave2", false);
                var watch = Stopwatch.StartNew();
                int polls = 0;
                while (poller.Cache.IsOnline(2) && polls < 10)
                {
                    banks[0].SetHolding(0, 1000 + polls);
                    poller.PollCycle();
                    polls++;
                }

                _output.WriteLine("slave 2 offline after " + polls + " polls, " + watch.ElapsedMilliseconds + " ms; last cycle " + poller.LastCycleUs + " us");
                Assert.Equal(3, polls);
                Assert.Equal("+1 +2 +3 -2", listener.Events);
                Assert.Equal(ModuleCache.Ok, poller.Cache.ReadRegisters(1, true, 0, 1, regs, 0));
                Assert.Equal(1002, (regs[0] << 8) | regs[1]);
                Assert.True(poller.Cache.IsOnline(1) && poller.Cache.IsOnline(3), "the others stay online");

                bench.Hub.SetPlugged("slave2", true);
                poller.PollCycle();
                Assert.True(poller.Cache.IsOnline(2), "picked up again");
                Assert.Equal("+1 +2 +3 -2 +2", listener.Events);
                _output.WriteLine("slave 2 timeouts " + master.TimeoutsOf(2) + ", garbage " + master.CrcErrorsOf(2) + "; slave 1 timeouts " + master.TimeoutsOf(1));
            }
            finally
            {
                for (int i = 0; i < 3; i++)
                {
                    slaves[i].Stop();
                }

                for (int i = 0; i < 3; i++)
                {
                    Assert.True(threads[i].Join(3000), "slave thread " + (i + 1) + " stops");
                }
            }
        }
    }
}
