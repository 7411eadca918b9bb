using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Simulator.Bus;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.BusSim
{
    /// <summary>The simulated RS-485 bus: two or three SimulatedSerialPorts through a BusHub on loopback.</summary>
    [Collection(AloneCollection.Name)]
    public sealed class BusHubTests
    {
        private readonly ITestOutputHelper _output;

        public BusHubTests(ITestOutputHelper output)
        {
            _output = output;
        }

        // Timings on a shared 2-core machine: a stalled reader thread sees a paced frame arrive at once, so a
        // timing is taken over up to 10 frames and one must show it; a hub that does not pace fails all 10.
        [Fact]
        public void A100ByteFrameAt115200TakesItsWireTimeAndArrivesIntact()
        {
            using var bench = new BusBench();
            SimulatedSerialPort a = bench.Join("A");
            SimulatedSerialPort b = bench.Join("B");
            byte[] frame = BusBench.Frame(100, 3);
            a.Write(frame, 0, 10);   // warm-up: every path of hub and ports has run once
            Assert.Equal(10, BusBench.ReadBytes(b, 10, 2000).Length);
            double wireMs = 100 * 11 * 1000.0 / 115200;   // 9.55 ms at 8E1

            bool paced = false;
            for (int attempt = 1; attempt <= 10 && !paced; attempt++)
            {
                var batches = new List<(double AtMs, int Count)>();
                byte[] got = null;
                var clock = new Stopwatch();
                var reader = new Thread(() => got = BusBench.ReadBytes(b, 100, 3000, batches, clock));
                reader.Start();
                Thread.Sleep(50);   // the reader is waiting in Read
                clock.Start();
                a.Write(frame, 0, frame.Length);
                double writeMs = clock.Elapsed.TotalMilliseconds;
                reader.Join();
                _output.WriteLine("write " + writeMs.ToString("0.00") + " ms, wire " + wireMs.ToString("0.00") + " ms, batches " +
                    string.Join(" ", batches.Select(x => x.Count + "@" + x.AtMs.ToString("0.0"))));

                Assert.Equal(frame, got);
                Assert.True(writeMs >= wireMs - 0.1, "Write took " + writeMs + " ms, the wire needs " + wireMs);
                Assert.True(batches[batches.Count - 1].AtMs >= wireMs - 0.1, "the last byte came before its wire time: " + batches[batches.Count - 1].AtMs);
                paced = writeMs < wireMs + 5 && batches.Count >= 3 && batches[0].AtMs < wireMs / 2;
            }

            Assert.True(paced, "in 10 frames the receiver never saw the bytes arrive at the line's pace (see output)");
            Assert.Equal(0, bench.Hub.Collisions);
            Assert.True(bench.Hub.Node("B").RxBytes >= 110);
        }

        [Fact]
        public void ASilenceBetweenFramesReachesTheReceiver()
        {
            using var bench = new BusBench();
            SimulatedSerialPort a = bench.Join("A");
            SimulatedSerialPort b = bench.Join("B");
            byte[] first = BusBench.Frame(20, 1);
            byte[] second = BusBench.Frame(20, 2);

            double gap = 0;
            for (int attempt = 1; attempt <= 3 && gap < 15; attempt++)
            {
                var clock = Stopwatch.StartNew();
                var batches = new List<(double AtMs, int Count)>();
                var reader = new Thread(() => BusBench.ReadBytes(b, 40, 3000, batches, clock));
                reader.Start();
                Thread.Sleep(50);   // the reader is waiting in Read
                a.Write(first, 0, first.Length);
                Thread.Sleep(20);
                a.Write(second, 0, second.Length);
                reader.Join();

                _output.WriteLine(string.Join(" ", batches.Select(x => x.Count + "@" + x.AtMs.ToString("0.0"))));
                Assert.Equal(40, batches.Sum(x => x.Count));
                int seen = 0;
                for (int i = 1; i < batches.Count; i++)
                {
                    seen += batches[i - 1].Count;
                    if (seen == 20)
                    {
                        gap = batches[i].AtMs - batches[i - 1].AtMs;
                    }
                }
            }

            Assert.True(gap >= 15, "the receiver saw a silence of " + gap + " ms between the frames, the sender paused 20 ms");
        }

        [Fact]
        public void SimultaneousTransmissionsCollideAndComeOutCorrupted()
        {
            using var bench = new BusBench();
            SimulatedSerialPort a = bench.Join("A");
            SimulatedSerialPort b = bench.Join("B");
            SimulatedSerialPort c = bench.Join("C");
            byte[] fromA = Enumerable.Repeat((byte)0x11, 1000).ToArray();   // 95 ms on the wire
            byte[] fromB = Enumerable.Repeat((byte)0x22, 100).ToArray();   // 9.5 ms, started while A is talking

            var talker = new Thread(() => a.Write(fromA, 0, fromA.Length));
            talker.Start();
            BusBench.WaitFor(() => bench.Hub.Node("C").RxBytes > 0, "A's first bytes did not reach C");
            b.Write(fromB, 0, fromB.Length);
            talker.Join();
            byte[] heard = BusBench.ReadBytes(c, 1100, 2000);

            int cleanA = heard.Count(x => x == 0x11);
            int cleanB = heard.Count(x => x == 0x22);
            _output.WriteLine("C heard " + heard.Length + " bytes, " + cleanA + " clean of A, " + cleanB + " clean of B; collisions " +
                bench.Hub.Collisions + "; " + bench.Hub.Node("A") + "; " + bench.Hub.Node("B"));
            Assert.Equal(1100, heard.Length);
            Assert.True(bench.Hub.Collisions > 0, "no collision counted");
            Assert.True(cleanB <= 5, cleanB + " of B's 100 bytes, all sent while A was talking, came through unharmed");
            Assert.True(cleanA <= 920, cleanA + " of A's 1000 bytes came through unharmed: the 100 overlapped by B should not");
            Assert.True(bench.Hub.Node("A").CollidedBytes >= 90 && bench.Hub.Node("B").CollidedBytes >= 90, "collided bytes not counted on both senders");
        }

        [Fact]
        public void AReceiverAtAnotherBaudRateHearsGarbage()
        {
            using var bench = new BusBench();
            SimulatedSerialPort a = bench.Join("A");
            SimulatedSerialPort b = bench.Join("B");
            b.Configure(9600, SerialParity.Even, 1);
            BusBench.WaitFor(() => bench.Hub.Node("B").Line.BaudRate == 9600, "the hub did not learn B's new baud rate");
            byte[] frame = BusBench.Frame(96, 5);

            a.Write(frame, 0, frame.Length);
            byte[] heard = BusBench.Drain(b, 300);

            _output.WriteLine("B at 9600 heard " + heard.Length + " bytes of 96 sent at 115200");
            Assert.InRange(heard.Length, 4, 16);   // ~96 x 9600/115200 = 8, at least one per chunk
            Assert.NotEqual(frame.Take(heard.Length), heard);

            // And the other way: what B sends at 9600 reaches A as garbage too; back at 115200 all is clean.
            b.Write(frame, 0, 8);
            byte[] atA = BusBench.Drain(a, 300);
            Assert.True(atA.Length > 8, "A at 115200 heard " + atA.Length + " bytes of 8 sent at 9600 (a fast receiver sees more characters)");
            b.Configure(115200, SerialParity.Even, 1);
            BusBench.WaitFor(() => bench.Hub.Node("B").Line.BaudRate == 115200, "the hub did not learn B's baud rate back");
            a.Write(frame, 0, frame.Length);
            Assert.Equal(frame, BusBench.ReadBytes(b, 96, 2000));
        }

        [Fact]
        public void TheWrongBaudFlagGarblesEveryByteUntilCleared()
        {
            using var bench = new BusBench();
            SimulatedSerialPort a = bench.Join("A");
            SimulatedSerialPort b = bench.Join("B");
            byte[] frame = BusBench.Frame(50, 9);

            bench.Control.SetWrongBaud("B", true);
            Assert.True(bench.Control.Node("B").WrongBaud);
            a.Write(frame, 0, frame.Length);
            byte[] heard = BusBench.ReadBytes(b, 50, 2000);
            Assert.Equal(50, heard.Length);
            for (int i = 0; i < 50; i++)
            {
                Assert.True(heard[i] != frame[i], "byte " + i + " came through the wrong baud rate unharmed");
            }

            b.Write(frame, 0, frame.Length);
            byte[] atA = BusBench.ReadBytes(a, 50, 2000);
            Assert.Equal(50, atA.Length);
            Assert.NotEqual(frame, atA);

            bench.Control.SetWrongBaud("B", false);
            a.Write(frame, 0, frame.Length);
            Assert.Equal(frame, BusBench.ReadBytes(b, 50, 2000));
        }

        [Fact]
        public void AnUnpluggedNodeNeitherHearsNorIsHeardUntilReplugged()
        {
            using var bench = new BusBench();
            SimulatedSerialPort a = bench.Join("A");
            SimulatedSerialPort b = bench.Join("B");
            byte[] frame = BusBench.Frame(30, 4);

            bench.Control.Unplug("B");
            a.Write(frame, 0, frame.Length);
            Assert.Empty(BusBench.Drain(b, 200));
            b.Write(frame, 0, frame.Length);
            Assert.Empty(BusBench.Drain(a, 200));
            BusNodeStats stats = bench.Control.Node("B");
            Assert.False(stats.Plugged);
            Assert.Equal(30, stats.DroppedBytes);
            Assert.Equal(0, stats.RxBytes);

            bench.Control.Replug("B");
            a.Write(frame, 0, frame.Length);
            Assert.Equal(frame, BusBench.ReadBytes(b, 30, 2000));
            b.Write(frame, 0, frame.Length);
            Assert.Equal(frame, BusBench.ReadBytes(a, 30, 2000));
            Assert.Equal(30, bench.Control.Node("B").RxBytes);
        }

        [Fact]
        public void InjectedNoiseReachesEveryNodeAtTheLinePace()
        {
            using var bench = new BusBench();
            SimulatedSerialPort a = bench.Join("A");
            SimulatedSerialPort b = bench.Join("B");

            var clock = Stopwatch.StartNew();
            bench.Control.InjectNoise(200);
            double ms = clock.Elapsed.TotalMilliseconds;

            Assert.True(ms >= 200 * 11 * 1000.0 / 115200, "200 noise bytes took " + ms + " ms, faster than the wire");
            Assert.Equal(200, BusBench.ReadBytes(a, 200, 2000).Length);
            Assert.Equal(200, BusBench.ReadBytes(b, 200, 2000).Length);
            Assert.Equal(200, bench.Control.Node("noise").TxBytes);
            Assert.Throws<InvalidOperationException>(() => bench.Control.InjectNoise(0));
            Assert.Throws<InvalidOperationException>(() => bench.Control.Unplug("nobody"));
        }

        [Fact]
        public void AnEchoingPortHearsItsOwnBytes()
        {
            using var bench = new BusBench();
            SimulatedSerialPort a = bench.Join("A", echo: true);
            SimulatedSerialPort b = bench.Join("B");
            byte[] frame = BusBench.Frame(20, 8);

            Assert.True(a.EchoesTransmit);
            Assert.False(b.EchoesTransmit);
            a.Write(frame, 0, frame.Length);
            Assert.Equal(frame, BusBench.ReadBytes(a, 20, 2000));
            Assert.Equal(frame, BusBench.ReadBytes(b, 20, 2000));
            b.Write(frame, 0, frame.Length);
            Assert.Equal(frame, BusBench.ReadBytes(a, 20, 2000));
            Assert.Empty(BusBench.Drain(b, 100));
        }

        [Fact]
        public void PortsReconnectWhenTheHubRestarts()
        {
            using var bench = new BusBench();
            SimulatedSerialPort a = bench.Join("A");
            SimulatedSerialPort b = bench.Join("B");
            bench.RestartHub();
            BusBench.WaitFor(() => a.Connections >= 2 && b.Connections >= 2, "the ports did not reconnect");
            BusBench.WaitFor(() => bench.Hub.Nodes().Count(n => n.Connected) == 2, "the new hub does not list both ports");

            byte[] frame = BusBench.Frame(40, 6);
            a.Write(frame, 0, frame.Length);
            Assert.Equal(frame, BusBench.ReadBytes(b, 40, 2000));
        }

        [Fact]
        public void ReadReturnsNothingAfterItsTimeoutAndDiscardDropsInput()
        {
            using var bench = new BusBench();
            SimulatedSerialPort a = bench.Join("A");
            SimulatedSerialPort b = bench.Join("B");
            byte[] buffer = new byte[10];

            var clock = Stopwatch.StartNew();
            Assert.Equal(0, b.Read(buffer, 0, 10, 50));
            Assert.InRange(clock.ElapsedMilliseconds, 45, 1000);

            a.Write(BusBench.Frame(10, 1), 0, 10);
            BusBench.WaitFor(() => bench.Hub.Node("B").RxBytes == 10, "B did not get the bytes");
            Thread.Sleep(20);
            b.DiscardInput();
            Assert.Equal(0, b.Read(buffer, 0, 10, 30));
        }
    }
}
