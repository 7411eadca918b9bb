using System;
using System.Collections;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering.Chip;

namespace Ipenergy.Probe.Tests.Unit.Metering
{
    /// <summary>
    /// A fake ATM90E32 for the chip tests: a file of 1024 16-bit registers behind the 4-byte SPI framing, with
    /// LastSPIData, the soft reset, clear-on-read energy registers, and failure modes (bus pulled up, MISO stuck low,
    /// writes not echoed). Every frame sent is logged. Setters encode values in the chip's units (chip/README.md).
    /// </summary>
    public sealed class ChipRegisterFile : ISpiDevice
    {
        public readonly int[] Registers = new int[1024];

        /// <summary>Copies of every 4-byte frame the master sent, in order.</summary>
        public readonly ArrayList Frames = new ArrayList();

        /// <summary>Every write as address &lt;&lt; 16 | value, in order.</summary>
        public readonly ArrayList Writes = new ArrayList();

        /// <summary>Every read address, in order.</summary>
        public readonly ArrayList Reads = new ArrayList();

        /// <summary>No chip answers: MISO pulled up, every word reads 0xFFFF.</summary>
        public bool PulledUp;

        /// <summary>MISO stuck low: every word reads 0x0000.</summary>
        public bool StuckLow;

        /// <summary>LastSPIData does not echo writes (a chip that ignores them).</summary>
        public bool NoEcho;

        /// <summary>Log frames (off for the allocation tests).</summary>
        public bool Logging = true;

        public int SoftResets;

        public ChipRegisterFile()
        {
            PowerOn();
        }

        public void Transfer(byte[] write, byte[] read, int count)
        {
            if (count != 4)
            {
                throw new ArgumentException("ATM90E32 accesses are 4-byte transfers, got " + count.ToString());
            }

            if (Logging)
            {
                byte[] copy = new byte[4];
                Array.Copy(write, copy, 4);
                Frames.Add(copy);
            }

            int address = ((write[0] & 0x03) << 8) | write[1];
            bool isRead = (write[0] & 0x80) != 0;
            int value;
            if (isRead)
            {
                value = Registers[address];
                if (address >= 0x80 && address <= 0x8F)
                {
                    Registers[address] = 0;  // energy: clear on read
                }

                if (Logging)
                {
                    Reads.Add(address);
                }
            }
            else
            {
                value = (write[2] << 8) | write[3];
                if (Logging)
                {
                    Writes.Add((address << 16) | value);
                }

                if (!PulledUp && !StuckLow)
                {
                    if (address == Atm90e32Registers.SoftReset && value == Atm90e32Registers.SoftResetCode)
                    {
                        PowerOn();
                        SoftResets++;
                    }
                    else if (address != Atm90e32Registers.LastSPIData)
                    {
                        Registers[address] = value;
                    }
                }
            }

            if (!(NoEcho && !isRead))
            {
                Registers[Atm90e32Registers.LastSPIData] = value;
            }

            if (PulledUp)
            {
                value = 0xFFFF;
            }
            else if (StuckLow)
            {
                value = 0;
            }

            read[0] = 0;
            read[1] = 0;
            read[2] = isRead ? (byte)(value >> 8) : (byte)0;
            read[3] = isRead ? (byte)value : (byte)0;
        }

        /// <summary>Register values after power-on / soft reset (datasheet defaults used by our contract) and a live die.</summary>
        public void PowerOn()
        {
            Array.Clear(Registers, 0, Registers.Length);
            Registers[Atm90e32Registers.PLconstH] = 0x0861;
            Registers[Atm90e32Registers.PLconstL] = 0xC468;
            Registers[Atm90e32Registers.MMode0] = 0x0087;
            Registers[Atm90e32Registers.Temp] = 31;
        }

        /// <summary>UrmsX / UrmsXLSB, THDNUX, UangleX of input 0..2.</summary>
        public void SetVoltage(int input, double volts, double angleDeg, double thdPercent)
        {
            SetRms(Atm90e32Registers.UrmsA + input, Atm90e32Registers.UrmsALSB + input, volts / 0.01);
            Registers[Atm90e32Registers.UangleA + input] = Signed(angleDeg / 0.1);
            Registers[Atm90e32Registers.THDNUA + input] = (int)(thdPercent / 0.01 + 0.5);
        }

