using System;
using Ipenergy.Probe.Config;

namespace Ipenergy.Probe.Metering
{
    /// <summary>
    /// Turns one second's <see cref="SecondAggregate"/> and the energy counters into a published snapshot: phases,
    /// channels, circuits (totals, load, current unbalance, neutral), with the anti-creep and phase-presence
    /// thresholds of the configuration. Both meters use it, so every reader sees the same semantics whichever meters.
    /// Allocates only the snapshot.
    /// </summary>
    public sealed class SnapshotBuilder
    {
        /// <summary>Below this share of the CT rating a channel reads 0 A and registers no energy (anti-creep).</summary>
        public const double CreepFractionOfRating = 0.0008;

        /// <summary>A phase below this share of the nominal voltage is reported absent.</summary>
        public const double PresenceFractionOfNominal = 0.10;

        private readonly int _channels;
        private readonly int[] _chPhase;
        private readonly double[] _ctRated;
        private readonly double[] _chCreepAmps;
        private readonly double _presentVolts;
        private readonly string[] _circuitNames;
        private readonly double[] _circuitBreaker;
        private readonly int[][] _circuitChannels;     // channel indexes (0-based)
        private long _sequence;

        public SnapshotBuilder(MeterConfig config)
        {
            _channels = config.Channels.Length;
            _presentVolts = PresenceFractionOfNominal * config.NominalVoltage;
            _chPhase = new int[_channels];
            _ctRated = new double[_channels];
            _chCreepAmps = new double[_channels];
            for (int k = 0; k < _channels; k++)
            {
                ChannelConfig ch = config.Channels[k];
                _chPhase[k] = ch.Phase;
                _ctRated[k] = ch.CtRatedAmps;
                _chCreepAmps[k] = CreepFractionOfRating * ch.CtRatedAmps;
            }

            int circuits = config.Circuits.Length;
            _circuitNames = new string[circuits];
            _circuitBreaker = new double[circuits];
            _circuitChannels = new int[circuits][];
            for (int c = 0; c < circuits; c++)
            {
                CircuitConfig cc = config.Circuits[c];
                _circuitNames[c] = cc.Name;
                _circuitBreaker[c] = cc.BreakerRatedAmps;
                int[] idx = new int[cc.Channels.Length];
                for (int j = 0; j < idx.Length; j++)
                {
                    idx[j] = cc.Channels[j] - 1;
                }

                _circuitChannels[c] = idx;
            }
        }

        public int ChannelCount { get { return _channels; } }

        /// <summary>Sequence number of the last snapshot built (a builder for a new configuration continues from it).</summary>
        public long Sequence
        {
            get { return _sequence; }
            set { _sequence = value; }
        }

        public int CircuitCount { get { return _circuitNames.Length; } }

        /// <summary>Volts below which a phase is absent.</summary>
        public double PresentVolts { get { return _presentVolts; } }

        /// <summary>Phase index (0..2) whose voltage channel k (0-based) is multiplied with.</summary>
        public int ChannelPhase(int channelIndex)
        {
            return _chPhase[channelIndex];
        }

        /// <summary>Amperes below which channel k reads 0 and registers no energy.</summary>
        public double CreepAmps(int channelIndex)
        {
            return _chCreepAmps[channelIndex];
        }

        /// <summary>Channel indexes (0-based) of circuit c, in configuration order.</summary>
        public int[] CircuitChannels(int circuit)
        {
            return _circuitChannels[circuit];
        }

