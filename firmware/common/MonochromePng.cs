using System;

namespace Ipenergy.Probe.Common
{
    /// <summary>
    /// Encodes a monochrome frame in the page layout of the panel's display (frame[page * width + column], bit 0 =
    /// the page's top row, 1 = dark) as a PNG image, each pixel scaled to scale x scale (1..4), into a caller's
    /// buffer without allocating. The PNG is 1-bit indexed colour with a two-entry palette that looks like the
    /// transflective LCD (dark grey-green pixels on a light grey-green background); the image data is zlib with
    /// stored (uncompressed) deflate blocks, so no compressor is needed: a 128 x 64 frame at scale 4 is 16.8 kB.
    /// </summary>
    public static class MonochromePng
    {
        /// <summary>Background (pixel off): light grey-green of an unlit transflective LCD.</summary>
        public const int LightRgb = 0xC7D1B4;

        /// <summary>Pixel on (dark).</summary>
        public const int DarkRgb = 0x1C241C;

        private const int MaxStoredBlock = 65535;
        private const int ChunkOverhead = 12; // length, type, CRC
        private const int HeaderLength = 13;
        private const int PaletteLength = 6;

        private static readonly byte[] Signature = { 137, 80, 78, 71, 13, 10, 26, 10 };

        /// <summary>The exact length of the PNG Encode writes for that size (the buffer to reserve).</summary>
        public static int MaxLength(int width, int height, int scale)
        {
            int raw = RawLength(width, height, scale);
            return Signature.Length
                + ChunkOverhead + HeaderLength
                + ChunkOverhead + PaletteLength
                + ChunkOverhead + ZlibLength(raw)
                + ChunkOverhead;
        }

        /// <summary>
        /// Writes the PNG of a width x height page-layout frame (height a multiple of 8) with each pixel scaled to
        /// scale x scale (1..4) into dest from index 0; returns its length (= MaxLength).
        /// </summary>
        public static int Encode(byte[] pageFrame, int width, int height, int scale, byte[] dest)
        {
            if (scale < 1 || scale > 4 || width < 1 || height < 8 || (height & 7) != 0)
            {
                throw new ArgumentException("width, height (multiple of 8) or scale (1..4)");
            }

            if (pageFrame.Length < width * (height / 8) || dest.Length < MaxLength(width, height, scale))
            {
                throw new ArgumentException("frame or destination too small");
            }

            int pos = 0;
            for (int i = 0; i < Signature.Length; i++)
            {
                dest[pos++] = Signature[i];
            }

            int chunk = pos;
            pos = BeginChunk(dest, pos, HeaderLength, 'I', 'H', 'D', 'R');
            pos = WriteUInt32(dest, pos, (uint)(width * scale));
            pos = WriteUInt32(dest, pos, (uint)(height * scale));
            dest[pos++] = 1; // bit depth
            dest[pos++] = 3; // colour type: indexed
            dest[pos++] = 0; // deflate
            dest[pos++] = 0; // adaptive filtering (every row uses filter 0 = none)
            dest[pos++] = 0; // no interlace
            pos = EndChunk(dest, chunk, pos);

            chunk = pos;
            pos = BeginChunk(dest, pos, PaletteLength, 'P', 'L', 'T', 'E');
            pos = WriteRgb(dest, pos, LightRgb);
            pos = WriteRgb(dest, pos, DarkRgb);
            pos = EndChunk(dest, chunk, pos);

            int raw = RawLength(width, height, scale);
            chunk = pos;
            pos = BeginChunk(dest, pos, ZlibLength(raw), 'I', 'D', 'A', 'T');
            pos = WriteZlib(pageFrame, width, height, scale, dest, pos, raw);
            pos = EndChunk(dest, chunk, pos);

            chunk = pos;
            pos = BeginChunk(dest, pos, 0, 'I', 'E', 'N', 'D');
            return EndChunk(dest, chunk, pos);
        }

