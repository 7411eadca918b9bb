using System;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// The on-device history as GET /api/v1/history reads it. The app adapts the storage's history reader
    /// (firmware/storage/history) to it. Calls come one at a time (the endpoint serializes them).
    /// </summary>
    public interface IHistorySource
    {
        /// <summary>Channels of the model (1-based numbers 1..ChannelCount).</summary>
        int ChannelCount { get; }

        /// <summary>
        /// Visits, oldest first, the records of <paramref name="channel"/> at <paramref name="resolutionSeconds"/>
        /// (60, 900 or 86400) whose interval ends in (fromUtc, toUtc]; stops when the visitor returns false.
        /// </summary>
        void Query(int channel, DateTime fromUtc, DateTime toUtc, int resolutionSeconds, IHistoryVisitor visitor);
    }
}
