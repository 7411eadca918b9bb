using System;
using Ipenergy.Probe.Protocols.Snmp;
using Ipenergy.Probe.Protocols.Snmp.Mib;
using Ipenergy.Probe.Tests.Unit.Snmp;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Snmp
{
    /// <summary>GET and GETNEXT over the standard subtrees allocate nothing once warm (the device heap is tiny).</summary>
    public class StandardMibAllocationTests
    {
        private readonly ITestOutputHelper _output;

        public StandardMibAllocationTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void GetAndGetNextAllocateNothing()
        {
            var f = new StandardMibFixture();
            var seconds = new[] { StandardMibFixture.Snapshot(1), StandardMibFixture.Snapshot(2) };
            f.Source.Latest = seconds[0];
            uint[][] gets =
            {
                new uint[] { 1, 3, 6, 1, 2, 1, 1, 1, 0 },
                new uint[] { 1, 3, 6, 1, 2, 1, 1, 5, 0 },
                new uint[] { 1, 3, 6, 1, 2, 1, 11, 1, 0 },
                StandardMibFixture.Cell(StandardOids.EntPhysicalEntry, EntPhysicalTable.Name, 1061),
                StandardMibFixture.Cell(StandardOids.EntPhysicalEntry, EntPhysicalTable.MfgDate, 1),
                StandardMibFixture.Cell(StandardOids.EntPhySensorEntry, EntPhySensorTable.Value, 2013),
                StandardMibFixture.Cell(StandardOids.EntPhySensorEntry, EntPhySensorTable.UnitsDisplay, 112),
                new uint[] { 1, 3, 6, 1, 2, 1, 47, 1, 4, 1, 0 },
                new uint[] { 1, 3, 6, 1, 2, 1, 99, 9, 9 },
            };
            uint[] cursor = new uint[ObjectId.MaxArcs];
            int walked = Round(f, gets, cursor);
            Assert.Equal(7 + 30 + (18 * 25) + 1 + (8 * 24), walked);

            var watch = System.Diagnostics.Stopwatch.StartNew();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int round = 0; round < 200; round++)
            {
                f.Clock.MonotonicMilliseconds += 1000;
                f.Source.Latest = seconds[(round + 1) % 2]; // a new second each round, as in service
                Round(f, gets, cursor);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            watch.Stop();

            // A figure, not a check: MIB work only (no BER, no UDP), one request per varbind.
            int varbinds = 200 * (gets.Length + walked);
            _output.WriteLine(varbinds + " varbinds (each its own request) in " + watch.ElapsedMilliseconds + " ms = "
                + (watch.Elapsed.TotalMilliseconds * 1000.0 / varbinds).ToString("0.000") + " us per varbind; " + allocated + " bytes allocated");
            Assert.True(allocated == 0, allocated + " bytes allocated by 200 x (9 GETs + a 680-varbind GETNEXT walk)");
        }

        // The GETs, then a whole-view GETNEXT walk, each as its own request; returns the walk's length.
        private static int Round(StandardMibFixture f, uint[][] gets, uint[] cursor)
        {
            for (int i = 0; i < gets.Length; i++)
            {
                f.Get(gets[i]);
            }

            int length = 0;
            int count = 0;
            while (f.GetNext(cursor, length))
            {
                length = f.Next.Length;
                Array.Copy(f.Next.Arcs, cursor, length);
                count++;
            }

            return count;
        }
    }
}
