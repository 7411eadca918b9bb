using System;
using System.Diagnostics;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Simulator.Bus
{
    /// <summary>
    /// Line settings of a bus node or of the bus itself: baud rate, parity (SerialParity.*), stop bits.
    /// A character is 1 start + 8 data + parity + stop bits: 11 bits at 8E1 (95.5 us at 115200), 10 at 8N1.
    /// </summary>
    public readonly struct BusLine : IEquatable<BusLine>
    {
        public static readonly BusLine Default = new BusLine(115200, SerialParity.Even, 1);

        public BusLine(int baudRate, int parity, int stopBits)
        {
            if (baudRate < 300 || baudRate > 1000000)
            {
                throw new ArgumentOutOfRangeException(nameof(baudRate), "baud rate must be 300..1000000, got " + baudRate);
            }

            if (parity < SerialParity.None || parity > SerialParity.Even)
            {
                throw new ArgumentOutOfRangeException(nameof(parity), "parity must be SerialParity.None/Odd/Even, got " + parity);
            }

            if (stopBits != 1 && stopBits != 2)
            {
                throw new ArgumentOutOfRangeException(nameof(stopBits), "stop bits must be 1 or 2, got " + stopBits);
            }

            BaudRate = baudRate;
            Parity = parity;
            StopBits = stopBits;
        }

        public int BaudRate { get; }

        public int Parity { get; }

        public int StopBits { get; }

        public int BitsPerChar => 1 + 8 + (Parity == SerialParity.None ? 0 : 1) + StopBits;

        /// <summary>Time one character takes on the wire, in seconds.</summary>
        public double CharSeconds => (double)BitsPerChar / BaudRate;

        /// <summary>Time count characters take on the wire, in Stopwatch ticks.</summary>
        public long WireTicks(int count)
        {
            return (long)(count * CharSeconds * Stopwatch.Frequency);
        }

        /// <summary>Characters that fit in about one millisecond (at least 1): the pacing chunk.</summary>
        public int CharsPerMillisecond => Math.Max(1, (int)(0.001 / CharSeconds));

        public bool Equals(BusLine other)
        {
            return BaudRate == other.BaudRate && Parity == other.Parity && StopBits == other.StopBits;
        }

        public override bool Equals(object obj)
        {
            return obj is BusLine other && Equals(other);
        }

        public override int GetHashCode()
        {
            return HashCode.Combine(BaudRate, Parity, StopBits);
        }

        /// <summary>e.g. "115200/8E1".</summary>
        public override string ToString()
        {
            return BaudRate + "/8" + SerialParity.Letter(Parity) + StopBits;
        }

        /// <summary>Parses "115200/8E1" (as ToString writes it).</summary>
        public static BusLine Parse(string text)
        {
            int slash = text.IndexOf('/');
            if (slash <= 0 || text.Length != slash + 4 || text[slash + 1] != '8')
            {
                throw new FormatException("line settings must look like 115200/8E1, got '" + text + "'");
            }

            int baud = int.Parse(text.Substring(0, slash), System.Globalization.CultureInfo.InvariantCulture);
            char p = text[slash + 2];
            int parity = p == 'E' ? SerialParity.Even : p == 'O' ? SerialParity.Odd : p == 'N' ? SerialParity.None : -1;
            return new BusLine(baud, parity, text[slash + 3] - '0');
        }
    }
}
