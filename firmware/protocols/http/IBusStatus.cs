namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>The module's place on the RS-485 bus, for GET /api/v1/info (the app adapts the bus services).</summary>
    public interface IBusStatus
    {
        /// <summary>"slave" or "gateway".</summary>
        string Role { get; }

        /// <summary>The slave's bus address (0 while unaddressed); 0 for the gateway.</summary>
        int Address { get; }

        /// <summary>Gateway: the last poll cycle in microseconds (0 before the first); slave: -1.</summary>
        long LastCycleUs { get; }

        /// <summary>Gateway: the addresses it polls (ScanFrom..ScanTo); slave: 0 and -1.</summary>
        int ScanFrom { get; }

        int ScanTo { get; }

        /// <summary>Gateway: the module at that address answered its last polls.</summary>
        bool IsOnline(int address);
    }
}
