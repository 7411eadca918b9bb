using Ipenergy.Probe.Bus;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Protocols.Modbus;
using Ipenergy.Probe.Protocols.Modbus.Maps;
using Ipenergy.Probe.Tests.Unit.ModbusMaps;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Bus
{
    /// <summary>The bus slave loop over the real SunSpec map, stepped by hand on the virtual bus.</summary>
    [TestClass]
    public class RtuSlaveTests
    {
        private static RtuSlave Slave(VirtualBus bus, int address, BusAddressingResponder addressing)
        {
            FixedMeasurementSource source = new FixedMeasurementSource();
            source.Latest = MapFixtures.Snapshot(3, 1);
            SunSpecMap map = new SunSpecMap(source, new MeterConfig(3), new DeviceIdentity("MPP3", "", "1.0", "EP3-1"), 1);
            ModbusPduProcessor processor = new ModbusPduProcessor(map, new ModbusDeviceIdentification("MPP3", "1.0"));
            return new RtuSlave(bus.AddPort(115200), bus, processor, address, addressing);
        }

        [TestMethod]
        public void AnswersReadHoldingRegistersFromTheSunSpecMap()
        {
            VirtualBus bus = new VirtualBus();
            VirtualBusPort masterPort = bus.AddPort(115200);
            RtuSlave slave = Slave(bus, 17, null);
            RtuFrameReader masterReader = new RtuFrameReader(masterPort);
            RtuFrameWriter masterWriter = new RtuFrameWriter(masterPort, masterReader, bus);
            byte[] pdu = new byte[] { 0x03, 0x9C, 0x40, 0x00, 0x02 };
            masterWriter.Send(17, pdu, 0, 5);
            long requestEnd = bus.NowUs;
            Assert.IsTrue(slave.ServeOnce(10), "request read");
            byte[] expected = BusFrames.WithCrc(new byte[] { 17, 0x03, 0x04, 0x53, 0x75, 0x6E, 0x53 });
            BusFrames.AssertBytes(expected, masterReader.Buffer, masterReader.ReadFrame(100), "\"SunS\" from 40000");
            Assert.AreEqual(requestEnd + 1750 + RtuTiming.FrameMicroseconds(expected.Length, 115200), bus.NowUs, "answered after t3.5");
            Assert.AreEqual(1, slave.Answered, "answered");
        }

        [TestMethod]
        public void IgnoresOtherAddressesAndStaysSilentOnBroadcast()
        {
            VirtualBus bus = new VirtualBus();
            VirtualBusPort masterPort = bus.AddPort(115200);
            RtuSlave slave = Slave(bus, 17, null);
            RtuFrameReader masterReader = new RtuFrameReader(masterPort);
            RtuFrameWriter masterWriter = new RtuFrameWriter(masterPort, masterReader, bus);
            byte[] pdu = new byte[] { 0x03, 0x9C, 0x40, 0x00, 0x02 };
            masterWriter.Send(18, pdu, 0, 5);
            Assert.IsTrue(slave.ServeOnce(10), "frame heard");
            masterWriter.Send(0, pdu, 0, 5);
            Assert.IsTrue(slave.ServeOnce(10), "broadcast heard");
            Assert.AreEqual(0, masterReader.ReadFrame(50), "no answer to either");
            Assert.AreEqual(1, slave.Ignored, "ignored");
            Assert.AreEqual(1, slave.Broadcasts, "broadcast executed");
            Assert.AreEqual(0, slave.Answered, "silent");
        }

        [TestMethod]
        public void ExceptionForAnUnknownFunction()
        {
            VirtualBus bus = new VirtualBus();
            VirtualBusPort masterPort = bus.AddPort(115200);
            RtuSlave slave = Slave(bus, 5, null);
            RtuFrameReader masterReader = new RtuFrameReader(masterPort);
            RtuFrameWriter masterWriter = new RtuFrameWriter(masterPort, masterReader, bus);
            masterWriter.Send(5, new byte[] { 0x01, 0x00, 0x00, 0x00, 0x01 }, 0, 5);
            slave.ServeOnce(10);
            BusFrames.AssertBytes(BusFrames.WithCrc(new byte[] { 5, 0x81, 0x01 }), masterReader.Buffer, masterReader.ReadFrame(100), "exception 01");
        }

        [TestMethod]
        public void TakesAnAssignedAddressThenAnswersAtIt()
        {
            VirtualBus bus = new VirtualBus();
            VirtualBusPort masterPort = bus.AddPort(115200);
            BusAddressingResponder addressing = new BusAddressingResponder(BusAddressing.KeyOf("EP3-1"), 77, 0);
            RtuSlave slave = Slave(bus, 0, addressing);
            RtuFrameReader masterReader = new RtuFrameReader(masterPort);
            RtuFrameWriter masterWriter = new RtuFrameWriter(masterPort, masterReader, bus);
            byte[] assign = new byte[9];
            assign[0] = BusAddressing.FunctionCode;
            assign[1] = BusAddressing.Assign;
            BusAddressing.WriteKey(assign, 2, addressing.Key);
            assign[6] = 0;
            assign[7] = 77;
            assign[8] = 42;
            masterWriter.Send(BusAddressing.UnaddressedAddress, assign, 0, 9);
            slave.ServeOnce(10);
            Assert.AreEqual(12, masterReader.ReadFrame(100), "Assign confirmed");
            Assert.AreEqual(42, slave.Address, "slave at 42");
            masterWriter.Send(42, new byte[] { 0x03, 0x9C, 0x40, 0x00, 0x02 }, 0, 5);
            slave.ServeOnce(10);
            Assert.AreEqual(9, masterReader.ReadFrame(100), "answers at 42");
            Assert.AreEqual(42, (int)masterReader.Buffer[0], "from 42");
        }
    }
}
