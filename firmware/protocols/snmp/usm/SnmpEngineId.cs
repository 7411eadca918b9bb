using System;
using Ipenergy.Probe.Protocols.Snmp.Mib;

namespace Ipenergy.Probe.Protocols.Snmp.Usm
{
    /// <summary>
    /// The agent's snmpEngineID in the RFC 3411 (SnmpEngineID TEXTUAL-CONVENTION) format, built once at start:
    /// octets 1-4 = the private enterprise number with its first bit set (the "new" format), octet 5 = the
    /// format (3 = MAC address, 4 = administratively assigned text), then the MAC (6 octets) or the text
    /// (1..27 octets): 5..32 octets in all. The keys are localized to it (UsmKeys), so it must not change
    /// while users are configured: the serial number (fixed at the factory) is the natural choice.
    /// </summary>
    public sealed class SnmpEngineId
    {
        /// <summary>RFC 3411: fifth octet for a MAC address.</summary>
        public const byte FormatMac = 3;

        /// <summary>RFC 3411: fifth octet for administratively assigned text.</summary>
        public const byte FormatText = 4;

        /// <summary>RFC 3411: text after the 5-octet prefix is at most 27 octets (32 in all).</summary>
        public const int MaximumTextLength = 27;

        public const int MacLength = 6;

        /// <summary>Enterprise number + format octet.</summary>
        public const int PrefixLength = 5;

        private readonly byte[] _bytes;

        private SnmpEngineId(byte[] bytes)
        {
            _bytes = bytes;
        }

        /// <summary>The engine ID (5..32 octets). The array is the instance's own: do not modify it.</summary>
        public byte[] Bytes { get { return _bytes; } }

        public int Length { get { return _bytes.Length; } }

        /// <summary>Format 4 from the device serial number (printable ASCII, 1..27 characters), under the e-Probe's enterprise.</summary>
        public static SnmpEngineId FromSerialNumber(string serialNumber)
        {
            return FromText(EprobeOids.Enterprise, serialNumber);
        }

        /// <summary>Format 3 from the 6-octet MAC address, under the e-Probe's enterprise.</summary>
        public static SnmpEngineId FromMacAddress(byte[] mac)
        {
            return FromMac(EprobeOids.Enterprise, mac);
        }

        /// <summary>Format 4: printable ASCII (0x20..0x7E) only, so the ID reads the same in every tool; 1..27 characters.</summary>
        public static SnmpEngineId FromText(uint enterprise, string text)
        {
            if (text == null)
            {
                throw new ArgumentNullException("text");
            }

            if (text.Length < 1 || text.Length > MaximumTextLength)
            {
                throw new ArgumentException("engine ID text must be 1.." + MaximumTextLength.ToString() + " characters");
            }

            byte[] bytes = Prefix(enterprise, FormatText, text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < ' ' || c > '~')
                {
                    throw new ArgumentException("engine ID text must be printable ASCII");
                }

                bytes[PrefixLength + i] = (byte)c;
            }

            return new SnmpEngineId(bytes);
        }

        /// <summary>Format 3: the 6-octet MAC address.</summary>
        public static SnmpEngineId FromMac(uint enterprise, byte[] mac)
        {
            if (mac == null)
            {
                throw new ArgumentNullException("mac");
            }

            if (mac.Length != MacLength)
            {
                throw new ArgumentException("a MAC address is 6 octets");
            }

            byte[] bytes = Prefix(enterprise, FormatMac, MacLength);
            Array.Copy(mac, 0, bytes, PrefixLength, MacLength);
            return new SnmpEngineId(bytes);
        }

        /// <summary>True when buffer[offset..offset+length) is this engine ID (a received msgAuthoritativeEngineID); allocates nothing.</summary>
        public bool Matches(byte[] buffer, int offset, int length)
        {
            if (length != _bytes.Length)
            {
                return false;
            }

            // Not a secret: an early exit is fine (the engine ID is sent in clear to anyone who asks).
            for (int i = 0; i < length; i++)
            {
                if (buffer[offset + i] != _bytes[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Copies the ID to buffer[offset...]; returns its length.</summary>
        public int CopyTo(byte[] buffer, int offset)
        {
            Array.Copy(_bytes, 0, buffer, offset, _bytes.Length);
            return _bytes.Length;
        }

        private static byte[] Prefix(uint enterprise, byte format, int dataLength)
        {
            if (enterprise > 0x7FFFFFFF)
            {
                throw new ArgumentOutOfRangeException("enterprise");
            }

            byte[] bytes = new byte[PrefixLength + dataLength];

            // RFC 3411: the first bit 1 says "this is the new format"; the other 31 bits are the enterprise number.
            uint first = enterprise | 0x80000000;
            bytes[0] = (byte)(first >> 24);
            bytes[1] = (byte)(first >> 16);
            bytes[2] = (byte)(first >> 8);
            bytes[3] = (byte)first;
            bytes[4] = format;
            return bytes;
        }
    }
}
