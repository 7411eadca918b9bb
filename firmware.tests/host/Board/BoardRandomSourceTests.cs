using System.Collections.Generic;
using System.Linq;
using Ipenergy.Probe.Common;
using Xunit;

namespace Ipenergy.Probe.Tests.Board
{
    /// <summary>The board's random bytes (salts, session tokens): any length, never repeating, different per board.</summary>
    public sealed class BoardRandomSourceTests
    {
        [Fact]
        public void FillsAnyLengthAtAnyOffset()
        {
            IRandomSource random = BoardCodeOnHost.OpenRandom(new byte[] { 1, 2, 3, 4, 5, 6 });
            byte[] buffer = new byte[120];
            random.Fill(buffer, 10, 100);
            Assert.All(buffer.Take(10).Concat(buffer.Skip(110)), b => Assert.Equal(0, b));
            Assert.True(buffer.Skip(10).Take(100).Distinct().Count() > 40, "100 random bytes with few distinct values");
        }

        [Fact]
        public void TokensNeverRepeatWithinOrAcrossBoards()
        {
            IRandomSource a = BoardCodeOnHost.OpenRandom(new byte[] { 0xAA, 0, 0, 0, 0, 1 });
            IRandomSource b = BoardCodeOnHost.OpenRandom(new byte[] { 0xAA, 0, 0, 0, 0, 2 });
            var seen = new HashSet<string>();
            byte[] token = new byte[16];
            for (int i = 0; i < 2000; i++)
            {
                (i % 2 == 0 ? a : b).Fill(token, 0, token.Length);
                Assert.True(seen.Add(System.Convert.ToHexString(token)), "token repeated after " + i + " draws");
            }
        }

        [Fact]
        public void ANullIdentityIsAccepted()
        {
            IRandomSource random = BoardCodeOnHost.OpenRandom(null);
            byte[] one = new byte[32];
            byte[] two = new byte[32];
            random.Fill(one, 0, 32);
            random.Fill(two, 0, 32);
            Assert.NotEqual(one, two);
        }
    }
}
