using System;
using System.IO;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Display;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;

namespace Ipenergy.Probe.Tests.Display
{
    /// <summary>
    /// MonochromePng output read back by an independent decoder: python3's zlib (which checks the Adler-32) and a
    /// chunk walk that checks the signature, every chunk CRC, IHDR, PLTE, the stored deflate blocks and IEND, then
    /// unpacks the 1-bit rows; every pixel must equal the page-layout frame it came from.
    /// </summary>
    public sealed class PngDecodeTests
    {
        private const string Decoder = @"
import sys, zlib, struct
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'signature'
pos = 8; chunks = []
while pos < len(data):
    length, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    crc, = struct.unpack('>I', data[pos + 8 + length:pos + 12 + length])
    assert zlib.crc32(kind + body) == crc, 'crc of ' + kind.decode()
    chunks.append((kind, body)); pos += 12 + length
assert pos == len(data), 'trailing bytes'
kinds = [k for k, _ in chunks]
assert kinds[0] == b'IHDR' and kinds[-1] == b'IEND' and b'PLTE' in kinds, kinds
w, h, depth, ctype, comp, filt, inter = struct.unpack('>IIBBBBB', chunks[0][1])
palette = chunks[kinds.index(b'PLTE')][1]
z = b''.join(b for k, b in chunks if k == b'IDAT')
# Walk the deflate blocks by hand: they must all be stored (type 00) and end with BFINAL.
p = 2; blocks = 0
while True:
    head = z[p]; ln, nln = struct.unpack('<HH', z[p + 1:p + 5])
    assert head & 6 == 0 and ln ^ nln == 0xFFFF, 'stored block header'
    p += 5 + ln; blocks += 1
    if head & 1: break
assert p + 4 == len(z), 'adler after the last block'
raw = zlib.decompress(z)
stride = (w * depth + 7) // 8
assert len(raw) == h * (1 + stride), 'raw length'
print(w, h, depth, ctype, comp, filt, inter, palette.hex(), blocks)
for y in range(h):
    row = raw[y * (1 + stride):(y + 1) * (1 + stride)]
    assert row[0] == 0, 'filter'
    print(''.join('1' if row[1 + x // 8] & (0x80 >> (x % 8)) else '0' for x in range(w)))
";

        [Theory]
        [InlineData(128, 64, 1)]
        [InlineData(128, 64, 2)]
        [InlineData(128, 64, 3)]
        [InlineData(128, 64, 4)]
        [InlineData(256, 128, 4)]
        public void APythonDecoderReadsBackEveryPixel(int width, int height, int scale)
        {
            FrameBuffer fb = Pattern(width, height);
            byte[] png = new byte[MonochromePng.MaxLength(width, height, scale)];
            int length = MonochromePng.Encode(fb.Bytes, width, height, scale, png);
            Assert.Equal(png.Length, length);

            string[] lines = Decode(png, length);
            string[] header = lines[0].Split(' ');
            Assert.Equal(width * scale, int.Parse(header[0]));
            Assert.Equal(height * scale, int.Parse(header[1]));
            Assert.Equal("1", header[2]);   // bit depth
            Assert.Equal("3", header[3]);   // indexed colour
            Assert.Equal("0 0 0", header[4] + " " + header[5] + " " + header[6]);
            Assert.Equal(MonochromePng.LightRgb.ToString("x6") + MonochromePng.DarkRgb.ToString("x6"), header[7]);
            int raw = height * scale * (1 + (width * scale + 7) / 8);
            Assert.Equal((raw + 65534) / 65535, int.Parse(header[8]));
            Assert.Equal(height * scale + 1, lines.Length);

            int on = 0;
            for (int y = 0; y < height * scale; y++)
            {
                string row = lines[1 + y];
                for (int x = 0; x < width * scale; x++)
                {
                    bool expected = Pixel(fb, x / scale, y / scale);
                    Assert.True(expected == (row[x] == '1'), "pixel " + x + "," + y + " at scale " + scale);
                    if (expected)
                    {
                        on++;
                    }
                }
            }

            Assert.True(on > 500, "the pattern has ink");
        }

        [Fact]
        public void TheBiggerImageNeedsMoreThanOneStoredBlock()
        {
            // 256 x 128 at scale 4: 512 rows of 129 bytes = 66048 > 65535.
            Assert.True(512 * 129 > 65535);
            Assert.Equal(8 + 25 + 18 + 12 + 2 + 2 * 5 + 512 * 129 + 4 + 12, MonochromePng.MaxLength(256, 128, 4));
        }

        [Fact]
        public void BadArgumentsAreRefused()
        {
            byte[] frame = new byte[1024];
            byte[] dest = new byte[MonochromePng.MaxLength(128, 64, 4)];
            Assert.Throws<ArgumentException>(() => MonochromePng.Encode(frame, 128, 64, 5, dest));
            Assert.Throws<ArgumentException>(() => MonochromePng.Encode(frame, 128, 64, 0, dest));
            Assert.Throws<ArgumentException>(() => MonochromePng.Encode(frame, 128, 60, 1, dest));
            Assert.Throws<ArgumentException>(() => MonochromePng.Encode(frame, 128, 64, 4, new byte[100]));
        }

        private static FrameBuffer Pattern(int width, int height)
        {
            FrameBuffer fb = new FrameBuffer(width, height);
            fb.DrawText(Font.Small, 1, 3, AsciiBytes.From("Puissance L1 ..."));
            fb.DrawText(Font.Large, 0, 20, AsciiBytes.From("1234.5 kW"));
            fb.DrawBar(0, 44, width, 9, 333);
            fb.SetPixel(width - 1, height - 1, true);
            fb.SetPixel(0, height - 1, true);
            fb.InvertRect(width - 20, 0, 20, 12);
            return fb;
        }

        private static bool Pixel(FrameBuffer fb, int x, int y)
        {
            return (fb.Bytes[(y >> 3) * fb.Width + x] & (1 << (y & 7))) != 0;
        }

        private static string[] Decode(byte[] png, int length)
        {
            string python = PeerProcess.Require("/usr/bin/python3", "python3");
            string file = Path.Combine(Path.GetTempPath(), "eprobe-png-" + Guid.NewGuid().ToString("N") + ".png");
            try
            {
                byte[] exact = new byte[length];
                Array.Copy(png, exact, length);
                File.WriteAllBytes(file, exact);
                PeerProcess.Result result = PeerProcess.Run(PeerProcess.StartInfo(python, null, "-c", Decoder, file), 30000);
                Assert.True(result.ExitCode == 0, "the python decoder refused the PNG: " + result);
                return result.Stdout.TrimEnd('\n').Split('\n');
            }
            finally
            {
                File.Delete(file);
            }
        }
    }
}
