using System;
using Ipenergy.Probe.Alarms;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Storage.Alarms;

namespace Ipenergy.Probe.Tests.Unit.Alarms
{
    /// <summary>
    /// Hand-made seconds for the alarm engine: set voltages, frequency, channel currents and circuit
    /// neutrals, then Run(n) publishes n snapshots one second apart (Skip leaves a gap). The circuit
    /// values are derived from the channel currents as the metering engine does.
    /// </summary>
    public sealed class AlarmTestProbe
    {
        public static readonly DateTime Start = new DateTime(2026, 1, 1, 0, 0, 0);

        private readonly AlarmEntry _read = new AlarmEntry();

        public AlarmTestProbe(int channels)
        {
            Config = new MeterConfig(channels);
            Journal = new AlarmJournal(null);
            Journal.Open();
            Engine = new AlarmEngine(Journal);
            Volts = new double[] { 230.0, 230.0, 230.0 };
            Present = new bool[] { true, true, true };
            Amps = new double[channels];
            NeutralAmps = new double[channels];
            FrequencyHz = 50.0;
            VoltageUnbalancePercent = 0.3;
            Time = Start;
        }

        public MeterConfig Config;
        public AlarmJournal Journal;
        public AlarmEngine Engine;
        public double[] Volts;
        public bool[] Present;
        public double[] Amps;

        /// <summary>Per circuit (configuration order).</summary>
        public double[] NeutralAmps;
        public double FrequencyHz;
        public double VoltageUnbalancePercent;
        public DateTime Time;
        public long Sequence;

        /// <summary>Seconds published so far (the timestamp of the next one is Start + Elapsed).</summary>
        public int Elapsed { get { return (int)((Time.Ticks - Start.Ticks) / TimeSpan.TicksPerSecond); } }

        public AlarmRuleConfig Rule(int condition)
        {
            return Config.Alarms.Rules[condition];
        }

        public void AddCircuit(string name, int[] channels, double breakerA)
        {
            CircuitConfig[] circuits = new CircuitConfig[Config.Circuits.Length + 1];
            for (int i = 0; i < Config.Circuits.Length; i++)
            {
                circuits[i] = Config.Circuits[i];
            }

            circuits[circuits.Length - 1] = new CircuitConfig(name, channels, breakerA);
            Config.Circuits = circuits;
        }

        public MeasurementSnapshot Snapshot()
        {
            PhaseValues[] phases = new PhaseValues[PhaseNames.Count];
            for (int p = 0; p < phases.Length; p++)
            {
                PhaseValues pv = new PhaseValues(p);
                pv.Vrms = Volts[p];
                pv.FundamentalVrms = Volts[p];
                pv.Present = Present[p];
                pv.FrequencyHz = Present[p] ? FrequencyHz : 0.0;
                phases[p] = pv;
            }

            ChannelValues[] channels = new ChannelValues[Config.Channels.Length];
            for (int k = 0; k < channels.Length; k++)
            {
                ChannelConfig cc = Config.Channels[k];
                ChannelValues cv = new ChannelValues(cc.Number, cc.Phase);
                cv.Irms = Amps[k];
                cv.LoadPercentOfCt = 100.0 * Amps[k] / cc.CtRatedAmps;
                channels[k] = cv;
            }

            CircuitValues[] circuits = new CircuitValues[Config.Circuits.Length];
            for (int c = 0; c < circuits.Length; c++)
            {
                CircuitConfig cc = Config.Circuits[c];
                CircuitValues v = new CircuitValues(c, cc.Name, cc.Channels.Length, cc.BreakerRatedAmps);
                double max = 0.0;
                double sum = 0.0;
                for (int i = 0; i < cc.Channels.Length; i++)
                {
                    double a = Amps[cc.Channels[i] - 1];
                    max = a > max ? a : max;
                    sum += a;
                }

                v.MaxIrms = max;
                v.LoadPercent = 100.0 * max / cc.BreakerRatedAmps;
                if (cc.IsThreePhase)
                {
                    double mean = sum / 3.0;
                    double worst = 0.0;
                    for (int i = 0; i < 3; i++)
                    {
                        double d = Math.Abs(Amps[cc.Channels[i] - 1] - mean);
                        worst = d > worst ? d : worst;
                    }

                    v.CurrentUnbalancePercent = mean > 0.0 ? 100.0 * worst / mean : 0.0;
                    v.NeutralCurrentA = NeutralAmps[c];
                }

                circuits[c] = v;
            }

            MeasurementSnapshot s = new MeasurementSnapshot(phases, channels, circuits);
            s.Sequence = ++Sequence;
            s.Timestamp = Time;
            // The reference is the first present phase: no frequency without any.
            s.FrequencyHz = Present[0] || Present[1] || Present[2] ? FrequencyHz : 0.0;
            s.VoltageUnbalancePercent = VoltageUnbalancePercent;
            return s;
        }

        /// <summary>Publishes and evaluates <paramref name="seconds"/> consecutive seconds.</summary>
        public void Run(int seconds)
        {
            for (int i = 0; i < seconds; i++)
            {
                Engine.Evaluate(Snapshot(), Config);
                Time = Time.AddSeconds(1);
            }
        }

        /// <summary>Seconds that are never published (a gap in the snapshots).</summary>
        public void Skip(int seconds)
        {
            Time = Time.AddSeconds(seconds);
        }

        public int Events { get { return Journal.LogCount; } }

        /// <summary>The event <paramref name="back"/> places before the newest (0 = newest), a fresh copy.</summary>
        public AlarmEntry Event(int back)
        {
            AlarmEntry e = new AlarmEntry();
            if (!Journal.CopyLog(back, e))
            {
                throw new Exception("no event " + back.ToString() + " of " + Journal.LogCount.ToString());
            }

            return e;
        }

        public int Level(int source, int index, int condition)
        {
            return Engine.LevelOf(source, index, condition);
        }

        /// <summary>The journal's active row of the slot, or null.</summary>
        public AlarmEntry Active(int source, int index, int condition)
        {
            AlarmEntry e = new AlarmEntry();
            return Journal.FindActive(source, index, condition, e) ? e : null;
        }

        /// <summary>Number of events in the journal for one condition (any source).</summary>
        public int EventsOf(int condition)
        {
            int n = 0;
            for (int i = 0; i < Journal.LogCount; i++)
            {
                if (Journal.CopyLog(i, _read) && _read.Condition == condition)
                {
                    n++;
                }
            }

            return n;
        }
    }
}
