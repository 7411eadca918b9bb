namespace Ipenergy.Probe.Cli
{
    /// <summary>What `read` and `watch` show: --what summary|phases|channels|circuits.</summary>
    public enum MeasurementWhat
    {
        /// <summary>One row per probe: name, serial, frequency, phase voltages, total power, worst circuit, alarms.</summary>
        Summary,

        /// <summary>One row per probe and phase.</summary>
        Phases,

        /// <summary>One row per probe and CT channel.</summary>
        Channels,

        /// <summary>One row per probe and configured circuit.</summary>
        Circuits,
    }
}
