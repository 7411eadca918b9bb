using System;
using System.Diagnostics;
using System.Security.Cryptography;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Protocols.Snmp.Usm;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Host.Crypto
{
    /// <summary>
    /// The firmware's SNMPv3 USM crypto (SHA-1, HMAC-SHA1-96, HMAC-SHA256-192, AES-128, CFB128, password-to-key)
    /// against .NET's own implementations on random inputs, its allocations per message, and its speed on this host.
    /// </summary>
    public class UsmCryptoCrossCheckTests
    {
        private readonly ITestOutputHelper _output;

        public UsmCryptoCrossCheckTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void Sha1AgreesWithDotNetOnRandomLengthsAndSplits()
        {
            Random random = new Random(31);
            Sha1 sha = new Sha1();
            byte[] digest = new byte[20];
            for (int n = 0; n < 500; n++)
            {
                byte[] data = new byte[random.Next(0, 400)];
                random.NextBytes(data);
                sha.Reset();
                int first = data.Length == 0 ? 0 : random.Next(0, data.Length);
                int second = first == data.Length ? first : random.Next(first, data.Length);
                sha.Update(data, 0, first);
                sha.Update(data, first, second - first);
                sha.Update(data, second, data.Length - second);
                sha.Finish(digest, 0);
                Assert.Equal(SHA1.HashData(data), digest);
            }
        }

        [Fact]
        public void HmacSha1TruncatedAgreesWithDotNet()
        {
            Random random = new Random(32);
            HmacSha1 hmac = new HmacSha1();
            for (int n = 0; n < 300; n++)
            {
                byte[] key = new byte[random.Next(0, 150)];
                byte[] data = new byte[random.Next(0, 600)];
                random.NextBytes(key);
                random.NextBytes(data);
                int length = random.Next(1, 21);
                byte[] mac = new byte[length + 2];
                mac[0] = 0x5a;
                mac[length + 1] = 0xa5;
                hmac.SetKey(key, 0, key.Length);
                hmac.Compute(data, 0, data.Length, mac, 1, length);
                byte[] expected = HMACSHA1.HashData(key, data);
                Assert.Equal(expected.AsSpan(0, length).ToArray(), mac.AsSpan(1, length).ToArray());
                Assert.Equal(0x5a, mac[0]);
                Assert.Equal(0xa5, mac[length + 1]);
                Assert.True(ConstantTime.BytesEqual(expected, 0, mac, 1, length));
            }
        }

        [Fact]
        public void HmacSha256TruncatedTo192AgreesWithDotNet()
        {
            Random random = new Random(33);
            HmacSha256 hmac = new HmacSha256();
            byte[] mac = new byte[HmacSha256.UsmMacLength + 1];
            for (int n = 0; n < 300; n++)
            {
                byte[] key = new byte[32];
                byte[] data = new byte[random.Next(0, 1500)];
                random.NextBytes(key);
                random.NextBytes(data);
                mac[HmacSha256.UsmMacLength] = 0x77;
                hmac.SetKey(key, 0, key.Length);
                hmac.Compute(data, 0, data.Length, mac, 0, HmacSha256.UsmMacLength);
                Assert.Equal(HMACSHA256.HashData(key, data).AsSpan(0, 24).ToArray(), mac.AsSpan(0, 24).ToArray());
                Assert.Equal(0x77, mac[24]);
            }
        }

        [Fact]
        public void Aes128BlockAgreesWithDotNetEcb()
        {
            Random random = new Random(34);
            Aes128 ours = new Aes128();
            using Aes dotnet = Aes.Create();
            byte[] key = new byte[16];
            byte[] block = new byte[16];
            byte[] output = new byte[16];
            for (int n = 0; n < 300; n++)
            {
                random.NextBytes(key);
                random.NextBytes(block);
                ours.SetKey(key, 0);
                ours.EncryptBlock(block, 0, output, 0);
                dotnet.Key = key;
                Assert.Equal(dotnet.EncryptEcb(block, PaddingMode.None), output);
            }
        }

        [Fact]
        public void AesCfb128AgreesWithDotNetOnRandomLengths()
        {
            Random random = new Random(35);
            AesCfb128 cfb = new AesCfb128();
            using Aes dotnet = Aes.Create();
            byte[] key = new byte[16];
            byte[] iv = new byte[16];
            for (int n = 0; n < 300; n++)
            {
                random.NextBytes(key);
                random.NextBytes(iv);
                byte[] plain = new byte[random.Next(0, 1500)];
                random.NextBytes(plain);
                cfb.SetKey(key, 0);
                dotnet.Key = key;

                // .NET pads CFB to whole blocks; PaddingMode.None needs whole blocks, so compare on the padded
                // length and keep our prefix: CFB is a stream, the padding does not change the bytes before it.
                int padded = (plain.Length + 15) / 16 * 16;
                byte[] plainPadded = new byte[padded];
                Array.Copy(plain, plainPadded, plain.Length);
                byte[] expected = dotnet.EncryptCfb(plainPadded, iv, PaddingMode.None, 128);

                byte[] cipher = new byte[plain.Length];
                cfb.Encrypt(iv, 0, plain, 0, cipher, 0, plain.Length);
                Assert.Equal(expected.AsSpan(0, plain.Length).ToArray(), cipher);

                byte[] back = (byte[])cipher.Clone();
                cfb.Decrypt(iv, 0, back, 0, back, 0, back.Length);
                Assert.Equal(plain, back);

                byte[] dotnetPlain = dotnet.DecryptCfb(expected, iv, PaddingMode.None, 128);
                Assert.Equal(plain, dotnetPlain.AsSpan(0, plain.Length).ToArray());
            }
        }

        [Fact]
        public void UsmKeysAgreeWithAStraightforwardHostImplementation()
        {
            Random random = new Random(36);
            UsmKeys keys = new UsmKeys();
            for (int n = 0; n < 6; n++)
            {
                byte[] password = new byte[random.Next(8, 70)];
                byte[] engineId = new byte[random.Next(5, 33)];
                random.NextBytes(password);
                random.NextBytes(engineId);
                bool sha256 = n % 2 == 1;
                byte[] ours = new byte[sha256 ? 32 : 20];
                keys.LocalizedKey(sha256, password, 0, password.Length, engineId, 0, engineId.Length, ours, 0);
                Assert.Equal(HostLocalizedKey(sha256, password, engineId), ours);
            }
        }

        [Fact]
        public void NoAllocationPerMacOrCfbCall()
        {
            HmacSha1 hmac1 = new HmacSha1();
            HmacSha256 hmac256 = new HmacSha256();
            AesCfb128 cfb = new AesCfb128();
            byte[] key = new byte[32];
            byte[] message = new byte[484];
            byte[] iv = new byte[16];
            byte[] mac = new byte[32];
            new Random(37).NextBytes(message);
            hmac1.SetKey(key, 0, 20);
            hmac256.SetKey(key, 0, 32);
            cfb.SetKey(key, 0);
            for (int i = 0; i < 20; i++)
            {
                hmac1.Compute(message, 0, message.Length, mac, 0, 12);
                hmac256.Compute(message, 0, message.Length, mac, 0, 24);
                cfb.Encrypt(iv, 0, message, 0, message, 0, message.Length);
                cfb.Decrypt(iv, 0, message, 0, message, 0, message.Length);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                hmac1.Compute(message, 0, message.Length, mac, 0, 12);
                Assert.True(ConstantTime.BytesEqual(mac, 0, mac, 0, 12));
                hmac256.Compute(message, 0, message.Length, mac, 0, 24);
                cfb.Encrypt(iv, 0, message, 0, message, 0, message.Length);
                cfb.Decrypt(iv, 0, message, 0, message, 0, message.Length);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            _output.WriteLine(allocated + " bytes allocated over 1000 x (HMAC-SHA1-96 + HMAC-SHA256-192 + CFB encrypt + decrypt) of 484 bytes");
            Assert.Equal(0, allocated);
        }

        [Fact]
        public void SpeedOnThisHost()
        {
            byte[] data = new byte[1 << 20];
            new Random(38).NextBytes(data);
            byte[] output = new byte[32];
            byte[] iv = new byte[16];

            Sha1 sha = new Sha1();
            double sha1 = MegabytesPerSecond(() =>
            {
                sha.Reset();
                sha.Update(data, 0, data.Length);
                sha.Finish(output, 0);
            }, data.Length);

            HmacSha1 hmac1 = new HmacSha1();
            hmac1.SetKey(output, 0, 20);
            double hmacSha1 = MegabytesPerSecond(() => hmac1.Compute(data, 0, data.Length, output, 0, 12), data.Length);

            HmacSha256 hmac256 = new HmacSha256();
            hmac256.SetKey(output, 0, 32);
            double hmacSha256 = MegabytesPerSecond(() => hmac256.Compute(data, 0, data.Length, output, 0, 24), data.Length);

            AesCfb128 cfb = new AesCfb128();
            cfb.SetKey(output, 0);
            double aesCfb = MegabytesPerSecond(() => cfb.Encrypt(iv, 0, data, 0, data, 0, data.Length), data.Length);

            // A typical USM message: 484 bytes, authPriv (decrypt + MAC check in, encrypt + MAC out).
            byte[] message = new byte[484];
            Stopwatch perMessage = Stopwatch.StartNew();
            const int Messages = 2000;
            for (int i = 0; i < Messages; i++)
            {
                cfb.Decrypt(iv, 0, message, 0, message, 0, message.Length);
                hmac1.Compute(message, 0, message.Length, output, 0, 12);
                cfb.Encrypt(iv, 0, message, 0, message, 0, message.Length);
                hmac1.Compute(message, 0, message.Length, output, 0, 12);
            }

            perMessage.Stop();

            UsmKeys keys = new UsmKeys();
            byte[] password = AsciiBytes.From("maplesyrup");
            byte[] engineId = new byte[12];
            Stopwatch keyWatch = Stopwatch.StartNew();
            keys.LocalizedKey(false, password, 0, password.Length, engineId, 0, engineId.Length, output, 0);
            double sha1KeyMs = keyWatch.Elapsed.TotalMilliseconds;
            keyWatch.Restart();
            keys.LocalizedKey(true, password, 0, password.Length, engineId, 0, engineId.Length, output, 0);
            double sha256KeyMs = keyWatch.Elapsed.TotalMilliseconds;

            _output.WriteLine("SHA-1 " + sha1.ToString("F1") + " MB/s, HMAC-SHA1 " + hmacSha1.ToString("F1")
                + " MB/s, HMAC-SHA256 " + hmacSha256.ToString("F1") + " MB/s, AES-128-CFB " + aesCfb.ToString("F1") + " MB/s on this host");
            _output.WriteLine("authPriv round trip of a 484-byte message (decrypt, MAC, encrypt, MAC): "
                + (perMessage.Elapsed.TotalMilliseconds * 1000.0 / Messages).ToString("F1") + " us");
            _output.WriteLine("password-to-key + localization: SHA-1 " + sha1KeyMs.ToString("F1") + " ms, SHA-256 "
                + sha256KeyMs.ToString("F1") + " ms (once per user and engine ID at configuration time, never per message)");
            Assert.True(sha1 > 0 && hmacSha1 > 0 && hmacSha256 > 0 && aesCfb > 0);
        }

        private static double MegabytesPerSecond(Action run, int bytes)
        {
            // Warm up past the JIT's first tier, so the figure is the steady-state code's.
            Stopwatch warmUp = Stopwatch.StartNew();
            while (warmUp.ElapsedMilliseconds < 200)
            {
                run();
            }

            Stopwatch watch = Stopwatch.StartNew();
            int rounds = 0;
            while (watch.ElapsedMilliseconds < 300 || rounds < 2)
            {
                run();
                rounds++;
            }

            return rounds * (double)bytes / (1024 * 1024) / watch.Elapsed.TotalSeconds;
        }

        // RFC 3414 A.2 as plainly as it reads: the whole 1 MB expansion in memory, .NET's hashes.
        private static byte[] HostLocalizedKey(bool sha256, byte[] password, byte[] engineId)
        {
            byte[] expanded = new byte[1048576];
            for (int i = 0; i < expanded.Length; i++)
            {
                expanded[i] = password[i % password.Length];
            }

            byte[] ku = sha256 ? SHA256.HashData(expanded) : SHA1.HashData(expanded);
            byte[] joined = new byte[ku.Length * 2 + engineId.Length];
            Array.Copy(ku, 0, joined, 0, ku.Length);
            Array.Copy(engineId, 0, joined, ku.Length, engineId.Length);
            Array.Copy(ku, 0, joined, ku.Length + engineId.Length, ku.Length);
            return sha256 ? SHA256.HashData(joined) : SHA1.HashData(joined);
        }
    }
}