        /// <summary>
        /// The snapshot of the second folded into <paramref name="agg"/> (weights = agg.Frames), numbered after the
        /// previous one; clears the aggregate for the next second.
        /// </summary>
        public MeasurementSnapshot Build(SecondAggregate agg, ChannelEnergy energy, DateTime timestamp, long endFrame)
        {
            double invN = agg.Frames > 0 ? 1.0 / agg.Frames : 0.0;

            PhaseValues[] phases = new PhaseValues[3];
            double freq = 0.0;
            for (int p = 0; p < 3; p++)
            {
                PhaseValues pv = new PhaseValues(p);
                double vrms = Math.Sqrt(agg.VV[p] * invN);
                double v1 = Math.Sqrt(agg.V1V1[p] * invN);
                pv.Vrms = vrms;
                pv.FundamentalVrms = v1;
                pv.Present = vrms >= _presentVolts;
                pv.ThdPercent = Thd(vrms, v1);
                pv.FrequencyHz = pv.Present && agg.CycleSeconds[p] > 0.0 ? agg.Cycles[p] / agg.CycleSeconds[p] : 0.0;
                pv.AngleDeg = pv.Present ? Math.Atan2(agg.RelIm[p], agg.RelRe[p]) * 180.0 / Math.PI : 0.0;
                if (freq == 0.0 && pv.FrequencyHz > 0.0)
                {
                    freq = pv.FrequencyHz;
                }

                phases[p] = pv;
            }

            ChannelValues[] channels = new ChannelValues[_channels];
            for (int k = 0; k < _channels; k++)
            {
                int p = _chPhase[k];
                ChannelValues cv = new ChannelValues(k + 1, p);
                double irms = Math.Sqrt(agg.II[k] * invN);
                double i1 = Math.Sqrt(agg.I1I1[k] * invN);
                double power = agg.P[k] * invN;
                double s = phases[p].Vrms * irms;
                double s1 = agg.S1[k] * invN;
                cv.Irms = irms;
                cv.FundamentalIrms = i1;
                cv.ThdPercent = Thd(irms, i1);
                cv.ActivePowerW = power;
                cv.ReactivePowerVar = agg.Q[k] * invN;
                cv.ApparentPowerVA = s;
                cv.PowerFactor = s > 0.0 ? Clamp1(power / s) : 0.0;
                cv.CosPhi = s1 > 0.0 ? Clamp1(agg.P1[k] * invN / s1) : 0.0;
                cv.LoadPercentOfCt = 100.0 * irms / _ctRated[k];
                cv.ImportEnergyMilliWh = energy.ImportWh[k].MilliUnits;
                cv.ExportEnergyMilliWh = energy.ExportWh[k].MilliUnits;
                cv.ImportReactiveMilliVarh = energy.ImportVarh[k].MilliUnits;
                cv.ExportReactiveMilliVarh = energy.ExportVarh[k].MilliUnits;
                channels[k] = cv;
            }

            CircuitValues[] circuits = new CircuitValues[_circuitNames.Length];
            for (int c = 0; c < circuits.Length; c++)
            {
                circuits[c] = BuildCircuit(c, channels, agg, invN);
            }

            MeasurementSnapshot snap = new MeasurementSnapshot(phases, channels, circuits);
            snap.Sequence = ++_sequence;
            snap.Timestamp = timestamp;
            snap.FrequencyHz = freq;
            snap.VoltageUnbalancePercent = agg.U2 * invN;
            snap.Windows = agg.Windows;
            snap.EndFrame = endFrame;
            agg.Clear();
            return snap;
        }

        private CircuitValues BuildCircuit(int c, ChannelValues[] channels, SecondAggregate agg, double invN)
        {
            int[] idx = _circuitChannels[c];
            CircuitValues cv = new CircuitValues(c, _circuitNames[c], idx.Length, _circuitBreaker[c]);
            double maxI = 0.0, sumI = 0.0, p = 0.0, q = 0.0, s = 0.0;
            long imp = 0, exp = 0;
            for (int j = 0; j < idx.Length; j++)
            {
                ChannelValues ch = channels[idx[j]];
                if (ch.Irms > maxI)
                {
                    maxI = ch.Irms;
                }

                sumI += ch.Irms;
                p += ch.ActivePowerW;
                q += ch.ReactivePowerVar;
                s += ch.ApparentPowerVA;
                imp += ch.ImportEnergyMilliWh;
                exp += ch.ExportEnergyMilliWh;
            }

            cv.MaxIrms = maxI;
            cv.LoadPercent = _circuitBreaker[c] > 0.0 ? 100.0 * maxI / _circuitBreaker[c] : 0.0;
            cv.ActivePowerW = p;
            cv.ReactivePowerVar = q;
            cv.ApparentPowerVA = s;
            cv.PowerFactor = s > 0.0 ? Clamp1(p / s) : 0.0;
            cv.ImportEnergyMilliWh = imp;
            cv.ExportEnergyMilliWh = exp;
            if (idx.Length == 3)
            {
                double mean = sumI / 3.0;
                double dev = 0.0;
                for (int j = 0; j < 3; j++)
                {
                    double dj = Math.Abs(channels[idx[j]].Irms - mean);
                    if (dj > dev)
                    {
                        dev = dj;
                    }
                }

                cv.CurrentUnbalancePercent = mean > 0.0 ? 100.0 * dev / mean : 0.0;
                double neutral = Math.Sqrt(agg.NN[c] * invN);
                double floor = _chCreepAmps[idx[0]];
                cv.NeutralCurrentA = neutral < floor ? 0.0 : neutral;
            }

            return cv;
        }

        /// <summary>THD-F in percent from the true RMS and the fundamental's RMS.</summary>
        public static double Thd(double rms, double fundamental)
        {
            if (fundamental <= 0.0)
            {
                return 0.0;
            }

            double h = rms * rms - fundamental * fundamental;
            return h > 0.0 ? 100.0 * Math.Sqrt(h) / fundamental : 0.0;
        }

        private static double Clamp1(double x)
        {
            return x > 1.0 ? 1.0 : (x < -1.0 ? -1.0 : x);
        }
    }
}
