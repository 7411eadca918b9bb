using System;

namespace Ipenergy.Probe.Common
{
    /// <summary>
    /// Fixed ASCII texts as byte arrays. Built once at start-up so the hot paths copy bytes instead of
    /// encoding strings (which would allocate on every call).
    /// </summary>
    public static class AsciiBytes
    {
        /// <summary>The bytes of a pure ASCII text; any other character becomes '?'.</summary>
        public static byte[] From(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bytes[i] = c < 128 ? (byte)c : (byte)'?';
            }

            return bytes;
        }

        /// <summary>Copies all of <paramref name="source"/> to <paramref name="destination"/> at <paramref name="position"/>; returns the position after it.</summary>
        public static int Copy(byte[] source, byte[] destination, int position)
        {
            Array.Copy(source, 0, destination, position, source.Length);
            return position + source.Length;
        }

        /// <summary>True when <paramref name="length"/> bytes at <paramref name="start"/> equal <paramref name="expected"/> exactly.</summary>
        public static bool Equal(byte[] buffer, int start, int length, byte[] expected)
        {
            if (length != expected.Length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                if (buffer[start + i] != expected[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>As <see cref="Equal"/> but ASCII letters match regardless of case; <paramref name="lowerExpected"/> must be lower case.</summary>
        public static bool EqualIgnoreCase(byte[] buffer, int start, int length, byte[] lowerExpected)
        {
            if (length != lowerExpected.Length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                if (ToLower(buffer[start + i]) != lowerExpected[i])
                {
                    return false;
                }
            }

            return true;
        }

        public static byte ToLower(byte b)
        {
            return b >= (byte)'A' && b <= (byte)'Z' ? (byte)(b + 32) : b;
        }

        /// <summary>Value of a hexadecimal digit (0-9, a-f, A-F), or −1 for any other byte.</summary>
        public static int HexDigitValue(byte b)
        {
            if (b >= (byte)'0' && b <= (byte)'9')
            {
                return b - (byte)'0';
            }

            if (b >= (byte)'a' && b <= (byte)'f')
            {
                return b - (byte)'a' + 10;
            }

            if (b >= (byte)'A' && b <= (byte)'F')
            {
                return b - (byte)'A' + 10;
            }

            return -1;
        }
    }
}
