using Ipenergy.Probe.Bus;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Bus
{
    /// <summary>Helpers for the bus tests: frames with their CRC, byte comparison.</summary>
    public static class BusFrames
    {
        /// <summary>The bytes given followed by their CRC.</summary>
        public static byte[] WithCrc(byte[] body)
        {
            byte[] frame = new byte[body.Length + 2];
            System.Array.Copy(body, frame, body.Length);
            Crc16Modbus.Append(frame, 0, body.Length);
            return frame;
        }

        public static void AssertBytes(byte[] expected, byte[] actual, int actualLength, string what)
        {
            Assert.AreEqual(expected.Length, actualLength, what + ": length");
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], actual[i], what + ": byte " + i.ToString());
            }
        }
    }
}
