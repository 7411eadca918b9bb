using System;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Metering.Chip;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Metering
{
    /// <summary>The chip meter: registers of fake chips in, the engine's snapshot semantics out.</summary>
    [TestClass]
    public class ChipMeterTests
    {
        private const double Rad = Math.PI / 180.0;

        [TestMethod]
        public void SinusoidalLoadReadsVIPQSPfFromTheChip()
        {
            ChipTestRig rig = new ChipTestRig(1, 100.0);
            rig.Start();
            rig.Supply(230.0);
            double phi = 25.8;
            rig.Chips[0].SetCurrent(0, 42.0, phi, 0.0);
            rig.Chips[0].SetPower(0, 230.0 * 42.0 * Math.Cos(phi * Rad), 230.0 * 42.0 * Math.Sin(phi * Rad));
            MeasurementSnapshot s = rig.Poll();

            ChannelValues c = s.Channels[0];
            ChipTestRig.Near(230.0, s.Phases[0].Vrms, 0.0001, "Vrms L1");
            ChipTestRig.Near(42.0, c.Irms, 0.00001, "Irms");
            ChipTestRig.Near(230.0 * 42.0 * Math.Cos(phi * Rad), c.ActivePowerW, 0.001, "P");
            ChipTestRig.Near(230.0 * 42.0 * Math.Sin(phi * Rad), c.ReactivePowerVar, 0.001, "Q");
            ChipTestRig.Near(230.0 * 42.0, c.ApparentPowerVA, 0.01, "S");
            ChipTestRig.Near(Math.Cos(phi * Rad), c.PowerFactor, 0.00001, "PF");
            ChipTestRig.Near(Math.Cos(phi * Rad), c.CosPhi, 0.00001, "cos phi");
            ChipTestRig.Near(42.0, c.LoadPercentOfCt, 0.0001, "% of CT");
            ChipTestRig.Near(50.0, s.FrequencyHz, 1e-9, "f");
            ChipTestRig.Near(50.0, s.Phases[2].FrequencyHz, 1e-9, "f L3");
            ChipTestRig.Near(-120.0, s.Phases[1].AngleDeg, 1e-9, "L2 angle");
            ChipTestRig.Near(120.0, s.Phases[2].AngleDeg, 1e-9, "L3 angle");
            ChipTestRig.Near(0.0, s.VoltageUnbalancePercent, 1e-9, "balanced");
            Assert.IsTrue(s.Phases[0].Present && s.Phases[1].Present && s.Phases[2].Present, "phases present");
            Assert.AreEqual(0.0, s.Channels[1].Irms, "idle channel");
            Assert.AreEqual(1L, s.Sequence);
            Assert.AreEqual(1000L, s.EndFrame, "device ms since the chips started");
            Assert.AreEqual(1, s.Windows);
            Assert.AreEqual(rig.UtcNow, s.Timestamp);
            Assert.AreEqual(2L, rig.Poll().Sequence);
        }

        [TestMethod]
        public void AboveTheIrmsRegisterRangeIrmsComesFromSmean()
        {
            ChipTestRig rig = new ChipTestRig(1, 500.0);
            rig.Start();
            rig.Supply(230.0);
            rig.Chips[0].SetCurrent(0, 120.0, 0.0, 0.0);            // 0.001 A in 16 bits: reads 65.535 A
            rig.Chips[0].SetApparent(0, 230.0 * 120.0);
            rig.Chips[0].SetPower(0, 230.0 * 120.0, 0.0);
            rig.Chips[0].SetCurrent(1, 65.0, 0.0, 0.0);             // in range: the register, not Smean
            rig.Chips[0].SetApparent(1, 1.0);
            MeasurementSnapshot s = rig.Poll();
            Assert.AreEqual(0xFFFF, rig.Chips[0].Registers[Atm90e32Registers.IrmsA], "the fake saturates like the chip");
            ChipTestRig.Near(120.0, s.Channels[0].Irms, 0.001, "Irms = Smean / Urms");
            ChipTestRig.Near(1.0, s.Channels[0].PowerFactor, 0.0001, "PF");
            ChipTestRig.Near(65.0, s.Channels[1].Irms, 0.00001, "Irms register in range");
        }

        [TestMethod]
        public void NegativePowersAssembleFromBothRegisters()
        {
            ChipTestRig rig = new ChipTestRig(1, 100.0);
            rig.Start();
            rig.Supply(230.0);
            rig.Chips[0].SetCurrent(1, 10.0, 180.0 - 36.87, 0.0);   // L2 current reversed and leading: export, Q < 0
            rig.Chips[0].SetPower(1, -1234.56, -500.0);
            rig.Config.Channels[1].Phase = 1;
            MeasurementSnapshot s = rig.Poll();
            ChannelValues c = s.Channels[1];
            ChipTestRig.Near(-1234.56, c.ActivePowerW, 0.00032, "P (32-bit, negative)");
            ChipTestRig.Near(-500.0, c.ReactivePowerVar, 0.00032, "Q (32-bit, negative)");
            Assert.IsTrue(c.PowerFactor < 0.0, "PF keeps the sign of P");
            Assert.IsTrue(c.CosPhi < 0.0, "cos phi keeps the sign of P1");
        }

        [TestMethod]
        public void EnergyFromClearOnReadRegistersIsCarriedAcrossReads()
        {
            ChipTestRig rig = new ChipTestRig(1, 100.0);
            rig.Start();
            rig.Supply(230.0);
            rig.Chips[0].SetCurrent(0, 10.0, 0.0, 0.0);
            rig.Chips[0].SetPower(0, 2300.0, 0.0);
            rig.Chips[0].AddEnergy(0, 320, 64, 160, 32);                 // 1 Wh, 0.2 Wh, 0.5 varh, 0.1 varh
            MeasurementSnapshot s = rig.Poll();
            Assert.AreEqual(1000L, s.Channels[0].ImportEnergyMilliWh);
            Assert.AreEqual(200L, s.Channels[0].ExportEnergyMilliWh);
            Assert.AreEqual(500L, s.Channels[0].ImportReactiveMilliVarh);
            Assert.AreEqual(100L, s.Channels[0].ExportReactiveMilliVarh);
            Assert.AreEqual(0, rig.Chips[0].Registers[Atm90e32Registers.APenergyA], "the read cleared the chip's register");

            // Nothing new in the chip: nothing counted twice.
            Assert.AreEqual(1000L, rig.Poll().Channels[0].ImportEnergyMilliWh);

            // 1 LSB = 3.125 mWh: the fractions are kept, 9 LSBs over 9 reads add 28.125 mWh.
            long before = 0;
            for (int i = 0; i < 9; i++)
            {
                rig.Chips[0].AddEnergy(0, 1, 0, 0, 0);
                before = rig.Poll().Channels[0].ImportEnergyMilliWh;
            }

            Assert.AreEqual(1028L, before);
            long[] copy = new long[ChannelEnergy.RegistersPerChannel * 3];
            rig.Meter.CopyEnergy(copy);
            Assert.AreEqual(1028L, copy[0]);
            Assert.AreEqual(200L, copy[1]);
        }

        [TestMethod]
        public void AFailedChipIsReportedAndItsChannelsReadZero()
        {
            ChipTestRig rig = new ChipTestRig(2, 100.0);
            rig.Chips[1].PulledUp = true;                       // no chip answers on chip select 2
            rig.Start();
            rig.Supply(230.0);
            for (int c = 0; c < 2; c++)
            {
                rig.Chips[c].SetCurrent(0, 20.0, 0.0, 0.0);
                rig.Chips[c].SetPower(0, 4600.0, 0.0);
                rig.Chips[c].AddEnergy(0, 320, 0, 0, 0);
            }

            MeasurementSnapshot s = rig.Poll();
            Assert.IsTrue(rig.Meter.Status[0].Ok, "chip 0 ok");
            Assert.IsFalse(rig.Meter.Status[1].Ok, "chip 1 failed");
            Assert.AreEqual(1, rig.Meter.Status[1].InitFailures);
            Assert.AreEqual(1, rig.Meter.FailedChips);
            ChipTestRig.Near(20.0, s.Channels[0].Irms, 0.0001, "channel 1");
            Assert.AreEqual(1000L, s.Channels[0].ImportEnergyMilliWh);
            for (int k = 3; k < 6; k++)
            {
                Assert.AreEqual(0.0, s.Channels[k].Irms, "channel " + (k + 1).ToString() + " Irms");
                Assert.AreEqual(0.0, s.Channels[k].ActivePowerW, "channel " + (k + 1).ToString() + " P");
                Assert.AreEqual(0L, s.Channels[k].ImportEnergyMilliWh, "channel " + (k + 1).ToString() + " energy");
            }

            // Chip 0 goes away after its initialisation (MISO stuck low): reported at the next poll, energy frozen.
            rig.Chips[0].StuckLow = true;
            rig.Chips[0].AddEnergy(0, 320, 0, 0, 0);
            s = rig.Poll();
            Assert.IsFalse(rig.Meter.Status[0].Ok, "chip 0 failed");
            Assert.AreEqual(1, rig.Meter.Status[0].ReadErrors);
            Assert.AreEqual(0.0, s.Channels[0].Irms);
            Assert.AreEqual(1000L, s.Channels[0].ImportEnergyMilliWh, "energy does not advance");
            Assert.IsFalse(s.Phases[0].Present, "no chip left to read the voltages");

            // Both come back; the retry initialises them again within RetryEveryPolls polls.
            rig.Chips[0].StuckLow = false;
            rig.Chips[1].PulledUp = false;
            for (int i = 0; i < ChipMeter.RetryEveryPolls; i++)
            {
                rig.Poll();
            }

            Assert.IsTrue(rig.Meter.Status[0].Ok && rig.Meter.Status[1].Ok, "recovered");
            Assert.AreEqual(2, rig.Meter.Status[0].Initializations);
        }

        [TestMethod]
        public void BelowTheCreepThresholdAChannelReadsZeroAndCountsNothing()
        {
            ChipTestRig rig = new ChipTestRig(1, 100.0);          // creep: 0.08 % of 100 A = 0.08 A
            rig.Start();
            rig.Supply(230.0);
            rig.Chips[0].SetCurrent(0, 0.07, 0.0, 0.0);
            rig.Chips[0].SetPower(0, 16.1, 0.0);
            rig.Chips[0].AddEnergy(0, 5, 0, 0, 0);
            MeasurementSnapshot s = rig.Poll();
            Assert.AreEqual(0.0, s.Channels[0].Irms);
            Assert.AreEqual(0.0, s.Channels[0].ActivePowerW);
            Assert.AreEqual(0L, s.Channels[0].ImportEnergyMilliWh);

            rig.Chips[0].SetCurrent(0, 0.09, 0.0, 0.0);
            rig.Chips[0].SetPower(0, 20.7, 0.0);
            rig.Chips[0].AddEnergy(0, 5, 0, 0, 0);
            s = rig.Poll();
            ChipTestRig.Near(0.09, s.Channels[0].Irms, 0.00001, "above creep");
            Assert.AreEqual(15L, s.Channels[0].ImportEnergyMilliWh, "5 LSB = 15.625 mWh");
        }

        [TestMethod]
        public void AChannelOnAnotherPhaseThanItsSlotUsesIrmsAndAngles()
        {
            ChipTestRig rig = new ChipTestRig(1, 100.0);
            rig.Config.Channels[0].Phase = 1;          // slot A (paired with UA = L1 in the chip), cabled on L2
            rig.Start();
            rig.Supply(230.0);

            // The current lags L2 by 20°: at −140° from L1, so 140° behind UA as the chip sees it.
            rig.Chips[0].SetCurrent(0, 10.0, 140.0, 0.0);
            rig.Chips[0].SetPower(0, 2300.0 * Math.Cos(140.0 * Rad), 2300.0 * Math.Sin(140.0 * Rad));
            rig.Chips[0].AddEnergy(0, 0, 200, 500, 0);  // the chip's counters pair it with L1: ignored
            MeasurementSnapshot s = rig.Poll();
            ChannelValues c = s.Channels[0];
            Assert.AreEqual(1, c.Phase);
            ChipTestRig.Near(2300.0 * Math.Cos(20.0 * Rad), c.ActivePowerW, 0.01, "P on L2");
            ChipTestRig.Near(2300.0 * Math.Sin(20.0 * Rad), c.ReactivePowerVar, 0.01, "Q on L2");
            ChipTestRig.Near(Math.Cos(20.0 * Rad), c.CosPhi, 0.00001, "cos phi on L2");

            // Energy integrates P over the second between the two reads: 2161.3 J = 600.4 mWh.
            long expected = (long)(2300.0 * Math.Cos(20.0 * Rad) / 3.6);
            Assert.AreEqual(expected, c.ImportEnergyMilliWh, "P × 1 s");
            Assert.AreEqual(0L, c.ExportEnergyMilliWh, "the chip's own export count is not used");
            Assert.AreEqual((long)(2300.0 * Math.Sin(20.0 * Rad) / 3.6), c.ImportReactiveMilliVarh, "Q × 1 s");
        }

        [TestMethod]
        public void PhaseCorrectionTurnsTheFundamentalPowers()
        {
            ChipTestRig rig = new ChipTestRig(1, 100.0);
            rig.Config.Channels[0].PhaseCorrectionDeg = 2.0;
            rig.Start();
            rig.Supply(230.0);
            rig.Chips[0].SetCurrent(0, 10.0, 30.0, 0.0);
            rig.Chips[0].SetPower(0, 2300.0 * Math.Cos(30.0 * Rad), 2300.0 * Math.Sin(30.0 * Rad));
            MeasurementSnapshot s = rig.Poll();
            ChipTestRig.Near(2300.0 * Math.Cos(32.0 * Rad), s.Channels[0].ActivePowerW, 0.01, "P delayed by 2°");
            ChipTestRig.Near(2300.0 * Math.Sin(32.0 * Rad), s.Channels[0].ReactivePowerVar, 0.01, "Q delayed by 2°");
            Assert.IsTrue(s.Channels[0].ImportEnergyMilliWh > 0, "integrated from the corrected P");
        }

        [TestMethod]
        public void HarmonicsGiveThdFundamentalsAndHarmonicPower()
        {
            ChipTestRig rig = new ChipTestRig(1, 100.0);
            rig.Start();
            rig.Supply(230.0);
            double u = 230.0 * Math.Sqrt(1.0 + 0.03 * 0.03);
            double i = 40.0 * Math.Sqrt(1.0 + 0.2 * 0.2);
            rig.Chips[0].SetVoltage(0, u, 0.0, 3.0);
            rig.Chips[0].SetCurrent(0, i, 10.0, 20.0);
            double p1 = 230.0 * 40.0 * Math.Cos(10.0 * Rad);
            rig.Chips[0].SetPower(0, p1 + 25.0, 230.0 * 40.0 * Math.Sin(10.0 * Rad));
            MeasurementSnapshot s = rig.Poll();
            ChannelValues c = s.Channels[0];
            ChipTestRig.Near(3.0, s.Phases[0].ThdPercent, 0.001, "THD-U");
            ChipTestRig.Near(230.0, s.Phases[0].FundamentalVrms, 0.005, "U1");
            ChipTestRig.Near(20.0, c.ThdPercent, 0.001, "THD-I");
            ChipTestRig.Near(40.0, c.FundamentalIrms, 0.001, "I1");
            ChipTestRig.Near(p1 + 25.0, c.ActivePowerW, 0.001, "P includes the harmonic power");
            ChipTestRig.Near(Math.Cos(10.0 * Rad), c.CosPhi, 0.0001, "cos phi of the fundamental");
            ChipTestRig.Near((p1 + 25.0) / (u * i), c.PowerFactor, 0.0001, "PF = P / (Vrms Irms)");
        }

        [TestMethod]
        public void NeutralOfAThreePhaseCircuit()
        {
            ChipTestRig rig = new ChipTestRig(2, 100.0);
            for (int k = 0; k < 6; k++)
            {
                rig.Config.Channels[k].Phase = k % 3;
            }

            rig.Config.Channels[3].Phase = 0;
            rig.Config.Circuits = new CircuitConfig[]
            {
                new CircuitConfig("one chip", new int[] { 1, 2, 3 }, 63.0),
                new CircuitConfig("two chips", new int[] { 2, 3, 4 }, 63.0),
            };
            rig.Start();
            rig.Supply(230.0);
            rig.Chips[0].SetCurrent(0, 10.0, 0.0, 0.0);
            rig.Chips[0].SetCurrent(1, 10.0, 0.0, 0.0);
            rig.Chips[0].SetCurrent(2, 10.0, 0.0, 0.0);
            rig.Chips[0].SetNeutral(3.3);                     // sample-level: triplen harmonics the chip saw
            rig.Chips[1].SetCurrent(0, 10.0, 0.0, 0.0);       // in phase with L1
            MeasurementSnapshot s = rig.Poll();
            ChipTestRig.Near(3.3, s.Circuits[0].NeutralCurrentA, 0.0001, "the chip's IrmsN0");

            // L2 + L3 + L1 fundamentals at 10 A each, balanced: the vector sum is 0.
            ChipTestRig.Near(0.0, s.Circuits[1].NeutralCurrentA, 0.0001, "vector sum across chips");
            rig.Chips[1].SetCurrent(0, 20.0, 0.0, 0.0);
            s = rig.Poll();
            ChipTestRig.Near(10.0, s.Circuits[1].NeutralCurrentA, 0.001, "10 A left over");
            ChipTestRig.Near(100.0 * (20.0 - 40.0 / 3.0) / (40.0 / 3.0), s.Circuits[1].CurrentUnbalancePercent, 0.001, "current unbalance");
        }

        [TestMethod]
        public void VoltageUnbalanceAsTheEngineComputesIt()
        {
            ChipTestRig rig = new ChipTestRig(1, 100.0);
            rig.Start();
            rig.Supply(230.0);
            rig.Chips[0].SetVoltage(1, 220.0, -121.0, 0.0);
            MeasurementSnapshot s = rig.Poll();
            double[] re = { 230.0, 220.0 * Math.Cos(-121.0 * Rad), 230.0 * Math.Cos(120.0 * Rad) };
            double[] im = { 0.0, 220.0 * Math.Sin(-121.0 * Rad), 230.0 * Math.Sin(120.0 * Rad) };
            double u2 = SymmetricalComponents.UnbalancePercent(re, im);
            Assert.IsTrue(u2 > 1.0, "the case is unbalanced: " + u2.ToString());
            ChipTestRig.Near(u2, s.VoltageUnbalancePercent, 0.001, "u2");
            ChipTestRig.Near(-121.0, s.Phases[1].AngleDeg, 1e-9, "L2 angle");
        }

        [TestMethod]
        public void ALostPhaseIsAbsent()
        {
            ChipTestRig rig = new ChipTestRig(1, 100.0);
            rig.Start();
            rig.Supply(230.0);
            rig.Chips[0].SetVoltage(2, 22.0, 120.0, 0.0);           // < 10 % of 230 V
            MeasurementSnapshot s = rig.Poll();
            Assert.IsTrue(s.Phases[1].Present, "L2");
            Assert.IsFalse(s.Phases[2].Present, "L3 lost");
            Assert.AreEqual(0.0, s.Phases[2].FrequencyHz);
            Assert.AreEqual(0.0, s.Phases[2].AngleDeg);
        }

        [TestMethod]
        public void ANewConfigurationWritesGainsWithoutResetAndKeepsEnergy()
        {
            ChipTestRig rig = new ChipTestRig(1, 100.0);
            rig.Start();
            rig.Supply(230.0);
            rig.Chips[0].SetCurrent(1, 10.0, 0.0, 0.0);
            rig.Chips[0].SetPower(1, 2300.0, 0.0);
            rig.Chips[0].AddEnergy(1, 320, 0, 0, 0);
            rig.Poll();
            rig.Chips[0].AddEnergy(1, 640, 0, 0, 0);                  // counted under the old gains, before the change

            MeterConfig next = rig.Config.Clone();
            next.Channels[1].CtRatedAmps = 500.0;
            next.Channels[1].Phase = 1;
            rig.Meter.Configure(next);
            Assert.AreEqual(32768, rig.Chips[0].Registers[Atm90e32Registers.IgainA + 4], "IgainB for 500 A");
            Assert.AreEqual(1, rig.Chips[0].SoftResets, "no reset: the chip keeps metering");
            Assert.AreEqual(0, rig.Chips[0].Registers[Atm90e32Registers.CfgRegAccEn], "locked again");
            Assert.AreEqual(3000L, rig.Meter.Latest.Channels[1].ImportEnergyMilliWh, "energy read out before the change");
            Assert.AreEqual(2L, rig.Meter.Latest.Sequence);

            rig.Chips[0].AddEnergy(1, 320, 0, 0, 0);
            MeasurementSnapshot s = rig.Poll();
            Assert.AreEqual(4000L, s.Channels[1].ImportEnergyMilliWh);
            Assert.AreEqual(3L, s.Sequence, "numbering continues");
            ChipTestRig.Near(2.0, s.Channels[1].LoadPercentOfCt, 1e-9, "10 A of a 500 A CT");
        }

        [TestMethod]
        public void RestoredEnergyContinues()
        {
            ChipTestRig rig = new ChipTestRig(1, 100.0);
            rig.Start();
            rig.Supply(230.0);
            rig.Meter.RestoreEnergy(2, 5000, 6000, 7000, 8000);
            rig.Chips[0].SetCurrent(2, 10.0, 0.0, 0.0);
            rig.Chips[0].AddEnergy(2, 320, 0, 0, 0);
            MeasurementSnapshot s = rig.Poll();
            Assert.AreEqual(6000L, s.Channels[2].ImportEnergyMilliWh);
            Assert.AreEqual(6000L, s.Channels[2].ExportEnergyMilliWh);
            Assert.AreEqual(7000L, s.Channels[2].ImportReactiveMilliVarh);
            Assert.AreEqual(8000L, s.Channels[2].ExportReactiveMilliVarh);
        }

        [TestMethod]
        public void ChannelCountMustBeThreePerChip()
        {
            MeterConfig config = new MeterConfig(3);
            bool threw = false;
            try
            {
                new ChipMeter(config, new Ipenergy.Probe.Hal.ISpiDevice[] { new ChipRegisterFile(), new ChipRegisterFile() }, new ChipTestRig(1, 100.0));
            }
            catch (ArgumentException)
            {
                threw = true;
            }

            Assert.IsTrue(threw, "3 channels on 2 chips must be refused");
        }
    }
}
