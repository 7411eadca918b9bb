using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Metering
{
    /// <summary>
    /// The other e-Probes on the RS-485 bus as the gateway sees them: what SNMP, HTTP, /metrics and the
    /// alarms read to show "every module" (on a slave or standalone module there is none: the app passes
    /// null). Modules are known by bus address (1..247). Nothing here allocates per call once a module has
    /// been seen.
    /// </summary>
    public interface IModuleDirectory
    {
        /// <summary>Addresses the gateway polls (its scan range), ascending.</summary>
        int Count { get; }

        int AddressAt(int index);

        /// <summary><see cref="ModuleStatus"/>: Unknown (never answered), Online, Offline (missed 3 polls).</summary>
        int StatusOf(int address);

        /// <summary>
        /// The module's last polled second as a snapshot (phases, channels 1..N; Circuits empty: the gateway
        /// does not poll circuits), or null before its first good poll. The object is reused: read it within a
        /// poll cycle and keep no reference. An offline module keeps its last values (check StatusOf).
        /// </summary>
        MeasurementSnapshot LatestOf(int address);

        /// <summary>Model, firmware version and serial number the module reports; null before its first good poll.</summary>
        DeviceIdentity IdentityOf(int address);

        /// <summary>The module's own name (its sysName), "" when unset or unknown.</summary>
        string NameOf(int address);

        /// <summary>The module's own location (its sysLocation), "" when unset or unknown.</summary>
        string LocationOf(int address);

        /// <summary>Seconds since the module's last good poll, -1 when it never answered.</summary>
        double AgeSecondsOf(int address);

        /// <summary>One of the <see cref="ModuleCounters"/> of the module (0 for an address not polled).</summary>
        long CounterOf(int address, int counter);

        /// <summary>Duration of the gateway's last complete poll cycle, seconds (0 before the first).</summary>
        double LastCycleSeconds { get; }
    }
}
