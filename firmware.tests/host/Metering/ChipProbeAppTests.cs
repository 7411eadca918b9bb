using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using Ipenergy.Probe.App;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Metering.Chip;
using Ipenergy.Probe.Protocols.Http;
using Ipenergy.Probe.Simulator;
using Ipenergy.Probe.Storage;
using Ipenergy.Probe.Tests.Unit.Metering;
using Xunit;

namespace Ipenergy.Probe.Tests.Metering
{
    /// <summary>
    /// ProbeApp in chip mode (ProbeOptions.MeteringChips, no sample source) over fake chips: it polls them once a
    /// second of device time, serves their snapshot over HTTP, re-writes the gains on a configuration change and
    /// saves and restores the energy counters like the sample path.
    /// </summary>
    public sealed class ChipProbeAppTests : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("chip-app-test-").FullName;
        private readonly ChipClock _clock = new ChipClock();

        public void Dispose()
        {
            Directory.Delete(_dir, true);
        }

        [Fact]
        public void ChipModeMetersServesReconfiguresAndKeepsEnergyAcrossARestart()
        {
            ChipRegisterFile chip = new ChipRegisterFile();
            long firstBootImport;
            using (FileFlashStorage flash = new FileFlashStorage(_dir, "MPP3", new FlashWriteDelay(0)))
            {
                ProbeApp app = Create(chip, flash);
                app.Start();
                try
                {
                    Assert.Null(app.Engine);
                    Assert.Same(app.Chips, app.Meter);
                    WaitFor(() => chip.SoftResets == 1 && chip.Registers[Atm90e32Registers.MeterEn] == 1, "chip initialised");
                    chip.SetBalancedSupply(230.0);
                    chip.SetCurrent(0, 10.0, 0.0, 0.0);
                    chip.SetPower(0, 2300.0, 0.0);
                    chip.AddEnergy(0, 320, 0, 0, 0);

                    MeasurementSnapshot s = NextSecond(app);
                    Assert.Equal(10.0, s.Channels[0].Irms, 3);
                    Assert.Equal(2300.0, s.Channels[0].ActivePowerW, 2);
                    Assert.Equal(1000L, s.Channels[0].ImportEnergyMilliWh);
                    Assert.True(app.Chips.Status[0].Ok, "chip 0 ok");

                    using HttpClient http = new HttpClient();
                    http.Timeout = TimeSpan.FromSeconds(10);
                    string baseUrl = "http://127.0.0.1:" + app.HttpPort;
                    using (HttpResponseMessage get = http.Send(new HttpRequestMessage(HttpMethod.Get, baseUrl + "/api/v1/measurements")))
                    using (JsonDocument doc = JsonDocument.Parse(get.Content.ReadAsStream()))
                    {
                        JsonElement ch1 = doc.RootElement.GetProperty("channels")[0];
                        Assert.Equal(10.0, ch1.GetProperty("irms").GetDouble(), 3);
                        Assert.Equal(2300.0, ch1.GetProperty("activePowerW").GetDouble(), 1);
                        Assert.Equal(230.0, doc.RootElement.GetProperty("phases")[0].GetProperty("vrms").GetDouble(), 2);
                    }

                    // A 500 A CT on channel 2: IgainB rewritten between two polls, no reset, energy carried.
                    HttpRequestMessage put = new HttpRequestMessage(HttpMethod.Put, baseUrl + "/api/v1/config");
                    put.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                        Convert.ToBase64String(Encoding.ASCII.GetBytes("admin:admin")));
                    put.Content = new StringContent("{\"channels\":[{},{\"ctRatedA\":500}]}", Encoding.UTF8, "application/json");
                    HttpResponseMessage answer = http.Send(put);
                    Assert.Equal(200, (int)answer.StatusCode);
                    chip.AddEnergy(0, 640, 0, 0, 0);
                    NextSecond(app);
                    WaitFor(() => chip.Registers[Atm90e32Registers.IgainA + 4] == 32768, "IgainB for 500 A");
                    Assert.Equal(1, chip.SoftResets);
                    s = NextSecond(app);
                    Assert.Equal(3000L, s.Channels[0].ImportEnergyMilliWh);
                    firstBootImport = s.Channels[0].ImportEnergyMilliWh;
                }
                finally
                {
                    app.Stop();
                }

                EnergyStore store = new EnergyStore(flash.Partition(FlashPartitionNames.Energy), 3);
                store.Open();
                Assert.Equal(EnergyStore.ReasonShutdown, store.SavedReason);
                Assert.Equal(firstBootImport, store.SavedMilliUnits[0]);
            }

