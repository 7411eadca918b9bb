using System;
using System.Threading;
using Ipenergy.Probe.Protocols.Sntp;
using Xunit;

namespace Ipenergy.Probe.Tests.Sntp
{
    /// <summary>The SNTP client against a real NTP server (chronyd on 127.0.0.1) sets a clock started 10 years off.</summary>
    public class SntpClientChronyTests
    {
        private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(100);

        [Fact]
        public void ChronySetsAClockTenYearsOffToWithinATenthOfASecond()
        {
            using ChronyServer chrony = ChronyServer.Start();
            using var paced = new PacedSimulatedClock(DateTime.UtcNow.AddYears(-10));
            var client = new SntpClient(paced.Clock, new[] { "127.0.0.1:" + chrony.Port });
            Assert.False(paced.Clock.Synchronized);
            Assert.True((DateTime.UtcNow - paced.Clock.UtcNow).TotalDays > 3600);

            // chronyd needs a moment to open its socket: poll until it answers (bounded).
            bool synced = false;
            DateTime giveUp = DateTime.UtcNow.AddSeconds(15);
            while (!synced && DateTime.UtcNow < giveUp && !chrony.HasExited)
            {
                synced = client.PollOnce();
            }

            Assert.True(synced, "no good reply from chronyd (last result " + client.LastResult + "); its log:\n" + chrony.Log);
            Assert.True(paced.Clock.Synchronized);
            Assert.Equal(1, client.Steps);
            Assert.True(client.LastOffsetTicks > TimeSpan.FromDays(3600).Ticks, "offset " + client.LastOffsetTicks);
            Assert.InRange(client.LastDelayTicks, 0, TimeSpan.FromMilliseconds(200).Ticks);
            AssertClockRight(paced.Clock, "after the step");

            // A second poll finds the clock right: no second step, offset within the tolerance.
            Assert.True(client.PollOnce(), "second poll, result " + client.LastResult);
            Assert.Equal(1, client.Steps);
            Assert.True(Math.Abs(client.LastOffsetTicks) < Tolerance.Ticks, "second offset " + client.LastOffsetTicks / 10000.0 + " ms");
            AssertClockRight(paced.Clock, "at the second poll");
        }

        // The simulated clock advances with the samples a thread consumes; on a loaded host that thread can
        // lag for a moment and catch up. Sample a few times (bounded, 2 s) and judge the best reading.
        private static void AssertClockRight(Ipenergy.Probe.Simulator.SimulatedClock clock, string when)
        {
            double best = double.MaxValue;
            for (int i = 0; i < 20 && best >= Tolerance.TotalMilliseconds; i++)
            {
                best = Math.Min(best, Math.Abs((clock.UtcNow - DateTime.UtcNow).TotalMilliseconds));
                if (best >= Tolerance.TotalMilliseconds)
                {
                    Thread.Sleep(100);
                }
            }

            Assert.True(best < Tolerance.TotalMilliseconds, "clock off by " + best + " ms " + when);
        }

        [Fact]
        public void BackgroundThreadSyncsAndStopsPromptly()
        {
            using ChronyServer chrony = ChronyServer.Start();
            using var paced = new PacedSimulatedClock(new DateTime(2016, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            var client = new SntpClient(paced.Clock, new[] { "127.0.0.1:" + chrony.Port })
            {
                PollIntervalMs = 500,
                FirstRetryMs = 200,
                MaxRetryMs = 400,
            };
            client.Start();
            try
            {
                DateTime giveUp = DateTime.UtcNow.AddSeconds(15);
                while (client.Successes < 2 && DateTime.UtcNow < giveUp)
                {
                    Thread.Sleep(50);
                }

                Assert.True(client.Successes >= 2, "successes " + client.Successes + ", failures " + client.Failures + ", result " + client.LastResult + "\n" + chrony.Log);
                AssertClockRight(paced.Clock, "background sync");
            }
            finally
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                client.Stop();
                Assert.True(watch.ElapsedMilliseconds < 2000, "Stop took " + watch.ElapsedMilliseconds + " ms");
            }
        }
    }
}
