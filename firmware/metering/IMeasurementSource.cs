namespace Ipenergy.Probe.Metering
{
    /// <summary>Where readers (protocols, display, alarms) take the latest published second.</summary>
    public interface IMeasurementSource
    {
        /// <summary>The last completed 1-second snapshot; null until the first second is complete.</summary>
        MeasurementSnapshot Latest { get; }
    }
}
