using System;
using Ipenergy.Probe.Simulator;
using Ipenergy.Probe.Simulator.Chips;
using Xunit;
using R = Ipenergy.Probe.Simulator.Chips.Atm90e32Registers;

namespace Ipenergy.Probe.Tests.Chips
{
    /// <summary>The simulated ATM90E32's SPI framing and register behaviour (contract of issue 11, datasheet addresses).</summary>
    public class ChipRegisterTests
    {
        private static Scenario Mpp3Scenario(double irms)
        {
            Scenario s = new Scenario { Model = "MPP3" };
            for (int c = 1; c <= 3; c++)
            {
                s.Channels.Add(new ChannelSettings { Channel = c, Phase = c - 1, Irms = irms, AngleDeg = -20.0 });
            }

            return s;
        }

        private static SimulatedMeteringChips Mpp3(double irms = 40.0)
        {
            return new SimulatedMeteringChips(WaveformSynthesizer.CreateFreeRunning(Mpp3Scenario(irms)));
        }

        [Fact]
        public void AFrameWritesThenReadsBackAndLastSpiDataEchoesTheDataWord()
        {
            var chip = new SimulatedAtm90e32();
            var m = new ChipMaster(chip);
            m.Write(R.CfgRegAccEn, R.UnlockCode);
            Assert.Equal(R.UnlockCode, m.Read(R.LastSpiData));
            m.Write(R.MMode0, 0x1087);
            Assert.Equal(0x1087, m.Read(R.LastSpiData));
            Assert.Equal(0x1087, m.Read(R.MMode0));

            // A read puts the word the chip drove into LastSPIData too.
            Assert.Equal(R.PLconstHDefault, m.Read(R.PLconstH));
            Assert.Equal(R.PLconstHDefault, m.Read(R.LastSpiData));

            // Only bits 9..0 address: bits 14..10 of the address word change nothing.
            byte[] read = new byte[4];
            chip.Transfer(new byte[] { 0x80 | 0x7C, 0x33, 0, 0 }, read, 4);
            Assert.Equal(0x1087, (read[2] << 8) | read[3]);
            Assert.Equal(0, read[0] | read[1]);

            // Bits 9..8 belong to the address: a write to 0x133 leaves 0x033 alone.
            m.Write(0x133, 0x4242);
            Assert.Equal(0x4242, m.Read(R.LastSpiData));
            Assert.Equal(0x1087, m.Read(R.MMode0));
        }

        [Fact]
        public void AnythingButAFourByteFrameIsRefused()
        {
            var chip = new SimulatedAtm90e32();
            Assert.Throws<ArgumentException>(() => chip.Transfer(new byte[2], new byte[2], 2));
            Assert.Throws<ArgumentException>(() => chip.Transfer(new byte[6], new byte[6], 6));
        }

        [Fact]
        public void CalibrationAndConfigurationWritesAreIgnoredWhileLocked()
        {
            var m = new ChipMaster(new SimulatedAtm90e32());
            m.Write(R.UgainA, 32768);
            m.Write(R.MMode0, 0x1087);
            Assert.Equal(0, m.Read(R.UgainA));
            Assert.Equal(R.MMode0Default, m.Read(R.MMode0));

            m.Write(R.CfgRegAccEn, R.UnlockCode);
            m.Write(R.UgainA, 32768);
            m.Write(R.IgainA + 2 * R.CalibrationStride, 4129);
            m.Write(R.CfgRegAccEn, 0x0000);
            m.Write(R.UgainA, 1);
            Assert.Equal(32768, m.Read(R.UgainA));
            Assert.Equal(4129, m.Read(R.IgainA + 8));

            // MeterEn is not behind the lock.
            m.Write(R.MeterEn, 0x0001);
            Assert.Equal(1, m.Read(R.MeterEn));

            // Measurement registers are read-only whatever the lock.
            m.Write(R.CfgRegAccEn, R.UnlockCode);
            m.Write(R.UrmsA, 1234);
            Assert.Equal(0, m.Read(R.UrmsA));
        }

