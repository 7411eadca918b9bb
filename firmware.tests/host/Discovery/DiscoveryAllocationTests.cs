using System;
using System.Diagnostics;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Protocols.Discovery;
using Ipenergy.Probe.Tests.Unit.Discovery;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Discovery
{
    /// <summary>The responder's per-request work allocates nothing once warm (the device's heap is tiny).</summary>
    public class DiscoveryAllocationTests
    {
        private readonly ITestOutputHelper _output;

        public DiscoveryAllocationTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void Answering_allocates_nothing_in_steady_state()
        {
            var clock = new DiscoveryFakeClock();
            MeterConfig config = new MeterConfig(18);
            config.Snmp.SysLocation = "Hall 2";
            var answer = new DiscoveryAnswer(new DeviceIdentity("MPP18", "", "0.5.0", "SN-ALLOC"), new DiscoveryFixedConfig(config), null);
            answer.HttpPort = 80;
            answer.ModbusPort = 502;
            answer.SnmpPort = 161;
            var responder = new DiscoveryResponder(answer, clock, "127.0.0.1", 0);
            byte[] request = DiscoveryBytes.Request(1, 2, 3, 4);
            object source = "10.0.0.1";
            byte[] garbage = new byte[13];

            int length = 0;
            for (int i = 0; i < 100; i++)
            {
                clock.Now += 1000;
                length = responder.Process(request, 0, request.Length, source);
                responder.Process(garbage, 0, garbage.Length, source);
            }

            const int N = 10000;
            var watch = new Stopwatch();   // created before counting: the Stopwatch itself is 40 bytes
            long before = GC.GetAllocatedBytesForCurrentThread();
            watch.Start();
            for (int i = 0; i < N; i++)
            {
                clock.Now += 1000;
                length = responder.Process(request, 0, request.Length, source);
                responder.Process(request, 0, request.Length, source);   // rate-limited
                responder.Process(garbage, 0, garbage.Length, source);   // ignored
            }

            watch.Stop();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            _output.WriteLine("answer " + length + " bytes; " + (N / watch.Elapsed.TotalSeconds).ToString("F0") +
                " answers/s (with one limited and one ignored datagram each) on this host; " + allocated + " bytes allocated");
            Assert.True(length > 13, "answered");
            Assert.Equal(100 + N, responder.Answered);
            Assert.Equal(N, responder.RateLimited);
            Assert.Equal(0L, allocated);
        }
    }
}
