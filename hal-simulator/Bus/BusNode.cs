using System.Net.Sockets;

namespace Ipenergy.Probe.Simulator.Bus
{
    /// <summary>
    /// The hub's record of one node, kept by name across reconnects (so an unplugged node stays unplugged
    /// when its process restarts). Guarded by the hub's lock.
    /// </summary>
    internal sealed class BusNode
    {
        public const string Framed = "framed";
        public const string Raw = "raw";
        public const string Noise = "noise";

        public BusNode(string name, string kind, BusLine line)
        {
            Name = name;
            Kind = kind;
            Line = line;
        }

        public string Name { get; }

        /// <summary>framed (a SimulatedSerialPort), raw (unframed bytes, e.g. socat's pty) or noise (the hub's injector).</summary>
        public string Kind { get; }

        public BusLine Line;
        public Socket Connection;
        public bool Echo;
        public bool Plugged = true;
        public bool WrongBaud;

        /// <summary>Stopwatch timestamp when the last chunk this node sent ended on the wire (collision window).</summary>
        public long BusyUntil = long.MinValue;

        /// <summary>Between the first and the last chunk of a transmission: driving the bus even if its chunks come late.</summary>
        public bool Driving;

        public long TxBytes;
        public long RxBytes;
        public long DroppedBytes;
        public long CollidedBytes;

        public BusNodeStats Stats()
        {
            return new BusNodeStats
            {
                Name = Name,
                Kind = Kind,
                Connected = Connection != null,
                Plugged = Plugged,
                WrongBaud = WrongBaud,
                Line = Line,
                TxBytes = TxBytes,
                RxBytes = RxBytes,
                DroppedBytes = DroppedBytes,
                CollidedBytes = CollidedBytes,
            };
        }
    }
}
