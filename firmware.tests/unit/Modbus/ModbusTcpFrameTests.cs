using Ipenergy.Probe.Protocols.Modbus;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Modbus
{
    /// <summary>MBAP framing without sockets: golden frames, echoed ids, partial and pipelined frames, bad headers.</summary>
    [TestClass]
    public class ModbusTcpFrameTests
    {
        private static ModbusTcpFrameProcessor NewFrames()
        {
            return new ModbusTcpFrameProcessor(ModbusFrames.Processor(TestRegisterBank.SpecificationExample()));
        }

        private static byte[] Answer(ModbusTcpFrameProcessor frames, byte[] request, int offset, int count, out int consumed, out int result)
        {
            byte[] response = new byte[MbapHeader.MaxFrameLength];
            result = frames.TryAnswer(request, offset, count, response, out consumed);
            int length = result > 0 ? result : 0;
            byte[] frame = new byte[length];
            for (int i = 0; i < length; i++)
            {
                frame[i] = response[i];
            }

            return frame;
        }

        [TestMethod]
        public void GoldenReadHoldingRegistersFrame()
        {
            // The FC 03 example of the specification in an MBAP frame: transaction 0x1234, unit 0xFF.
            byte[] request = new byte[] { 0x12, 0x34, 0x00, 0x00, 0x00, 0x06, 0xFF, 0x03, 0x00, 0x6B, 0x00, 0x03 };
            int consumed;
            int result;
            byte[] response = Answer(NewFrames(), request, 0, request.Length, out consumed, out result);
            ModbusFrames.AssertBytes(new byte[] { 0x12, 0x34, 0x00, 0x00, 0x00, 0x09, 0xFF, 0x03, 0x06, 0x02, 0x2B, 0x00, 0x00, 0x00, 0x64 },
                response, "FC 03 over MBAP");
            Assert.AreEqual(12, consumed, "whole request consumed");
        }

        [TestMethod]
        public void ExceptionFrameEchoesIds()
        {
            byte[] request = new byte[] { 0xAB, 0xCD, 0x00, 0x00, 0x00, 0x06, 0x07, 0x03, 0x00, 0x6B, 0x00, 0x03 };
            int consumed;
            int result;
            byte[] response = Answer(NewFrames(), request, 0, request.Length, out consumed, out result);
            ModbusFrames.AssertBytes(new byte[] { 0xAB, 0xCD, 0x00, 0x00, 0x00, 0x03, 0x07, 0x83, 0x0B }, response, "unit 7 -> 0x0B");
        }

        [TestMethod]
        public void PartialFrameNeedsMore()
        {
            byte[] request = new byte[] { 0x00, 0x01, 0x00, 0x00, 0x00, 0x06, 0x01, 0x03, 0x00, 0x6B, 0x00, 0x03 };
            ModbusTcpFrameProcessor frames = NewFrames();
            for (int count = 0; count < request.Length; count++)
            {
                int consumed;
                int result;
                Answer(frames, request, 0, count, out consumed, out result);
                Assert.AreEqual(ModbusTcpFrameProcessor.NeedMore, result, "after " + count.ToString() + " bytes");
                Assert.AreEqual(0, consumed, "nothing consumed");
            }
        }

        [TestMethod]
        public void PipelinedFramesAreAnsweredInOrder()
        {
            byte[] two = new byte[]
            {
                0x00, 0x01, 0x00, 0x00, 0x00, 0x06, 0x01, 0x04, 0x00, 0x08, 0x00, 0x01,
                0x00, 0x02, 0x00, 0x00, 0x00, 0x06, 0x01, 0x06, 0x00, 0x01, 0x00, 0x03,
            };
            ModbusTcpFrameProcessor frames = NewFrames();
            int consumed;
            int result;
            byte[] first = Answer(frames, two, 0, two.Length, out consumed, out result);
            ModbusFrames.AssertBytes(new byte[] { 0x00, 0x01, 0x00, 0x00, 0x00, 0x05, 0x01, 0x04, 0x02, 0x00, 0x0A }, first, "first");
            Assert.AreEqual(12, consumed);
            byte[] second = Answer(frames, two, 12, two.Length - 12, out consumed, out result);
            ModbusFrames.AssertBytes(new byte[] { 0x00, 0x02, 0x00, 0x00, 0x00, 0x06, 0x01, 0x06, 0x00, 0x01, 0x00, 0x03 }, second, "second");
        }

        [TestMethod]
        public void BadHeadersAreMalformed()
        {
            ModbusTcpFrameProcessor frames = NewFrames();
            int[] lengths = new int[] { 0, 1, 255, 256, 0x1000, 0xFFFF };
            for (int i = 0; i < lengths.Length; i++)
            {
                byte[] request = new byte[] { 0x00, 0x01, 0x00, 0x00, (byte)(lengths[i] >> 8), (byte)lengths[i], 0x01, 0x03, 0x00, 0x00, 0x00, 0x01 };
                int consumed;
                int result;
                Answer(frames, request, 0, request.Length, out consumed, out result);
                Assert.AreEqual(ModbusTcpFrameProcessor.Malformed, result, "length field " + lengths[i].ToString());

                // Known as soon as the length field has arrived.
                Answer(frames, request, 0, 6, out consumed, out result);
                Assert.AreEqual(ModbusTcpFrameProcessor.Malformed, result, "length field " + lengths[i].ToString() + " from 6 bytes");
            }

            byte[] protocol = new byte[] { 0x00, 0x01, 0x00, 0x01, 0x00, 0x06, 0x01, 0x03, 0x00, 0x00, 0x00, 0x01 };
            int c;
            int r;
            Answer(frames, protocol, 0, protocol.Length, out c, out r);
            Assert.AreEqual(ModbusTcpFrameProcessor.Malformed, r, "protocol id 1");
        }

        [TestMethod]
        public void ShortestAndLongestLengthFields()
        {
            ModbusTcpFrameProcessor frames = NewFrames();
            int consumed;
            int result;
            byte[] shortest = new byte[] { 0x00, 0x09, 0x00, 0x00, 0x00, 0x02, 0x01, 0x03 };
            byte[] response = Answer(frames, shortest, 0, shortest.Length, out consumed, out result);
            ModbusFrames.AssertBytes(new byte[] { 0x00, 0x09, 0x00, 0x00, 0x00, 0x03, 0x01, 0x83, 0x03 }, response, "truncated 03 PDU");

            byte[] longest = new byte[6 + 254];
            longest[5] = 254;
            longest[6] = 1;
            longest[7] = 0x10;
            Answer(frames, longest, 0, longest.Length, out consumed, out result);
            Assert.AreEqual(9, result, "an exception frame for a 253-byte PDU");
            Assert.AreEqual(260, consumed);
        }
    }
}
