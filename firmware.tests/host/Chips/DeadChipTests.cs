using System;
using System.Diagnostics;
using System.Threading;
using Ipenergy.Probe.App;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Simulator;
using Ipenergy.Probe.Simulator.Chips;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;

namespace Ipenergy.Probe.Tests.Chips
{
    /// <summary>
    /// Failure injection through the firmware's chip path, in process: an MPP18's ProbeApp on six simulated chips,
    /// one dead from power-on and one that dies, then comes back. The dead chip's channels read 0 and count no
    /// energy, ProbeApp reports the failed chips, the other chips carry on, and a chip that answers again is taken
    /// back after the driver's retry.
    /// </summary>
    [Collection(AloneCollection.Name)]
    public class DeadChipTests
    {
        [Fact]
        public void ADeadChipsChannelsReadZeroCountNoEnergyAndComeBackWithTheChip()
        {
            Scenario scenario = DefaultScenario.Create(ProbeModel.Mpp18);
            var adc = new WaveformSynthesizer(scenario, WaveformSynthesizer.DefaultSampleRateHz, 10.0);
            var clock = new SimulatedClock(adc, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            var bank = new SimulatedMeteringChips(adc);
            bank.Chips[1].Failure = ChipFailure.StuckHigh;   // channels 4-6: MISO floating from power-on
            var app = new ProbeApp(adc, clock, MeterConfigFactory.Create(scenario), null, null,
                new ProbeOptions { BindAddress = "127.0.0.1", HttpPort = 0, MeteringChips = bank.Devices });
            app.Start();
            bank.Start();
            try
            {
                MeasurementSnapshot first = After(app, 3);
                Assert.Equal(1, app.Chips.FailedChips);
                for (int c = 1; c <= 18; c++)
                {
                    ChannelValues v = first.Channels[c - 1];
                    if (c >= 4 && c <= 6)
                    {
                        Assert.True(v.Irms == 0 && v.ActivePowerW == 0 && v.ImportEnergyMilliWh == 0,
                            "channel " + c + " on the dead chip: " + v.Irms + " A, " + v.ActivePowerW + " W, " + v.ImportEnergyMilliWh + " mWh");
                    }
                    else
                    {
                        Assert.True(v.Irms > 1.0 && v.ImportEnergyMilliWh > 0, "channel " + c + " on a live chip: " + v.Irms + " A, " + v.ImportEnergyMilliWh + " mWh");
                    }
                }

                // Chip 2 (channels 7-9) dies: its channels drop to 0 and their energy stops; chip 0's goes on.
                bank.Chips[2].Failure = ChipFailure.StuckLow;
                MeasurementSnapshot dead = After(app, first.Sequence + 2);
                MeasurementSnapshot later = After(app, dead.Sequence + 3);
                Assert.Equal(2, app.Chips.FailedChips);
                for (int c = 7; c <= 9; c++)
                {
                    Assert.Equal(0.0, later.Channels[c - 1].Irms);
                    Assert.Equal(dead.Channels[c - 1].ImportEnergyMilliWh, later.Channels[c - 1].ImportEnergyMilliWh);
                }

                Assert.True(later.Channels[0].ImportEnergyMilliWh > dead.Channels[0].ImportEnergyMilliWh, "channel 1 goes on counting");

                // It answers again: the driver initialises it again within its retry period and metering resumes.
                bank.Chips[2].Failure = ChipFailure.None;
                MeasurementSnapshot back = Until(app, s => s.Channels[6].Irms > 1.0, later.Sequence + 3 * ChipMeterRetry);
                Assert.Equal(1, app.Chips.FailedChips);
                double truth = new ScenarioTruth(scenario).Channel(7, 0).Irms;
                Assert.True(Math.Abs(back.Channels[6].Irms - truth) < truth * 0.002, "channel 7 back at " + back.Channels[6].Irms + " A, truth " + truth + " A");
                MeasurementSnapshot counting = After(app, back.Sequence + 2);
                Assert.True(counting.Channels[6].ImportEnergyMilliWh > later.Channels[6].ImportEnergyMilliWh, "channel 7 counts again");
            }
            finally
            {
                bank.Stop();
                app.Stop();
            }
        }

        private const int ChipMeterRetry = Ipenergy.Probe.Metering.Chip.ChipMeter.RetryEveryPolls;

        /// <summary>The first snapshot with at least this sequence (bounded wait).</summary>
        private static MeasurementSnapshot After(ProbeApp app, long sequence)
        {
            return Until(app, s => s.Sequence >= sequence, sequence + 1000);
        }

        /// <summary>The first snapshot that satisfies the condition; fails when none did up to lastSequence or within 60 s of wall time.</summary>
        private static MeasurementSnapshot Until(ProbeApp app, Func<MeasurementSnapshot, bool> condition, long lastSequence)
        {
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(60))
            {
                MeasurementSnapshot s = app.Latest;
                if (s != null && condition(s))
                {
                    return s;
                }

                Assert.True(s == null || s.Sequence <= lastSequence, "the condition did not hold up to sequence " + lastSequence);
                Thread.Sleep(20);
            }

            throw new TimeoutException("no such snapshot within 60 s (up to sequence " + lastSequence + ")");
        }
    }
}
