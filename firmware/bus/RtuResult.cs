namespace Ipenergy.Probe.Bus
{
    /// <summary>Outcome of one master transaction (constants: Enum.ToString() gives the number on nanoFramework 1.x).</summary>
    public static class RtuResult
    {
        public const int Ok = 0;

        /// <summary>Nothing came back in time.</summary>
        public const int Timeout = 1;

        /// <summary>Only frames with a bad CRC or no framing came back (noise, a collision, a wrong baud rate).</summary>
        public const int Garbage = 2;

        /// <summary>The slave answered with a Modbus exception (<see cref="RtuMaster.ExceptionCode"/>).</summary>
        public const int Exception = 3;

        /// <summary>A valid frame came back from another address or for another function code.</summary>
        public const int Unexpected = 4;

        /// <summary>A broadcast: sent, no answer expected.</summary>
        public const int Broadcast = 5;
    }
}
