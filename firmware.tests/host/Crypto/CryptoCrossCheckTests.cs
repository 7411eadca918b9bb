using System;
using System.Diagnostics;
using System.Security.Cryptography;
using Ipenergy.Probe.Common;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Host.Crypto
{
    /// <summary>The firmware's SHA-256 / HMAC / PBKDF2 against .NET's on random inputs, and their cost.</summary>
    public class CryptoCrossCheckTests
    {
        private readonly ITestOutputHelper _output;

        public CryptoCrossCheckTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void Sha256AgreesWithDotNetOnRandomLengths()
        {
            Random random = new Random(7);
            Sha256 sha = new Sha256();
            byte[] digest = new byte[32];
            for (int n = 0; n < 400; n++)
            {
                byte[] data = new byte[random.Next(0, 300)];
                random.NextBytes(data);
                sha.Reset();
                int split = data.Length == 0 ? 0 : random.Next(0, data.Length);
                sha.Update(data, 0, split);
                sha.Update(data, split, data.Length - split);
                sha.Finish(digest, 0);
                Assert.Equal(SHA256.HashData(data), digest);
            }
        }

        [Fact]
        public void HmacAgreesWithDotNetOnRandomKeysAndMessages()
        {
            Random random = new Random(8);
            HmacSha256 hmac = new HmacSha256();
            byte[] mac = new byte[32];
            for (int n = 0; n < 300; n++)
            {
                byte[] key = new byte[random.Next(0, 150)];
                byte[] data = new byte[random.Next(0, 200)];
                random.NextBytes(key);
                random.NextBytes(data);
                hmac.SetKey(key, 0, key.Length);
                hmac.Compute(data, 0, data.Length, mac, 0);
                Assert.Equal(HMACSHA256.HashData(key, data), mac);
            }
        }

        [Fact]
        public void Pbkdf2AgreesWithDotNetOnRandomInputs()
        {
            Random random = new Random(9);
            Pbkdf2Sha256 kdf = new Pbkdf2Sha256();
            for (int n = 0; n < 40; n++)
            {
                byte[] password = new byte[random.Next(1, 80)];
                byte[] salt = new byte[random.Next(1, 40)];
                random.NextBytes(password);
                random.NextBytes(salt);
                int iterations = random.Next(1, 300);
                int length = random.Next(1, 80);
                byte[] ours = new byte[length];
                kdf.Derive(password, 0, password.Length, salt, 0, salt.Length, iterations, ours, 0, length);
                Assert.Equal(Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, length), ours);
            }
        }

        [Fact]
        public void Pbkdf2CostPerLoginAndNoAllocation()
        {
            Pbkdf2Sha256 kdf = new Pbkdf2Sha256();
            byte[] password = AsciiBytes.From("correct horse battery");
            byte[] salt = new byte[16];
            byte[] hash = new byte[32];
            int iterations = Ipenergy.Probe.Config.UserConfig.DefaultIterations;
            for (int i = 0; i < 50; i++)
            {
                kdf.Derive(password, 0, password.Length, salt, 0, salt.Length, iterations, hash, 0, 32);
            }

            const int Rounds = 50;
            Stopwatch watch = new Stopwatch();
            long before = GC.GetAllocatedBytesForCurrentThread();
            watch.Start();
            for (int i = 0; i < Rounds; i++)
            {
                kdf.Derive(password, 0, password.Length, salt, 0, salt.Length, iterations, hash, 0, 32);
            }

            watch.Stop();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, 32), hash);
            double msPerLogin = watch.Elapsed.TotalMilliseconds / Rounds;
            _output.WriteLine("PBKDF2-HMAC-SHA256, " + iterations + " iterations: " + msPerLogin.ToString("F2")
                + " ms per login on this host (" + (msPerLogin * 1000.0 / iterations).ToString("F2") + " us per iteration), "
                + allocated + " bytes allocated over " + Rounds + " logins");
            Assert.Equal(0, allocated);
        }
    }
}
