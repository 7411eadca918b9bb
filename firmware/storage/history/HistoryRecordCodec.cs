using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Storage.History
{
    /// <summary>
    /// Bit-level encoding of history items. One code path serves both directions (a writer when encoding,
    /// a reader when decoding), so encoder and decoder cannot drift apart.
    /// Item = 0 bit, type bit (0 record, 1 base), body, zero padding to a byte, then one byte: bit 7 clear (the
    /// commit mark) and 7 bits of CRC-32: an item never starts with 0xFF (erased) and a torn item, whose
    /// unwritten tail reads 0xFF, always fails.
    /// Record body: gap (0, or 1 + Rice(gap − 1)), coverage (1 = whole interval, or 0 + Rice), export flag,
    /// then per channel: Δ² of import Wh, [Δ² of export Wh when flagged], quantized min and max deviations
    /// from the average minus their running prediction, all zig-zag + adaptive Rice.
    /// Base body: restart bit, 32-bit second, absolute counters (length-prefixed).
    /// </summary>
    public sealed class HistoryRecordCodec
    {
        /// <summary>Min/max are stored in steps of |average| / 2^QuantShift (0.8 %), at least 1 W.</summary>
        public const int QuantShift = 6;

        /// <summary>The min/max predictions follow the quantized deviations with weight 2^−PredictionShift.</summary>
        public const int PredictionShift = 3;

        /// <summary>Largest item: the worst record of the given channel count (every value escaped).</summary>
        public static int MaxItemBytes(int channels)
        {
            return 32 + channels * 4 * 11 + 2;
        }

        private readonly BitReader _reader = new BitReader();
        private BitWriter _writer;

        /// <summary>Encodes the item into writer (reset first) and advances state; returns the byte length.</summary>
        public int Encode(HistoryCodecState state, HistoryRecord item, int lengthSeconds, BitWriter writer)
        {
            writer.Reset();
            _writer = writer;
            Transcode(state, item, lengthSeconds);
            writer.PadToByte();
            writer.WriteBits(Crc7(writer.Buffer, 0, writer.ByteLength), 8);
            _writer = null;
            return writer.ByteLength;
        }

        /// <summary>
        /// Decodes the item at data[start…start+count) into item and advances state. Returns its byte length,
        /// 0 when the space is erased (end of the sector's items), −1 when it is not a valid item (torn or
        /// corrupt): state is then undefined.
        /// </summary>
        public int Decode(HistoryCodecState state, HistoryRecord item, int lengthSeconds, byte[] data, int start, int count)
        {
            if (count <= 0 || data[start] == 0xFF)
            {
                return 0;
            }

            _reader.Reset(data, start, count);
            Transcode(state, item, lengthSeconds);
            _reader.AlignToByte();
            int body = _reader.Position >> 3;
            if (_reader.Overrun || body + 1 > count)
            {
                return -1;
            }

            if (data[start + body] != (byte)Crc7(data, start, body))
            {
                return -1;
            }

            return body + 1;
        }

        // 7 bits of CRC-32 in a byte whose bit 7 is clear: the commit mark.
        private static uint Crc7(byte[] data, int start, int count)
        {
            return Crc32.Compute(data, start, count) & 0x7F;
        }

        private void Transcode(HistoryCodecState s, HistoryRecord item, int lengthSeconds)
        {
            Bit(0);
            if (Bit(item.IsBase ? 1 : 0) == 1)
            {
                item.IsBase = true;
                TranscodeBase(s, item, lengthSeconds);
            }
            else
            {
                item.IsBase = false;
                TranscodeRecord(s, item, lengthSeconds);
            }
        }

        private void TranscodeBase(HistoryCodecState s, HistoryRecord item, int lengthSeconds)
        {
            item.IsRestart = Bit(item.IsRestart ? 1 : 0) == 1;
            item.Seconds = (long)Bits((ulong)item.Seconds, 32);
            item.Index = item.Seconds / lengthSeconds;
            for (int c = 0; c < s.Channels; c++)
            {
                item.ImportWh[c] = ZigZag.Decode(Raw(ZigZag.Encode(item.ImportWh[c])));
                item.ExportWh[c] = ZigZag.Decode(Raw(ZigZag.Encode(item.ExportWh[c])));
                s.ImportWh[c] = item.ImportWh[c];
                s.ExportWh[c] = item.ExportWh[c];
            }

            s.HasBase = true;
            s.LastIndex = item.Index;
            s.LastSeconds = item.Seconds;
            s.LastIsRestart = item.IsRestart;
            s.ResetModel();
        }

        private void TranscodeRecord(HistoryCodecState s, HistoryRecord item, int lengthSeconds)
        {
            if (!s.HasBase)
            {
                Invalid();
                return;
            }

            long gap = item.Index - s.LastIndex - 1;
            if (_writer != null && gap < 0)
            {
                Invalid();
            }

            if (Bit(gap > 0 ? 1 : 0) == 1)
            {
                gap = 1 + (long)Rice((ulong)(gap - 1), 2);
            }
            else
            {
                gap = 0;
            }

            item.Index = s.LastIndex + 1 + gap;
            item.Seconds = item.Index * lengthSeconds;
            if (Bit(item.Coverage == lengthSeconds ? 1 : 0) == 1)
            {
                item.Coverage = lengthSeconds;
            }
            else
            {
                item.Coverage = (int)Rice((ulong)item.Coverage, 4);
                if (item.Coverage <= 0 || item.Coverage > lengthSeconds)
                {
                    Invalid();
                    item.Coverage = lengthSeconds;
                }
            }

            // One flag spares the export codes when no channel's export delta changed (the usual case).
            int exportFlag = 0;
            if (_writer != null)
            {
                for (int c = 0; c < s.Channels; c++)
                {
                    if (item.ExportWh[c] - s.ExportWh[c] != s.DeltaExportWh[c])
                    {
                        exportFlag = 1;
                    }
                }
            }

            exportFlag = Bit(exportFlag);
            for (int c = 0; c < s.Channels; c++)
            {
                int context = c * HistoryCodecState.ContextsPerChannel;
                long deltaImport = s.DeltaImportWh[c] + Signed(s, context, item.ImportWh[c] - s.ImportWh[c] - s.DeltaImportWh[c]);
                long deltaExport = s.DeltaExportWh[c];
                if (exportFlag == 1)
                {
                    deltaExport += Signed(s, context + 1, item.ExportWh[c] - s.ExportWh[c] - s.DeltaExportWh[c]);
                }

                item.ImportWh[c] = s.ImportWh[c] + deltaImport;
                item.ExportWh[c] = s.ExportWh[c] + deltaExport;
                item.IntervalImportWh[c] = deltaImport;
                item.IntervalExportWh[c] = deltaExport;
                long average = DivideRounded((deltaImport - deltaExport) * 3600, item.Coverage);
                item.AverageW[c] = average;
                long step = Step(average);

                long predictedMin = (s.PredictedMin[c] + 8) >> 4;
                long quantMin = predictedMin + Signed(s, context + 2, DivideRounded(average - item.MinW[c], step) - predictedMin);
                item.MinW[c] = average - quantMin * step;
                s.PredictedMin[c] += ((quantMin << 4) - s.PredictedMin[c]) >> PredictionShift;

                long predictedMax = (s.PredictedMax[c] + 8) >> 4;
                long quantMax = predictedMax + Signed(s, context + 3, DivideRounded(item.MaxW[c] - average, step) - predictedMax);
                item.MaxW[c] = average + quantMax * step;
                s.PredictedMax[c] += ((quantMax << 4) - s.PredictedMax[c]) >> PredictionShift;

                s.ImportWh[c] = item.ImportWh[c];
                s.ExportWh[c] = item.ExportWh[c];
                s.DeltaImportWh[c] = deltaImport;
                s.DeltaExportWh[c] = deltaExport;
            }

            item.IsRestart = false;
            s.LastIndex = item.Index;
            s.LastSeconds = item.Seconds;
            s.LastIsRestart = false;
        }

        /// <summary>Quantization step of the min/max deviations for an average power.</summary>
        public static long Step(long averageW)
        {
            long magnitude = averageW < 0 ? -averageW : averageW;
            long step = magnitude >> QuantShift;
            return step < 1 ? 1 : step;
        }

        /// <summary>a / b rounded half away from zero, b &gt; 0.</summary>
        public static long DivideRounded(long a, long b)
        {
            return a >= 0 ? (a + b / 2) / b : -((-a + b / 2) / b);
        }

        private long Signed(HistoryCodecState s, int context, long value)
        {
            ulong coded = Rice(ZigZag.Encode(value), s.RiceK(context));
            s.RiceUpdate(context, coded);
            return ZigZag.Decode(coded);
        }

        private int Bit(int value)
        {
            if (_writer != null)
            {
                _writer.WriteBit(value);
                return value;
            }

            return _reader.ReadBit();
        }

        private ulong Bits(ulong value, int count)
        {
            if (_writer != null)
            {
                _writer.WriteBits(value, count);
                return value;
            }

            return _reader.ReadBits(count);
        }

        private ulong Rice(ulong value, int k)
        {
            if (_writer != null)
            {
                _writer.WriteRice(value, k);
                return value;
            }

            return _reader.ReadRice(k);
        }

        private ulong Raw(ulong value)
        {
            if (_writer != null)
            {
                _writer.WriteLengthPrefixed(value);
                return value;
            }

            return _reader.ReadLengthPrefixed();
        }

        private void Invalid()
        {
            if (_writer != null)
            {
                throw new System.ArgumentException("history item out of range");
            }

            _reader.Seek(int.MaxValue);
        }
    }
}
