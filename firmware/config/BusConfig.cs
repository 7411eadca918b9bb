using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Config
{
    /// <summary>
    /// The internal RS-485 bus (Modbus-RTU): this module's role and address, the line settings, and
    /// for a gateway the timing and address range of its polling.
    /// </summary>
    public sealed class BusConfig
    {
        /// <summary>Address 0: a slave without an address, waiting for the gateway's automatic procedure.</summary>
        public const int Unaddressed = 0;

        /// <summary>Highest Modbus slave address (248..255 are reserved).</summary>
        public const int MaxAddress = 247;

        public const int MaxTurnaroundMs = 100;
        public const int MinResponseTimeoutMs = 10;
        public const int MaxResponseTimeoutMs = 1000;
        public const int MinPollIntervalMs = 200;
        public const int MaxPollIntervalMs = 60000;

        /// <summary>Baud rates the transceivers and the t1.5/t3.5 timing are specified for.</summary>
        private static readonly int[] BaudRates = { 9600, 19200, 38400, 57600, 115200 };

        public BusConfig()
        {
            Role = BusRoles.Standalone;
            Address = Unaddressed;
            Baud = 115200;
            // 8E1 is the Modbus-over-serial default.
            Parity = SerialParity.Even;
            StopBits = 1;
            TurnaroundMs = 0;
            ResponseTimeoutMs = 100;
            PollIntervalMs = 1000;
            GatewayScanFrom = 1;
            GatewayScanTo = 31;
        }

        /// <summary>BusRoles.Standalone, Slave or Gateway.</summary>
        public int Role { get; set; }

        /// <summary>1..247, or 0 = unaddressed (a slave then gets one from the gateway).</summary>
        public int Address { get; set; }

        /// <summary>9600, 19200, 38400, 57600 or 115200.</summary>
        public int Baud { get; set; }

        /// <summary>SerialParity.None, Odd or Even.</summary>
        public int Parity { get; set; }

        /// <summary>1 or 2.</summary>
        public int StopBits { get; set; }

        /// <summary>
        /// Silence kept after a received frame before sending (a slave's reply, the gateway's next
        /// request after a broadcast), 0..100 ms; 0 = 3.5 character times.
        /// </summary>
        public int TurnaroundMs { get; set; }

        /// <summary>How long the gateway waits for a slave's reply, 10..1000 ms.</summary>
        public int ResponseTimeoutMs { get; set; }

        /// <summary>Time between the starts of two polls of the same slave, 200..60000 ms.</summary>
        public int PollIntervalMs { get; set; }

        /// <summary>First bus address the gateway polls, 1..247.</summary>
        public int GatewayScanFrom { get; set; }

        /// <summary>Last bus address the gateway polls, GatewayScanFrom..247.</summary>
        public int GatewayScanTo { get; set; }

        /// <summary>True for 9600, 19200, 38400, 57600 and 115200.</summary>
        public static bool IsBaudRate(int baud)
        {
            for (int i = 0; i < BaudRates.Length; i++)
            {
                if (BaudRates[i] == baud)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>'E', 'N' or 'O' as in "8E1"; SerialParity value, or −1 for anything else.</summary>
        public static int ParseParity(string letter)
        {
            if (letter == "E")
            {
                return SerialParity.Even;
            }

            if (letter == "N")
            {
                return SerialParity.None;
            }

            return letter == "O" ? SerialParity.Odd : -1;
        }

        public BusConfig Clone()
        {
            BusConfig copy = new BusConfig();
            copy.Role = Role;
            copy.Address = Address;
            copy.Baud = Baud;
            copy.Parity = Parity;
            copy.StopBits = StopBits;
            copy.TurnaroundMs = TurnaroundMs;
            copy.ResponseTimeoutMs = ResponseTimeoutMs;
            copy.PollIntervalMs = PollIntervalMs;
            copy.GatewayScanFrom = GatewayScanFrom;
            copy.GatewayScanTo = GatewayScanTo;
            return copy;
        }
    }
}
