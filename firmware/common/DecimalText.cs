using System;

namespace Ipenergy.Probe.Common
{
    /// <summary>
    /// Writes numbers as ASCII decimal text straight into a byte buffer, without allocating (no
    /// ToString): integers, exact fixed-point from integer units (e.g. milli-Wh as Wh), and doubles
    /// rounded to a fixed number of decimals. Callers make sure <see cref="MaxChars"/> bytes are free.
    /// </summary>
    public static class DecimalText
    {
        /// <summary>Longest text any method here writes ("-9223372036854775808", "-1.79769313486231e+308").</summary>
        public const int MaxChars = 32;

        /// <summary>Most decimals <see cref="WriteFixed"/> honours; more is clamped.</summary>
        public const int MaxFixedDecimals = 9;

        // Below this a scaled double still holds an exact integer (2^53 ≈ 9.007e15), so fixed point is exact.
        private const double ExactIntegerLimit = 9.0e15;

        private static readonly double[] PowersOfTenDouble =
        {
            1.0, 10.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0, 10000000.0, 100000000.0, 1000000000.0
        };

        private static readonly ulong[] PowersOfTen =
        {
            1UL, 10UL, 100UL, 1000UL, 10000UL, 100000UL, 1000000UL, 10000000UL, 100000000UL, 1000000000UL,
            10000000000UL, 100000000000UL, 1000000000000UL, 10000000000000UL, 100000000000000UL,
            1000000000000000UL, 10000000000000000UL, 100000000000000000UL, 1000000000000000000UL
        };

        /// <summary>Writes a signed integer; returns the position after it.</summary>
        public static int WriteInteger(byte[] buffer, int position, long value)
        {
            return WriteScaled(buffer, position, value, 0);
        }

        /// <summary>
        /// Writes <paramref name="units"/> / 10^<paramref name="decimals"/> exactly, always with
        /// <paramref name="decimals"/> digits after the point (0…18): 1234567 with 3 gives "1234.567".
        /// </summary>
        public static int WriteScaled(byte[] buffer, int position, long units, int decimals)
        {
            if (decimals < 0)
            {
                decimals = 0;
            }
            else if (decimals > 18)
            {
                decimals = 18;
            }

            ulong magnitude;
            if (units < 0)
            {
                buffer[position++] = (byte)'-';
                // −(units + 1) + 1 so that long.MinValue does not overflow.
                magnitude = (ulong)(-(units + 1)) + 1UL;
            }
            else
            {
                magnitude = (ulong)units;
            }

            if (decimals == 0)
            {
                return WriteDigits(buffer, position, magnitude, 1);
            }

            ulong scale = PowersOfTen[decimals];
            position = WriteDigits(buffer, position, magnitude / scale, 1);
            buffer[position++] = (byte)'.';
            return WriteDigits(buffer, position, magnitude % scale, decimals);
        }

        /// <summary>
        /// Writes a double rounded half away from zero to <paramref name="decimals"/> decimals (0…9).
        /// Values too large for that many exact decimals lose decimals first; beyond 9e15 they are
        /// written in exponent form with 15 significant digits (still valid JSON). A result that rounds
        /// to zero never shows a minus sign. NaN and infinities are not numbers in JSON: callers must
        /// handle them; here they are written as "0" so the output stays well formed.
        /// </summary>
        public static int WriteFixed(byte[] buffer, int position, double value, int decimals)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                buffer[position] = (byte)'0';
                return position + 1;
            }

            if (decimals < 0)
            {
                decimals = 0;
            }
            else if (decimals > MaxFixedDecimals)
            {
                decimals = MaxFixedDecimals;
            }

            bool negative = value < 0;
            double magnitude = negative ? -value : value;
            double scaled = magnitude * PowersOfTenDouble[decimals];
            while (scaled >= ExactIntegerLimit && decimals > 0)
            {
                decimals--;
                scaled = magnitude * PowersOfTenDouble[decimals];
            }

            if (scaled >= ExactIntegerLimit)
            {
                return WriteExponent(buffer, position, negative, magnitude);
            }

            long units = (long)(scaled + 0.5);
            if (units == 0)
            {
                negative = false;
            }

            return WriteScaled(buffer, position, negative ? -units : units, decimals);
        }

        /// <summary>Writes <paramref name="value"/> as exactly <paramref name="digits"/> digits, zero padded (for dates).</summary>
        public static int WritePadded(byte[] buffer, int position, int value, int digits)
        {
            if (value < 0)
            {
                value = 0;
            }

            return WriteDigits(buffer, position, (ulong)value, digits);
        }

        // magnitude ≥ 9e15: "d.ddddddddddddde+NN" with trailing zeros of the mantissa dropped.
        private static int WriteExponent(byte[] buffer, int position, bool negative, double magnitude)
        {
            int exponent = (int)Math.Floor(Math.Log10(magnitude));
            double mantissa = magnitude / Math.Pow(10.0, exponent);
            if (mantissa >= 10.0)
            {
                mantissa /= 10.0;
                exponent++;
            }
            else if (mantissa < 1.0)
            {
                mantissa *= 10.0;
                exponent--;
            }

            ulong digits = (ulong)(mantissa * 1e14 + 0.5);
            if (digits >= 1000000000000000UL)
            {
                digits /= 10;
                exponent++;
            }

            // Rounding up must not carry past double.MaxValue (1.79769313486231570e308).
            if (exponent >= 308 && digits > 179769313486231UL)
            {
                digits = 179769313486231UL;
            }

            int fractionDigits = 14;
            while (fractionDigits > 0 && digits % 10 == 0)
            {
                digits /= 10;
                fractionDigits--;
            }

            if (negative)
            {
                buffer[position++] = (byte)'-';
            }

            ulong scale = PowersOfTen[fractionDigits];
            position = WriteDigits(buffer, position, digits / scale, 1);
            if (fractionDigits > 0)
            {
                buffer[position++] = (byte)'.';
                position = WriteDigits(buffer, position, digits % scale, fractionDigits);
            }

            buffer[position++] = (byte)'e';
            buffer[position++] = exponent < 0 ? (byte)'-' : (byte)'+';
            return WriteDigits(buffer, position, (ulong)(exponent < 0 ? -exponent : exponent), 1);
        }

        private static int WriteDigits(byte[] buffer, int position, ulong value, int minimumDigits)
        {
            int count = 1;
            ulong rest = value;
            while (rest >= 10)
            {
                rest /= 10;
                count++;
            }

            if (count < minimumDigits)
            {
                count = minimumDigits;
            }

            int end = position + count;
            for (int i = end - 1; i >= position; i--)
            {
                buffer[i] = (byte)('0' + (int)(value % 10));
                value /= 10;
            }

            return end;
        }
    }
}
