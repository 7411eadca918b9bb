using System;

namespace Ipenergy.Probe.Storage.History
{
    /// <summary>Receives decoded records with every channel (the reader reuses the record object).</summary>
    public interface IHistoryRecordVisitor
    {
        void Record(HistoryRecord record);

        void Gap(DateTime from, DateTime to);
    }
}