        /// <summary>IrmsX / IrmsXLSB, THDNIX, PAngleX (current behind its voltage, degrees) of input 0..2.</summary>
        public void SetCurrent(int input, double amps, double pAngleDeg, double thdPercent)
        {
            SetRms(Atm90e32Registers.IrmsA + input, Atm90e32Registers.IrmsALSB + input, amps / 0.001);
            Registers[Atm90e32Registers.PAngleA + input] = Signed(pAngleDeg / 0.1);
            Registers[Atm90e32Registers.THDNIA + input] = (int)(thdPercent / 0.01 + 0.5);
        }

        /// <summary>PmeanX / QmeanX as signed 32-bit values of 0.00032 W (var).</summary>
        public void SetPower(int input, double watts, double vars)
        {
            SetPower32(Atm90e32Registers.PmeanA + input, Atm90e32Registers.PmeanALSB + input, watts);
            SetPower32(Atm90e32Registers.QmeanA + input, Atm90e32Registers.QmeanALSB + input, vars);
        }

        /// <summary>SmeanX as a signed 32-bit value of 0.00032 VA.</summary>
        public void SetApparent(int input, double voltAmperes)
        {
            SetPower32(Atm90e32Registers.SmeanA + input, Atm90e32Registers.SmeanALSB + input, voltAmperes);
        }

        /// <summary>Adds LSBs (1/320 Wh) to the clear-on-read energy registers of input 0..2.</summary>
        public void AddEnergy(int input, int importLsb, int exportLsb, int importVarLsb, int exportVarLsb)
        {
            Registers[Atm90e32Registers.APenergyA + input] += importLsb;
            Registers[Atm90e32Registers.ANenergyA + input] += exportLsb;
            Registers[Atm90e32Registers.RPenergyA + input] += importVarLsb;
            Registers[Atm90e32Registers.RNenergyA + input] += exportVarLsb;
        }

        public void SetFrequency(double hz)
        {
            Registers[Atm90e32Registers.Freq] = (int)(hz / 0.01 + 0.5);
        }

        public void SetNeutral(double amps)
        {
            Registers[Atm90e32Registers.IrmsN0] = (int)(amps / 0.001 + 0.5);
        }

        /// <summary>A three-phase 230 V 50 Hz supply on UA, UB, UC (L1 0°, L2 −120°, L3 +120°).</summary>
        public void SetBalancedSupply(double volts)
        {
            SetVoltage(0, volts, 0.0, 0.0);
            SetVoltage(1, volts, -120.0, 0.0);
            SetVoltage(2, volts, 120.0, 0.0);
            SetFrequency(50.0);
        }

        /// <summary>The writes logged, as address &lt;&lt; 16 | value.</summary>
        public int WriteAt(int i)
        {
            return (int)Writes[i];
        }

        /// <summary>The value last written to an address, or -1.</summary>
        public int LastWritten(int address)
        {
            for (int i = Writes.Count - 1; i >= 0; i--)
            {
                int w = (int)Writes[i];
                if ((w >> 16) == address)
                {
                    return w & 0xFFFF;
                }
            }

            return -1;
        }

        private void SetRms(int address, int lsbAddress, double units)
        {
            long fine = (long)(units * 256.0 + 0.5);
            if (fine > 0xFFFFFF)
            {
                fine = 0xFFFFFF;  // the 16-bit register saturates, as the chip's does
            }

            Registers[address] = (int)((fine >> 8) & 0xFFFF);
            Registers[lsbAddress] = (int)((fine & 0xFF) << 8);
        }

        private void SetPower32(int address, int lsbAddress, double value)
        {
            double lsb = value / 0.00032;
            int raw = (int)(lsb >= 0.0 ? lsb + 0.5 : lsb - 0.5);
            Registers[address] = (raw >> 16) & 0xFFFF;
            Registers[lsbAddress] = raw & 0xFFFF;
        }

        private static int Signed(double units)
        {
            int v = (int)(units >= 0.0 ? units + 0.5 : units - 0.5);
            return v & 0xFFFF;
        }
    }
}
