using System;
using Ipenergy.Probe.Hal;
using R = Ipenergy.Probe.Simulator.Chips.Atm90e32Registers;

namespace Ipenergy.Probe.Simulator.Chips
{
    /// <summary>
    /// A register-level model of one ATM90E32AS metering IC behind its SPI chip select, scaled as on the e-Probe board
    /// (contract: issue 11). Each SPI access is one 4-byte frame: address word (bit 15 = read, bits 9..0 address),
    /// then the data word. Modelled: LastSPIData, the CfgRegAccEn lock on configuration and calibration registers,
    /// SoftReset, MeterEn, the gain registers, measurement registers refreshed by <see cref="Measure"/> once a
    /// simulated second, clear-on-read energy registers that hand out whole LSBs and keep the remainder, and a
    /// failure mode (a dead chip whose MISO floats high or is stuck low).
    /// </summary>
    public sealed class SimulatedAtm90e32 : ISpiDevice
    {
        public const int FrameBytes = 4;
        private const int AddressMask = 0x3FF;
        private const int ReadBit = 0x8000;
        private const double RadToDeg = 180.0 / Math.PI;

        /// <summary>Temp register, deg C: the die as the chip reports it from power-on (so a live chip never reads all zeros).</summary>
        public const ushort DieTemperature = 35;

        private readonly object _lock = new object();
        private readonly ushort[] _registers = new ushort[AddressMask + 1];

        // Energy at full resolution, in LSBs not yet handed out: [kind × 3 + input], kinds AP, AN, RP, RN.
        private readonly double[] _energyLsb = new double[12];
        private static readonly int[] EnergyBase = { R.APenergyA, R.ANenergyA, R.RPenergyA, R.RNenergyA };

        private ushort _lastSpiData;
        private ChipFailure _failure;
        private long _transfers;

        public SimulatedAtm90e32()
        {
            Reset();
        }

        /// <summary>Failure injection: a chip that stops answering (tests of the driver's failure reporting).</summary>
        public ChipFailure Failure
        {
            get { lock (_lock) { return _failure; } }
            set { lock (_lock) { _failure = value; } }
        }

        /// <summary>SPI frames seen (tests: the firmware reads the chip).</summary>
        public long Transfers
        {
            get { lock (_lock) { return _transfers; } }
        }

        /// <summary>Whether MeterEn is 0x0001 (only then does the chip measure and count energy).</summary>
        public bool Enabled
        {
            get { lock (_lock) { return _registers[R.MeterEn] == 0x0001; } }
        }

        public void Transfer(byte[] write, byte[] read, int count)
        {
            if (count != FrameBytes || write == null || read == null || write.Length < FrameBytes || read.Length < FrameBytes)
            {
                throw new ArgumentException("an ATM90E32 access is one 4-byte frame (address word, data word), got " + count + " bytes");
            }

            int command = (write[0] << 8) | write[1];
            int address = command & AddressMask;
            lock (_lock)
            {
                _transfers++;
                if (_failure != ChipFailure.None)
                {
                    // Nothing drives MISO: the master reads the line's idle level; writes go nowhere.
                    byte level = _failure == ChipFailure.StuckHigh ? (byte)0xFF : (byte)0x00;
                    read[0] = level;
                    read[1] = level;
                    read[2] = level;
                    read[3] = level;
                    return;
                }

                read[0] = 0;
                read[1] = 0;
                if ((command & ReadBit) != 0)
                {
                    ushort value = ReadRegister(address);
                    read[2] = (byte)(value >> 8);
                    read[3] = (byte)value;
                    _lastSpiData = value;
                }
                else
                {
                    ushort value = (ushort)((write[2] << 8) | write[3]);
                    read[2] = 0;
                    read[3] = 0;
                    WriteRegister(address, value);
                    _lastSpiData = value;
                }
            }
        }

