using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Text;
using Xunit;

namespace Ipenergy.Probe.Tests.Panel
{
    /// <summary>
    /// Reads back the panel PNGs of MonochromePng (8-bit signature, IHDR 1-bit indexed, PLTE, IDAT, IEND) with the
    /// host's zlib, checking every chunk's CRC: the pixels as rows of bools (true = dark, palette index 1).
    /// </summary>
    public static class PanelPng
    {
        public static bool[,] Decode(byte[] png, out int width, out int height)
        {
            byte[] signature = { 137, 80, 78, 71, 13, 10, 26, 10 };
            Assert.True(png.Length > 8 && png.AsSpan(0, 8).SequenceEqual(signature), "not a PNG signature");
            int pos = 8;
            width = 0;
            height = 0;
            var idat = new MemoryStream();
            bool end = false;
            while (!end)
            {
                int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
                string type = Encoding.ASCII.GetString(png, pos + 4, 4);
                uint crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos + 8 + length));
                Assert.Equal(Ipenergy.Probe.Common.Crc32.Compute(png, pos + 4, length + 4), crc);
                var data = png.AsSpan(pos + 8, length);
                switch (type)
                {
                    case "IHDR":
                        width = BinaryPrimitives.ReadInt32BigEndian(data);
                        height = BinaryPrimitives.ReadInt32BigEndian(data.Slice(4));
                        Assert.Equal(1, data[8]);   // bit depth
                        Assert.Equal(3, data[9]);   // indexed colour
                        break;
                    case "IDAT":
                        idat.Write(data);
                        break;
                    case "IEND":
                        end = true;
                        break;
                }

                pos += 12 + length;
            }

            idat.Position = 0;
            var raw = new MemoryStream();
            using (var z = new ZLibStream(idat, CompressionMode.Decompress))
            {
                z.CopyTo(raw);
            }

            byte[] bytes = raw.ToArray();
            int stride = (width + 7) / 8;
            Assert.Equal((stride + 1) * height, bytes.Length);
            var pixels = new bool[height, width];
            for (int y = 0; y < height; y++)
            {
                Assert.Equal(0, bytes[y * (stride + 1)]);   // filter none
                for (int x = 0; x < width; x++)
                {
                    pixels[y, x] = (bytes[y * (stride + 1) + 1 + x / 8] & (0x80 >> (x & 7))) != 0;
                }
            }

            return pixels;
        }
    }
}
