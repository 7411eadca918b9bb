using System;
using System.Collections;
using Ipenergy.Probe.Storage.History;

namespace Ipenergy.Probe.Tests.Unit.History
{
    /// <summary>Keeps what a history query reported, for assertions.</summary>
    public sealed class CollectingVisitor : IHistoryVisitor
    {
        public readonly ArrayList Ends = new ArrayList();
        public readonly ArrayList Seconds = new ArrayList();
        public readonly ArrayList ImportWh = new ArrayList();
        public readonly ArrayList AverageW = new ArrayList();
        public readonly ArrayList MinW = new ArrayList();
        public readonly ArrayList MaxW = new ArrayList();
        public readonly ArrayList GapFrom = new ArrayList();
        public readonly ArrayList GapTo = new ArrayList();

        public int Count { get { return Ends.Count; } }

        public DateTime End(int i)
        {
            return (DateTime)Ends[i];
        }

        public long Import(int i)
        {
            return (long)ImportWh[i];
        }

        public void Record(DateTime end, int seconds, long importWh, long exportWh, long averageW, long minW, long maxW)
        {
            Ends.Add(end);
            Seconds.Add(seconds);
            ImportWh.Add(importWh);
            AverageW.Add(averageW);
            MinW.Add(minW);
            MaxW.Add(maxW);
        }

        public void Gap(DateTime from, DateTime to)
        {
            GapFrom.Add(from);
            GapTo.Add(to);
        }
    }
}
