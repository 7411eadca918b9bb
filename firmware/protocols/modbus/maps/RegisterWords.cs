using System;

namespace Ipenergy.Probe.Protocols.Modbus.Maps
{
    /// <summary>
    /// Puts values into a register image (one ushort per register) and copies images out big-endian.
    /// Multi-register values go most significant word first ("big-endian word order"), as SunSpec and
    /// most Modbus clients expect. No allocation: the device has no allocation-free float-to-bits call.
    /// </summary>
    public static class RegisterWords
    {
        /// <summary>IEEE 754 quiet NaN, the float32 "no value".</summary>
        public const uint FloatNaNBits = 0x7FC00000;

        public static void PutUInt32(ushort[] image, int at, uint value)
        {
            image[at] = (ushort)(value >> 16);
            image[at + 1] = (ushort)value;
        }

        public static void PutInt64(ushort[] image, int at, long value)
        {
            image[at] = (ushort)(value >> 48);
            image[at + 1] = (ushort)(value >> 32);
            image[at + 2] = (ushort)(value >> 16);
            image[at + 3] = (ushort)value;
        }

        public static void PutFloat32(ushort[] image, int at, double value)
        {
            PutUInt32(image, at, FloatBits(value));
        }

        /// <summary>Text as 2 ASCII characters per register (first in the high byte), NUL padded, cut to fit.</summary>
        public static void PutText(ushort[] image, int at, int registers, string text)
        {
            int length = text == null ? 0 : text.Length;
            for (int r = 0; r < registers; r++)
            {
                int i = 2 * r;
                int high = i < length ? (text[i] & 0x7F) : 0;
                int low = i + 1 < length ? (text[i + 1] & 0x7F) : 0;
                image[at + r] = (ushort)((high << 8) | low);
            }
        }

        /// <summary>Copies count registers from image[from] into dest as big-endian bytes.</summary>
        public static void CopyOut(ushort[] image, int from, int count, byte[] dest, int destOffset)
        {
            for (int i = 0; i < count; i++)
            {
                ushort word = image[from + i];
                dest[destOffset + 2 * i] = (byte)(word >> 8);
                dest[destOffset + 2 * i + 1] = (byte)word;
            }
        }

        /// <summary>Register at src[offset] (big-endian) as 0…65535.</summary>
        public static int ReadUInt16(byte[] src, int offset)
        {
            return (src[offset] << 8) | src[offset + 1];
        }

        /// <summary>Two registers at src[offset] (big-endian, most significant word first) as 0…2^32-1.</summary>
        public static uint ReadUInt32(byte[] src, int offset)
        {
            return ((uint)src[offset] << 24) | ((uint)src[offset + 1] << 16) | ((uint)src[offset + 2] << 8) | src[offset + 3];
        }

        /// <summary>Four registers at src[offset] (big-endian, most significant word first).</summary>
        public static long ReadInt64(byte[] src, int offset)
        {
            return ((long)ReadUInt32(src, offset) << 32) | ReadUInt32(src, offset + 4);
        }

        /// <summary>The float32 at src[offset] (big-endian words) widened to double; NaN stays NaN.</summary>
        public static double ReadFloat32(byte[] src, int offset)
        {
            return FloatFromBits(ReadUInt32(src, offset));
        }

        /// <summary>The value of a float32 bit pattern as a double (the inverse of <see cref="FloatBits"/>), without allocating.</summary>
        public static double FloatFromBits(uint bits)
        {
            bool negative = (bits & 0x80000000u) != 0;
            int exponent = (int)((bits >> 23) & 0xFF);
            long mantissa = bits & 0x7FFFFF;
            double value;
            if (exponent == 0xFF)
            {
                if (mantissa != 0)
                {
                    return double.NaN;
                }

                value = double.PositiveInfinity;
            }
            else if (exponent == 0)
            {
                // Subnormal: m × 2^-149, exact in a double.
                value = mantissa * 1.4012984643248171E-45;
            }
            else
            {
                value = BitConverter.Int64BitsToDouble(((long)(exponent - 127 + 1023) << 52) | (mantissa << 29));
            }

            return negative ? -value : value;
        }

        /// <summary>The float32 bit pattern of value (rounded to nearest like a (float) cast); NaN for NaN.</summary>
        public static uint FloatBits(double value)
        {
            if (double.IsNaN(value))
            {
                return FloatNaNBits;
            }

            // A float widened to double is exact, so the float's bits are the double's bits re-biased.
            double widened = (float)value;
            long bits = BitConverter.DoubleToInt64Bits(widened);
            uint sign = bits < 0 ? 0x80000000u : 0u;
            int exponent = (int)((bits >> 52) & 0x7FF);
            long mantissa = bits & 0xFFFFFFFFFFFFFL;
            if (exponent == 0)
            {
                return sign;
            }

            if (exponent == 0x7FF)
            {
                return sign | 0x7F800000u;
            }

            int biased = exponent - 1023 + 127;
            if (biased >= 255)
            {
                return sign | 0x7F800000u;
            }

            if (biased <= 0)
            {
                // Float subnormal: value = m × 2^-149.
                if (biased < -23)
                {
                    return sign;
                }

                long full = mantissa | (1L << 52);
                return sign | (uint)(full >> (30 - biased));
            }

            return sign | ((uint)biased << 23) | (uint)(mantissa >> 29);
        }
    }
}
