using Ipenergy.Probe.Protocols.Modbus;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Modbus
{
    /// <summary>Helpers of the Modbus tests: run a PDU through a processor and compare bytes with a message.</summary>
    public static class ModbusFrames
    {
        public static ModbusPduProcessor Processor(IRegisterMap map)
        {
            return new ModbusPduProcessor(map, new ModbusDeviceIdentification("MPP3", "1.2.3"));
        }

        /// <summary>The response PDU to request (unit 1).</summary>
        public static byte[] Answer(ModbusPduProcessor processor, int unit, byte[] request)
        {
            byte[] response = new byte[ModbusPduProcessor.MaxPduLength + 10];
            int length = processor.Process(unit, request, 0, request.Length, response, 3);
            byte[] pdu = new byte[length];
            for (int i = 0; i < length; i++)
            {
                pdu[i] = response[3 + i];
            }

            return pdu;
        }

        public static void AssertBytes(byte[] expected, byte[] actual, string what)
        {
            Assert.AreEqual(Hex(expected), Hex(actual), what);
        }

        public static void AssertException(ModbusPduProcessor processor, byte[] request, int function, int code, string what)
        {
            AssertException(processor, 1, request, function, code, what);
        }

        public static void AssertException(ModbusPduProcessor processor, int unit, byte[] request, int function, int code, string what)
        {
            AssertBytes(new byte[] { (byte)(function | 0x80), (byte)code }, Answer(processor, unit, request), what);
        }

        public static string Hex(byte[] bytes)
        {
            const string digits = "0123456789ABCDEF";
            char[] text = new char[bytes.Length * 3];
            for (int i = 0; i < bytes.Length; i++)
            {
                text[3 * i] = digits[bytes[i] >> 4];
                text[3 * i + 1] = digits[bytes[i] & 15];
                text[3 * i + 2] = ' ';
            }

            return new string(text);
        }
    }
}
