using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>The configuration as GET/PUT /api/v1/config see it; the app adapts firmware/config's JSON import/export.</summary>
    public interface IConfigStore
    {
        /// <summary>Writes the configuration in force as one JSON object.</summary>
        void WriteJson(JsonWriter writer);

        /// <summary>
        /// Validates the JSON document and, when valid, saves and applies it. Returns null when accepted, else
        /// the message naming the field and its allowed range, e.g. "channels[3].ctRatedA: must be 5..500 A, got 600".
        /// </summary>
        string Apply(byte[] json, int offset, int length);
    }
}
