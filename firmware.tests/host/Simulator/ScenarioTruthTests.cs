using System;
using Ipenergy.Probe.Simulator;
using Xunit;
using static Ipenergy.Probe.Tests.Simulator.SimulatorTestSupport;

namespace Ipenergy.Probe.Tests.Simulator
{
    /// <summary>The truth against numbers worked out by hand from the spec's formulas.</summary>
    public class ScenarioTruthTests
    {
        private static Scenario OneChannel()
        {
            Scenario s = new Scenario { Model = "MPP3" };
            s.Phases[0].Harmonics.Add(new HarmonicSettings(5, 4.0, 10.0));
            ChannelSettings c = new ChannelSettings { Channel = 1, Phase = 0, Irms = 10.0, AngleDeg = -30.0 };
            c.Harmonics.Add(new HarmonicSettings(5, 20.0, 40.0));
            c.Harmonics.Add(new HarmonicSettings(3, 30.0, 0.0));
            s.Channels.Add(c);
            return s;
        }

        [Fact]
        public void ChannelTruthFollowsTheSpecFormulas()
        {
            ChannelTruth t = new ScenarioTruth(OneChannel()).Channel(1, 0);
            // Vrms = 230·√(1 + 16/10⁴); Irms = 10·√(1 + (400 + 900)/10⁴).
            Near(230 * Math.Sqrt(1.0016), t.Vrms, 1e-9, "Vrms");
            Near(10 * Math.Sqrt(1.13), t.Irms, 1e-9, "Irms");
            Near(10.0, t.FundamentalIrms, 1e-12, "I1");
            Near(Math.Sqrt(1300), t.CurrentThdPercent, 1e-9, "THD");
            // P = 2300·[cos 30° + (4·20/10⁴)·cos(10° − 40° + 150°)] = 2300·(0.8660254 − 0.004) (only the 5th is in both).
            Near(2300 * (Math.Cos(Math.PI / 6) - 0.004), t.ActivePowerW, 1e-9, "P");
            Near(1150.0, t.ReactivePowerVar, 1e-9, "Q1 = 2300·sin 30°, inductive");
            Near(t.Vrms * t.Irms, t.ApparentPowerVA, 1e-9, "S");
            Near(t.ActivePowerW / t.ApparentPowerVA, t.PowerFactor, 1e-12, "PF");
            Near(Math.Cos(Math.PI / 6), t.CosPhi, 1e-12, "cos phi");
            Assert.Equal(0, t.Phase);
        }

        [Fact]
        public void ExportAndCapacitiveLoadsHaveTheirSigns()
        {
            Scenario s = OneChannel();
            s.Channels[0].Harmonics.Clear();
            s.Channels[0].AngleDeg = 150.0;   // exporting, and Q1 = V·I·sin(−150°) < 0
            ChannelTruth t = new ScenarioTruth(s).Channel(1, 0);
            Near(2300 * Math.Cos(150 * Math.PI / 180), t.ActivePowerW, 1e-9, "P");
            Near(-1150.0, t.ReactivePowerVar, 1e-9, "Q1");
            Assert.True(t.PowerFactor < 0);
        }

        [Fact]
        public void AnUnlistedChannelIsZero()
        {
            ChannelTruth t = new ScenarioTruth(OneChannel()).Channel(2, 0);
            Assert.Equal(0.0, t.Irms);
            Assert.Equal(0.0, t.ActivePowerW);
            Assert.Equal(0.0, t.PowerFactor);
            Assert.Equal(1, t.Phase);
        }

        [Fact]
        public void EventsChangeTheTruthFromTheirTime()
        {
            Scenario s = OneChannel();
            s.Events.Add(ScenarioEvent.ForChannel(10, 1, irms: 20.0));
            s.Events.Add(ScenarioEvent.ForPhase(20, 0, vrms: 0.0));
            s.Events.Add(ScenarioEvent.ForFrequency(5, 60.0));
            ScenarioTruth truth = new ScenarioTruth(s);
            Assert.Equal(10.0, truth.Channel(1, 9.999).FundamentalIrms);
            Assert.Equal(20.0, truth.Channel(1, 10).FundamentalIrms);
            Assert.Equal(0.0, truth.Channel(1, 25).ActivePowerW);
            Assert.Equal(0.0, truth.Phase(0, 25).Vrms);
            Assert.Equal(50.0, truth.FrequencyHz(4.9));
            Assert.Equal(60.0, truth.FrequencyHz(5.0));
        }

