using System;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Protocols.Modbus
{
    /// <summary>
    /// INTERIM register map until the SunSpec and vendor maps (maps/) are wired: a few float32 values
    /// (IEEE 754, high word first) of the latest snapshot, the same as input (04) and holding (03)
    /// registers. Registers 0..5: Vrms of L1, L2, L3; then 2 registers per CT channel: Irms of channel
    /// 1, 2, ... Every register outside that block, and every write, answers exception 02. Each read
    /// takes one snapshot, so a float is never torn.
    /// </summary>
    public sealed class InterimMeasurementRegisterMap : IRegisterMap
    {
        public const int FirstVoltageRegister = 0;
        public const int Phases = 3;
        public const int FirstCurrentRegister = 2 * Phases;

        private readonly IMeasurementSource _source;
        private readonly int _channels;

        public InterimMeasurementRegisterMap(IMeasurementSource source, int channels)
        {
            _source = source;
            _channels = channels;
        }

        /// <summary>Registers in the map: 6 + 2 per channel.</summary>
        public int RegisterCount { get { return FirstCurrentRegister + 2 * _channels; } }

        public int Read(bool holding, int start, int count, byte[] dest, int destOffset)
        {
            if (start < 0 || count < 1 || start + count > RegisterCount)
            {
                return ModbusExceptionCode.IllegalDataAddress;
            }

            MeasurementSnapshot snapshot = _source.Latest;
            for (int r = start; r < start + count; r++)
            {
                int value = Float32Bits(ValueOf(snapshot, r / 2));
                int word = (r & 1) == 0 ? (value >> 16) & 0xFFFF : value & 0xFFFF;
                int at = destOffset + 2 * (r - start);
                dest[at] = (byte)(word >> 8);
                dest[at + 1] = (byte)word;
            }

            return ModbusExceptionCode.None;
        }

        public int Write(int start, int count, byte[] src, int srcOffset)
        {
            // Nothing is writable here.
            return ModbusExceptionCode.IllegalDataAddress;
        }

        // Value number k: phase voltages first, then channel currents; 0 before the first second.
        private double ValueOf(MeasurementSnapshot snapshot, int k)
        {
            if (snapshot == null)
            {
                return 0.0;
            }

            if (k < Phases)
            {
                return k < snapshot.Phases.Length ? snapshot.Phases[k].Vrms : 0.0;
            }

            int channel = k - Phases;
            return channel < snapshot.Channels.Length ? snapshot.Channels[channel].Irms : 0.0;
        }

        /// <summary>The IEEE 754 single-precision bits of x (rounded to nearest; tiny values flush to 0).</summary>
        public static int Float32Bits(double x)
        {
            // Rounding to float first makes the remaining conversion exact bit slicing.
            float f = (float)x;
            long bits = BitConverter.DoubleToInt64Bits(f);
            int sign = (int)((bits >> 63) & 1) << 31;
            int exponent = (int)((bits >> 52) & 0x7FF);
            if (exponent == 0x7FF)
            {
                // Infinity keeps its sign; every NaN becomes the one quiet NaN.
                return (bits & 0xFFFFFFFFFFFFFL) != 0 ? 0x7FC00000 : sign | 0x7F800000;
            }

            int e = exponent - 1023 + 127;
            if (exponent == 0 || e <= 0)
            {
                return sign;
            }

            return sign | (e << 23) | (int)((bits >> 29) & 0x7FFFFF);
        }
    }
}