        // Filter byte + packed 1-bit pixels, per output row.
        private static int RawLength(int width, int height, int scale)
        {
            int rowBytes = (width * scale + 7) / 8;
            return height * scale * (1 + rowBytes);
        }

        // zlib header, one 5-byte header per stored block, the data, Adler-32.
        private static int ZlibLength(int raw)
        {
            int blocks = (raw + MaxStoredBlock - 1) / MaxStoredBlock;
            if (blocks == 0)
            {
                blocks = 1;
            }

            return 2 + blocks * 5 + raw + 4;
        }

        private static int WriteZlib(byte[] frame, int width, int height, int scale, byte[] dest, int pos, int raw)
        {
            dest[pos++] = 0x78; // deflate, 32 K window
            dest[pos++] = 0x01; // no dictionary, fastest; 0x7801 is a multiple of 31

            // Raw byte i goes after (i / 65535 + 1) block headers; the headers are written where each block starts.
            int data = pos;
            uint s1 = 1;
            uint s2 = 0;
            int outWidth = width * scale;
            int rowBytes = (outWidth + 7) / 8;
            int i = 0;
            for (int row = 0; row < height * scale; row++)
            {
                int y = row / scale;
                int pageRow = (y >> 3) * width;
                int bit = 1 << (y & 7);
                for (int b = -1; b < rowBytes; b++)
                {
                    int value = 0;
                    if (b >= 0)
                    {
                        // Eight output pixels, the leftmost in the most significant bit.
                        for (int k = 0; k < 8; k++)
                        {
                            int x = b * 8 + k;
                            if (x < outWidth && (frame[pageRow + x / scale] & bit) != 0)
                            {
                                value |= 0x80 >> k;
                            }
                        }
                    }

                    if (i % MaxStoredBlock == 0)
                    {
                        WriteBlockHeader(dest, data + (i / MaxStoredBlock) * (MaxStoredBlock + 5), raw - i);
                    }

                    dest[data + 5 * (i / MaxStoredBlock + 1) + i] = (byte)value;
                    s1 = (s1 + (uint)value) % 65521;
                    s2 = (s2 + s1) % 65521;
                    i++;
                }
            }

            pos = data + ZlibLength(raw) - 2 - 4;
            return WriteUInt32(dest, pos, (s2 << 16) | s1);
        }

        private static void WriteBlockHeader(byte[] dest, int pos, int remaining)
        {
            int length = remaining > MaxStoredBlock ? MaxStoredBlock : remaining;
            dest[pos] = (byte)(remaining > MaxStoredBlock ? 0 : 1); // BFINAL on the last, BTYPE 00 = stored
            dest[pos + 1] = (byte)length;
            dest[pos + 2] = (byte)(length >> 8);
            dest[pos + 3] = (byte)~length;
            dest[pos + 4] = (byte)(~length >> 8);
        }

        private static int BeginChunk(byte[] dest, int pos, int length, char a, char b, char c, char d)
        {
            pos = WriteUInt32(dest, pos, (uint)length);
            dest[pos++] = (byte)a;
            dest[pos++] = (byte)b;
            dest[pos++] = (byte)c;
            dest[pos++] = (byte)d;
            return pos;
        }

        // The CRC covers the type and the data (not the length).
        private static int EndChunk(byte[] dest, int chunkStart, int pos)
        {
            uint crc = Crc32.Compute(dest, chunkStart + 4, pos - chunkStart - 4);
            return WriteUInt32(dest, pos, crc);
        }

        private static int WriteRgb(byte[] dest, int pos, int rgb)
        {
            dest[pos++] = (byte)(rgb >> 16);
            dest[pos++] = (byte)(rgb >> 8);
            dest[pos++] = (byte)rgb;
            return pos;
        }

        private static int WriteUInt32(byte[] dest, int pos, uint value)
        {
            dest[pos++] = (byte)(value >> 24);
            dest[pos++] = (byte)(value >> 16);
            dest[pos++] = (byte)(value >> 8);
            dest[pos++] = (byte)value;
            return pos;
        }
    }
}
