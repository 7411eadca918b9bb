using System;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Protocols.Snmp;
using Ipenergy.Probe.Protocols.Snmp.Mib;
using Ipenergy.Probe.Tests.Unit.Snmp;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Snmp
{
    /// <summary>GET and GETNEXT over the IPENERGY-EPROBE-MIB subtrees allocate nothing (the device heap is tiny).</summary>
    public class EprobeMibAllocationTests
    {
        private readonly ITestOutputHelper _output;

        public EprobeMibAllocationTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void GetAndGetNextAllocateNothing()
        {
            var source = new EprobeMibSource { Latest = EprobeMibFixture.Snapshot(18, new[] { "C1", "C2", "C3" }) };
            var live = new EprobeMibLiveConfig(EprobeMibFixture.ThreeCircuits());
            var clock = new EprobeMibClock { UtcNow = EprobeMibFixture.SnapshotTime.AddSeconds(1) };
            var tree = new MibTree(EprobeMib.CreateSubtrees(source, live, new DeviceIdentity("MPP18", "", "0.6.0", "EP18-0001"), clock));
            var value = new SnmpValue();
            var next = new OidBuffer();
            var walk = new uint[ObjectId.MaxArcs];

            // Every cell's name, collected once by a walk (outside the measured part).
            var names = new System.Collections.Generic.List<uint[]>();
            int cells = Walk(tree, walk, next, value, names);
            Assert.Equal(12 + 7 * 3 + 18 * 18 + 14 * 3, cells);

            var watch = System.Diagnostics.Stopwatch.StartNew();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int round = 0; round < 50; round++)
            {
                Walk(tree, walk, next, value, null);
                for (int i = 0; i < names.Count; i++)
                {
                    tree.BeginRequest();
                    tree.Get(names[i], names[i].Length, value);
                }
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            watch.Stop();
            int varbinds = 50 * 2 * cells;
            _output.WriteLine(varbinds + " varbinds (GETNEXT walk + GET of every cell, each its own request) in " + watch.ElapsedMilliseconds
                + " ms = " + (watch.Elapsed.TotalMilliseconds * 1000.0 / varbinds).ToString("0.000") + " us per varbind; " + allocated + " bytes allocated");
            Assert.True(allocated == 0, allocated + " bytes allocated by 50 × (" + cells + " GETNEXT + " + cells + " GET)");
            Assert.False(SnmpType.IsException(value.Type));
        }

        private static int Walk(MibTree tree, uint[] walk, OidBuffer next, SnmpValue value, System.Collections.Generic.List<uint[]> names)
        {
            uint[] start = EprobeOids.Module;
            Array.Copy(start, walk, start.Length);
            int length = start.Length;
            int count = 0;
            while (true)
            {
                tree.BeginRequest();
                if (!tree.GetNext(walk, length, next, value))
                {
                    return count;
                }

                Array.Copy(next.Arcs, walk, next.Length);
                length = next.Length;
                count++;
                if (names != null)
                {
                    uint[] name = new uint[length];
                    Array.Copy(walk, name, length);
                    names.Add(name);
                }
            }
        }
    }
}
