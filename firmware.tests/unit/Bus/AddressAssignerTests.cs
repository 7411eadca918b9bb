using Ipenergy.Probe.Bus;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Bus
{
    /// <summary>Automatic addressing: unaddressed modules found by binary search through collisions, no address given twice.</summary>
    [TestClass]
    public class AddressAssignerTests
    {
        [TestMethod]
        public void FiveUnaddressedModulesGetDistinctFreeAddresses()
        {
            VirtualBus bus = new VirtualBus();
            RtuMaster master = new RtuMaster(bus.AddPort(115200), bus);
            AddressingModule[] modules = new AddressingModule[5];
            for (int i = 0; i < modules.Length; i++)
            {
                modules[i] = new AddressingModule("EP18-00012" + i.ToString(), 1000 + i);
                bus.AddNode(modules[i]);
            }

            bool[] used = new bool[256];
            used[1] = true;
            used[2] = true;
            used[4] = true;
            long[] keys = new long[10];
            int[] addresses = new int[10];
            AddressAssigner assigner = new AddressAssigner(master);
            int assigned = assigner.Run(used, keys, addresses);

            Assert.AreEqual(5, assigned, "all five found");
            Assert.IsTrue(assigner.Collisions > 0, "the first Discover collided");
            Assert.AreEqual(0, assigner.Unresolved, "no shared keys");
            bool[] seen = new bool[256];
            for (int i = 0; i < modules.Length; i++)
            {
                int address = modules[i].Responder.Address;
                Assert.IsTrue(address == 3 || (address >= 5 && address <= 8), "module " + i.ToString() + " got a free address: " + address.ToString());
                Assert.IsFalse(seen[address], "address " + address.ToString() + " given twice");
                seen[address] = true;
                Assert.IsTrue(modules[i].Responder.Changed, "module told to store it");
                bool reported = false;
                for (int k = 0; k < assigned; k++)
                {
                    reported |= keys[k] == modules[i].Responder.Key && addresses[k] == address;
                }

                Assert.IsTrue(reported, "module " + i.ToString() + " reported with its key and address");
            }

            int firstRunQueries = assigner.Queries;
            Assert.AreEqual(0, assigner.Run(used, keys, addresses), "a second run finds nobody new");
            Assert.AreEqual(1, assigner.Queries, "one silent Discover");
            Assert.IsTrue(firstRunQueries < 400, "bounded search: " + firstRunQueries.ToString() + " queries");
        }

        [TestMethod]
        public void TwoModulesWithOneKeyAreLeftUnaddressed()
        {
            VirtualBus bus = new VirtualBus();
            RtuMaster master = new RtuMaster(bus.AddPort(115200), bus);
            AddressingModule a = new AddressingModule("SAME", 0x1234);
            AddressingModule b = new AddressingModule("SAME", 0x9876);
            AddressingModule c = new AddressingModule("OTHER", 7);
            bus.AddNode(a);
            bus.AddNode(b);
            bus.AddNode(c);
            AddressAssigner assigner = new AddressAssigner(master);
            int assigned = assigner.Run(new bool[256], new long[4], new int[4]);
            Assert.AreEqual(1, assigned, "only the distinct one");
            Assert.AreEqual(1, c.Responder.Address, "the distinct one at 1");
            Assert.AreEqual(1, assigner.Unresolved, "the shared key reported");
            Assert.AreEqual(0, a.Responder.Address, "no clash: a stays unaddressed");
            Assert.AreEqual(0, b.Responder.Address, "b too");
        }

        [TestMethod]
        public void ResponderAnswersOnlyInRangeAndOnlyWhileUnaddressed()
        {
            BusAddressingResponder responder = new BusAddressingResponder(0x12345678, 0xBEEF, 0);
            byte[] reply = new byte[16];
            byte[] discover = BusFrames.WithCrc(new byte[] { 248, 0x41, 1, 0x12, 0, 0, 0, 0x12, 0xFF, 0xFF, 0xFF });
            Assert.AreEqual(11, responder.Handle(discover, discover.Length, reply), "in range");
            Assert.AreEqual(0x12345678L, BusAddressing.ReadKey(reply, 3), "answers its key");
            Assert.AreEqual(0xBEEF, (reply[7] << 8) | reply[8], "and its token");
            Assert.IsTrue(Crc16Modbus.Check(reply, 0, 11), "reply CRC");
            byte[] elsewhere = BusFrames.WithCrc(new byte[] { 248, 0x41, 1, 0x20, 0, 0, 0, 0x2F, 0xFF, 0xFF, 0xFF });
            Assert.AreEqual(0, responder.Handle(elsewhere, elsewhere.Length, reply), "out of range");
            byte[] assignOther = BusFrames.WithCrc(new byte[] { 248, 0x41, 2, 0x12, 0x34, 0x56, 0x79, 0xBE, 0xEF, 9 });
            Assert.AreEqual(0, responder.Handle(assignOther, assignOther.Length, reply), "another key");
            byte[] wrongToken = BusFrames.WithCrc(new byte[] { 248, 0x41, 2, 0x12, 0x34, 0x56, 0x78, 0xBE, 0xEE, 9 });
            Assert.AreEqual(0, responder.Handle(wrongToken, wrongToken.Length, reply), "its key, another token");
            byte[] assign = BusFrames.WithCrc(new byte[] { 248, 0x41, 2, 0x12, 0x34, 0x56, 0x78, 0xBE, 0xEF, 9 });
            Assert.AreEqual(12, responder.Handle(assign, assign.Length, reply), "its key and token");
            Assert.AreEqual(9, responder.Address, "took 9");
            Assert.AreEqual(0, responder.Handle(discover, discover.Length, reply), "addressed: silent to Discover");
            byte[] badAddress = BusFrames.WithCrc(new byte[] { 248, 0x41, 2, 0x12, 0x34, 0x56, 0x78, 0xBE, 0xEF, 250 });
            Assert.AreEqual(0, responder.Handle(badAddress, badAddress.Length, reply), "250 refused");
            Assert.AreEqual(9, responder.Address, "kept 9");
        }
    }
}
