using System;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// PUE/DCiE as GET /api/v1/pue reads it: the last second's values and the history intervals. The app
    /// adapts the storage's PueMeter and PueHistory (firmware/storage/history) to it. Calls come one at a
    /// time (the endpoint serializes them).
    /// </summary>
    public interface IPueSource
    {
        /// <summary>
        /// The last published second. configured: the configuration marks at least one facility-total and
        /// one IT-load circuit (otherwise every value is NaN). pue / dciePercent are NaN when not measurable
        /// (a power not positive); powers are the summed active power of each role's circuits (W).
        /// </summary>
        void ReadInstantaneous(out bool configured, out double facilityW, out double itW, out double pue, out double dciePercent);

        /// <summary>
        /// Visits, oldest first, the intervals at <paramref name="resolutionSeconds"/> (60, 900 or 86400) whose
        /// end is in [fromUtc, toUtc]; stops when the visitor returns false. Nothing when no history is kept.
        /// </summary>
        void Query(DateTime fromUtc, DateTime toUtc, int resolutionSeconds, IPueIntervalVisitor visitor);
    }
}
