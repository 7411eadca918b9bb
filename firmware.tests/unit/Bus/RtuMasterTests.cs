using Ipenergy.Probe.Bus;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Bus
{
    /// <summary>Master transactions against simulated modules: answers, timeouts with retries, garbage, exceptions, broadcast.</summary>
    [TestClass]
    public class RtuMasterTests
    {
        [TestMethod]
        public void ReadsRegistersOfTheAddressedModule()
        {
            VirtualBus bus = new VirtualBus();
            RtuMaster master = new RtuMaster(bus.AddPort(115200), bus);
            bus.AddNode(new SimulatedModule(3, 115200, 100));
            bus.AddNode(new SimulatedModule(4, 115200, 200));
            byte[] dest = new byte[20];
            Assert.AreEqual(RtuResult.Ok, master.ReadRegisters(4, true, 10, 10, dest, 0), "read");
            Assert.AreEqual(210, (dest[0] << 8) | dest[1], "first register of module 4");
            Assert.AreEqual(219, (dest[18] << 8) | dest[19], "last register");
            Assert.AreEqual(1, master.TransactionsTo(4), "one transaction");
        }

        [TestMethod]
        public void SilentModuleTimesOutAfterTheRetries()
        {
            VirtualBus bus = new VirtualBus();
            RtuMaster master = new RtuMaster(bus.AddPort(115200), bus);
            master.Retries = 2;
            Assert.AreEqual(100, master.ResponseTimeoutMs, "default timeout at 115200");
            byte[] dest = new byte[20];
            long start = bus.NowUs;
            Assert.AreEqual(RtuResult.Timeout, master.ReadRegisters(9, true, 0, 10, dest, 0), "nobody at 9");
            Assert.AreEqual(3, master.TransactionsTo(9), "1 + 2 retries");
            Assert.AreEqual(3, master.TimeoutsOf(9), "timeouts counted");
            long elapsed = bus.NowUs - start;
            Assert.IsTrue(elapsed >= 300000 && elapsed < 310000, "3 x 100 ms bounded, took " + elapsed.ToString() + " us");
        }

        [TestMethod]
        public void TimeoutScalesWithTheBaudRate()
        {
            VirtualBus bus = new VirtualBus();
            RtuMaster master = new RtuMaster(bus.AddPort(9600), bus);
            Assert.AreEqual(100 + (293333 - 24444) / 1000, master.ResponseTimeoutMs, "100 ms + (256 chars at 9600 - at 115200)");
        }

        [TestMethod]
        public void GarbageAnswerIsCountedAndRetried()
        {
            VirtualBus bus = new VirtualBus();
            RtuMaster master = new RtuMaster(bus.AddPort(115200), bus);
            SimulatedModule module = new SimulatedModule(5, 115200, 0);
            module.AnswersGarbage = true;
            bus.AddNode(module);
            byte[] dest = new byte[4];
            Assert.AreEqual(RtuResult.Garbage, master.ReadRegisters(5, true, 0, 2, dest, 0), "garbage");
            Assert.AreEqual(2, module.Requests, "retried once");
            Assert.IsTrue(master.CrcErrorsOf(5) >= 2, "crc errors of 5: " + master.CrcErrorsOf(5).ToString());
            module.AnswersGarbage = false;
            Assert.AreEqual(RtuResult.Ok, master.ReadRegisters(5, true, 0, 2, dest, 0), "recovers");
        }

        [TestMethod]
        public void WrongBaudRateIsGarbageOrSilence()
        {
            VirtualBus bus = new VirtualBus();
            RtuMaster master = new RtuMaster(bus.AddPort(115200), bus);
            bus.AddNode(new SimulatedModule(5, 19200, 0));
            byte[] dest = new byte[4];
            int result = master.ReadRegisters(5, true, 0, 2, dest, 0);
            Assert.IsTrue(result == RtuResult.Timeout || result == RtuResult.Garbage, "no answer at the wrong speed: " + result.ToString());
        }

        [TestMethod]
        public void ExceptionIsReportedWithoutRetry()
        {
            VirtualBus bus = new VirtualBus();
            RtuMaster master = new RtuMaster(bus.AddPort(115200), bus);
            SimulatedModule module = new SimulatedModule(6, 115200, 0);
            bus.AddNode(module);
            byte[] dest = new byte[4];
            Assert.AreEqual(RtuResult.Exception, master.ReadRegisters(6, true, 999, 2, dest, 0), "out of range");
            Assert.AreEqual(2, master.ExceptionCode, "illegal data address");
            Assert.AreEqual(1, module.Requests, "not repeated");
            Assert.AreEqual(1, master.ExceptionsOf(6), "exceptions counted");
        }

        [TestMethod]
        public void AnswerFromAnotherAddressIsUnexpected()
        {
            VirtualBus bus = new VirtualBus();
            RtuMaster master = new RtuMaster(bus.AddPort(115200), bus);
            master.Retries = 0;
            SimulatedModule module = new SimulatedModule(7, 115200, 0);
            module.ImpersonatedAddress = 8;
            bus.AddNode(module);
            byte[] dest = new byte[4];
            Assert.AreEqual(RtuResult.Unexpected, master.ReadRegisters(7, true, 0, 2, dest, 0), "answer names 8");
            Assert.AreEqual(1, master.UnexpectedOf(7), "unexpected counted");
        }

        [TestMethod]
        public void BroadcastWaitsTheTurnaroundOnly()
        {
            VirtualBus bus = new VirtualBus();
            RtuMaster master = new RtuMaster(bus.AddPort(115200), bus);
            bus.AddNode(new SimulatedModule(0, 115200, 0));
            byte[] pdu = new byte[] { 0x06, 0x00, 0x01, 0x00, 0x03 };
            Assert.AreEqual(RtuResult.Broadcast, master.Transact(0, pdu, 0, 5), "broadcast");
            long expected = 1750 + RtuTiming.FrameMicroseconds(8, 115200) + 1750;
            Assert.AreEqual(expected, bus.NowUs, "turnaround, 8 characters, turnaround");
        }
    }
}
