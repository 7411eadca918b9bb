using System.Threading;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Metering.Chip
{
    /// <summary>
    /// One ATM90E32AS on the SPI bus (mode 3, MSB first). Each register access is one 4-byte transfer: the address
    /// word (bit 15 = read, bits 9..0 = address) then the 16-bit data word, driven by the chip on a read and by us on a
    /// write. Writes are checked by reading LastSPIData back. The two 4-byte buffers live as long as the driver, so a
    /// read or a write allocates nothing.
    /// </summary>
    public sealed class Atm90e32
    {
        /// <summary>Time the chip gets after a soft reset before the first access (assumed; not measured on a board).</summary>
        public const int ResetSettleMilliseconds = 5;

        private readonly ISpiDevice _spi;
        private readonly byte[] _tx = new byte[4];
        private readonly byte[] _rx = new byte[4];

        public Atm90e32(ISpiDevice spi)
        {
            _spi = spi;
        }

        /// <summary>Writes whose LastSPIData read-back differed, since boot.</summary>
        public int WriteVerifyFailures { get; private set; }

        /// <summary>Address of the last write that failed its check (-1: none).</summary>
        public int LastFailedWriteAddress { get; private set; }

        /// <summary>Register accesses (4-byte transfers) since boot.</summary>
        public long Transfers { get; private set; }

        /// <summary>The 16-bit register at <paramref name="address"/> (0..65535).</summary>
        public int Read(int address)
        {
            int word = Atm90e32Registers.ReadFlag | (address & Atm90e32Registers.AddressMask);
            _tx[0] = (byte)(word >> 8);
            _tx[1] = (byte)word;
            _tx[2] = 0;
            _tx[3] = 0;
            _spi.Transfer(_tx, _rx, 4);
            Transfers++;
            return (_rx[2] << 8) | _rx[3];
        }

        /// <summary>Writes a register without checking it (the soft reset, after which the chip restarts).</summary>
        public void WriteUnchecked(int address, int value)
        {
            int word = address & Atm90e32Registers.AddressMask;
            _tx[0] = (byte)(word >> 8);
            _tx[1] = (byte)word;
            _tx[2] = (byte)(value >> 8);
            _tx[3] = (byte)value;
            _spi.Transfer(_tx, _rx, 4);
            Transfers++;
        }

        /// <summary>Writes a register and checks that LastSPIData echoes the value; false (and counted) when not.</summary>
        public bool Write(int address, int value)
        {
            WriteUnchecked(address, value);
            if (Read(Atm90e32Registers.LastSPIData) == (value & 0xFFFF))
            {
                return true;
            }

            WriteVerifyFailures++;
            LastFailedWriteAddress = address;
            return false;
        }

        /// <summary>
        /// Power-on sequence: soft reset, unlock, MMode0 / MMode1, gains and offsets, lock, metering on. False at the
        /// first write the chip does not echo (absent, unpowered or broken chip).
        /// </summary>
        public bool Initialize(Atm90e32Settings settings)
        {
            LastFailedWriteAddress = -1;
            WriteUnchecked(Atm90e32Registers.SoftReset, Atm90e32Registers.SoftResetCode);
            Thread.Sleep(ResetSettleMilliseconds);
            return Configure(settings) && Write(Atm90e32Registers.MeterEn, Atm90e32Registers.MeterEnable);
        }

        /// <summary>
        /// Writes the configuration and calibration registers (unlock, MMode0, MMode1, Ugain / Igain / offsets of A, B, C,
        /// lock) without resetting, so the energy the chip holds stays. PLconst and the phase registers keep their defaults.
        /// </summary>
        public bool Configure(Atm90e32Settings settings)
        {
            if (!Write(Atm90e32Registers.CfgRegAccEn, Atm90e32Registers.CfgUnlock)
                || !Write(Atm90e32Registers.MMode0, settings.MMode0)
                || !Write(Atm90e32Registers.MMode1, Atm90e32Registers.MMode1GainsX1))
            {
                return false;
            }

            for (int input = 0; input < Atm90e32Settings.Inputs; input++)
            {
                int b = input * Atm90e32Registers.CalibrationStride;
                if (!Write(Atm90e32Registers.UgainA + b, settings.Ugain[input])
                    || !Write(Atm90e32Registers.IgainA + b, settings.Igain[input])
                    || !Write(Atm90e32Registers.UoffsetA + b, 0)
                    || !Write(Atm90e32Registers.IoffsetA + b, 0))
                {
                    return false;
                }
            }

            return Write(Atm90e32Registers.CfgRegAccEn, Atm90e32Registers.CfgLock);
        }
    }
}
