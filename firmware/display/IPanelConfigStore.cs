using Ipenergy.Probe.Config;

namespace Ipenergy.Probe.Display
{
    /// <summary>
    /// The configuration as the panel sees it: the one in force, and the way to change it (the app's configuration
    /// service: a JSON fragment validated, saved and put in force like a change from the API).
    /// </summary>
    public interface IPanelConfigStore
    {
        MeterConfig Current { get; }

        /// <summary>Applies a partial JSON configuration; null when accepted, else why not.</summary>
        string Apply(byte[] json, int offset, int length);
    }
}
