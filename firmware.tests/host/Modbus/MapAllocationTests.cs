using Ipenergy.Probe.Hal;
using System;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Protocols.Modbus.Maps;
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
            var sunSpec = new SunSpecMap(source, config, new DeviceIdentity("MPP18", "", "1.0", "S"), 1);
            var vendor = new VendorMap(source, 6, 2);
            var settings = new ConfigRegisterMap(new RecordingConfigStore(config), new ManualClock());
            CompositeRegisterMap map = CompositeRegisterMap.ForProbe(vendor, settings, sunSpec);
            byte[] buffer = new byte[256];
            int[] starts = { 40000, 40070, 40177, 40150, 1000, 1100, 1200, 1300, 2000, 3000 };
            int[] counts = { 125, 107, 107, 100, 16, 36, 125, 100, 64, 4 };

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
