using System;
using Ipenergy.Probe.Config;

namespace Ipenergy.Probe.Storage.History
{
    /// <summary>
    /// PUE and DCiE per history interval, from energy differences: facility Wh / IT Wh over each record's
    /// interval, the channels' roles taken from their circuits. Whole-Wh energies: over 1-minute intervals
    /// of small loads the ratio is coarse; 15-minute and daily values are the ones to report.
    /// </summary>
    public sealed class PueHistory : IHistoryRecordVisitor
    {
        private readonly HistoryReader _reader;
        private readonly int[] _channelRoles;
        private readonly object _lock = new object();
        private IPueVisitor _target;

        /// <summary>channelRoles: per channel (index = channel − 1) its circuit's role, see PueMeter.ChannelRoles.</summary>
        public PueHistory(HistoryReader reader, int[] channelRoles)
        {
            _reader = reader;
            _channelRoles = channelRoles;
        }

        /// <summary>Intervals ending in [from, to] at the resolution; returns how many.</summary>
        public int Query(DateTime from, DateTime to, int resolution, IPueVisitor visitor)
        {
            lock (_lock)
            {
                _target = visitor;
                int count = _reader.QueryAll(from, to, resolution, this);
                _target = null;
                return count;
            }
        }

        public void Record(HistoryRecord record)
        {
            long facility = 0, it = 0;
            int count = _channelRoles.Length < record.ImportWh.Length ? _channelRoles.Length : record.ImportWh.Length;
            for (int c = 0; c < count; c++)
            {
                long net = record.IntervalImportWh[c] - record.IntervalExportWh[c];
                if (_channelRoles[c] == CircuitRoles.FacilityTotal)
                {
                    facility += net;
                }
                else if (_channelRoles[c] == CircuitRoles.ItLoad)
                {
                    it += net;
                }
            }

            double pue = PueMeter.Ratio(facility, it);
            _target.Interval(HistoryTime.FromSeconds(record.Seconds), record.Coverage, facility, it, pue, PueMeter.Dcie(pue));
        }

        public void Gap(DateTime from, DateTime to)
        {
            _target.Gap(from, to);
        }
    }
}
