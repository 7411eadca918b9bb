using System;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Metering.Chip
{
    /// <summary>
    /// Meters with ATM90E32-class chips instead of ADC samples: one chip per group of three CT channels (chip c =
    /// channels 3c+1..3c+3 on its inputs A, B, C; every chip sees L1, L2, L3 on UA, UB, UC). Poll, once a second on
    /// the device clock, reads every chip and publishes a snapshot with the sample engine's semantics through the
    /// shared <see cref="SnapshotBuilder"/> (chip/README.md says what the chip path cannot give and how it is filled).
    /// Energy comes from the chips' clear-on-read registers, so nothing is lost between two reads. Allocates nothing
    /// per poll except the snapshot.
    /// </summary>
    public sealed class ChipMeter : IMeter
    {
        /// <summary>CT channels per chip.</summary>
        public const int ChannelsPerChip = Atm90e32Settings.Inputs;

        /// <summary>A failed chip is initialised again every this many polls.</summary>
        public const int RetryEveryPolls = 10;

        private const double DegToRad = Math.PI / 180.0;

        private readonly IClock _clock;
        private readonly Atm90e32[] _chips;
        private readonly Atm90e32Reading[] _readings;
        private readonly ChipStatus[] _status;
        private readonly Atm90e32Settings _settings = new Atm90e32Settings();
        private readonly ChannelEnergy _energy;
        private readonly int _channels;
        private readonly double[] _vRe = new double[3];
        private readonly double[] _vIm = new double[3];
        private readonly double[] _i1Re;
        private readonly double[] _i1Im;
        private readonly double[] _corrCos;
        private readonly double[] _corrSin;
        private readonly bool[] _chipEnergy;

        private MeterConfig _config;
        private SnapshotBuilder _builder;
        private SecondAggregate _agg;
        private bool _initialized;
        private long _startMs;
        private long _lastPollMs;
        private int _pollsSinceRetry;

        // Readers on other threads take the reference under this lock (mscorlib 1.17.11 has no volatile).
        private readonly object _publishLock = new object();
        private MeasurementSnapshot _latest;

        public ChipMeter(MeterConfig config, ISpiDevice[] chips, IClock clock)
        {
            if (config.Channels.Length != chips.Length * ChannelsPerChip)
            {
                throw new ArgumentException("configuration has " + config.Channels.Length + " channels, "
                    + chips.Length + " metering chips meter " + chips.Length * ChannelsPerChip);
            }

            _clock = clock;
            _channels = config.Channels.Length;
            _chips = new Atm90e32[chips.Length];
            _readings = new Atm90e32Reading[chips.Length];
            _status = new ChipStatus[chips.Length];
            for (int c = 0; c < chips.Length; c++)
            {
                _chips[c] = new Atm90e32(chips[c]);
                _readings[c] = new Atm90e32Reading();
                _status[c] = new ChipStatus(c);
            }

            _energy = new ChannelEnergy(_channels);
            _i1Re = new double[_channels];
            _i1Im = new double[_channels];
            _corrCos = new double[_channels];
            _corrSin = new double[_channels];
            _chipEnergy = new bool[_channels];
            UseConfig(config);
        }

        /// <summary>The last published second; null until the first poll.</summary>
        public MeasurementSnapshot Latest
        {
            get
            {
                lock (_publishLock)
                {
                    return _latest;
                }
            }
        }

        public int ChannelCount { get { return _channels; } }

        /// <summary>Health of every chip, by chip index.</summary>
        public ChipStatus[] Status { get { return _status; } }

        /// <summary>Chips that currently do not answer.</summary>
        public int FailedChips
        {
            get
            {
                int n = 0;
                for (int c = 0; c < _status.Length; c++)
                {
                    if (!_status[c].Ok)
                    {
                        n++;
                    }
                }

                return n;
            }
        }

        /// <summary>The driver of chip c (diagnostics).</summary>
        public Atm90e32 Driver(int chipIndex)
        {
            return _chips[chipIndex];
        }

        public void CopyEnergy(long[] milliUnits)
        {
            _energy.CopyTo(milliUnits);
        }

        public void RestoreEnergy(int channelIndex, long importMilliWh, long exportMilliWh, long importMilliVarh, long exportMilliVarh)
        {
            _energy.Restore(channelIndex, importMilliWh, exportMilliWh, importMilliVarh, exportMilliVarh);
        }

        /// <summary>Resets and configures every chip (boot); a chip that does not echo its writes is reported failed.</summary>
        public void Initialize()
        {
            for (int c = 0; c < _chips.Length; c++)
            {
                InitializeChip(c);
            }

            _startMs = _clock.MonotonicMilliseconds;
            _lastPollMs = _startMs;
            _pollsSinceRetry = 0;
            _initialized = true;
        }

        /// <summary>
        /// A new configuration (CTs, calibration, phases, circuits, nominal frequency): the second so far is published
        /// first (its energy read out of the chips under the old gains), then the gains and MMode0 are written without
        /// a reset. Energy counters carry on.
        /// </summary>
        public void Configure(MeterConfig config)
        {
            if (config.Channels.Length != _channels)
            {
                throw new ArgumentException("configuration has " + config.Channels.Length + " channels, chips meter " + _channels);
            }

            if (_initialized)
            {
                Poll();
            }

            UseConfig(config);
            for (int c = 0; c < _chips.Length; c++)
            {
                if (!_status[c].Ok)
                {
                    continue;  // the next retry initialises it with the new settings
                }

                Atm90e32Calibration.Fill(config, c, _settings);
                if (!_chips[c].Configure(_settings))
                {
                    MarkFailed(c);
                    _status[c].InitFailures++;
                }

                _status[c].WriteVerifyFailures = _chips[c].WriteVerifyFailures;
            }
        }

        /// <summary>Reads every chip and publishes one snapshot; call once a second on the device clock.</summary>
        public void Poll()
        {
            if (!_initialized)
            {
                Initialize();
            }

            long now = _clock.MonotonicMilliseconds;
            double elapsedS = (now - _lastPollMs) / 1000.0;
            if (elapsedS < 0.0)
            {
                elapsedS = 0.0;
            }

            _lastPollMs = now;
            RetryFailedChips();

            Atm90e32Reading voltages = null;
            for (int c = 0; c < _chips.Length; c++)
            {
                if (_status[c].Ok && !_readings[c].ReadFrom(_chips[c]))
                {
                    MarkFailed(c);
                    _status[c].ReadErrors++;
                }

                if (_status[c].Ok)
                {
                    _status[c].GoodPolls++;
                    _status[c].TemperatureC = _readings[c].TemperatureC;
                    if (voltages == null)
                    {
                        voltages = _readings[c];
                    }
                }
            }

            SecondAggregate agg = _agg;
            agg.Frames = 1;
            agg.Windows = 1;
            AddPhases(agg, voltages);
            for (int k = 0; k < _channels; k++)
            {
                AddChannel(agg, k, elapsedS);
            }

            for (int c = 0; c < _builder.CircuitCount; c++)
            {
                AddNeutral(agg, c);
            }

            MeasurementSnapshot snap = _builder.Build(agg, _energy, _clock.UtcNow, now - _startMs);
            lock (_publishLock)
            {
                _latest = snap;
            }
        }

        // Phases from the first chip that answers (all chips see the same three voltages).
        private void AddPhases(SecondAggregate agg, Atm90e32Reading r)
        {
            for (int p = 0; p < 3; p++)
            {
                _vRe[p] = 0.0;
                _vIm[p] = 0.0;
                if (r == null)
                {
                    continue;
                }

                double u = r.UrmsVolts[p];
                double u1 = Fundamental(u, r.ThdUPercent[p]);
                double angle = r.UAngleDeg[p] * DegToRad;
                agg.VV[p] = u * u;
                agg.V1V1[p] = u1 * u1;
                if (u >= _builder.PresentVolts && r.FrequencyHz > 0.0)
                {
                    agg.Cycles[p] = 1;
                    agg.CycleSeconds[p] = 1.0 / r.FrequencyHz;
                }

                _vRe[p] = u1 * Math.Cos(angle);
                _vIm[p] = u1 * Math.Sin(angle);
                agg.RelRe[p] = _vRe[p];
                agg.RelIm[p] = _vIm[p];
            }

            agg.U2 = SymmetricalComponents.UnbalancePercent(_vRe, _vIm);
        }

        private void AddChannel(SecondAggregate agg, int k, double elapsedS)
        {
            int c = k / ChannelsPerChip;
            int slot = k - c * ChannelsPerChip;
            _i1Re[k] = 0.0;
            _i1Im[k] = 0.0;
            if (!_status[c].Ok)
            {
                return;  // failed chip: zeros, no energy
            }

            Atm90e32Reading r = _readings[c];
            double irms = r.IrmsAmps[slot];
            if (r.IrmsSaturated[slot] && r.UrmsVolts[slot] >= _builder.PresentVolts)
            {
                // IrmsX (0.001 A in 16 bits) tops out at 65.535 A; SmeanX = Urms × Irms in 32 bits does not.
                irms = r.ApparentPowerVA[slot] / r.UrmsVolts[slot];
            }
            if (irms < _builder.CreepAmps(k))
            {
                return;  // anti-creep: 0 A, and what the chip counted is dropped
            }

            int p = _builder.ChannelPhase(k);
            double i1 = Fundamental(irms, r.ThdIPercent[slot]);
            double s1 = Fundamental(r.UrmsVolts[p], r.ThdUPercent[p]) * i1;
            double currentAngle = r.UAngleDeg[slot] - r.PAngleDeg[slot];   // fundamental current relative to UA = L1
            _i1Re[k] = i1 * Math.Cos(currentAngle * DegToRad);
            _i1Im[k] = i1 * Math.Sin(currentAngle * DegToRad);

            double p1, q1, harmonic;
            if (p == slot)
            {
                // The chip multiplied this current with its own phase: its powers hold.
                p1 = s1 * Math.Cos(r.PAngleDeg[slot] * DegToRad);
                q1 = r.ReactivePowerVar[slot];
                harmonic = r.ActivePowerW[slot] - p1;
            }
            else
            {
                // Another phase than the slot's voltage: the fundamental from the angles; harmonic power is unknown.
                double phi = (r.UAngleDeg[p] - currentAngle) * DegToRad;
                p1 = s1 * Math.Cos(phi);
                q1 = s1 * Math.Sin(phi);
                harmonic = 0.0;
            }

            if (_corrSin[k] != 0.0)
            {
                // PhaseCorrectionDeg delays the current: the fundamental (P1, Q1) turns by that angle.
                double cs = _corrCos[k], sn = _corrSin[k];
                double t = p1 * cs - q1 * sn;
                q1 = q1 * cs + p1 * sn;
                p1 = t;
            }

            double power = p1 + harmonic;
            agg.II[k] = irms * irms;
            agg.I1I1[k] = i1 * i1;
            agg.P[k] = power;
            agg.Q[k] = q1;
            agg.P1[k] = p1;
            agg.S1[k] = s1;

            if (_chipEnergy[k])
            {
                _energy.ImportWh[k].Add(r.ImportActiveLsb[slot] * Atm90e32Reading.JoulesPerEnergyLsb);
                _energy.ExportWh[k].Add(r.ExportActiveLsb[slot] * Atm90e32Reading.JoulesPerEnergyLsb);
                _energy.ImportVarh[k].Add(r.ImportReactiveLsb[slot] * Atm90e32Reading.JoulesPerEnergyLsb);
                _energy.ExportVarh[k].Add(r.ExportReactiveLsb[slot] * Atm90e32Reading.JoulesPerEnergyLsb);
            }
            else
            {
                // The chip's counters pair the current with the wrong voltage or angle: integrate our P and Q instead.
                _energy.AddSigned(k, power * elapsedS, q1 * elapsedS);
            }
        }

        // 3-phase circuits: the chip's sample-level IA+IB+IC when the circuit is exactly one chip's inputs; the
        // vector sum of the fundamental currents otherwise (triplen harmonics then missing).
        private void AddNeutral(SecondAggregate agg, int circuit)
        {
            int[] idx = _builder.CircuitChannels(circuit);
            if (idx.Length != 3)
            {
                return;
            }

            int c = idx[0] / ChannelsPerChip;
            if (idx[1] / ChannelsPerChip == c && idx[2] / ChannelsPerChip == c)
            {
                double n = _status[c].Ok ? _readings[c].NeutralAmps : 0.0;
                agg.NN[circuit] = n * n;
                return;
            }

            double re = _i1Re[idx[0]] + _i1Re[idx[1]] + _i1Re[idx[2]];
            double im = _i1Im[idx[0]] + _i1Im[idx[1]] + _i1Im[idx[2]];
            agg.NN[circuit] = re * re + im * im;
        }

        private void UseConfig(MeterConfig config)
        {
            _config = config;
            SnapshotBuilder previous = _builder;
            _builder = new SnapshotBuilder(config);
            if (previous != null)
            {
                _builder.Sequence = previous.Sequence;
            }

            _agg = new SecondAggregate(_channels, config.Circuits.Length);
            for (int k = 0; k < _channels; k++)
            {
                ChannelConfig ch = config.Channels[k];
                double corr = ch.PhaseCorrectionDeg * DegToRad;
                _corrCos[k] = Math.Cos(corr);
                _corrSin[k] = ch.PhaseCorrectionDeg == 0.0 ? 0.0 : Math.Sin(corr);
                _chipEnergy[k] = ch.Phase == k % ChannelsPerChip && ch.PhaseCorrectionDeg == 0.0;
            }
        }

        private void RetryFailedChips()
        {
            _pollsSinceRetry++;
            if (_pollsSinceRetry < RetryEveryPolls)
            {
                return;
            }

            _pollsSinceRetry = 0;
            for (int c = 0; c < _chips.Length; c++)
            {
                if (!_status[c].Ok)
                {
                    InitializeChip(c);
                }
            }
        }

        private void InitializeChip(int c)
        {
            Atm90e32Calibration.Fill(_config, c, _settings);
            bool ok = _chips[c].Initialize(_settings);
            ChipStatus s = _status[c];
            s.WriteVerifyFailures = _chips[c].WriteVerifyFailures;
            if (ok)
            {
                s.Ok = true;
                s.Initializations++;
            }
            else
            {
                MarkFailed(c);
                s.InitFailures++;
            }
        }

        private void MarkFailed(int c)
        {
            _status[c].Ok = false;
            _readings[c].Clear();
        }

        // RMS of the fundamental from the true RMS and THD-F.
        private static double Fundamental(double rms, double thdPercent)
        {
            double t = thdPercent / 100.0;
            return rms / Math.Sqrt(1.0 + t * t);
        }
    }
}