        [Fact]
        public void EnergyIntegratesPowerBetweenEvents()
        {
            Scenario s = OneChannel();
            s.Events.Add(ScenarioEvent.ForChannel(100, 1, irms: 20.0));
            s.Events.Add(ScenarioEvent.ForChannel(200, 1, angleDeg: 180.0));
            ScenarioTruth truth = new ScenarioTruth(s);
            double p1 = truth.Channel(1, 0).ActivePowerW;
            double p2 = truth.Channel(1, 150).ActivePowerW;
            double p3 = truth.Channel(1, 250).ActivePowerW;
            Assert.True(p3 < 0);
            EnergyTruth e = truth.Energy(1, 50, 300);
            Near((p1 * 50 + p2 * 100) / 3600, e.ImportWh, 1e-9, "import");
            Near(-p3 * 100 / 3600, e.ExportWh, 1e-9, "export");
            Near(e.ImportWh - e.ExportWh, e.NetWh, 1e-12, "net");
            double q1 = truth.Channel(1, 0).ReactivePowerVar;
            double q2 = truth.Channel(1, 150).ReactivePowerVar;
            double q3 = truth.Channel(1, 250).ReactivePowerVar;
            Near((q1 * 50 + q2 * 100 + q3 * 100) / 3600, e.ReactiveVarh, 1e-9, "reactive");
        }

        [Fact]
        public void EnergyOfAnEventBetweenSamplesCountsFromItsFirstFrame()
        {
            Scenario s = OneChannel();
            s.Channels[0].Harmonics.Clear();
            s.Events.Add(ScenarioEvent.ForChannel(1.0001, 1, irms: 0.0));   // takes effect at frame 3201 = 1.0003125 s
            EnergyTruth e = new ScenarioTruth(s, 3200).Energy(1, 0, 2);
            Near(2300 * Math.Cos(Math.PI / 6) * (3201.0 / 3200) / 3600, e.ImportWh, 1e-9, "import");
        }

        [Fact]
        public void ThroughAnUncorrectedCtTheTruthMovesByTheErrors()
        {
            Scenario s = OneChannel();
            s.Channels[0].Harmonics.Clear();
            s.Channels[0].CtRatioErrorPercent = 1.0;
            s.Channels[0].CtPhaseErrorDeg = 2.0;
            ChannelTruth t = new ScenarioTruth(s).Channel(1, 0, throughUncorrectedCt: true);
            Near(10.1, t.FundamentalIrms, 1e-9, "I seen");
            Near(-28.0, t.AngleDeg, 1e-9, "the CT makes the current lead by 2°");
            Near(230 * 10.1 * Math.Cos(28 * Math.PI / 180), t.ActivePowerW, 1e-9, "P seen");
        }

        [Fact]
        public void VoltageUnbalanceFromTheFundamentals()
        {
            Scenario s = OneChannel();
            ScenarioTruth balanced = new ScenarioTruth(s);
            Near(0.0, balanced.VoltageUnbalancePercent(0), 1e-9, "balanced");
            s.Phases[1].Vrms = 0;   // a lost phase: V1 = 2V/3, V2 = V/3
            Near(50.0, new ScenarioTruth(s).VoltageUnbalancePercent(0), 1e-9, "one phase lost");
        }

        [Fact]
        public void PhaseTruth()
        {
            PhaseTruth p = new ScenarioTruth(OneChannel()).Phase(0, 0);
            Near(230 * Math.Sqrt(1.0016), p.Vrms, 1e-9, "Vrms");
            Near(230, p.FundamentalVrms, 1e-12, "V1");
            Near(4.0, p.ThdPercent, 1e-12, "THD");
        }
    }
}
