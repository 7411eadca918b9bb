using System;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>Receives billing snapshots from an <see cref="IBillingSource"/>.</summary>
    public interface IBillingVisitor
    {
        /// <summary>A snapshot taken at the period boundary <paramref name="boundaryUtc"/> (device time).</summary>
        void BeginSnapshot(DateTime boundaryUtc, bool clockSynchronized);

        /// <summary>One channel's counters at the boundary, milli-Wh / milli-varh; customer label may be null.</summary>
        void Counter(int channel, string customer, long importMilliWh, long exportMilliWh, long importMilliVarh, long exportMilliVarh);

        void EndSnapshot();
    }
}
