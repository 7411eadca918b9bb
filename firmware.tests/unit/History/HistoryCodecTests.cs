using Ipenergy.Probe.Storage.History;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.History
{
    [TestClass]
    public class HistoryCodecTests
    {
        private const int Channels = 3;

        [TestMethod]
        public void RiceAndLengthPrefixedCodesRoundTripAtTheLimits()
        {
            ulong[] values = { 0, 1, 2, 15, 16, 17, 255, 65535, 1UL << 40, ulong.MaxValue - 1, ulong.MaxValue };
            BitWriter writer = new BitWriter(4096);
            for (int k = 0; k < 64; k += 7)
            {
                foreach (ulong v in values)
                {
                    writer.WriteRice(v, k);
                    writer.WriteLengthPrefixed(v);
                }
            }

            BitReader reader = new BitReader();
            reader.Reset(writer.Buffer, 0, writer.ByteLength);
            for (int k = 0; k < 64; k += 7)
            {
                foreach (ulong v in values)
                {
                    Assert.AreEqual(v, reader.ReadRice(k), "rice k=" + k.ToString());
                    Assert.AreEqual(v, reader.ReadLengthPrefixed(), "length-prefixed");
                }
            }

            Assert.IsFalse(reader.Overrun);
        }

        [TestMethod]
        public void ZigZagMapsTheExtremes()
        {
            long[] values = { 0, -1, 1, long.MinValue, long.MaxValue, -123456789, 987654321 };
            foreach (long v in values)
            {
                Assert.AreEqual(v, ZigZag.Decode(ZigZag.Encode(v)));
            }

            Assert.AreEqual(1UL, ZigZag.Encode(-1));
            Assert.AreEqual(2UL, ZigZag.Encode(1));
        }

        [TestMethod]
        public void ItemsRoundTripWithExtremeValues()
        {
            HistoryCodecState encoder = new HistoryCodecState(Channels);
            HistoryCodecState decoder = new HistoryCodecState(Channels);
            HistoryRecordCodec codec = new HistoryRecordCodec();
            BitWriter writer = new BitWriter(HistoryRecordCodec.MaxItemBytes(Channels));
            HistoryRecord item = new HistoryRecord(Channels);
            HistoryRecord back = new HistoryRecord(Channels);

            item.IsBase = true;
            item.IsRestart = true;
            item.Seconds = 0xFFFFFF00L;
            item.ImportWh[0] = 0;
            item.ImportWh[1] = long.MaxValue / 4;
            item.ImportWh[2] = 123456789;
            item.ExportWh[2] = 42;
            RoundTrip(codec, encoder, decoder, writer, item, back, 60);
            Assert.IsTrue(back.IsBase && back.IsRestart);
            Assert.AreEqual(0xFFFFFF00L, back.Seconds);
            Assert.AreEqual(long.MaxValue / 4, back.ImportWh[1]);
            Assert.AreEqual(42L, back.ExportWh[2]);

            // Records: steady, a huge jump, a gap, partial coverage, export, negative min/max.
            long index = item.Seconds / 60;
            long[] steps = { 83, 83, 84, 5000000, 0, 83 };
            for (int n = 0; n < steps.Length; n++)
            {
                item.IsBase = false;
                index += n == 4 ? 1000 : 1;
                item.Index = index;
                item.Coverage = n == 5 ? 17 : 60;
                for (int c = 0; c < Channels; c++)
                {
                    item.ImportWh[c] += steps[n] * (c + 1);
                    item.ExportWh[c] += n == 3 ? 7 : 0;
                    item.MinW[c] = n == 3 ? -11500 : 4000;
                    item.MaxW[c] = n == 3 ? 2000000000 : 6000;
                }

                RoundTrip(codec, encoder, decoder, writer, item, back, 60);
                Assert.IsFalse(back.IsBase);
                Assert.AreEqual(index, back.Index, "index");
                Assert.AreEqual(index * 60, back.Seconds, "seconds");
                Assert.AreEqual(item.Coverage, back.Coverage, "coverage");
                for (int c = 0; c < Channels; c++)
                {
                    Assert.AreEqual(item.ImportWh[c], back.ImportWh[c], "import");
                    Assert.AreEqual(item.ExportWh[c], back.ExportWh[c], "export");
                    long net = steps[n] * (c + 1) - (n == 3 ? 7 : 0);
                    Assert.AreEqual(HistoryRecordCodec.DivideRounded(net * 3600, item.Coverage), back.AverageW[c], "average");
                    long step = HistoryRecordCodec.Step(back.AverageW[c]);
                    Assert.IsTrue(System.Math.Abs((double)(back.MinW[c] - item.MinW[c])) <= step / 2.0 + 0.5, "min " + back.MinW[c].ToString() + " vs " + item.MinW[c].ToString());
                    Assert.IsTrue(System.Math.Abs((double)(back.MaxW[c] - item.MaxW[c])) <= step / 2.0 + 0.5, "max " + back.MaxW[c].ToString() + " vs " + item.MaxW[c].ToString());
                }
            }
        }

        [TestMethod]
        public void EveryTruncationOrBitFlipOfTheLastByteIsRejected()
        {
            HistoryCodecState encoder = new HistoryCodecState(Channels);
            HistoryRecordCodec codec = new HistoryRecordCodec();
            BitWriter writer = new BitWriter(HistoryRecordCodec.MaxItemBytes(Channels));
            HistoryRecord item = new HistoryRecord(Channels);
            item.IsBase = true;
            item.Seconds = 1000000;
            item.ImportWh[0] = 5000;
            codec.Encode(encoder, item, 60, writer);
            item.IsBase = false;
            item.Index = 1000000 / 60 + 1;
            item.Coverage = 60;
            item.ImportWh[0] = 5083;
            item.MinW[0] = 4900;
            item.MaxW[0] = 5100;
            HistoryCodecState before = new HistoryCodecState(Channels);
            before.CopyFrom(encoder);
            int length = codec.Encode(encoder, item, 60, writer);
            byte[] flash = new byte[64];
            for (int cut = 0; cut < length; cut++)
            {
                for (int i = 0; i < flash.Length; i++)
                {
                    flash[i] = i < cut ? writer.Buffer[i] : (byte)0xFF;
                }

                HistoryCodecState state = new HistoryCodecState(Channels);
                state.CopyFrom(before);
                int result = codec.Decode(state, new HistoryRecord(Channels), 60, flash, 0, flash.Length);
                Assert.IsTrue(result <= 0, "torn after " + cut.ToString() + " of " + length.ToString() + " bytes was accepted");
            }
        }

        private static void RoundTrip(HistoryRecordCodec codec, HistoryCodecState encoder, HistoryCodecState decoder,
            BitWriter writer, HistoryRecord item, HistoryRecord back, int length)
        {
            int bytes = codec.Encode(encoder, item, length, writer);
            byte[] copy = new byte[bytes + 8];
            for (int i = 0; i < copy.Length; i++)
            {
                copy[i] = i < bytes ? writer.Buffer[i] : (byte)0xFF;
            }

            Assert.AreEqual(bytes, codec.Decode(decoder, back, length, copy, 0, copy.Length), "decoded length");
        }
    }
}