        [Fact]
        public void SoftResetPutsEveryRegisterBackToItsPowerOnValue()
        {
            SimulatedMeteringChips bank = Mpp3();
            var m = new ChipMaster(bank.Chips[0]);
            m.Configure(new[] { 100.0, 100.0, 100.0 }, sixtyHz: true);
            Assert.True(bank.RunSeconds(2));
            Assert.True(m.Read(R.UrmsA) > 20000);
            Assert.True(bank.Chips[0].Enabled);

            m.Write(R.SoftReset, 0x1234);   // a wrong code does nothing
            Assert.Equal(32768, m.Read(R.UgainA));

            m.Write(R.SoftReset, R.SoftResetCode);
            Assert.False(bank.Chips[0].Enabled);
            Assert.Equal(R.PLconstHDefault, m.Read(R.PLconstH));
            Assert.Equal(R.PLconstLDefault, m.Read(R.PLconstL));
            Assert.Equal(R.MMode0Default, m.Read(R.MMode0));
            for (int a = 0x61; a <= 0x6C; a++)
            {
                Assert.Equal(0, m.Read(a));
            }

            Assert.Equal(0, m.Read(R.UrmsA));
            Assert.Equal(0, m.Read(R.PmeanA));
            Assert.Equal(0, m.Read(R.APenergyA));
            Assert.Equal(SimulatedAtm90e32.DieTemperature, m.Read(R.Temp));   // a live chip never reads all zeros

            // Locked again after the reset.
            m.Write(R.UgainA, 32768);
            Assert.Equal(0, m.Read(R.UgainA));
        }

        [Fact]
        public void NothingIsMeasuredOrCountedWhileMeterEnIsZero()
        {
            SimulatedMeteringChips bank = Mpp3();
            var m = new ChipMaster(bank.Chips[0]);
            m.Configure(new[] { 100.0, 100.0, 100.0 });
            m.Write(R.MeterEn, 0x0000);
            Assert.Equal(SimulatedAtm90e32.DieTemperature, m.Read(R.Temp));
            Assert.True(bank.RunSeconds(3));
            for (int a = 0x80; a <= 0xFF; a++)
            {
                Assert.True(m.Read(a) == (a == R.Temp ? SimulatedAtm90e32.DieTemperature : 0), "register 0x" + a.ToString("X2") + " moved with MeterEn 0");
            }

            m.Write(R.MeterEn, 0x0001);
            Assert.True(bank.RunSeconds(2));
            Assert.True(Math.Abs(m.Rms(R.UrmsA, R.UrmsALsb, R.UrmsLsb) - 230.0) < 0.23);
            Assert.True(m.Read(R.APenergyA) > 0);
        }

