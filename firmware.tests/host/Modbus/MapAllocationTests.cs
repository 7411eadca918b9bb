using Ipenergy.Probe.Hal;
using System;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Protocols.Modbus.Maps;
using Ipenergy.Probe.Storage.Alarms;
using Ipenergy.Probe.Tests.Unit.ModbusMaps;
using Xunit;

namespace Ipenergy.Probe.Tests.Modbus
{
    /// <summary>Reads of the register maps allocate nothing in steady state (the device heap is tiny).</summary>
    public class MapAllocationTests
    {
        [Fact]
        public void ReadsAllocateNothing()
        {
            var source = new FixedMeasurementSource { Latest = MapFixtures.Snapshot(6, 2) };
            MeterConfig config = MapFixtures.MixedConfig();
            AlarmJournal journal = JournalWithAlarms();
            var sunSpec = new SunSpecMap(source, config, new DeviceIdentity("MPP18", "", "1.0", "S"), 1, journal);
            var vendor = new VendorMap(source, 6, 2, journal);
            var settings = new ConfigRegisterMap(new RecordingConfigStore(config), new ManualClock());
            CompositeRegisterMap map = CompositeRegisterMap.ForProbe(vendor, settings, sunSpec);
            byte[] buffer = new byte[256];
            int[] starts = { 40000, 40070, 40177, 40150, 1000, 1100, 1200, 1300, 2000, 3000, 1016, 1140, 1150, 1930 };
            int[] counts = { 125, 107, 107, 100, 24, 36, 125, 100, 64, 4, 8, 6, 12, 4 };
            Assert.Equal(0, map.Read(true, 1004, 2, buffer, 0));
            Assert.True(buffer[3] != 0, "the journal's alarms show (else this test measures nothing)");

            for (int i = 0; i < starts.Length; i++)
            {
                Assert.Equal(0, map.Read(true, starts[i], counts[i], buffer, 0));
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int round = 0; round < 1000; round++)
            {
                for (int i = 0; i < starts.Length; i++)
                {
                    map.Read(round % 2 == 0, starts[i], counts[i], buffer, 0);
                }
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated == 0, allocated + " bytes allocated by 10 000 reads");
        }

        [Fact]
        public void EachReadTakesTheLatestSnapshotOnce()
        {
            var source = new CountingSource { Snapshot = MapFixtures.Snapshot(6, 2) };
            MeterConfig config = MapFixtures.MixedConfig();
            var sunSpec = new SunSpecMap(source, config, new DeviceIdentity("MPP18", "", "1.0", "S"), 1);
            var vendor = new VendorMap(source, 6, 2);
            byte[] buffer = new byte[256];
            Assert.Equal(0, sunSpec.Read(true, 40000, 125, buffer, 0));
            Assert.Equal(1, source.Gets);
            Assert.Equal(0, vendor.Read(true, 1200, 125, buffer, 0));
            Assert.Equal(2, source.Gets);
        }

        /// <summary>Active alarms on every kind of source, one of them acknowledged (its user name string exists).</summary>
        private static AlarmJournal JournalWithAlarms()
        {
            var journal = new AlarmJournal(null);
            journal.Open();
            int[,] alarms =
            {
                { AlarmCodes.SourcePhase, 1, AlarmCodes.UnderVoltage, AlarmCodes.LevelWarning },
                { AlarmCodes.SourceChannel, 4, AlarmCodes.OverCurrent, AlarmCodes.LevelCritical },
                { AlarmCodes.SourceCircuit, 1, AlarmCodes.LoadHigh, AlarmCodes.LevelCritical },
                { AlarmCodes.SourceDevice, 0, AlarmCodes.FrequencyHigh, AlarmCodes.LevelWarning },
            };
            for (int i = 0; i < alarms.GetLength(0); i++)
            {
                uint id = journal.Append(new AlarmEntry
                {
                    Kind = AlarmCodes.EventRaised, TimestampUtc = new DateTime(2026, 11, 25, 8, 0, i), Source = alarms[i, 0],
                    SourceIndex = alarms[i, 1], Condition = alarms[i, 2], Level = alarms[i, 3],
                });
                if (i == 0)
                {
                    Assert.True(journal.Acknowledge(id, "ops", new DateTime(2026, 11, 25, 8, 1, 0)));
                }
            }

            return journal;
        }

        private sealed class CountingSource : IMeasurementSource
        {
            public MeasurementSnapshot Snapshot { get; set; }

            public int Gets { get; private set; }

            public MeasurementSnapshot Latest
            {
                get
                {
                    Gets++;
                    return Snapshot;
                }
            }
        }
    }
}
