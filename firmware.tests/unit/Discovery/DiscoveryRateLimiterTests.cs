using Ipenergy.Probe.Protocols.Discovery;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Discovery
{
    [TestClass]
    public class DiscoveryRateLimiterTests
    {
        [TestMethod]
        public void One_answer_per_source_per_second()
        {
            DiscoveryFakeClock clock = new DiscoveryFakeClock();
            clock.Now = 5000;
            DiscoveryRateLimiter limiter = new DiscoveryRateLimiter(clock);
            Assert.IsTrue(limiter.TryAnswer("10.0.0.1"));
            Assert.IsFalse(limiter.TryAnswer("10.0.0.1"));
            clock.Now = 5999;
            Assert.IsFalse(limiter.TryAnswer("10.0.0.1"));
            Assert.IsTrue(limiter.TryAnswer("10.0.0.2"), "another source is not held back");
            clock.Now = 6000;
            Assert.IsTrue(limiter.TryAnswer("10.0.0.1"), "a second later the source is answered again");
        }

        [TestMethod]
        public void At_most_twenty_answers_per_second_over_all_sources()
        {
            DiscoveryFakeClock clock = new DiscoveryFakeClock();
            DiscoveryRateLimiter limiter = new DiscoveryRateLimiter(clock);
            int answered = 0;
            for (int i = 0; i < 100; i++)
            {
                if (limiter.TryAnswer("host" + i.ToString()))
                {
                    answered++;
                }
            }

            Assert.AreEqual(DiscoveryRateLimiter.AnswersPerSecond, answered);

            // 50 ms refill one token (20 per second).
            clock.Now = 49;
            Assert.IsFalse(limiter.TryAnswer("late1"));
            clock.Now = 50;
            Assert.IsTrue(limiter.TryAnswer("late2"));
            Assert.IsFalse(limiter.TryAnswer("late3"));
        }

        [TestMethod]
        public void A_steady_stream_of_new_sources_gets_twenty_per_second()
        {
            DiscoveryFakeClock clock = new DiscoveryFakeClock();
            DiscoveryRateLimiter limiter = new DiscoveryRateLimiter(clock);
            int answered = 0;
            // 10 seconds, one request every 5 ms from ever new sources: 20 at start (full bucket) + 20 per second.
            for (int t = 0; t < 10000; t += 5)
            {
                clock.Now = t;
                if (limiter.TryAnswer("h" + t.ToString()))
                {
                    answered++;
                }
            }

            Assert.IsTrue(answered >= 200 && answered <= 220, "answered " + answered.ToString());
        }

        [TestMethod]
        public void Many_sources_do_not_let_one_source_past_its_second()
        {
            DiscoveryFakeClock clock = new DiscoveryFakeClock();
            DiscoveryRateLimiter limiter = new DiscoveryRateLimiter(clock);
            Assert.IsTrue(limiter.TryAnswer("watched"));
            // Fill the table with other sources within the same second (the bucket lets 19 more through).
            for (int i = 0; i < 60; i++)
            {
                clock.Now = i * 10;
                limiter.TryAnswer("other" + i.ToString());
            }

            clock.Now = 990;
            Assert.IsFalse(limiter.TryAnswer("watched"), "still within its second");
        }
    }
}
