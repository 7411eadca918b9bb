using System;
using Ipenergy.Probe.App;
using Ipenergy.Probe.Bus;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Tests.Unit.Bus;
using Ipenergy.Probe.Tests.Unit.ModbusMaps;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Bus
{
    /// <summary>
    /// The gateway's module directory over the virtual bus: slaves answer with the real VendorMap over fixed
    /// snapshots, the poller caches the gateway's ranges, GatewayModules decodes them back (round trip),
    /// status/counters/age follow the polls, and LatestOf allocates nothing once warm.
    /// </summary>
    public sealed class GatewayModulesTests
    {
        private readonly ITestOutputHelper _output;

        public GatewayModulesTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private sealed class Rig
        {
            public readonly VirtualBus Bus = new VirtualBus();
            public readonly BusPoller Poller;
            public readonly GatewayModules Modules;
            public readonly VendorMapModule Mpp3;
            public readonly VendorMapModule Mpp18;

            public Rig()
            {
                RtuMaster master = new RtuMaster(Bus.AddPort(115200), Bus);
                Poller = new BusPoller(master, new ModuleCache(GatewayService.CachedRanges()), Bus, null);
                Mpp3 = new VendorMapModule(2, 3, Fixture(3, 42));
                Mpp18 = new VendorMapModule(5, 18, Fixture(18, 7));
                Bus.AddNode(Mpp3);
                Bus.AddNode(Mpp18);
                Poller.SetAddresses(new[] { 2, 5, 7 });
                Modules = new GatewayModules(Poller, Bus);
            }
        }

        private static MeasurementSnapshot Fixture(int channels, long sequence)
        {
            MeasurementSnapshot s = MapFixtures.Snapshot(channels, 0);
            s.Sequence = sequence;
            s.Channels[channels - 1].Irms = double.NaN;
            return s;
        }

        // What a float32 register carries of a double.
        private static double F(double value)
        {
            return (float)value;
        }

        private static void SameAsRegisters(MeasurementSnapshot expected, MeasurementSnapshot actual)
        {
            Assert.Equal(expected.Sequence, actual.Sequence);
            Assert.Equal(expected.Timestamp, actual.Timestamp);
            Assert.Equal(F(expected.FrequencyHz), actual.FrequencyHz);
            Assert.Equal(F(expected.VoltageUnbalancePercent), actual.VoltageUnbalancePercent);
            Assert.Empty(actual.Circuits);
            Assert.Equal(3, actual.Phases.Length);
            for (int p = 0; p < 3; p++)
            {
                PhaseValues e = expected.Phases[p];
                PhaseValues a = actual.Phases[p];
                Assert.Equal(p, a.Phase);
                Assert.Equal(e.Present, a.Present);
                Assert.Equal(F(e.Vrms), a.Vrms);
                Assert.Equal(F(e.FundamentalVrms), a.FundamentalVrms);
                Assert.Equal(F(e.FrequencyHz), a.FrequencyHz);
                Assert.Equal(F(e.ThdPercent), a.ThdPercent);
                Assert.Equal(F(e.AngleDeg), a.AngleDeg);
            }

            Assert.Equal(expected.Channels.Length, actual.Channels.Length);
            for (int c = 0; c < expected.Channels.Length; c++)
            {
                ChannelValues e = expected.Channels[c];
                ChannelValues a = actual.Channels[c];
                string at = "channel " + (c + 1);
                Assert.True(c + 1 == a.Channel, at);
                Assert.True(e.Phase == a.Phase, at + " phase");
                Assert.True(F(e.Irms).Equals(a.Irms), at + " Irms " + a.Irms);
                Assert.True(F(e.ActivePowerW) == a.ActivePowerW, at + " P " + a.ActivePowerW);
                Assert.True(F(e.ReactivePowerVar) == a.ReactivePowerVar, at + " Q");
                Assert.True(F(e.ApparentPowerVA) == a.ApparentPowerVA, at + " S");
                Assert.True(F(e.PowerFactor) == a.PowerFactor, at + " PF");
                Assert.True(F(e.CosPhi) == a.CosPhi, at + " cos");
                Assert.True(F(e.ThdPercent) == a.ThdPercent, at + " THD");
                Assert.True(F(e.LoadPercentOfCt) == a.LoadPercentOfCt, at + " load");
                Assert.True(double.IsNaN(a.FundamentalIrms), at + " no fundamental current in the map");
                Assert.True(e.ImportEnergyMilliWh == a.ImportEnergyMilliWh, at + " import");
                Assert.True(e.ExportEnergyMilliWh == a.ExportEnergyMilliWh, at + " export");
                Assert.True(e.ImportReactiveMilliVarh == a.ImportReactiveMilliVarh, at + " inductive");
                Assert.True(e.ExportReactiveMilliVarh == a.ExportReactiveMilliVarh, at + " capacitive");
            }
        }

        [Fact]
        public void RoundTripMpp3AndMpp18ThroughRegistersCacheAndDecoder()
        {
            Rig rig = new Rig();
            Assert.Equal(3, rig.Modules.Count);
            Assert.Equal(5, rig.Modules.AddressAt(1));
            Assert.Equal(ModuleStatus.Unknown, rig.Modules.StatusOf(2));
            Assert.Null(rig.Modules.LatestOf(2));
            Assert.Equal(-1, rig.Modules.AgeSecondsOf(2));
            Assert.Equal(0, rig.Modules.LastCycleSeconds);

            rig.Poller.PollCycle();
            Assert.Equal(ModuleStatus.Online, rig.Modules.StatusOf(2));
            Assert.Equal(ModuleStatus.Online, rig.Modules.StatusOf(5));
            Assert.Equal(ModuleStatus.Unknown, rig.Modules.StatusOf(7));
            Assert.Null(rig.Modules.LatestOf(7));
            Assert.Null(rig.Modules.LatestOf(9));
            Assert.Equal(ModuleStatus.Unknown, rig.Modules.StatusOf(9));

            MeasurementSnapshot mpp3 = rig.Modules.LatestOf(2);
            Assert.Equal(3, mpp3.Channels.Length);
            SameAsRegisters(rig.Mpp3.Snapshot, mpp3);
            MeasurementSnapshot mpp18 = rig.Modules.LatestOf(5);
            Assert.Equal(18, mpp18.Channels.Length);
            SameAsRegisters(rig.Mpp18.Snapshot, mpp18);
            Assert.Equal(F(10.0 + 11 + 0.25), mpp18.Channels[11].Irms);
            Assert.True(double.IsNaN(mpp18.Channels[17].Irms), "NaN register = no value");

            // The MPP3 answered 02 to the five MPP18 blocks: a good poll, counted as exceptions, registers there not cached.
            Assert.Equal(5, rig.Modules.CounterOf(2, ModuleCounters.Exceptions));
            Assert.Equal(0, rig.Modules.CounterOf(5, ModuleCounters.Exceptions));
            Assert.Equal(9, rig.Poller.Cache.Ranges.Length);
            Assert.Equal(0, rig.Modules.CounterOf(2, ModuleCounters.MissedPolls));
            byte[] regs = new byte[80];
            Assert.Equal(ModuleCache.NotCached, rig.Poller.Cache.ReadRegisters(2, true, 1320, 40, regs, 0));
            Assert.Equal(ModuleCache.Ok, rig.Poller.Cache.ReadRegisters(5, true, 1640, 40, regs, 0));
            Assert.True(rig.Modules.LastCycleSeconds > 0, "cycle time " + rig.Modules.LastCycleSeconds);
            _output.WriteLine("cycle with an MPP3 (first poll: 5 exceptions), an MPP18 and an empty address: " + rig.Modules.LastCycleSeconds * 1000 + " ms");

            // Later cycles do not ask the MPP3 for the blocks again until RetryAbsentCycles.
            rig.Poller.PollCycle();
            Assert.Equal(5, rig.Modules.CounterOf(2, ModuleCounters.Exceptions));
            Assert.Equal(2, rig.Modules.CounterOf(2, ModuleCounters.Polls));
        }

        [Fact]
        public void IdentityNameAndLocationReadAtTheFirstPollThenEverySixtiethStringsMadeOnlyOnChange()
        {
            Rig rig = new Rig();
            Assert.Null(rig.Modules.IdentityOf(5));
            Assert.Equal("", rig.Modules.NameOf(5));
            rig.Poller.PollCycle();
            Ipenergy.Probe.Hal.DeviceIdentity identity = rig.Modules.IdentityOf(5);
            Assert.Equal("SER-5", identity.SerialNumber);
            Assert.Equal("MPP18", identity.Model);
            Assert.Equal("1.2.3", identity.FirmwareVersion);
            Assert.Equal("IPenergy", identity.Manufacturer);
            Assert.Equal("module-5", rig.Modules.NameOf(5));
            Assert.Equal("row 5", rig.Modules.LocationOf(5));
            Assert.Equal("MPP3", rig.Modules.IdentityOf(2).Model);
            Assert.Equal("SER-2", rig.Modules.IdentityOf(2).SerialNumber);
            Assert.Null(rig.Modules.IdentityOf(7));
            Assert.Equal("", rig.Modules.NameOf(7));
            string name = rig.Modules.NameOf(5);

            // Renamed on the module: the gateway sees it at the next identity read (poll 60), not before.
            var renamed = rig.Mpp18.Config.Clone();
            renamed.Snmp.SysName = "pdu-A";
            rig.Mpp18.Store.Replace(renamed);
            for (int poll = 2; poll < GatewayService.IdentityEveryCycles; poll++)
            {
                rig.Poller.PollCycle();
                Assert.Same(identity, rig.Modules.IdentityOf(5));
                Assert.Same(name, rig.Modules.NameOf(5));
            }

            rig.Poller.PollCycle();
            Assert.Equal(GatewayService.IdentityEveryCycles, rig.Modules.CounterOf(5, ModuleCounters.Polls));
            Assert.Equal("pdu-A", rig.Modules.NameOf(5));
            Assert.Equal("SER-5", rig.Modules.IdentityOf(5).SerialNumber);
        }

        [Fact]
        public void SnapshotsAreReusedInARingOfTwoAndFollowNewPolls()
        {
            Rig rig = new Rig();
            rig.Poller.PollCycle();
            MeasurementSnapshot first = rig.Modules.LatestOf(5);
            Assert.Same(first, rig.Modules.LatestOf(5));
            rig.Mpp18.Snapshot = Fixture(18, 8);
            rig.Poller.PollCycle();
            MeasurementSnapshot second = rig.Modules.LatestOf(5);
            Assert.NotSame(first, second);
            Assert.Equal(8, second.Sequence);
            Assert.Equal(7, first.Sequence);
            rig.Mpp18.Snapshot = Fixture(18, 9);
            rig.Poller.PollCycle();
            Assert.Same(first, rig.Modules.LatestOf(5));
            Assert.Equal(9, first.Sequence);
        }

        [Fact]
        public void UnpluggedModuleGoesOfflineAfterThreeMissesKeepsItsValuesAndComesBack()
        {
            Rig rig = new Rig();
            rig.Poller.PollCycle();
            rig.Mpp3.Unplugged = true;
            rig.Poller.PollCycle();
            rig.Poller.PollCycle();
            Assert.Equal(ModuleStatus.Online, rig.Modules.StatusOf(2));
            rig.Poller.PollCycle();
            Assert.Equal(ModuleStatus.Offline, rig.Modules.StatusOf(2));
            Assert.Equal(1, rig.Modules.CounterOf(2, ModuleCounters.WentOffline));
            Assert.Equal(3, rig.Modules.CounterOf(2, ModuleCounters.MissedPolls));
            Assert.Equal(6, rig.Modules.CounterOf(2, ModuleCounters.Timeouts));
            Assert.Equal(4, rig.Modules.CounterOf(2, ModuleCounters.Polls));
            Assert.Equal(42, rig.Modules.LatestOf(2).Sequence);
            Assert.True(rig.Modules.AgeSecondsOf(2) > 0.3, "age " + rig.Modules.AgeSecondsOf(2));
            Assert.Equal(0, rig.Modules.CounterOf(7, ModuleCounters.WentOffline));
            Assert.Equal(ModuleStatus.Unknown, rig.Modules.StatusOf(7));
            Assert.Equal(0, rig.Modules.CounterOf(9, ModuleCounters.Polls));

            rig.Mpp3.Unplugged = false;
            rig.Poller.PollCycle();
            Assert.Equal(ModuleStatus.Online, rig.Modules.StatusOf(2));
            // Polled first in the cycle: as old as the rest of that cycle (the MPP18 and the empty address's timeouts).
            Assert.True(rig.Modules.AgeSecondsOf(2) < rig.Modules.LastCycleSeconds, "age " + rig.Modules.AgeSecondsOf(2) + ", cycle " + rig.Modules.LastCycleSeconds);
        }

        [Fact]
        public void LatestOfAllocatesNothingOnceWarm()
        {
            Rig rig = new Rig();
            rig.Poller.PollCycle();
            rig.Modules.LatestOf(2);
            rig.Modules.LatestOf(5);
            rig.Poller.PollCycle();
            rig.Modules.LatestOf(2);
            rig.Modules.LatestOf(5);
            long before = GC.GetAllocatedBytesForCurrentThread();
            long sum = 0;
            for (int i = 0; i < 20; i++)
            {
                rig.Poller.PollCycle();
                for (int k = 0; k < 50; k++)
                {
                    sum += rig.Modules.LatestOf(2).Sequence + rig.Modules.LatestOf(5).Channels.Length;
                    sum += rig.Modules.StatusOf(5) + rig.Modules.CounterOf(5, ModuleCounters.Polls);
                    sum += (long)rig.Modules.AgeSecondsOf(5) + rig.Modules.NameOf(5).Length + rig.Modules.IdentityOf(2).SerialNumber.Length;
                }
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            _output.WriteLine("20 cycles x 50 x (2 LatestOf + status + counter + age): " + allocated + " bytes allocated (" + sum + ")");
            Assert.Equal(0, allocated);
        }
    }
}
