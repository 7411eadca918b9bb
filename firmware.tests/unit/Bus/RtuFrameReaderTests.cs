using Ipenergy.Probe.Bus;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Bus
{
    /// <summary>Framing on the virtual bus: by expected length, by silence, resync after garbage, echo, errors counted.</summary>
    [TestClass]
    public class RtuFrameReaderTests
    {
        private static readonly byte[] Request = new byte[] { 0x01, 0x03, 0x00, 0x00, 0x00, 0x0A, 0xC5, 0xCD };

        [TestMethod]
        public void RequestEndsByLengthWithoutWaitingForSilence()
        {
            VirtualBus bus = new VirtualBus();
            VirtualBusPort a = bus.AddPort(115200);
            VirtualBusPort b = bus.AddPort(115200);
            RtuFrameReader reader = new RtuFrameReader(b);
            a.Write(Request, 0, Request.Length);
            long sent = bus.NowUs;
            int length = reader.ReadFrame(100);
            BusFrames.AssertBytes(Request, reader.Buffer, length, "request");
            Assert.AreEqual(sent, bus.NowUs, "no silence waited after the last byte");
            Assert.AreEqual(1, reader.FramesOk, "frames ok");
        }

        [TestMethod]
        public void BackToBackFramesAreSplitByLength()
        {
            VirtualBus bus = new VirtualBus();
            VirtualBusPort a = bus.AddPort(115200);
            VirtualBusPort b = bus.AddPort(115200);
            RtuFrameReader reader = new RtuFrameReader(b);
            byte[] response = BusFrames.WithCrc(new byte[] { 0x01, 0x03, 0x04, 0x00, 0x01, 0x00, 0x02 });
            byte[] both = new byte[Request.Length + response.Length];
            System.Array.Copy(Request, both, Request.Length);
            System.Array.Copy(response, 0, both, Request.Length, response.Length);
            a.Write(both, 0, both.Length);
            BusFrames.AssertBytes(Request, reader.Buffer, reader.ReadFrame(100), "request first");
            BusFrames.AssertBytes(response, reader.Buffer, reader.ReadFrame(100), "response (bytecount 4) second");
        }

        [TestMethod]
        public void ExceptionResponseIsFiveBytes()
        {
            VirtualBus bus = new VirtualBus();
            VirtualBusPort a = bus.AddPort(19200);
            VirtualBusPort b = bus.AddPort(19200);
            RtuFrameReader reader = new RtuFrameReader(b);
            byte[] exception = BusFrames.WithCrc(new byte[] { 0x07, 0x83, 0x02 });
            a.Write(exception, 0, exception.Length);
            long sent = bus.NowUs;
            BusFrames.AssertBytes(exception, reader.Buffer, reader.ReadFrame(100), "exception");
            Assert.AreEqual(sent, bus.NowUs, "ended by length");
        }

        [TestMethod]
        public void WriteMultipleAndDeviceIdentificationUseTheirByteCounts()
        {
            VirtualBus bus = new VirtualBus();
            VirtualBusPort a = bus.AddPort(115200);
            VirtualBusPort b = bus.AddPort(115200);
            RtuFrameReader reader = new RtuFrameReader(b);
            byte[] write16 = BusFrames.WithCrc(new byte[] { 0x02, 0x10, 0x00, 0x01, 0x00, 0x02, 0x04, 0x00, 0x0A, 0x01, 0x02 });
            byte[] devId = BusFrames.WithCrc(new byte[] { 0x02, 0x2B, 0x0E, 0x01, 0x83, 0x00, 0x00, 0x02, 0x00, 0x02, 0x41, 0x42, 0x01, 0x01, 0x43 });
            a.Write(write16, 0, write16.Length);
            a.Write(devId, 0, devId.Length);
            long sent = bus.NowUs;
            BusFrames.AssertBytes(write16, reader.Buffer, reader.ReadFrame(100), "FC 16 request");
            BusFrames.AssertBytes(devId, reader.Buffer, reader.ReadFrame(100), "FC 43/14 response");
            Assert.AreEqual(sent, bus.NowUs, "both ended by length");
        }

        [TestMethod]
        public void UnknownFunctionEndsBySilence()
        {
            VirtualBus bus = new VirtualBus();
            VirtualBusPort a = bus.AddPort(9600);
            VirtualBusPort b = bus.AddPort(9600);
            RtuFrameReader reader = new RtuFrameReader(b);
            byte[] frame = BusFrames.WithCrc(new byte[] { 0x05, 0x64, 0x01, 0x02, 0x03 });
            a.Write(frame, 0, frame.Length);
            long sent = bus.NowUs;
            BusFrames.AssertBytes(frame, reader.Buffer, reader.ReadFrame(100), "FC 100 frame");
            Assert.AreEqual(5, reader.SilenceMs, "t3.5 at 9600 is 4.01 ms: the 5 ms floor applies");
            Assert.AreEqual(sent + 5000, bus.NowUs, "ended by the silence");
        }

        [TestMethod]
        public void GarbageBeforeAFrameIsCutOff()
        {
            VirtualBus bus = new VirtualBus();
            VirtualBusPort a = bus.AddPort(115200);
            VirtualBusPort b = bus.AddPort(115200);
            RtuFrameReader reader = new RtuFrameReader(b);
            // 0x01 0x03 looks like a frame start: the reader must not trust the length there alone.
            byte[] noisy = new byte[] { 0xFF, 0x01, 0x03, 0x55 };
            byte[] line = new byte[noisy.Length + Request.Length];
            System.Array.Copy(noisy, line, noisy.Length);
            System.Array.Copy(Request, 0, line, noisy.Length, Request.Length);
            a.Write(line, 0, line.Length);
            BusFrames.AssertBytes(Request, reader.Buffer, reader.ReadFrame(100), "frame after garbage");
            Assert.AreEqual(1, reader.FramingErrors, "the garbage counted");
            Assert.AreEqual(0, reader.ReadFrame(10), "nothing more");
        }

        [TestMethod]
        public void BadCrcTooShortAndTooLongAreCountedAndDropped()
        {
            VirtualBus bus = new VirtualBus();
            VirtualBusPort a = bus.AddPort(115200);
            VirtualBusPort b = bus.AddPort(115200);
            RtuFrameReader reader = new RtuFrameReader(b);
            byte[] bad = new byte[] { 0x01, 0x03, 0x00, 0x00, 0x00, 0x0A, 0xC5, 0xCE };
            a.Write(bad, 0, bad.Length);
            Assert.AreEqual(0, reader.ReadFrame(100), "bad CRC dropped");
            Assert.AreEqual(1, reader.CrcErrors, "crc errors");

            bus.Sleep(10000);
            a.Write(new byte[] { 0x01, 0x03 }, 0, 2);
            Assert.AreEqual(0, reader.ReadFrame(100), "two bytes dropped");
            Assert.AreEqual(1, reader.FramingErrors, "framing errors");

            bus.Sleep(10000);
            byte[] flood = new byte[400];
            for (int i = 0; i < flood.Length; i++)
            {
                flood[i] = (byte)(0xF0 + (i % 7));
            }

            a.Write(flood, 0, flood.Length);
            Assert.AreEqual(0, reader.ReadFrame(100), "400 bytes dropped");
            Assert.AreEqual(1, reader.Overruns, "overruns");

            a.Write(Request, 0, Request.Length);
            bus.Sleep(10000);
            BusFrames.AssertBytes(Request, reader.Buffer, reader.ReadFrame(100), "the next good frame");
            Assert.AreEqual(0, reader.ReadFrame(20), "then a timeout");
            Assert.AreEqual(1, reader.Timeouts, "timeouts");
        }

        [TestMethod]
        public void EchoOfOwnTransmissionIsSkipped()
        {
            VirtualBus bus = new VirtualBus();
            VirtualBusPort master = bus.AddPort(115200);
            master.EchoesTransmit = true;
            VirtualBusPort slave = bus.AddPort(115200);
            RtuFrameReader reader = new RtuFrameReader(master);
            RtuFrameWriter writer = new RtuFrameWriter(master, reader, bus);
            writer.Send(1, Request, 1, 5);
            byte[] answer = BusFrames.WithCrc(new byte[] { 0x01, 0x06, 0x00, 0x01, 0x00, 0x03 });
            slave.Write(answer, 0, answer.Length);
            BusFrames.AssertBytes(answer, reader.Buffer, reader.ReadFrame(100), "the answer, not the echo");
            Assert.AreEqual(1, reader.FramesOk, "one frame seen");
        }

        [TestMethod]
        public void WriterWaitsTheTurnaroundAndAppendsTheCrc()
        {
            VirtualBus bus = new VirtualBus();
            VirtualBusPort a = bus.AddPort(9600);
            VirtualBusPort b = bus.AddPort(9600);
            RtuFrameWriter writer = new RtuFrameWriter(a, new RtuFrameReader(a), bus);
            writer.Send(1, Request, 1, 5);
            Assert.AreEqual(RtuTiming.T35Microseconds(9600) + RtuTiming.FrameMicroseconds(8, 9600), bus.NowUs, "t3.5 then 8 characters");
            RtuFrameReader reader = new RtuFrameReader(b);
            BusFrames.AssertBytes(Request, reader.Buffer, reader.ReadFrame(100), "golden frame");
        }
    }
}
