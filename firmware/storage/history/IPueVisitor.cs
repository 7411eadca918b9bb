using System;

namespace Ipenergy.Probe.Storage.History
{
    /// <summary>Receives PUE per history interval, oldest first.</summary>
    public interface IPueVisitor
    {
        /// <summary>Energy over the interval ending at end (net import, Wh) and the ratio; NaN when unavailable.</summary>
        void Interval(DateTime end, int seconds, long facilityWh, long itWh, double pue, double dciePercent);

        void Gap(DateTime from, DateTime to);
    }
}
