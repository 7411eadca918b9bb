using Ipenergy.Probe.Bus;
using Ipenergy.Probe.Protocols.Modbus;
using Ipenergy.Probe.Tests.Unit.Bus;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Modbus
{
    /// <summary>
    /// A gateway's PDU processor: unit ids that are bus addresses are answered from the poller's cache
    /// (03/04 alike, 02 outside the cached ranges, 0B offline or unknown, 01 writes), its own unit id and 255
    /// from its own map, and a request costs no bus transaction.
    /// </summary>
    [TestClass]
    public class ModbusGatewayRouterTests
    {
        private static BusPoller Poller(VirtualBus bus, SimulatedModule[] modules)
        {
            RtuMaster master = new RtuMaster(bus.AddPort(115200), bus);
            BusPoller poller = new BusPoller(master, new ModuleCache(new RegisterRange[] { new RegisterRange(true, 0, 125) }), bus, null);
            int[] addresses = new int[modules.Length];
            for (int i = 0; i < modules.Length; i++)
            {
                modules[i].ReplyDelayUs = 1750;
                bus.AddNode(modules[i]);
                addresses[i] = modules[i].Address;
            }

            poller.SetAddresses(addresses);
            return poller;
        }

        private static ModbusPduProcessor Gateway(BusPoller poller)
        {
            ModbusPduProcessor processor = ModbusFrames.Processor(new TestRegisterBank(20, 0, 20));
            processor.Gateway = new ModbusGatewayRouter(poller.Cache);
            return processor;
        }

        [TestMethod]
        public void BusAddressesAreReadFromTheCache()
        {
            VirtualBus bus = new VirtualBus();
            SimulatedModule[] modules = new SimulatedModule[] { new SimulatedModule(2, 115200, 2000), new SimulatedModule(3, 115200, 3000) };
            BusPoller poller = Poller(bus, modules);
            poller.PollCycle();
            ModbusPduProcessor processor = Gateway(poller);
            int requestsBefore = modules[0].Requests + modules[1].Requests;

            ModbusFrames.AssertBytes(new byte[] { 0x03, 4, 0x07, 0xDA, 0x07, 0xDB }, ModbusFrames.Answer(processor, 2, new byte[] { 0x03, 0, 10, 0, 2 }), "unit 2, 03 at 10");
            ModbusFrames.AssertBytes(new byte[] { 0x04, 2, 0x0B, 0xF1 }, ModbusFrames.Answer(processor, 3, new byte[] { 0x04, 0, 57, 0, 1 }), "unit 3, 04 at 57");
            ModbusFrames.AssertException(processor, 2, new byte[] { 0x03, 0, 120, 0, 10 }, 0x03, 0x02, "beyond the cached range");
            ModbusFrames.AssertException(processor, 9, new byte[] { 0x03, 0, 0, 0, 1 }, 0x03, 0x0B, "not a polled address");
            ModbusFrames.AssertException(processor, 2, new byte[] { 0x06, 0, 0, 0, 1 }, 0x06, 0x01, "writes not forwarded");
            ModbusFrames.AssertException(processor, 2, new byte[] { 0x03, 0, 0, 0, 126 }, 0x03, 0x03, "quantity over 125");
            Assert.AreEqual(requestsBefore, modules[0].Requests + modules[1].Requests, "no bus traffic per TCP request");
        }

        [TestMethod]
        public void OwnUnitIdsKeepTheirOwnMap()
        {
            VirtualBus bus = new VirtualBus();
            BusPoller poller = Poller(bus, new SimulatedModule[] { new SimulatedModule(2, 115200, 2000) });
            poller.PollCycle();
            ModbusPduProcessor processor = Gateway(poller);
            byte[] own = ModbusFrames.Answer(processor, 1, new byte[] { 0x03, 0, 0, 0, 1 });
            byte[] direct = ModbusFrames.Answer(processor, 255, new byte[] { 0x03, 0, 0, 0, 1 });
            ModbusFrames.AssertBytes(own, direct, "unit 1 and 255 are the gateway itself");
            Assert.AreEqual(0x03, (int)own[0], "own map answers");
            processor.UnitId = 2;
            byte[] shadowed = ModbusFrames.Answer(processor, 2, new byte[] { 0x03, 0, 0, 0, 1 });
            ModbusFrames.AssertBytes(own, shadowed, "a bus address equal to the own unit id is the gateway");
        }

        [TestMethod]
        public void AnOfflineModuleAnswersGatewayTargetFailed()
        {
            VirtualBus bus = new VirtualBus();
            SimulatedModule[] modules = new SimulatedModule[] { new SimulatedModule(2, 115200, 2000), new SimulatedModule(3, 115200, 3000) };
            BusPoller poller = Poller(bus, modules);
            ModbusPduProcessor processor = Gateway(poller);
            ModbusFrames.AssertException(processor, 2, new byte[] { 0x03, 0, 0, 0, 1 }, 0x03, 0x0B, "never polled yet");
            poller.PollCycle();
            modules[1].Unplugged = true;
            poller.PollCycle();
            poller.PollCycle();
            ModbusFrames.AssertBytes(new byte[] { 0x03, 2, 0x0B, 0xB8 }, ModbusFrames.Answer(processor, 3, new byte[] { 0x03, 0, 0, 0, 1 }), "two misses: last image");
            poller.PollCycle();
            ModbusFrames.AssertException(processor, 3, new byte[] { 0x03, 0, 0, 0, 1 }, 0x03, 0x0B, "offline after three misses");
            ModbusFrames.AssertBytes(new byte[] { 0x03, 2, 0x07, 0xD0 }, ModbusFrames.Answer(processor, 2, new byte[] { 0x03, 0, 0, 0, 1 }), "the other one");
            modules[1].Unplugged = false;
            poller.PollCycle();
            ModbusFrames.AssertBytes(new byte[] { 0x03, 2, 0x0B, 0xB8 }, ModbusFrames.Answer(processor, 3, new byte[] { 0x03, 0, 0, 0, 1 }), "back");
        }
    }
}
