using System;

namespace Ipenergy.Probe.Metering.Chip
{
    /// <summary>
    /// One chip's measurement registers read in one poll, decoded into our units (chip/README.md). Reused every
    /// second; reading it allocates nothing. The energy counts are what the clear-on-read registers handed out.
    /// </summary>
    public sealed class Atm90e32Reading
    {
        /// <summary>Watts (var) per LSB of the 32-bit power values.</summary>
        public const double PowerLsb = 0.00032;

        /// <summary>Joules (var·s) per LSB of the energy registers: 1/320 Wh.</summary>
        public const double JoulesPerEnergyLsb = 3600.0 / 320.0;

        private const int Inputs = Atm90e32Settings.Inputs;
        private int _ones;
        private int _zeros;
        private int _reads;
        private int _lastHigh;

        public Atm90e32Reading()
        {
            UrmsVolts = new double[Inputs];
            IrmsAmps = new double[Inputs];
            ActivePowerW = new double[Inputs];
            ReactivePowerVar = new double[Inputs];
            ApparentPowerVA = new double[Inputs];
            IrmsSaturated = new bool[Inputs];
            PAngleDeg = new double[Inputs];
            UAngleDeg = new double[Inputs];
            ThdUPercent = new double[Inputs];
            ThdIPercent = new double[Inputs];
            ImportActiveLsb = new int[Inputs];
            ExportActiveLsb = new int[Inputs];
            ImportReactiveLsb = new int[Inputs];
            ExportReactiveLsb = new int[Inputs];
        }

        /// <summary>Per input A, B, C: UrmsX (+LSB), volts.</summary>
        public readonly double[] UrmsVolts;

        /// <summary>IrmsX (+LSB), amperes.</summary>
        public readonly double[] IrmsAmps;

        /// <summary>PmeanX: total active power (harmonics included), watts.</summary>
        public readonly double[] ActivePowerW;

        /// <summary>QmeanX: fundamental reactive power, var (&gt; 0 inductive).</summary>
        public readonly double[] ReactivePowerVar;

        /// <summary>SmeanX: Urms × Irms computed by the chip, VA (32 bits: does not saturate where IrmsX does).</summary>
        public readonly double[] ApparentPowerVA;

        /// <summary>IrmsX read 0xFFFF: the 16-bit register (0.001 A) tops out at 65.535 A.</summary>
        public readonly bool[] IrmsSaturated;

        /// <summary>PAngleX: fundamental current behind its voltage, degrees.</summary>
        public readonly double[] PAngleDeg;

        /// <summary>UangleX: voltage angle relative to UA, degrees (L2 at −120 in a positive sequence).</summary>
        public readonly double[] UAngleDeg;

        /// <summary>THDNUX / THDNIX, percent of the fundamental.</summary>
        public readonly double[] ThdUPercent;
        public readonly double[] ThdIPercent;

        /// <summary>APenergyX, ANenergyX, RPenergyX, RNenergyX: LSBs handed out by this read.</summary>
        public readonly int[] ImportActiveLsb;
        public readonly int[] ExportActiveLsb;
        public readonly int[] ImportReactiveLsb;
        public readonly int[] ExportReactiveLsb;

        /// <summary>IrmsN0: RMS of IA + IB + IC sample by sample, amperes.</summary>
        public double NeutralAmps;

        /// <summary>Freq, hertz.</summary>
        public double FrequencyHz;

        /// <summary>Temp, degrees Celsius.</summary>
        public double TemperatureC;

        /// <summary>Registers read in one poll (57: SPI traffic = 57 × 4 bytes per chip and second).</summary>
        public const int RegistersPerPoll = 57;

