using System;
using Ipenergy.Probe.Hal;
using R = Ipenergy.Probe.Simulator.Chips.Atm90e32Registers;

namespace Ipenergy.Probe.Tests.Chips
{
    /// <summary>
    /// The tests' own SPI master for a simulated ATM90E32: 4-byte frames as the contract defines them, and the
    /// start-up the contract asks of a driver (unlock, 50/60 Hz, PGA x1, gains, lock, enable). Written from the
    /// contract, not from the firmware's driver.
    /// </summary>
    internal sealed class ChipMaster
    {
        private readonly ISpiDevice _chip;
        private readonly byte[] _write = new byte[4];
        private readonly byte[] _read = new byte[4];

        public ChipMaster(ISpiDevice chip)
        {
            _chip = chip;
        }

        public ushort Read(int address)
        {
            _write[0] = (byte)(0x80 | (address >> 8));
            _write[1] = (byte)address;
            _write[2] = 0;
            _write[3] = 0;
            _chip.Transfer(_write, _read, 4);
            return (ushort)((_read[2] << 8) | _read[3]);
        }

        public void Write(int address, ushort value)
        {
            _write[0] = (byte)((address >> 8) & 0x03);
            _write[1] = (byte)address;
            _write[2] = (byte)(value >> 8);
            _write[3] = (byte)value;
            _chip.Transfer(_write, _read, 4);
        }

        /// <summary>Signed 32-bit power register pair in watts (var, VA).</summary>
        public double Power(int highAddress, int lsbAddress)
        {
            int raw = (Read(highAddress) << 16) | Read(lsbAddress);
            return raw * R.PowerLsb;
        }

        /// <summary>Urms or Irms with its 8 extra bits, in units of lsb (0.01 V or 0.001 A).</summary>
        public double Rms(int address, int lsbAddress, double lsb)
        {
            return (Read(address) + (Read(lsbAddress) >> 8) / 256.0) * lsb;
        }

        public static short Signed(ushort value)
        {
            return unchecked((short)value);
        }

        /// <summary>Igain for a CT of this rating and a gain correction (contract: round(32768 × rated / 500 × gain), 1..65535).</summary>
        public static ushort Igain(double ctRatedAmps, double gain = 1.0)
        {
            return (ushort)Math.Max(1, Math.Min(65535, Math.Round(32768.0 * ctRatedAmps / 500.0 * gain)));
        }

        /// <summary>The contract's start-up for the chip metering three CTs of these ratings.</summary>
        public void Configure(double[] ctRatedAmps, bool sixtyHz = false)
        {
            Write(R.SoftReset, R.SoftResetCode);
            Write(R.CfgRegAccEn, R.UnlockCode);
            Write(R.MMode0, (ushort)(R.MMode0Default | (sixtyHz ? R.MMode0Freq60Hz : 0)));
            Write(R.MMode1, 0x0000);
            for (int x = 0; x < 3; x++)
            {
                Write(R.UgainA + x * R.CalibrationStride, 32768);
                Write(R.IgainA + x * R.CalibrationStride, Igain(ctRatedAmps[x]));
                Write(R.UoffsetA + x * R.CalibrationStride, 0);
                Write(R.IoffsetA + x * R.CalibrationStride, 0);
            }

            Write(R.CfgRegAccEn, 0x0000);
            Write(R.MeterEn, 0x0001);
        }
    }
}
