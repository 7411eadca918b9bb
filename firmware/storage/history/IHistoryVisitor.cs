using System;

namespace Ipenergy.Probe.Storage.History
{
    /// <summary>Receives one channel's history in time order (HTTP streams it as JSON or CSV).</summary>
    public interface IHistoryVisitor
    {
        /// <summary>
        /// The interval (end − resolution, end]: cumulative counters at its end (an interval's energy is
        /// the difference of two records), the seconds actually measured, mean power from the energy, and
        /// the lowest / highest 1-second active power.
        /// </summary>
        void Record(DateTime end, int seconds, long importWh, long exportWh, long averageW, long minW, long maxW);

        /// <summary>Nothing was measured from from to to (meter off, clock set): not interpolated.</summary>
        void Gap(DateTime from, DateTime to);
    }
}