        /// <summary>
        /// Reads every measurement register. False when the chip is not answering: every word read was 0xFFFF
        /// (bus floating, chip absent) or every word was 0x0000 (MISO stuck low, chip unpowered).
        /// </summary>
        public bool ReadFrom(Atm90e32 chip)
        {
            _ones = 0;
            _zeros = 0;
            _reads = 0;
            for (int x = 0; x < Inputs; x++)
            {
                UrmsVolts[x] = Rms(chip, Atm90e32Registers.UrmsA + x, Atm90e32Registers.UrmsALSB + x) * 0.01;
                IrmsAmps[x] = Rms(chip, Atm90e32Registers.IrmsA + x, Atm90e32Registers.IrmsALSB + x) * 0.001;
                IrmsSaturated[x] = _lastHigh == 0xFFFF;
                ActivePowerW[x] = Power(chip, Atm90e32Registers.PmeanA + x, Atm90e32Registers.PmeanALSB + x);
                ReactivePowerVar[x] = Power(chip, Atm90e32Registers.QmeanA + x, Atm90e32Registers.QmeanALSB + x);
                ApparentPowerVA[x] = Power(chip, Atm90e32Registers.SmeanA + x, Atm90e32Registers.SmeanALSB + x);
                PAngleDeg[x] = Signed16(Word(chip, Atm90e32Registers.PAngleA + x)) * 0.1;
                UAngleDeg[x] = Signed16(Word(chip, Atm90e32Registers.UangleA + x)) * 0.1;
                ThdUPercent[x] = Word(chip, Atm90e32Registers.THDNUA + x) * 0.01;
                ThdIPercent[x] = Word(chip, Atm90e32Registers.THDNIA + x) * 0.01;
                ImportActiveLsb[x] = Word(chip, Atm90e32Registers.APenergyA + x);
                ExportActiveLsb[x] = Word(chip, Atm90e32Registers.ANenergyA + x);
                ImportReactiveLsb[x] = Word(chip, Atm90e32Registers.RPenergyA + x);
                ExportReactiveLsb[x] = Word(chip, Atm90e32Registers.RNenergyA + x);
            }

            NeutralAmps = Word(chip, Atm90e32Registers.IrmsN0) * 0.001;
            FrequencyHz = Word(chip, Atm90e32Registers.Freq) * 0.01;
            TemperatureC = Signed16(Word(chip, Atm90e32Registers.Temp));
            return _ones < _reads && _zeros < _reads;
        }

        /// <summary>Sets every value to 0 (a failed chip).</summary>
        public void Clear()
        {
            Array.Clear(UrmsVolts, 0, Inputs);
            Array.Clear(IrmsAmps, 0, Inputs);
            Array.Clear(ActivePowerW, 0, Inputs);
            Array.Clear(ReactivePowerVar, 0, Inputs);
            Array.Clear(ApparentPowerVA, 0, Inputs);
            Array.Clear(IrmsSaturated, 0, Inputs);
            Array.Clear(PAngleDeg, 0, Inputs);
            Array.Clear(UAngleDeg, 0, Inputs);
            Array.Clear(ThdUPercent, 0, Inputs);
            Array.Clear(ThdIPercent, 0, Inputs);
            Array.Clear(ImportActiveLsb, 0, Inputs);
            Array.Clear(ExportActiveLsb, 0, Inputs);
            Array.Clear(ImportReactiveLsb, 0, Inputs);
            Array.Clear(ExportReactiveLsb, 0, Inputs);
            NeutralAmps = 0.0;
            FrequencyHz = 0.0;
            TemperatureC = 0.0;
        }

        /// <summary>The signed 32-bit value high &lt;&lt; 16 | low, in watts (var).</summary>
        public static double PowerOf(int high, int low)
        {
            int raw = (high << 16) | (low & 0xFFFF);
            return raw * PowerLsb;
        }

        /// <summary>A 16-bit register as two's complement.</summary>
        public static int Signed16(int word)
        {
            return word >= 0x8000 ? word - 0x10000 : word;
        }

        private int Word(Atm90e32 chip, int address)
        {
            int w = chip.Read(address);
            _reads++;
            if (w == 0xFFFF)
            {
                _ones++;
            }
            else if (w == 0)
            {
                _zeros++;
            }

            return w;
        }

        // High register in units of the LSB, plus bits 15..8 of its LSB register as 1/256 of a unit.
        private double Rms(Atm90e32 chip, int address, int lsbAddress)
        {
            int high = Word(chip, address);
            int low = Word(chip, lsbAddress);
            _lastHigh = high;
            return high + ((low >> 8) & 0xFF) / 256.0;
        }

        // High word first, then its LSB register right after (the chip's 32-bit results are read in that order).
        private double Power(Atm90e32 chip, int address, int lsbAddress)
        {
            int high = Word(chip, address);
            int low = Word(chip, lsbAddress);
            return PowerOf(high, low);
        }
    }
}
