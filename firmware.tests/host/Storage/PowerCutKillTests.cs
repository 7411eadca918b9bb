using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Simulator;
using Ipenergy.Probe.Storage;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Storage
{
    /// <summary>
    /// Issue 4's acceptance test for energy persistence: the real virtual e-Probe is killed with SIGKILL
    /// (a power cut) again and again at random moments, half of them aimed at the instant a save is being
    /// written, and restarted on the same --data-dir. After every cut the flash is read with the firmware's
    /// own RecordLog/EnergyStore to know the last record saved; then the restarted probe must continue
    /// from exactly that record: never lower, never ahead of what was measured before the cut, and no
    /// more than one save interval of energy lost. A clean SIGTERM must lose nothing.
    /// </summary>
    [Collection(AloneCollection.Name)]
    public sealed class PowerCutKillTests : IDisposable
    {
        private const int Cycles = 52;
        private const double TimeScale = 60;
        private const int FlashDelayUs = 400;
        private const double IntervalS = 60;
        private const int Channels = 18;
        private const double SecondsPerYear = 365.25 * 86400;

        // Three loaded channels, one per phase, constant load; the other 15 carry nothing.
        private const string ScenarioJson = @"{
  ""model"": ""MPP18"",
  ""frequencyHz"": 50.0,
  ""adc"": { ""bits"": 12, ""noiseRmsLsb"": 0.5, ""seed"": 7 },
  ""phases"": { ""L1"": { ""vrms"": 230.0, ""angleDeg"": 0 }, ""L2"": { ""vrms"": 230.0, ""angleDeg"": -120 }, ""L3"": { ""vrms"": 230.0, ""angleDeg"": 120 } },
  ""channels"": [
    { ""channel"": 1, ""phase"": ""L1"", ""ctRatedA"": 100, ""irms"": 60.0, ""angleDeg"": -20 },
    { ""channel"": 2, ""phase"": ""L2"", ""ctRatedA"": 100, ""irms"": 45.0, ""angleDeg"": -15 },
    { ""channel"": 3, ""phase"": ""L3"", ""ctRatedA"": 63, ""irms"": 30.0, ""angleDeg"": -10 }
  ]
}";

        private readonly ITestOutputHelper _out;
        private readonly string _dir = Directory.CreateTempSubdirectory("kill-test-").FullName;
        private readonly string _dataDir;
        private readonly string _scenarioPath;
        private readonly double[] _milliWhPerSecond = new double[Channels];

        public PowerCutKillTests(ITestOutputHelper output)
        {
            _out = output;
            _dataDir = Path.Combine(_dir, "data");
            _scenarioPath = Path.Combine(_dir, "scenario.json");
            File.WriteAllText(_scenarioPath, ScenarioJson);
            ScenarioTruth truth = new ScenarioTruth(ScenarioLoader.LoadFile(_scenarioPath));
            for (int k = 0; k < Channels; k++)
            {
                _milliWhPerSecond[k] = truth.Energy(k + 1, 0, 1).ImportWh * 1000.0;
            }
        }

        public void Dispose()
        {
            Directory.Delete(_dir, true);
        }

        [Fact]
        public void FiftyPowerCutsLoseAtMostOneIntervalAndNeverGoBackOrJumpAhead()
        {
            Random rng = new Random(20260404);
            Stopwatch total = Stopwatch.StartNew();
            double worstLossMilliWh = 0;
            double worstLossIntervals = 0;
            double deviceSeconds = 0;
            int midWrite = 0;
            int aimed = 0;
            int withoutSave = 0;
            FlashState previous = null;
            KilledProbe probe = new KilledProbe(_dataDir, _scenarioPath, TimeScale, FlashDelayUs);
            try
            {
                probe.Read(2);
                for (int cycle = 0; cycle < Cycles; cycle++)
                {
                    // Run a random short time (12 to 150 s of device time), then read what the meter shows.
                    Thread.Sleep(rng.Next(200, 2500));
                    Reading seen = probe.Read(2);
                    Stopwatch sinceRead = Stopwatch.StartNew();
                    bool aim = cycle % 2 == 1;
                    if (aim)
                    {
                        // Aim at a save: wait for the flash file to change, then cut a few ms into the write
                        // (a record is 40 chunks of 16 bytes at 0.4 ms each).
                        aimed++;
                        WaitForFlashWrite(TimeSpan.FromSeconds(2.5));
                        Spin(rng.NextDouble() * 18.0);
                    }

                    probe.Kill();
                    double wallReadToKill = sinceRead.Elapsed.TotalSeconds;
                    probe.Dispose();
                    deviceSeconds += seen.Sequence + wallReadToKill * TimeScale;

                    FlashState cut = FlashState.Read(_dataDir);
                    if (cut.Interrupted && !cut.SameAs(previous))
                    {
                        midWrite++;
                    }

                    if (previous != null && cut.Sequence == previous.Sequence)
                    {
                        withoutSave++;
                    }

                    previous = cut;
                    string where = "cycle " + cycle + (aim ? " (aimed at a save)" : "") + ", read at " + seen.Sequence +
                        " s, killed " + wallReadToKill.ToString("0.000", CultureInfo.InvariantCulture) + " s (wall) later, record #" +
                        cut.Sequence + " saved at " + cut.UptimeMs + " ms";
                    for (int k = 0; k < Channels; k++)
                    {
                        double rate = _milliWhPerSecond[k];
                        long saved = cut.ImportMilliWh[k];
                        long shown = seen.ImportMilliWh[k];
                        if (rate == 0)
                        {
                            Assert.True(saved == 0 && shown == 0, where + ": unloaded channel " + (k + 1) + " has energy");
                            continue;
                        }

                        // Never ahead: the record cannot hold more than was measured up to the cut.
                        double maxAhead = rate * (wallReadToKill * TimeScale * 1.5 + 2.0);
                        Assert.True(saved <= shown + maxAhead, where + ": channel " + (k + 1) + " saved " + saved +
                            " mWh, more than the " + shown + " mWh shown before the cut + " + maxAhead.ToString("0") + " mWh");

                        // At most one interval lost, plus the save that was in progress (its record started at the
                        // interval's end; 40 chunks at 0.4 ms = 16 ms of wall time, about 1 s of device time here).
                        double lost = shown - saved;
                        double allowed = rate * (IntervalS + 1.0 + 0.25) * 1.005;
                        Assert.True(lost <= allowed, where + ": channel " + (k + 1) + " lost " + lost + " mWh > one interval + 1 s (" +
                            allowed.ToString("0") + " mWh)");
                        worstLossMilliWh = Math.Max(worstLossMilliWh, lost);
                        worstLossIntervals = Math.Max(worstLossIntervals, lost / (rate * IntervalS));
                    }

                    // Power back: the probe continues from exactly the record (restored = shown - measured since boot).
                    probe = new KilledProbe(_dataDir, _scenarioPath, TimeScale, FlashDelayUs);
                    Reading after = probe.Read(2);
                    CheckContinuesFrom(cut, after, where);
                }

                // A clean stop loses nothing: the shutdown record holds at least what was shown before SIGTERM.
                Thread.Sleep(1500);
                Reading last = probe.Read(2);
                Stopwatch sinceLast = Stopwatch.StartNew();
                Assert.Equal(0, probe.Terminate());
                double wallToStop = sinceLast.Elapsed.TotalSeconds;
                probe.Dispose();
                deviceSeconds += last.Sequence + wallToStop * TimeScale;
                FlashState stopped = FlashState.Read(_dataDir);
                Assert.Equal(EnergyStore.ReasonShutdown, stopped.Reason);
                for (int k = 0; k < Channels; k++)
                {
                    Assert.True(stopped.ImportMilliWh[k] >= last.ImportMilliWh[k], "SIGTERM: channel " + (k + 1) + " saved " +
                        stopped.ImportMilliWh[k] + " mWh < " + last.ImportMilliWh[k] + " mWh shown before");
                    Assert.True(stopped.ImportMilliWh[k] <= last.ImportMilliWh[k] + _milliWhPerSecond[k] * (wallToStop * TimeScale * 1.5 + 2.0),
                        "SIGTERM: channel " + (k + 1) + " saved more than was measured");
                }

                probe = new KilledProbe(_dataDir, _scenarioPath, TimeScale, FlashDelayUs);
                CheckContinuesFrom(stopped, probe.Read(2), "after SIGTERM");
                Assert.Equal(0, probe.Terminate());
            }
            finally
            {
                probe.Dispose();
            }

            int erases;
            int sectors;
            using (FileFlashStorage flash = new FileFlashStorage(_dataDir, "MPP18", new FlashWriteDelay(0)))
            {
                IFlashPartition energy = flash.Partition(FlashPartitionNames.Energy);
                sectors = energy.SectorCount;
                erases = 0;
                for (int s = 0; s < sectors; s++)
                {
                    erases += energy.EraseCount(s);
                }
            }

            FlashState end = FlashState.Read(_dataDir);
            double recordsPerYear = SecondsPerYear / IntervalS;
            double erasesPerRecord = (double)erases / end.Sequence;
            double perSectorPerYear = erasesPerRecord * recordsPerYear / sectors;
            _out.WriteLine("kills: " + Cycles + " (" + aimed + " aimed at saves), interrupted writes found on flash: " + midWrite +
                ", cuts with no save since the previous boot: " + withoutSave);
            _out.WriteLine("worst energy lost per cut (channel, shown before the cut minus restored): " +
                worstLossMilliWh.ToString("0", CultureInfo.InvariantCulture) + " mWh = " +
                worstLossIntervals.ToString("0.000", CultureInfo.InvariantCulture) + " save intervals");
            _out.WriteLine("records: " + end.Sequence + ", erases: " + erases + " over " + sectors + " sectors, device time " +
                deviceSeconds.ToString("0", CultureInfo.InvariantCulture) + " s; " + erasesPerRecord.ToString("0.000", CultureInfo.InvariantCulture) +
                " erases per record -> at this rate " + perSectorPerYear.ToString("0", CultureInfo.InvariantCulture) + " erases per sector per year at 60 s -> " +
                (100000 / perSectorPerYear).ToString("0.0", CultureInfo.InvariantCulture) + " years to 100 000 cycles; record " +
                EnergyStore.PayloadLength(Channels) + " + " + RecordLog.HeaderSize + " bytes in a " + end.SlotSize + "-byte slot");
            _out.WriteLine("wall time " + total.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s");
            Assert.True(midWrite >= 5, "only " + midWrite + " of " + aimed + " aimed kills landed in a write: the test did not prove mid-write cuts");

            // Under this torture (a cut every record or two, each torn write wasting a slot, each cut erase redone)
            // the ring wears faster than in service; FileFlashStorageTests measures the cut-free rate against 20 years.
            Assert.True(erasesPerRecord < 1.0, erasesPerRecord + " erases per record");
        }

        /// <summary>The restarted probe shows the record's counters plus what it measured since boot, within a second of energy.</summary>
        private void CheckContinuesFrom(FlashState record, Reading after, string where)
        {
            for (int k = 0; k < Channels; k++)
            {
                double rate = _milliWhPerSecond[k];
                long saved = record.ImportMilliWh[k];
                long shown = after.ImportMilliWh[k];
                Assert.True(shown >= saved, where + ", after restart: channel " + (k + 1) + " shows " + shown + " mWh, lower than the " +
                    saved + " mWh last saved");
                double sinceBoot = rate * after.Sequence;
                double restored = shown - sinceBoot;
                double tolerance = rate * 1.0 + 0.005 * sinceBoot + 2;
                Assert.True(Math.Abs(restored - saved) <= tolerance, where + ", after restart at " + after.Sequence + " s: channel " + (k + 1) +
                    " shows " + shown + " mWh = " + restored.ToString("0") + " restored + " + sinceBoot.ToString("0") + " measured, but the record holds " +
                    saved + " mWh (tolerance " + tolerance.ToString("0") + ")");
            }
        }

        private void WaitForFlashWrite(TimeSpan limit)
        {
            string file = Path.Combine(_dataDir, "flash-energy.bin");
            DateTime before = File.GetLastWriteTimeUtc(file);
            Stopwatch sw = Stopwatch.StartNew();
            while (File.GetLastWriteTimeUtc(file) == before && sw.Elapsed < limit)
            {
                Thread.Sleep(0);
            }
        }

        private static void Spin(double milliseconds)
        {
            Stopwatch sw = Stopwatch.StartNew();
            while (sw.Elapsed.TotalMilliseconds < milliseconds)
            {
                Thread.SpinWait(50);
            }
        }

        /// <summary>The energy partition after a cut, read with the firmware's own EnergyStore (RecordLog boot scan).</summary>
        private sealed class FlashState
        {
            public uint Sequence;
            public long UptimeMs;
            public int Reason;
            public long[] ImportMilliWh = new long[Channels];
            public bool Interrupted;
            public int AppendSector;
            public int AppendSlot;
            public int InvalidSlots;
            public int SlotSize;

            public static FlashState Read(string dataDir)
            {
                using FileFlashStorage flash = new FileFlashStorage(dataDir, "MPP18", new FlashWriteDelay(0));
                EnergyStore store = new EnergyStore(flash.Partition(FlashPartitionNames.Energy), Channels);
                store.Open();

                // Before the first save of the very first boot there is no record: counters 0, sequence 0.
                FlashState s = new FlashState
                {
                    Sequence = store.SavedSequence,
                    UptimeMs = store.SavedUptimeMilliseconds,
                    Reason = store.SavedReason,
                    Interrupted = store.Log.InterruptedAppendFound || store.Log.InterruptedEraseFound,
                    AppendSector = store.Log.AppendSector,
                    AppendSlot = store.Log.AppendSlot,
                    InvalidSlots = store.Log.InvalidSlotsFound,
                    SlotSize = store.Log.SlotSize,
                };
                for (int k = 0; k < Channels; k++)
                {
                    s.ImportMilliWh[k] = store.SavedMilliUnits[k * EnergyStore.RegistersPerChannel];
                }

                return s;
            }

            /// <summary>Nothing written between two cuts: an interruption seen again is the old one.</summary>
            public bool SameAs(FlashState other)
            {
                return other != null && other.Sequence == Sequence && other.AppendSector == AppendSector && other.AppendSlot == AppendSlot &&
                    other.InvalidSlots == InvalidSlots && other.Interrupted == Interrupted;
            }
        }
    }
}
