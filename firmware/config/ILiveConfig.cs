namespace Ipenergy.Probe.Config
{
    /// <summary>
    /// The configuration in force, as protocol services see it: read the current one at the start of each
    /// request (it is replaced whole, never changed in place), or apply a partial JSON change, which is
    /// validated and saved exactly as a PUT /api/v1/config would be.
    /// </summary>
    public interface ILiveConfig
    {
        /// <summary>The configuration in force (never changed in place).</summary>
        MeterConfig Current { get; }

        /// <summary>Validates, saves and applies a (partial) JSON configuration; null when accepted, else the reason.</summary>
        string Apply(byte[] json, int offset, int length);
    }
}
