using System;
using Ipenergy.Probe.Bus;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Protocols.Modbus.Maps;

namespace Ipenergy.Probe.App
{
    /// <summary>
    /// Reads a module's cached register image (the gateway's <see cref="ModuleCache"/> ranges, laid out by
    /// <see cref="VendorMapLayout"/>) back into a <see cref="MeasurementSnapshot"/>: float32 and int64
    /// big-endian, NaN = no value. Registers outside the ranges the image holds read NaN (floats) and 0
    /// (integers). Allocates nothing: it fills objects the caller made.
    /// </summary>
    public sealed class ModuleImageDecoder
    {
        private readonly RegisterRange[] _ranges;
        private readonly int[] _rangeOffsets;

        public ModuleImageDecoder(ModuleCache cache)
        {
            _ranges = cache.Ranges;
            _rangeOffsets = new int[_ranges.Length];
            for (int r = 0; r < _ranges.Length; r++)
            {
                _rangeOffsets[r] = cache.RangeOffset(r);
            }
        }

        /// <summary>Byte offset in the image of registers start..start+count-1 (holding space), -1 when not held.</summary>
        public int OffsetOf(int start, int count, int present)
        {
            for (int r = 0; r < _ranges.Length; r++)
            {
                RegisterRange range = _ranges[r];
                if (range.Holding && (present & (1 << r)) != 0 && start >= range.Start && start + count <= range.Start + range.Count)
                {
                    return _rangeOffsets[r] + 2 * (start - range.Start);
                }
            }

            return -1;
        }

        /// <summary>Channel count the module's header reports, 0 without a header.</summary>
        public int ChannelCountOf(byte[] image, int present)
        {
            int at = OffsetOf(VendorMapLayout.HeaderAddress + 1, 1, present);
            return at < 0 ? 0 : RegisterWords.ReadUInt16(image, at);
        }

        /// <summary>Leading channels 1..n whose whole records the image holds, at most the header's count.</summary>
        public int ChannelsHeld(byte[] image, int present)
        {
            int count = ChannelCountOf(image, present);
            int held = 0;
            while (held < count && OffsetOf(VendorMapLayout.ChannelAddress + held * VendorMapLayout.ChannelStride, VendorMapLayout.ChannelStride, present) >= 0)
            {
                held++;
            }

            return held;
        }

        /// <summary>A snapshot shaped for this many channels (3 phases, no circuits), to decode into.</summary>
        public static MeasurementSnapshot NewSnapshot(int channels)
        {
            PhaseValues[] phases = new PhaseValues[VendorMapLayout.PhaseCount];
            for (int p = 0; p < phases.Length; p++)
            {
                phases[p] = new PhaseValues(p);
            }

            ChannelValues[] values = new ChannelValues[channels];
            for (int c = 0; c < channels; c++)
            {
                values[c] = new ChannelValues(c + 1, c % 3);
            }

            return new MeasurementSnapshot(phases, values, new CircuitValues[0]);
        }

        /// <summary>Fills into (made by <see cref="NewSnapshot"/> for ChannelsHeld channels) from the image.</summary>
        public void Decode(byte[] image, int present, MeasurementSnapshot into)
        {
            int header = OffsetOf(VendorMapLayout.HeaderAddress, VendorMapLayout.HeaderLength, present);
            if (header >= 0)
            {
                into.Sequence = RegisterWords.ReadInt64(image, header + 2 * 6);
                into.Timestamp = DateTime.UnixEpoch.AddSeconds(RegisterWords.ReadUInt32(image, header + 2 * 10));
                into.FrequencyHz = RegisterWords.ReadFloat32(image, header + 2 * 12);
                into.VoltageUnbalancePercent = RegisterWords.ReadFloat32(image, header + 2 * 14);
            }
            else
            {
                into.Sequence = 0;
                into.Timestamp = DateTime.UnixEpoch;
                into.FrequencyHz = double.NaN;
                into.VoltageUnbalancePercent = double.NaN;
            }

            for (int p = 0; p < into.Phases.Length; p++)
            {
                DecodePhase(image, OffsetOf(VendorMapLayout.PhaseAddress + p * VendorMapLayout.PhaseStride, VendorMapLayout.PhaseStride, present), into.Phases[p]);
            }

            for (int c = 0; c < into.Channels.Length; c++)
            {
                DecodeChannel(image, OffsetOf(VendorMapLayout.ChannelAddress + c * VendorMapLayout.ChannelStride, VendorMapLayout.ChannelStride, present), into.Channels[c]);
            }
        }