            // Second boot on the same flash: counters restored, then the chip's new energy adds on.
            using (FileFlashStorage flash = new FileFlashStorage(_dir, "MPP3", new FlashWriteDelay(0)))
            {
                ChipRegisterFile fresh = new ChipRegisterFile();
                ProbeApp app = Create(fresh, flash);
                app.Start();
                try
                {
                    WaitFor(() => fresh.SoftResets == 1 && fresh.Registers[Atm90e32Registers.MeterEn] == 1, "chip initialised");
                    fresh.SetBalancedSupply(230.0);
                    fresh.SetCurrent(0, 10.0, 0.0, 0.0);
                    fresh.AddEnergy(0, 320, 0, 0, 0);
                    MeasurementSnapshot s = NextSecond(app);
                    Assert.Equal(firstBootImport + 1000, s.Channels[0].ImportEnergyMilliWh);
                    Assert.Equal(500.0, app.Config.Channels[1].CtRatedAmps);
                }
                finally
                {
                    app.Stop();
                }
            }
        }

        [Fact]
        public void AnAbsentChipIsReportedAndTheAppStillPublishes()
        {
            ChipRegisterFile chip = new ChipRegisterFile();
            chip.PulledUp = true;
            ProbeApp app = Create(chip, null);
            app.Start();
            try
            {
                MeasurementSnapshot s = NextSecond(app);
                Assert.False(app.Chips.Status[0].Ok, "absent chip reported");
                Assert.Equal(1, app.Chips.Status[0].InitFailures);
                Assert.Equal(0.0, s.Channels[0].Irms);
                Assert.False(s.Phases[0].Present);
            }
            finally
            {
                app.Stop();
            }
        }

        private ProbeApp Create(ChipRegisterFile chip, IFlashStorage flash)
        {
            MeterConfig config = new MeterConfig(3);
            for (int k = 0; k < 3; k++)
            {
                config.Channels[k].CtRatedAmps = 100.0;
            }

            ProbeOptions options = new ProbeOptions();
            options.BindAddress = "127.0.0.1";
            options.HttpPort = 0;
            options.MeteringChips = new ISpiDevice[] { chip };
            ProbeApp app = new ProbeApp(null, _clock, config, flash,
                new SingleUserCredentials(ProbeApp.DefaultAdminUser, ProbeApp.DefaultAdminPassword), options);
            app.EnergySaveIntervalMilliseconds = 3600000;
            return app;
        }

        // Moves device time by one poll interval and waits for the app's next snapshot (once more if the metering
        // thread read the clock for its schedule only after the move).
        private MeasurementSnapshot NextSecond(ProbeApp app)
        {
            MeasurementSnapshot before = app.Latest;
            long seq = before == null ? 0 : before.Sequence;
            for (int attempt = 0; attempt < 10; attempt++)
            {
                _clock.Advance(ProbeApp.ChipPollIntervalMilliseconds);
                Stopwatch sw = Stopwatch.StartNew();
                while (sw.ElapsedMilliseconds < 1000)
                {
                    MeasurementSnapshot s = app.Latest;
                    if (s != null && s.Sequence > seq)
                    {
                        return s;
                    }

                    Thread.Sleep(5);
                }
            }

            Assert.Fail("no snapshot after " + seq + " in 10 s of device time");
            return null;
        }

        private static void WaitFor(Func<bool> condition, string what)
        {
            Stopwatch sw = Stopwatch.StartNew();
            while (!condition())
            {
                Assert.True(sw.ElapsedMilliseconds < 10000, "timed out waiting for: " + what);
                Thread.Sleep(5);
            }
        }

        private sealed class ChipClock : IClock
        {
            private long _ms = 10000;

            public long MonotonicMilliseconds => Interlocked.Read(ref _ms);

            public DateTime UtcNow => new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMilliseconds(MonotonicMilliseconds);

            public void Advance(long ms)
            {
                Interlocked.Add(ref _ms, ms);
            }
        }
    }
}
