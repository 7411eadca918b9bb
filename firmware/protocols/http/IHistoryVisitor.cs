using System;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>Receives history records from an <see cref="IHistorySource"/>.</summary>
    public interface IHistoryVisitor
    {
        /// <summary>
        /// One interval ending at <paramref name="endUtc"/>: cumulative counters at its end (whole Wh; the
        /// energy of any span is the difference of two records), average / min / max active power (W) over
        /// <paramref name="coverageSeconds"/> measured seconds. Returns false to stop (the page is full).
        /// </summary>
        bool Record(DateTime endUtc, int coverageSeconds, long importWh, long exportWh, long averageW, long minW, long maxW);
    }
}
