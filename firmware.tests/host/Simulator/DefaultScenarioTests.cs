using System;
using System.Linq;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Simulator;
using Xunit;

namespace Ipenergy.Probe.Tests.Simulator
{
    public class DefaultScenarioTests
    {
        [Fact]
        public void TheBuiltInRoomIsAnMpp18WithRacksOnEveryChannel()
        {
            Scenario s = DefaultScenario.Create("MPP18");
            ScenarioValidator.Validate(s, DefaultScenario.SourceName, 3200);
            Assert.Equal("MPP18", s.Model);
            Assert.Equal(50.0, s.FrequencyHz);
            Assert.Equal(Enumerable.Range(1, 18), s.Channels.Select(c => c.Channel));
            foreach (PhaseSettings p in s.Phases)
            {
                Assert.Equal(230.0, p.Vrms);
                Assert.Contains(p.Harmonics, h => h.Order == 5 && h.Percent > 0 && h.Percent <= 3);
            }

            Assert.Equal(new[] { 0.0, -120.0, 120.0 }, s.Phases.Select(p => p.AngleDeg));
            foreach (ChannelSettings c in s.Channels)
            {
                Assert.InRange(c.Irms, 5.0, 80.0);
                Assert.Contains(c.CtRatedA, new[] { 32.0, 63.0, 100.0 });
                Assert.True(c.Irms * Math.Sqrt(1 + c.Harmonics.Sum(h => h.Percent * h.Percent) / 1e4) < c.CtRatedA, "channel " + c.Channel + " overloads its CT");
                double cos = Math.Cos(c.AngleDeg * Math.PI / 180);
                Assert.True(c.AngleDeg < 0 && cos >= 0.9 - 1e-3 && cos <= 0.99 + 1e-3, "channel " + c.Channel + " cos phi " + cos);
            }

            Assert.Contains(s.Channels, c => c.Harmonics.Any(h => h.Order == 3));
            Assert.Contains(s.Channels, c => c.Harmonics.Any(h => h.Order == 7));
            Assert.True(s.Channels.Select(c => c.Irms).Distinct().Count() > 10, "currents should vary");
        }

        [Fact]
        public void AnMpp3KeepsTheFirstThreeChannels()
        {
            Scenario s = DefaultScenario.Create("MPP3");
            Assert.Equal("MPP3", s.Model);
            Assert.Equal(new[] { 1, 2, 3 }, s.Channels.Select(c => c.Channel));
            Assert.Equal("MPP3", SimulatorSetup.Prepare(new[] { "--model", "MPP3" }).Scenario.Model);
            Assert.Equal(3, SimulatorSetup.Prepare(new[] { "--model", "MPP3" }).Scenario.Channels.Count);
        }

        [Fact]
        public void ScenarioJsonRoundTrips()
        {
            Scenario s = DefaultScenario.Create("MPP18");
            s.Channels[0].CtPhaseErrorDeg = 0.25;
            s.Events.Add(ScenarioEvent.ForChannel(3, 1, irms: 1.5, angleDeg: 10));
            s.Events.Add(ScenarioEvent.ForPhase(4, 2, vrms: 0));
            s.Events.Add(ScenarioEvent.ForFrequency(5.5, 49.9));
            string json = ScenarioWriter.ToJson(s);
            Scenario back = ScenarioLoader.Parse(json, "round trip");
            Assert.Equal(json, ScenarioWriter.ToJson(back));
            Assert.Equal(0.25, back.Channels[0].CtPhaseErrorDeg);
            Assert.Equal(49.9, back.Events[2].FrequencyHz);
        }

        [Fact]
        public void TheMeterIsConfiguredWithTheScenariosCtsAndPhases()
        {
            Scenario s = new Scenario { Model = "MPP18", FrequencyHz = 59.0 };
            s.Channels.Add(new ChannelSettings { Channel = 4, Phase = 2, CtRatedA = 32, Irms = 1 });
            s.Channels.Add(new ChannelSettings { Channel = 18, Phase = 0, CtRatedA = 250, Irms = 1 });
            for (int k = 0; k < 3; k++)
            {
                s.Phases[k].Vrms = 121.0;
            }

            MeterConfig config = MeterConfigFactory.Create(s);
            Assert.Equal(18, config.Channels.Length);
            Assert.Equal(32.0, config.Channels[3].CtRatedAmps);
            Assert.Equal(2, config.Channels[3].Phase);
            Assert.Equal(250.0, config.Channels[17].CtRatedAmps);
            Assert.Equal(0, config.Channels[17].Phase);
            Assert.Equal(100.0, config.Channels[0].CtRatedAmps);   // not listed: the default CT and wiring
            Assert.Equal(0, config.Channels[0].Phase);
            Assert.Equal(1, config.Channels[4].Phase);
            Assert.Equal(60.0, config.NominalFrequencyHz);
            Assert.Equal(120.0, config.NominalVoltage);
            Assert.Equal(12, config.CyclesPerWindow);
        }

        [Theory]
        [InlineData(40.0, 50.0)]
        [InlineData(54.9, 50.0)]
        [InlineData(55.0, 50.0)]
        [InlineData(55.1, 60.0)]
        [InlineData(70.0, 60.0)]
        public void NominalFrequencyIsTheNearestOf50And60(double scenarioHz, double nominal)
        {
            Assert.Equal(nominal, MeterConfigFactory.NearestNominalFrequency(scenarioHz));
        }

        [Fact]
        public void TheBuiltInRoomConfiguresAn18ChannelMeterAt230V50Hz()
        {
            MeterConfig config = MeterConfigFactory.Create(DefaultScenario.Create("MPP18"));
            Assert.Equal(50.0, config.NominalFrequencyHz);
            Assert.Equal(230.0, config.NominalVoltage);
            Assert.Equal(63.0, config.Channels[3].CtRatedAmps);
        }
    }
}
