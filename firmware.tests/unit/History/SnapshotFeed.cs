using System;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Tests.Unit.History
{
    /// <summary>
    /// Publishes 1-second snapshots of given channel powers the way the engine does: timestamps from a
    /// clock, integer milli-Wh counters with a remainder. Two snapshot objects alternate (a recorder
    /// ignores the same object twice), so a month of seconds allocates nothing.
    /// </summary>
    public sealed class SnapshotFeed
    {
        private readonly MeasurementSnapshot[] _snapshots = new MeasurementSnapshot[2];
        private readonly double[] _importRemainder;
        private readonly double[] _exportRemainder;
        private readonly long[] _importMilliWh;
        private readonly long[] _exportMilliWh;
        private int _next;

        public SnapshotFeed(int channels, DateTime start)
        {
            Channels = channels;
            Time = start;
            _importRemainder = new double[channels];
            _exportRemainder = new double[channels];
            _importMilliWh = new long[channels];
            _exportMilliWh = new long[channels];
            for (int s = 0; s < 2; s++)
            {
                ChannelValues[] values = new ChannelValues[channels];
                for (int c = 0; c < channels; c++)
                {
                    values[c] = new ChannelValues(c + 1, c % 3);
                }

                _snapshots[s] = new MeasurementSnapshot(new PhaseValues[0], values, new CircuitValues[0]);
            }
        }

        public int Channels { get; private set; }

        /// <summary>Device clock: the timestamp of the next snapshot minus its duration.</summary>
        public DateTime Time { get; set; }

        /// <summary>Exact energy counted so far (before the milli-Wh rounding), Wh.</summary>
        public double ExactImportWh(int channel)
        {
            return (_importMilliWh[channel] + _importRemainder[channel]) / 1000.0;
        }

        public long ImportMilliWh(int channel)
        {
            return _importMilliWh[channel];
        }

        /// <summary>Sets the counters (a restored energy store after a power cut).</summary>
        public void SetCounters(int channel, long importMilliWh, long exportMilliWh)
        {
            _importMilliWh[channel] = importMilliWh;
            _exportMilliWh[channel] = exportMilliWh;
            _importRemainder[channel] = 0;
            _exportRemainder[channel] = 0;
        }

        /// <summary>One second at the given powers (W, signed): counters advance, the clock too.</summary>
        public MeasurementSnapshot Second(double[] powersW)
        {
            return Advance(powersW, 1.0);
        }

        /// <summary>A snapshot covering seconds of energy at the given powers.</summary>
        public MeasurementSnapshot Advance(double[] powersW, double seconds)
        {
            Time = Time.AddTicks((long)(seconds * 10000000));
            MeasurementSnapshot snap = _snapshots[_next];
            _next ^= 1;
            for (int c = 0; c < Channels; c++)
            {
                double milliWh = powersW[c] * seconds / 3.6;
                if (milliWh >= 0)
                {
                    _importRemainder[c] += milliWh;
                }
                else
                {
                    _exportRemainder[c] -= milliWh;
                }

                long whole = (long)_importRemainder[c];
                _importMilliWh[c] += whole;
                _importRemainder[c] -= whole;
                whole = (long)_exportRemainder[c];
                _exportMilliWh[c] += whole;
                _exportRemainder[c] -= whole;

                ChannelValues v = snap.Channels[c];
                v.ActivePowerW = powersW[c];
                v.ImportEnergyMilliWh = _importMilliWh[c];
                v.ExportEnergyMilliWh = _exportMilliWh[c];
            }

            snap.Timestamp = Time;
            return snap;
        }
    }
}
