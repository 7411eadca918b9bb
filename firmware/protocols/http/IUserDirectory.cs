using Ipenergy.Probe.Config;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// Where the users live: the configuration in force, and a way to save a whole new configuration
    /// (password verifiers cannot travel through the JSON import). The app's ConfigService provides it.
    /// </summary>
    public interface IUserDirectory
    {
        /// <summary>The configuration in force (never changed in place).</summary>
        MeterConfig Current { get; }

        /// <summary>Validates, saves and puts in force <paramref name="next"/>; null when done, else the reason.</summary>
        string Commit(MeterConfig next);
    }
}