        [Fact]
        public void EnergyIsClearedOnReadAndNothingIsLostOverManyReads()
        {
            // 40 A at -20 degrees on 230 V: P = 8645 W, 2.4 Wh a second = 768 LSBs.
            SimulatedMeteringChips bank = Mpp3();
            var m = new ChipMaster(bank.Chips[0]);
            m.Configure(new[] { 100.0, 100.0, 100.0 });
            long importA = 0, reactiveA = 0, importB = 0;
            double chipWhA = 0.0;
            const int Seconds = 120;
            for (int s = 1; s <= Seconds; s++)
            {
                Assert.True(bank.RunSeconds(1));
                chipWhA += m.Power(R.PmeanA, R.PmeanALsb) / 3600.0;
                importA += m.Read(R.APenergyA);
                Assert.Equal(0, m.Read(R.APenergyA));   // read twice: the second read finds it cleared
                reactiveA += m.Read(R.RPenergyA);
                if (s % 7 == 0 || s == Seconds)
                {
                    importB += m.Read(R.APenergyA + 1);   // a slower reader loses nothing either
                }

                Assert.Equal(0, m.Read(R.ANenergyA));
                Assert.Equal(0, m.Read(R.RNenergyA));
            }

            // Against the chip's own P of each second: exact to the one LSB still inside the chip.
            Assert.True(chipWhA - importA * R.EnergyLsbWh >= -1e-5 && chipWhA - importA * R.EnergyLsbWh < R.EnergyLsbWh + 1e-5,
                "import A: P x t of the chip " + chipWhA + " Wh, counted " + importA * R.EnergyLsbWh + " Wh");

            ScenarioTruth truth = new ScenarioTruth(Mpp3Scenario(40.0));
            double pA = truth.Channel(1, 0).ActivePowerW;
            double qA = truth.Channel(1, 0).ReactivePowerVar;
            double pB = truth.Channel(2, 0).ActivePowerW;
            double hours = Seconds / 3600.0;
            // Whole LSBs only leave the chip: the sum is short of the truth by less than one LSB (plus the 0.1 % of the model).
            AssertEnergy(pA * hours, importA * R.EnergyLsbWh, "import A");
            AssertEnergy(qA * hours, reactiveA * R.EnergyLsbWh, "reactive A");
            AssertEnergy(pB * hours, importB * R.EnergyLsbWh, "import B");
        }

        [Fact]
        public void ADeadChipAnswersAllOnesOrAllZerosAndDoesNotEchoWrites()
        {
            var chip = new SimulatedAtm90e32 { Failure = ChipFailure.StuckHigh };
            var m = new ChipMaster(chip);
            m.Write(R.CfgRegAccEn, R.UnlockCode);
            Assert.Equal(0xFFFF, m.Read(R.LastSpiData));
            Assert.Equal(0xFFFF, m.Read(R.PLconstH));
            Assert.Equal(0xFFFF, m.Read(R.UrmsA));

            chip.Failure = ChipFailure.StuckLow;
            m.Write(R.CfgRegAccEn, R.UnlockCode);
            Assert.Equal(0x0000, m.Read(R.LastSpiData));
            Assert.Equal(0x0000, m.Read(R.PLconstH));

            // Writes made while dead went nowhere.
            chip.Failure = ChipFailure.None;
            Assert.NotEqual(R.UnlockCode, m.Read(R.CfgRegAccEn));
            Assert.Equal(R.PLconstHDefault, m.Read(R.PLconstH));
        }

        [Fact]
        public void IrmsSaturatesBeyondItsSixteenBitRangeWhilePowerDoesNot()
        {
            // 0.001 A a bit: 65.535 A is the most IrmsX can hold (contract register width); Pmean is 32 bits.
            SimulatedMeteringChips bank = Mpp3(irms: 80.0);
            var m = new ChipMaster(bank.Chips[0]);
            m.Configure(new[] { 100.0, 100.0, 100.0 });
            Assert.True(bank.RunSeconds(2));
            Assert.Equal(0xFFFF, m.Read(R.IrmsA));
            double p = m.Power(R.PmeanA, R.PmeanALsb);
            double expected = 230.0 * 80.0 * Math.Cos(20.0 * Math.PI / 180.0);
            Assert.True(Math.Abs(p - expected) < expected * 0.001, "P " + p + " vs " + expected);
        }

        [Fact]
        public void TheBankHasOneChipPerThreeChannels()
        {
            Assert.Single(Mpp3().Chips);
            Scenario s = new Scenario { Model = "MPP18" };
            var bank = new SimulatedMeteringChips(WaveformSynthesizer.CreateFreeRunning(s));
            Assert.Equal(6, bank.Chips.Length);
            Assert.Equal(6, bank.Devices.Length);
        }

        private static void AssertEnergy(double expectedWh, double actualWh, string what)
        {
            double tolerance = expectedWh * 0.001 + R.EnergyLsbWh;
            Assert.True(Math.Abs(expectedWh - actualWh) <= tolerance,
                what + ": expected " + expectedWh + " Wh ± " + tolerance + ", got " + actualWh);
        }
    }
}
