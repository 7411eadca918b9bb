using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Protocols.Modbus
{
    /// <summary>
    /// The basic device identification objects (function 43 / MEI 14): 0 VendorName, 1 ProductCode,
    /// 2 MajorMinorRevision, kept as ASCII bytes made once so an answer copies and allocates nothing.
    /// </summary>
    public sealed class ModbusDeviceIdentification
    {
        public const string Vendor = "IPenergy";

        /// <summary>Object ids 0..2: the basic category, all this module offers.</summary>
        public const int ObjectCount = 3;

        /// <summary>Basic identification, stream and individual access (v1.1b3, 6.21).</summary>
        public const int ConformityLevel = 0x81;

        // One object may be at most this long so the three always fit one response PDU.
        private const int MaxObjectLength = 64;

        private readonly byte[][] _objects = new byte[ObjectCount][];

        /// <param name="productCode">"MPP3" or "MPP18".</param>
        /// <param name="revision">The firmware version, e.g. "1.0.0".</param>
        public ModbusDeviceIdentification(string productCode, string revision)
        {
            _objects[0] = Limit(AsciiBytes.From(Vendor));
            _objects[1] = Limit(AsciiBytes.From(productCode));
            _objects[2] = Limit(AsciiBytes.From(revision));
        }

        /// <summary>The ProductCode for a meter with this many CT channels.</summary>
        public static string ProductCodeFor(int channels)
        {
            return channels <= 3 ? "MPP3" : "MPP18";
        }

        /// <summary>The ASCII value of object <paramref name="objectId"/> (0..2).</summary>
        public byte[] Object(int objectId)
        {
            return _objects[objectId];
        }

        private static byte[] Limit(byte[] value)
        {
            if (value.Length <= MaxObjectLength)
            {
                return value;
            }

            byte[] cut = new byte[MaxObjectLength];
            System.Array.Copy(value, 0, cut, 0, MaxObjectLength);
            return cut;
        }
    }
}
