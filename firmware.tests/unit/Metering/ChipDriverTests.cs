using Ipenergy.Probe.Metering.Chip;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Metering
{
    /// <summary>The ATM90E32 driver: SPI framing, initialisation, gains, write checks.</summary>
    [TestClass]
    public class ChipDriverTests
    {
        [TestMethod]
        public void ReadOfUrmsAIsOneGoldenFrame()
        {
            ChipRegisterFile f = new ChipRegisterFile();
            f.Registers[Atm90e32Registers.UrmsA] = 0x59D8;
            Atm90e32 chip = new Atm90e32(f);
            Assert.AreEqual(0x59D8, chip.Read(Atm90e32Registers.UrmsA));
            Assert.AreEqual(1, f.Frames.Count);
            AssertFrame((byte[])f.Frames[0], 0x80, 0xD9, 0x00, 0x00, "read UrmsA");
        }

        [TestMethod]
        public void WriteOfCfgRegAccEnIsOneGoldenFrameCheckedThroughLastSpiData()
        {
            ChipRegisterFile f = new ChipRegisterFile();
            Atm90e32 chip = new Atm90e32(f);
            Assert.IsTrue(chip.Write(Atm90e32Registers.CfgRegAccEn, 0x55AA), "echoed write");
            Assert.AreEqual(2, f.Frames.Count);
            AssertFrame((byte[])f.Frames[0], 0x00, 0x7F, 0x55, 0xAA, "write CfgRegAccEn");
            AssertFrame((byte[])f.Frames[1], 0x80, 0x78, 0x00, 0x00, "read LastSPIData");
            Assert.AreEqual(0, chip.WriteVerifyFailures);
        }

        [TestMethod]
        public void HighAddressBitsGoInTheFirstByte()
        {
            ChipRegisterFile f = new ChipRegisterFile();
            Atm90e32 chip = new Atm90e32(f);
            chip.Read(0x2FF);
            AssertFrame((byte[])f.Frames[0], 0x82, 0xFF, 0x00, 0x00, "read 0x2FF");
        }

        [TestMethod]
        public void InitResetsUnlocksConfiguresLocksAndEnables()
        {
            ChipRegisterFile f = new ChipRegisterFile();
            Atm90e32 chip = new Atm90e32(f);
            Atm90e32Settings s = new Atm90e32Settings();
            s.Ugain[0] = 32000;
            s.Ugain[1] = 32768;
            s.Ugain[2] = 33000;
            s.Igain[0] = 6554;
            s.Igain[1] = 32768;
            s.Igain[2] = 328;
            Assert.IsTrue(chip.Initialize(s), "init");

            int[] expected =
            {
                Atm90e32Registers.SoftReset << 16 | 0x789A,
                Atm90e32Registers.CfgRegAccEn << 16 | 0x55AA,
                Atm90e32Registers.MMode0 << 16 | 0x0087,
                Atm90e32Registers.MMode1 << 16 | 0x0000,
                0x61 << 16 | 32000, 0x62 << 16 | 6554, 0x63 << 16, 0x64 << 16,
                0x65 << 16 | 32768, 0x66 << 16 | 32768, 0x67 << 16, 0x68 << 16,
                0x69 << 16 | 33000, 0x6A << 16 | 328, 0x6B << 16, 0x6C << 16,
                Atm90e32Registers.CfgRegAccEn << 16 | 0x0000,
                Atm90e32Registers.MeterEn << 16 | 0x0001,
            };
            Assert.AreEqual(expected.Length, f.Writes.Count, "writes");
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], f.WriteAt(i), "write " + i.ToString());
            }

            // Every write but the reset is followed by a read of LastSPIData; PLconst is left alone.
            Assert.AreEqual(expected.Length - 1, f.Reads.Count, "LastSPIData checks");
            Assert.AreEqual(1, f.SoftResets);
            Assert.AreEqual(-1, f.LastWritten(Atm90e32Registers.PLconstH));
            Assert.AreEqual(0x0861, f.Registers[Atm90e32Registers.PLconstH]);
        }

        [TestMethod]
        public void SixtyHertzSetsMMode0Bit12()
        {
            Assert.AreEqual(0x0087, Atm90e32Calibration.MMode0(50.0));
            Assert.AreEqual(0x1087, Atm90e32Calibration.MMode0(60.0));
            ChipTestRig rig = new ChipTestRig(1, 100.0);
            rig.Config.NominalFrequencyHz = 60.0;
            rig.Start();
            Assert.AreEqual(0x1087, rig.Chips[0].Registers[Atm90e32Registers.MMode0]);
        }

        [TestMethod]
        public void GainsFor100And500ACtsAndCorrections()
        {
            Assert.AreEqual(6554, Atm90e32Calibration.Igain(100.0, 1.0), "100 A: 32768 × 100 / 500 = 6553.6");
            Assert.AreEqual(32768, Atm90e32Calibration.Igain(500.0, 1.0), "500 A");
            Assert.AreEqual(328, Atm90e32Calibration.Igain(5.0, 1.0), "5 A");
            Assert.AreEqual(6685, Atm90e32Calibration.Igain(100.0, 1.02), "100 A, +2 %");
            Assert.AreEqual(65535, Atm90e32Calibration.Igain(500.0, 3.0), "clamped high");
            Assert.AreEqual(1, Atm90e32Calibration.Igain(5.0, 0.0), "clamped low");
            Assert.AreEqual(32768, Atm90e32Calibration.Ugain(1.0));
            Assert.AreEqual(32440, Atm90e32Calibration.Ugain(0.99));

            ChipTestRig rig = new ChipTestRig(2, 100.0);
            rig.Config.Channels[4].CtRatedAmps = 500.0;
            rig.Config.Channels[5].GainCorrection = 1.02;
            rig.Config.VoltageGainCorrection[2] = 0.99;
            rig.Start();
            ChipRegisterFile second = rig.Chips[1];
            Assert.AreEqual(6554, second.Registers[Atm90e32Registers.IgainA], "channel 4: 100 A");
            Assert.AreEqual(32768, second.Registers[Atm90e32Registers.IgainA + 4], "channel 5: 500 A");
            Assert.AreEqual(6685, second.Registers[Atm90e32Registers.IgainA + 8], "channel 6: 100 A +2 %");
            Assert.AreEqual(32440, second.Registers[Atm90e32Registers.UgainA + 8], "UC = L3 corrected on every chip");
            Assert.AreEqual(32440, rig.Chips[0].Registers[Atm90e32Registers.UgainA + 8], "chip 0 too");
        }

        [TestMethod]
        public void AWriteNotEchoedFailsTheInitialisation()
        {
            ChipRegisterFile f = new ChipRegisterFile();
            f.NoEcho = true;
            Atm90e32 chip = new Atm90e32(f);
            Assert.IsFalse(chip.Initialize(new Atm90e32Settings()), "init must fail");
            Assert.AreEqual(1, chip.WriteVerifyFailures);
            Assert.AreEqual(Atm90e32Registers.CfgRegAccEn, chip.LastFailedWriteAddress);
            Assert.AreEqual(2, f.Writes.Count, "stops at the first unchecked write (reset, unlock)");
        }

        [TestMethod]
        public void PowerIsSigned32BitsOfHighAndLsbRegisters()
        {
            Assert.AreEqual(-0.00032, Atm90e32Reading.PowerOf(0xFFFF, 0xFFFF));
            Assert.AreEqual(65536 * 0.00032, Atm90e32Reading.PowerOf(0x0001, 0x0000));
            Assert.AreEqual(0x7FFFFFFF * 0.00032, Atm90e32Reading.PowerOf(0x7FFF, 0xFFFF));
            Assert.AreEqual(-2147483648.0 * 0.00032, Atm90e32Reading.PowerOf(0x8000, 0x0000));
            Assert.AreEqual(-1, Atm90e32Reading.Signed16(0xFFFF));
            Assert.AreEqual(-1200, Atm90e32Reading.Signed16(0x10000 - 1200));
            Assert.AreEqual(1200, Atm90e32Reading.Signed16(1200));
        }

        private static void AssertFrame(byte[] frame, int b0, int b1, int b2, int b3, string what)
        {
            Assert.AreEqual((byte)b0, frame[0], what + " byte 0");
            Assert.AreEqual((byte)b1, frame[1], what + " byte 1");
            Assert.AreEqual((byte)b2, frame[2], what + " byte 2");
            Assert.AreEqual((byte)b3, frame[3], what + " byte 3");
        }
    }
}
