using System;
using Ipenergy.Probe.Bus;
using Ipenergy.Probe.Tests.Unit.Bus;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Bus
{
    /// <summary>
    /// Host-only checks of the bus core on the virtual bus: no allocation per frame in steady state
    /// (GC.GetAllocatedBytesForCurrentThread around whole poll cycles), the cycle times the README quotes,
    /// and a poller that survives random garbage between and inside its transactions.
    /// </summary>
    public sealed class BusHostTests
    {
        private readonly ITestOutputHelper _output;

        public BusHostTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private static BusPoller Gateway(VirtualBus bus, int modules)
        {
            RtuMaster master = new RtuMaster(bus.AddPort(115200), bus);
            BusPoller poller = new BusPoller(master, new ModuleCache(new[] { new RegisterRange(true, 0, 125), new RegisterRange(false, 200, 64) }), bus, null);
            int[] addresses = new int[modules];
            for (int i = 0; i < modules; i++)
            {
                SimulatedModule module = new SimulatedModule(i + 1, 115200, 100 * i);
                module.ReplyDelayUs = 1750;
                bus.AddNode(module);
                addresses[i] = i + 1;
            }

            poller.SetAddresses(addresses);
            return poller;
        }

        [Fact]
        public void PollCyclesAllocateNothingInSteadyState()
        {
            VirtualBus bus = new VirtualBus();
            BusPoller poller = Gateway(bus, 8);
            poller.PollCycle();
            poller.PollCycle();
            byte[] image = new byte[poller.Cache.ImageBytes];
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 50; i++)
            {
                poller.PollCycle();
                poller.Cache.CopyImage(1 + (i % 8), image, 0);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            _output.WriteLine("50 cycles x 8 modules x 2 transactions: " + allocated + " bytes allocated");
            Assert.Equal(0, allocated);
        }

        [Fact]
        public void SlaveAnswersAllocateNothing()
        {
            VirtualBus bus = new VirtualBus();
            VirtualBusPort masterPort = bus.AddPort(115200);
            var processor = new Ipenergy.Probe.Protocols.Modbus.ModbusPduProcessor(
                Ipenergy.Probe.Tests.Unit.Modbus.TestRegisterBank.SpecificationExample(),
                new Ipenergy.Probe.Protocols.Modbus.ModbusDeviceIdentification("MPP3", "1.0"));
            var slave = new Ipenergy.Probe.Protocols.Modbus.RtuSlave(bus.AddPort(115200), bus, processor, 3, new BusAddressingResponder(5, 6, 3));
            RtuFrameReader reader = new RtuFrameReader(masterPort);
            RtuFrameWriter writer = new RtuFrameWriter(masterPort, reader, bus);
            byte[] read = { 0x03, 0x00, 0x6B, 0x00, 0x03 };
            byte[] write = { 0x06, 0x00, 0x01, 0x00, 0x03 };
            writer.Send(3, read, 0, 5);
            slave.ServeOnce(10);
            reader.ReadFrame(100);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 200; i++)
            {
                writer.Send(i % 3 == 0 ? 0 : 3, i % 2 == 0 ? read : write, 0, 5);
                slave.ServeOnce(10);
                if (i % 3 != 0 && reader.ReadFrame(100) == 0)
                {
                    Assert.Fail("no answer to request " + i);
                }
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            _output.WriteLine("200 requests served: " + allocated + " bytes allocated");
            Assert.Equal(0, allocated);
        }

        [Fact]
        public void CycleTimesAt115200ForTheReadme()
        {
            foreach (int count in new[] { 1, 8, 31 })
            {
                VirtualBus bus = new VirtualBus();
                BusPoller poller = Gateway(bus, count);
                poller.PollCycle();
                poller.PollCycle();
                long computed = count * (4 * 1750 + RtuTiming.FrameMicroseconds(8 + 255 + 8 + 133, 115200));
                _output.WriteLine(count + " slaves: measured " + poller.LastCycleUs + " us, computed " + computed + " us");
                Assert.InRange(poller.LastCycleUs, computed - 5 * count, computed + 5 * count);
            }
        }

        [Fact]
        public void RandomGarbageIsSurvivedAndCounted()
        {
            VirtualBus bus = new VirtualBus();
            BusPoller poller = Gateway(bus, 4);
            Random random = new Random(1234);
            byte[] noise = new byte[40];
            int goodBefore = 0;
            for (int cycle = 0; cycle < 40; cycle++)
            {
                // A burst somewhere inside the next ~200 ms (the cycle lasts ~182 ms).
                random.NextBytes(noise);
                bus.InjectGarbage(noise, bus.NowUs + random.Next(0, 200000), 115200);
                poller.PollCycle();
                Assert.True(poller.LastCycleUs < 4 * 45600 + 2 * 4 * 101000, "cycle bounded: " + poller.LastCycleUs);
            }

            int errors = 0;
            for (int a = 1; a <= 4; a++)
            {
                goodBefore += poller.Cache.GoodPollsOf(a);
                errors += poller.Master.CrcErrorsOf(a) + poller.Master.TimeoutsOf(a) + poller.Master.UnexpectedOf(a);
            }

            _output.WriteLine("40 cycles x 4 modules with 40 noise bursts: " + goodBefore + " good polls, " + errors +
                " errors counted (reader: crc " + poller.Master.Reader.CrcErrors + ", framing " + poller.Master.Reader.FramingErrors +
                ", overruns " + poller.Master.Reader.Overruns + "), collisions " + bus.Collisions);
            Assert.True(errors > 0, "the noise was noticed");
            Assert.True(goodBefore > 120, "most polls still good: " + goodBefore);
            poller.PollCycle();
            for (int a = 1; a <= 4; a++)
            {
                Assert.True(poller.Cache.IsOnline(a), "module " + a + " online after the noise");
            }
        }
    }
}