        /// <summary>
        /// The chip's once-a-second update: measurement registers from the window's analog values through the gain
        /// registers, energy accumulated at full resolution. Nothing happens while MeterEn is not 1.
        /// </summary>
        public void Measure(ChipAnalogWindow window)
        {
            lock (_lock)
            {
                if (_registers[R.MeterEn] != 0x0001)
                {
                    return;
                }

                double[] ku = new double[3];
                double[] ki = new double[3];
                double u1RefRe = window.U1Re[0], u1RefIm = window.U1Im[0];
                for (int x = 0; x < 3; x++)
                {
                    ku[x] = R.VoltageScale * _registers[R.UgainA + x * R.CalibrationStride] / R.UnityGain;
                    ki[x] = R.CurrentScale / R.CtOutputVoltsAtRating * _registers[R.IgainA + x * R.CalibrationStride] / R.UnityGain;
                }

                for (int x = 0; x < 3; x++)
                {
                    double u = window.UrmsIn[x] * ku[x];
                    double i = window.IrmsIn[x] * ki[x];
                    double k = ku[x] * ki[x];
                    double p = window.PowerIn[x] * k;

                    // S1 = U1·conj(I1): P1 its real part, Q1 its imaginary part (> 0 when the current lags).
                    double ur = window.U1Re[x], ui = window.U1Im[x], ir = window.I1Re[x], ii = window.I1Im[x];
                    double p1 = (ur * ir + ui * ii) * k;
                    double q1 = (ui * ir - ur * ii) * k;
                    double s = u * i;
                    double u1 = Math.Sqrt(ur * ur + ui * ui) * ku[x];
                    double i1 = Math.Sqrt(ir * ir + ii * ii) * ki[x];

                    SetUnsigned48(R.UrmsA + x, R.UrmsALsb + x, u / R.UrmsLsb);
                    SetUnsigned48(R.IrmsA + x, R.IrmsALsb + x, i / R.IrmsLsb);
                    SetSigned32(R.PmeanA + x, R.PmeanALsb + x, p / R.PowerLsb);
                    SetSigned32(R.QmeanA + x, R.QmeanALsb + x, q1 / R.PowerLsb);
                    SetSigned32(R.SmeanA + x, R.SmeanALsb + x, s / R.PowerLsb);
                    _registers[R.PmeanAF + x] = Signed16(p1 / (R.PowerLsb * 65536.0));
                    _registers[R.PFmeanA + x] = Signed16(s > 0 ? 1000.0 * p / s : 0.0);
                    _registers[R.PAngleA + x] = Signed16(u1 > 0 && i1 > 0 ? 10.0 * Angle(ur, ui, ir, ii) : 0.0);
                    _registers[R.UangleA + x] = Signed16(u1 > 0 && (u1RefRe != 0 || u1RefIm != 0) ? 10.0 * Angle(ur, ui, u1RefRe, u1RefIm) : 0.0);
                    _registers[R.ThdnUA + x] = Unsigned16(u1 > 0 ? 10000.0 * Math.Sqrt(Math.Max(0.0, u * u - u1 * u1)) / u1 : 0.0);
                    _registers[R.ThdnIA + x] = Unsigned16(i1 > 0 ? 10000.0 * Math.Sqrt(Math.Max(0.0, i * i - i1 * i1)) / i1 : 0.0);

                    double wh = window.DurationS / 3600.0 / R.EnergyLsbWh;
                    _energyLsb[0 * 3 + x] += Math.Max(p, 0.0) * wh;
                    _energyLsb[1 * 3 + x] += Math.Max(-p, 0.0) * wh;
                    _energyLsb[2 * 3 + x] += Math.Max(q1, 0.0) * wh;
                    _energyLsb[3 * 3 + x] += Math.Max(-q1, 0.0) * wh;
                }

                // Neutral: RMS of ia + ib + ic with each input's gain, from the inputs' products.
                double neutral2 = 0.0;
                for (int a = 0; a < 3; a++)
                {
                    for (int b = 0; b < 3; b++)
                    {
                        neutral2 += ki[a] * ki[b] * window.CurrentCovariance[a, b];
                    }
                }

                _registers[R.IrmsN0] = Unsigned16(Math.Sqrt(Math.Max(0.0, neutral2)) / R.IrmsLsb);
                _registers[R.Freq] = Unsigned16(window.FrequencyHz * 100.0);
                _registers[R.Temp] = DieTemperature;
            }
        }

