using Ipenergy.Probe.Config;

namespace Ipenergy.Probe.Protocols.Modbus.Maps
{
    /// <summary>
    /// The configuration as the Modbus configuration block sees it. Same members as the app's
    /// ConfigService, so it can implement this directly.
    /// </summary>
    public interface IModbusConfigStore
    {
        /// <summary>The configuration in force (never changed in place).</summary>
        MeterConfig Current { get; }

        /// <summary>Validates, saves and applies a (partial) JSON configuration; null when accepted, else the reason.</summary>
        string Apply(byte[] json, int offset, int length);
    }
}