        private static void DecodePhase(byte[] image, int at, PhaseValues phase)
        {
            if (at < 0)
            {
                phase.Present = false;
                phase.Vrms = double.NaN;
                phase.FundamentalVrms = double.NaN;
                phase.FrequencyHz = double.NaN;
                phase.ThdPercent = double.NaN;
                phase.AngleDeg = double.NaN;
                return;
            }

            phase.Present = RegisterWords.ReadUInt16(image, at + 2 * 1) == 1;
            phase.Vrms = RegisterWords.ReadFloat32(image, at + 2 * 2);
            phase.FundamentalVrms = RegisterWords.ReadFloat32(image, at + 2 * 4);
            phase.FrequencyHz = RegisterWords.ReadFloat32(image, at + 2 * 6);
            phase.ThdPercent = RegisterWords.ReadFloat32(image, at + 2 * 8);
            phase.AngleDeg = RegisterWords.ReadFloat32(image, at + 2 * 10);
        }

        private static void DecodeChannel(byte[] image, int at, ChannelValues channel)
        {
            // The vendor map has no fundamental current.
            channel.FundamentalIrms = double.NaN;
            if (at < 0)
            {
                channel.Irms = double.NaN;
                channel.ActivePowerW = double.NaN;
                channel.ReactivePowerVar = double.NaN;
                channel.ApparentPowerVA = double.NaN;
                channel.LoadPercentOfCt = double.NaN;
                channel.PowerFactor = double.NaN;
                channel.CosPhi = double.NaN;
                channel.ThdPercent = double.NaN;
                channel.ImportEnergyMilliWh = 0;
                channel.ExportEnergyMilliWh = 0;
                channel.ImportReactiveMilliVarh = 0;
                channel.ExportReactiveMilliVarh = 0;
                return;
            }

            int phase = RegisterWords.ReadUInt16(image, at + 2 * 2);
            channel.Phase = phase >= 1 && phase <= 3 ? phase - 1 : 0;
            channel.Irms = RegisterWords.ReadFloat32(image, at + 2 * 4);
            channel.ActivePowerW = RegisterWords.ReadFloat32(image, at + 2 * 6);
            channel.ReactivePowerVar = RegisterWords.ReadFloat32(image, at + 2 * 8);
            channel.ApparentPowerVA = RegisterWords.ReadFloat32(image, at + 2 * 10);
            channel.LoadPercentOfCt = RegisterWords.ReadFloat32(image, at + 2 * 12);
            channel.PowerFactor = RegisterWords.ReadFloat32(image, at + 2 * 14);
            channel.CosPhi = RegisterWords.ReadFloat32(image, at + 2 * 16);
            channel.ThdPercent = RegisterWords.ReadFloat32(image, at + 2 * 18);
            channel.ImportEnergyMilliWh = RegisterWords.ReadInt64(image, at + 2 * 24);
            channel.ExportEnergyMilliWh = RegisterWords.ReadInt64(image, at + 2 * 28);
            channel.ImportReactiveMilliVarh = RegisterWords.ReadInt64(image, at + 2 * 32);
            channel.ExportReactiveMilliVarh = RegisterWords.ReadInt64(image, at + 2 * 36);
        }
    }
}