        private ushort ReadRegister(int address)
        {
            for (int kind = 0; kind < EnergyBase.Length; kind++)
            {
                int x = address - EnergyBase[kind];
                if (x >= 0 && x < 3)
                {
                    // Clear-on-read: hand out the whole LSBs, keep the fraction (and anything beyond 16 bits).
                    int slot = kind * 3 + x;
                    double whole = Math.Min(Math.Floor(_energyLsb[slot]), 65535.0);
                    _energyLsb[slot] -= whole;
                    return (ushort)whole;
                }
            }

            if (address == R.LastSpiData)
            {
                return _lastSpiData;
            }

            return _registers[address];
        }

        private void WriteRegister(int address, ushort value)
        {
            if (R.IsProtected(address) && _registers[R.CfgRegAccEn] != R.UnlockCode)
            {
                return;
            }

            switch (address)
            {
                case R.SoftReset:
                    if (value == R.SoftResetCode)
                    {
                        Reset();
                    }

                    return;
                case R.MeterEn:
                case R.CfgRegAccEn:
                    _registers[address] = value;
                    if (address == R.MeterEn && value != 0x0001)
                    {
                        ClearMeasurements();
                    }

                    return;
                default:
                    // Configuration and calibration are read-write; status, measurement and energy registers are read-only.
                    if (address < 0x80 && address != R.EmmState0 && address != R.LastSpiData)
                    {
                        _registers[address] = value;
                    }

                    return;
            }
        }

        /// <summary>Power-on state: datasheet defaults, gains 0, metering off, locked, nothing measured or counted (but the temperature).</summary>
        private void Reset()
        {
            Array.Clear(_registers);
            Array.Clear(_energyLsb);
            _registers[R.PLconstH] = R.PLconstHDefault;
            _registers[R.PLconstL] = R.PLconstLDefault;
            _registers[R.MMode0] = R.MMode0Default;
            _registers[R.Temp] = DieTemperature;
        }

        // Metering off: the measurements read 0; the temperature sensor runs whatever MeterEn says.
        private void ClearMeasurements()
        {
            Array.Clear(_registers, 0x80, _registers.Length - 0x80);
            _registers[R.Temp] = DieTemperature;
        }

        // Angle of phasor a minus angle of phasor b, degrees in (-180, 180].
        private static double Angle(double aRe, double aIm, double bRe, double bIm)
        {
            double d = (Math.Atan2(aIm, aRe) - Math.Atan2(bIm, bRe)) * RadToDeg;
            while (d > 180.0)
            {
                d -= 360.0;
            }

            while (d <= -180.0)
            {
                d += 360.0;
            }

            return d;
        }

        // A value in register LSBs as a 16-bit register plus 8 extra bits in bits 15..8 of its LSB register.
        private void SetUnsigned48(int address, int lsbAddress, double lsbs)
        {
            double scaled = Math.Round(lsbs * 256.0);
            if (scaled >= 65536.0 * 256.0)
            {
                // Beyond the register's range the chip saturates.
                _registers[address] = 0xFFFF;
                _registers[lsbAddress] = 0xFF00;
                return;
            }

            long v = (long)Math.Max(0.0, scaled);
            _registers[address] = (ushort)(v >> 8);
            _registers[lsbAddress] = (ushort)((v & 0xFF) << 8);
        }

        private void SetSigned32(int address, int lsbAddress, double lsbs)
        {
            long v = (long)Math.Round(Math.Max(int.MinValue, Math.Min(int.MaxValue, lsbs)));
            uint bits = unchecked((uint)(int)v);
            _registers[address] = (ushort)(bits >> 16);
            _registers[lsbAddress] = (ushort)bits;
        }

        private static ushort Signed16(double value)
        {
            long v = (long)Math.Round(Math.Max(short.MinValue, Math.Min(short.MaxValue, value)));
            return unchecked((ushort)(short)v);
        }

        private static ushort Unsigned16(double value)
        {
            return (ushort)Math.Round(Math.Max(0.0, Math.Min(65535.0, value)));
        }
    }
}
