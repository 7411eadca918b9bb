using Ipenergy.Probe.Common;
using Ipenergy.Probe.Protocols.Http;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Auth
{
    /// <summary>Counts up from 1: distinct, predictable tokens for the tests (the device uses its hardware generator).</summary>
    public sealed class CountingRandom : IRandomSource
    {
        private byte _next = 1;

        public void Fill(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = _next++;
            }
        }
    }

    [TestClass]
    public class SessionTableTests
    {
        [TestMethod]
        public void OpenFindRenewExpire()
        {
            SessionTable table = new SessionTable();
            byte[] token = new byte[SessionTable.TokenTextLength];
            int slot = table.Open("alice", new CountingRandom(), 1000, token);
            Assert.AreEqual("0102030405060708090a0b0c0d0e0f10", new string(System.Text.Encoding.UTF8.GetChars(token)));
            Assert.AreEqual(slot, table.Find(token, 0, token.Length, 60000, 60000));
            // Found at 60 s: renewed, so still alive at 119 s, gone after 120 s of no use.
            Assert.AreEqual(slot, table.Find(token, 0, token.Length, 119000, 60000));
            Assert.AreEqual(-1, table.Find(token, 0, token.Length, 179001, 60000));
            Assert.AreEqual(0, table.OpenCount);
        }

        [TestMethod]
        public void WrongOrShortTokensAreNotFound()
        {
            SessionTable table = new SessionTable();
            byte[] token = new byte[SessionTable.TokenTextLength];
            table.Open("alice", new CountingRandom(), 0, token);
            token[31] ^= 1;
            Assert.AreEqual(-1, table.Find(token, 0, token.Length, 0, 60000));
            token[31] ^= 1;
            Assert.AreEqual(-1, table.Find(token, 0, token.Length - 1, 0, 60000));
        }

        [TestMethod]
        public void FullTableReplacesTheLeastRecentlyUsedAndCloseUserEndsAll()
        {
            SessionTable table = new SessionTable();
            CountingRandom random = new CountingRandom();
            byte[] first = new byte[SessionTable.TokenTextLength];
            byte[] other = new byte[SessionTable.TokenTextLength];
            table.Open("alice", random, 0, first);
            for (int i = 1; i < SessionTable.Capacity; i++)
            {
                table.Open("bob", random, i, other);
            }

            Assert.AreEqual(SessionTable.Capacity, table.OpenCount);
            table.Open("carol", random, 100, other);
            Assert.AreEqual(-1, table.Find(first, 0, first.Length, 100, 60000));
            table.CloseUser("bob", -1);
            Assert.AreEqual(1, table.OpenCount);
        }
    }

    [TestClass]
    public class LoginRateLimiterTests
    {
        [TestMethod]
        public void FiveFailuresPerUserBlockThatUserForTheRestOfTheMinute()
        {
            LoginRateLimiter limiter = new LoginRateLimiter();
            for (int i = 0; i < LoginRateLimiter.MaxFailuresPerUser; i++)
            {
                Assert.AreEqual(0, limiter.RetryAfterSeconds(2, 1000 + i * 1000));
                limiter.RecordFailure(2, 1000 + i * 1000);
            }

            Assert.AreEqual(56, limiter.RetryAfterSeconds(2, 5000));
            Assert.AreEqual(0, limiter.RetryAfterSeconds(3, 5000));
            Assert.AreEqual(1, limiter.RetryAfterSeconds(2, 60999));
            Assert.AreEqual(0, limiter.RetryAfterSeconds(2, 61000));
        }

        [TestMethod]
        public void TwentyFailuresInAllBlockEveryone()
        {
            LoginRateLimiter limiter = new LoginRateLimiter();
            for (int i = 0; i < LoginRateLimiter.MaxFailuresGlobal; i++)
            {
                limiter.RecordFailure(i % LoginRateLimiter.Buckets, 0);
            }

            Assert.AreEqual(60, limiter.RetryAfterSeconds(8, 0));
            Assert.AreEqual(0, limiter.RetryAfterSeconds(8, 60000));
        }
    }
}
