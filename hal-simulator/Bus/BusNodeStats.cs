using System;
using System.Globalization;

namespace Ipenergy.Probe.Simulator.Bus
{
    /// <summary>
    /// One node as the hub's control channel reports it:
    /// "node NAME kind=framed connected=yes plugged=yes wrongbaud=no line=115200/8E1 tx=N rx=N dropped=N collided=N".
    /// tx = bytes it sent (dropped ones included), rx = bytes delivered to it, dropped = sent while unplugged,
    /// collided = sent bytes corrupted by a collision.
    /// </summary>
    public sealed class BusNodeStats
    {
        public string Name { get; set; }
        public string Kind { get; set; }
        public bool Connected { get; set; }
        public bool Plugged { get; set; }
        public bool WrongBaud { get; set; }
        public BusLine Line { get; set; }
        public long TxBytes { get; set; }
        public long RxBytes { get; set; }
        public long DroppedBytes { get; set; }
        public long CollidedBytes { get; set; }

        public override string ToString()
        {
            return "node " + Name + " kind=" + Kind + " connected=" + YesNo(Connected) + " plugged=" + YesNo(Plugged) +
                " wrongbaud=" + YesNo(WrongBaud) + " line=" + Line + " tx=" + TxBytes + " rx=" + RxBytes +
                " dropped=" + DroppedBytes + " collided=" + CollidedBytes;
        }

        public static BusNodeStats Parse(string line)
        {
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || parts[0] != "node")
            {
                throw new FormatException("not a node line: '" + line + "'");
            }

            var stats = new BusNodeStats { Name = parts[1] };
            for (int i = 2; i < parts.Length; i++)
            {
                int eq = parts[i].IndexOf('=');
                string key = parts[i].Substring(0, eq);
                string value = parts[i].Substring(eq + 1);
                switch (key)
                {
                    case "kind": stats.Kind = value; break;
                    case "connected": stats.Connected = value == "yes"; break;
                    case "plugged": stats.Plugged = value == "yes"; break;
                    case "wrongbaud": stats.WrongBaud = value == "yes"; break;
                    case "line": stats.Line = BusLine.Parse(value); break;
                    case "tx": stats.TxBytes = long.Parse(value, CultureInfo.InvariantCulture); break;
                    case "rx": stats.RxBytes = long.Parse(value, CultureInfo.InvariantCulture); break;
                    case "dropped": stats.DroppedBytes = long.Parse(value, CultureInfo.InvariantCulture); break;
                    case "collided": stats.CollidedBytes = long.Parse(value, CultureInfo.InvariantCulture); break;
                }
            }

            return stats;
        }

        private static string YesNo(bool value)
        {
            return value ? "yes" : "no";
        }
    }
}
