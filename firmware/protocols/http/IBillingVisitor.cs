using System;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>Receives billing snapshots from an <see cref="IBillingSource"/>.</summary>
    public interface IBillingVisitor
    {
        /// <summary>
        /// The snapshot of the period boundary <paramref name="boundaryUtc"/> (device time), taken at
        /// <paramref name="takenAtUtc"/>: the boundary's first second, or later when the meter was off across it or
        /// had just been installed (its first snapshot): the counters then hold what was metered from that time.
        /// </summary>
        void BeginSnapshot(DateTime boundaryUtc, DateTime takenAtUtc, bool clockSynchronized);

        /// <summary>One channel's counters at the boundary, milli-Wh / milli-varh; customer label may be null.</summary>
        void Counter(int channel, string customer, long importMilliWh, long exportMilliWh, long importMilliVarh, long exportMilliVarh);

        void EndSnapshot();
    }
}
