using System.Threading;
using Ipenergy.Probe.Bus;
using Ipenergy.Probe.Protocols.Modbus;
using Ipenergy.Probe.Tests.BusSim;
using Ipenergy.Probe.Tests.Unit.Modbus;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Bus
{
    /// <summary>
    /// Automatic addressing in real time on the simulator's socket bus: RtuSlave threads with addressing
    /// responders, unaddressed, get free addresses from the gateway's AddressAssigner and answer there.
    /// </summary>
    public sealed class AddressingOverHubTests
    {
        private readonly ITestOutputHelper _output;

        public AddressingOverHubTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void TwoUnaddressedSlavesGetDistinctFreeAddresses()
        {
            using var bench = new BusBench();
            var slaves = new RtuSlave[2];
            var responders = new BusAddressingResponder[2];
            for (int i = 0; i < 2; i++)
            {
                var bank = new TestRegisterBank(20, 20, 0);
                bank.SetHolding(0, 100 * (i + 1));
                var processor = new ModbusPduProcessor(bank, new ModbusDeviceIdentification("MPP3", "1.0"));
                responders[i] = new BusAddressingResponder(BusAddressing.KeyOf("UA-" + i), 1000 + i, 0);
                slaves[i] = new RtuSlave(bench.Join("slave" + i), new SystemBusClock(), processor, 0, responders[i]);
                new Thread(slaves[i].Run) { IsBackground = true }.Start();
            }

            var clock = new SystemBusClock();
            var master = new RtuMaster(bench.Join("gateway"), clock);
            var poller = new BusPoller(master, new ModuleCache(new[] { new RegisterRange(true, 0, 10) }), clock, null);
            poller.SetAddresses(new[] { 1, 2, 3 });
            poller.Assigner = new AddressAssigner(master);
            try
            {
                poller.PollCycle();
                // In real time under load an answer can be lost; the gateway runs again later (here at once).
                int assigned = 0;
                for (int run = 0; run < 5 && assigned < 2; run++)
                {
                    assigned += poller.AssignAddresses();
                }

                _output.WriteLine("assigned " + assigned + " in " + poller.Assigner.Queries + " queries, " + poller.Assigner.Collisions
                    + " collisions; addresses " + responders[0].Address + ", " + responders[1].Address
                    + "; garbage " + master.CrcErrorsOf(BusAddressing.UnaddressedAddress) + ", timeouts " + master.TimeoutsOf(BusAddressing.UnaddressedAddress));
                Assert.Equal(2, assigned);
                poller.PollCycle();
                Assert.True(poller.Cache.IsOnline(1) && poller.Cache.IsOnline(2), "polled at their new addresses");
                Assert.Equal(0, poller.AssignAddresses());
                Assert.NotEqual(responders[0].Address, responders[1].Address);
            }
            finally
            {
                slaves[0].Stop();
                slaves[1].Stop();
            }
        }
    }
}
