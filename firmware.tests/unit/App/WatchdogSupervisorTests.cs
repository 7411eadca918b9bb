using System;
using System.Threading;
using Ipenergy.Probe.App;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.App
{
    [TestClass]
    public class WatchdogSupervisorTests
    {
        private const long Stall = WatchdogSupervisor.DefaultStallMilliseconds;

        [TestMethod]
        public void AdvancingSecondsNeverRestart()
        {
            WatchdogFixture f = new WatchdogFixture();
            f.Publish(1);
            for (int s = 0; s < 60; s++)
            {
                f.Clock.Now += 1000;
                f.Publish(s + 2);
                Assert.IsFalse(f.Watchdog.Check(), "restart at second " + s.ToString());
            }

            Assert.AreEqual(0, f.Restart.Calls);
            Assert.IsFalse(f.Watchdog.Tripped);
        }

        [TestMethod]
        public void StalledSecondsRestartOnceAfterTheStallTime()
        {
            WatchdogFixture f = new WatchdogFixture();
            f.Publish(5);
            f.Watchdog.Check();
            f.Clock.Now += Stall - 1;
            Assert.IsFalse(f.Watchdog.Check(), "restarted before the stall time");
            f.Clock.Now += 1;
            Assert.IsTrue(f.Watchdog.Check(), "no restart at the stall time");
            Assert.AreEqual(1, f.Restart.Calls);
            Assert.IsTrue(f.Restart.LastReason.IndexOf("measurements stalled at second 5") >= 0, f.Restart.LastReason);

            // The board does not return from the restart; the virtual one may: still only one call.
            for (int i = 0; i < 5; i++)
            {
                f.Clock.Now += Stall;
                Assert.IsFalse(f.Watchdog.Check());
            }

            Assert.AreEqual(1, f.Restart.Calls);
            Assert.IsTrue(f.Watchdog.Tripped);
            Assert.AreEqual(f.Restart.LastReason, f.Watchdog.Reason);
        }

        [TestMethod]
        public void NoFirstSecondWithinTheStallTimeRestarts()
        {
            WatchdogFixture f = new WatchdogFixture();
            f.Watchdog.Check();
            f.Clock.Now += Stall;
            Assert.IsTrue(f.Watchdog.Check());
            Assert.IsTrue(f.Restart.LastReason.IndexOf("no measurement published") >= 0, f.Restart.LastReason);
        }

        [TestMethod]
        public void ANewSnapshotWithTheSameSequenceIsProgress()
        {
            // A configuration change replaces the engine: its numbering starts again, the reference is new.
            WatchdogFixture f = new WatchdogFixture();
            f.Publish(1);
            f.Watchdog.Check();
            for (int i = 0; i < 5; i++)
            {
                f.Clock.Now += Stall / 2;
                f.Publish(1);
                Assert.IsFalse(f.Watchdog.Check(), "new snapshot " + i.ToString() + " taken for a stall");
            }

            Assert.AreEqual(0, f.Restart.Calls);
        }

        [TestMethod]
        public void AStalledHeartbeatRestartsWithItsName()
        {
            WatchdogFixture f = new WatchdogFixture();
            int bus = f.Watchdog.AddHeartbeat("bus");
            int panel = f.Watchdog.AddHeartbeat("panel");
            f.Watchdog.Check();
            for (int s = 1; s <= 30; s++)
            {
                f.Clock.Now += 1000;
                f.Publish(s);
                f.Watchdog.Beat(panel);
                if (s <= 3)
                {
                    f.Watchdog.Beat(bus);
                }

                bool restarted = f.Watchdog.Check();
                Assert.AreEqual(s == 3 + (int)(Stall / 1000), restarted, "second " + s.ToString());
            }

            Assert.AreEqual(1, f.Restart.Calls);
            Assert.IsTrue(f.Restart.LastReason.IndexOf("'bus'") >= 0, f.Restart.LastReason);
        }

        [TestMethod]
        public void HeartbeatsThatBeatKeepTheDeviceRunning()
        {
            WatchdogFixture f = new WatchdogFixture();
            int a = f.Watchdog.AddHeartbeat("a");
            int b = f.Watchdog.AddHeartbeat("b");
            for (int s = 1; s <= 40; s++)
            {
                f.Clock.Now += 1000;
                f.Publish(s);
                if (s % 9 == 0)
                {
                    f.Watchdog.Beat(a);   // once in 9 s: inside a 10 s stall time
                }

                f.Watchdog.Beat(b);
                Assert.IsFalse(f.Watchdog.Check(), "second " + s.ToString());
            }
        }

        [TestMethod]
        public void TheThreadChecksUntilStopped()
        {
            WatchdogFixture f = new WatchdogFixture();
            f.Watchdog.Start();
            f.Clock.Now += Stall;   // nothing published: the next check of the thread trips
            for (int i = 0; i < 40 && f.Restart.Calls == 0; i++)
            {
                Thread.Sleep(100);
            }

            f.Watchdog.Stop();
            Assert.AreEqual(1, f.Restart.Calls, "the supervising thread did not restart within 4 s");
        }
    }

    internal sealed class WatchdogFixture
    {
        public readonly WatchdogClock Clock = new WatchdogClock();
        public readonly WatchdogSnapshots Snapshots = new WatchdogSnapshots();
        public readonly RecordingRestart Restart = new RecordingRestart();
        public readonly WatchdogSupervisor Watchdog;

        public WatchdogFixture()
        {
            Clock.Now = 123456;
            Watchdog = new WatchdogSupervisor(Snapshots, Clock, Restart, WatchdogSupervisor.DefaultStallMilliseconds);
        }

        public void Publish(long sequence)
        {
            MeasurementSnapshot s = new MeasurementSnapshot(new PhaseValues[0], new ChannelValues[0], new CircuitValues[0]);
            s.Sequence = sequence;
            Snapshots.Current = s;
        }
    }

    internal sealed class WatchdogClock : IClock
    {
        private readonly object _lock = new object();
        private long _now;

        public long Now
        {
            get { lock (_lock) { return _now; } }
            set { lock (_lock) { _now = value; } }
        }

        public long MonotonicMilliseconds { get { return Now; } }

        public DateTime UtcNow { get { return new DateTime(2026, 11, 25, 12, 0, 0).AddTicks(Now * 10000); } }
    }

    internal sealed class WatchdogSnapshots : IMeasurementSource
    {
        private readonly object _lock = new object();
        private MeasurementSnapshot _current;

        public MeasurementSnapshot Current
        {
            get { lock (_lock) { return _current; } }
            set { lock (_lock) { _current = value; } }
        }

        public MeasurementSnapshot Latest { get { return Current; } }
    }

    internal sealed class RecordingRestart : IDeviceRestart
    {
        private readonly object _lock = new object();
        private int _calls;
        private string _reason = "";

        public int Calls { get { lock (_lock) { return _calls; } } }

        public string LastReason { get { lock (_lock) { return _reason; } } }

        public void Restart(string reason)
        {
            lock (_lock)
            {
                _calls++;
                _reason = reason;
            }
        }
    }
}
