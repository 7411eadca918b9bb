using System;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Metering.Chip;
using Ipenergy.Probe.Tests.Unit.Metering;
using Xunit;

namespace Ipenergy.Probe.Tests.Metering
{
    /// <summary>
    /// The chip path on the device heap: a register access allocates nothing, and a poll of six chips allocates
    /// exactly what building the snapshot takes. (GC.GetAllocatedBytesForCurrentThread: host-only test.)
    /// </summary>
    public class ChipAllocationTests
    {
        [Fact]
        public void RegisterAccessesAllocateNothing()
        {
            ChipTestRig rig = Mpp18();
            Atm90e32 chip = rig.Meter.Driver(0);
            Atm90e32Reading reading = new Atm90e32Reading();
            reading.ReadFrom(chip);
            chip.Write(Atm90e32Registers.CfgRegAccEn, 0);

            long before = GC.GetAllocatedBytesForCurrentThread();
            int sum = 0;
            for (int i = 0; i < 1000; i++)
            {
                sum += chip.Read(Atm90e32Registers.UrmsA + i % 3);
                chip.Write(Atm90e32Registers.CfgRegAccEn, 0);
                reading.ReadFrom(chip);
            }

            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(sum > 0, "the reads returned the supply");
            Assert.Equal(0, bytes);
        }

        [Fact]
        public void APollOfSixChipsAllocatesOnlyTheSnapshot()
        {
            ChipTestRig rig = Mpp18();
            for (int i = 0; i < 5; i++)
            {
                rig.Poll();
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            MeasurementSnapshot s = rig.Poll();
            long pollBytes = GC.GetAllocatedBytesForCurrentThread() - before;

            // The same snapshot built alone from an aggregate of the same shape.
            SnapshotBuilder builder = new SnapshotBuilder(rig.Config);
            SecondAggregate agg = new SecondAggregate(18, rig.Config.Circuits.Length);
            ChannelEnergy energy = new ChannelEnergy(18);
            agg.Frames = 1;
            builder.Build(agg, energy, DateTime.UtcNow, 0);
            agg.Frames = 1;
            before = GC.GetAllocatedBytesForCurrentThread();
            builder.Build(agg, energy, DateTime.UtcNow, 0);
            long snapshotBytes = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.True(s.Channels[17].Irms > 0.0, "channel 18 metered");
            Assert.True(snapshotBytes > 0, "a snapshot is allocated");
            Assert.Equal(snapshotBytes, pollBytes);
        }

        private static ChipTestRig Mpp18()
        {
            ChipTestRig rig = new ChipTestRig(6, 100.0);
            rig.Config.Circuits = new CircuitConfig[]
            {
                new CircuitConfig("A", new[] { 1, 2, 3 }, 63.0),
                new CircuitConfig("B", new[] { 3, 4, 5 }, 63.0),
                new CircuitConfig("C", new[] { 18 }, 32.0),
            };
            rig.Config.Channels[4].PhaseCorrectionDeg = 1.5;
            rig.Config.Channels[5].Phase = 0;
            rig.Start();
            rig.Supply(230.0);
            for (int c = 0; c < 6; c++)
            {
                rig.Chips[c].Logging = false;
                for (int x = 0; x < 3; x++)
                {
                    rig.Chips[c].SetCurrent(x, 5.0 + c + x, 20.0, 4.0);
                    rig.Chips[c].SetPower(x, 1000.0 + c, 300.0);
                    rig.Chips[c].AddEnergy(x, 3, 0, 1, 0);
                }
            }

            return rig;
        }
    }
}
