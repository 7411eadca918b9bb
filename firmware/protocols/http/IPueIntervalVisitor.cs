using System;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>Receives PUE per history interval from an <see cref="IPueSource"/>.</summary>
    public interface IPueIntervalVisitor
    {
        /// <summary>
        /// One interval ending at <paramref name="endUtc"/> with <paramref name="seconds"/> measured seconds:
        /// net energy (import − export, whole Wh) of the facility-total and IT-load channels, and the ratio
        /// (NaN when not measurable). Returns false to stop (the page is full).
        /// </summary>
        bool Interval(DateTime endUtc, int seconds, long facilityWh, long itWh, double pue, double dciePercent);
    }
}
