using System.Collections.Generic;
using System.Linq;
using Ipenergy.Probe.Benchmarks;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Benchmarks
{
    /// <summary>
    /// The heap budget's measurement itself (tools/benchmarks -- --heap): the graph walker prices a known object graph
    /// exactly as the nanoCLR model says and attributes shared objects by dominance; a short real run of an MPP3 with
    /// every service on gives figures. No budget and no time is asserted: the benchmark prints those.
    /// </summary>
    public sealed class HeapBudgetTests
    {
        private readonly ITestOutputHelper _output;

        public HeapBudgetTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void ModelPricesEachKindOfObjectInWholeHeapBlocks()
        {
            Assert.Equal(12, HeapBudgetModel.Object(0));
            Assert.Equal(12 + 5 * 12, HeapBudgetModel.Object(5));
            Assert.Equal(36, HeapBudgetModel.Array(typeof(byte), 10));       // 20 + 10 = 30 -> 36
            Assert.Equal(24, HeapBudgetModel.Array(typeof(byte), 0));        // 20 -> 24
            Assert.Equal(36, HeapBudgetModel.Array(typeof(char), 8));        // 20 + 16 = 36
            Assert.Equal(36, HeapBudgetModel.Array(typeof(int), 3));         // 20 + 12 = 32 -> 36
            Assert.Equal(36, HeapBudgetModel.Array(typeof(double), 2));      // 20 + 16 = 36
            Assert.Equal(60, HeapBudgetModel.Array(typeof(object), 3));      // 20 + 36 = 56 -> 60
            Assert.Equal(12, HeapBudgetModel.String("a literal", true));
            Assert.Equal(24, HeapBudgetModel.String("été", false));         // 12 + 5 UTF-8 bytes + NUL = 18 -> 24
        }

        [Fact]
        public void WalkerCountsAKnownGraphAsTheModelSays()
        {
            // root -> a; a -> b, c (and a byte[10], a run-time string, an int[3]); b -> d; c -> d; d -> a (a cycle).
            var d = new Probe();
            var b = new Probe { Next = d };
            var c = new Probe { Next = d };
            string name = string.Concat("abc", new string('d', 2));   // "abcdd": built at run time, not interned
            var a = new Probe { Next = b, Other = c, Bytes = new byte[10], Name = name, Ints = new int[3], Items = new object[] { b, 7, null }, Count = 1, Total = 2 };
            d.Next = a;

            HeapBudgetGraph g = HeapBudgetGraph.Build(new[] { new KeyValuePair<string, object>("a", a) }, null, typeof(Probe).Assembly);

            long probe = 12 + 12 * 8;                      // header + 8 fields (ints, long, references alike)
            long bytes = 36, ints = 36, str = 24;           // byte[10]; int[3]; "abcdd" = 12 + 5 + 1 -> 24
            long items = 60, boxed = 24;                    // object[3] of cells; the boxed 7
            Assert.Equal(probe, g.Shallow(a));
            Assert.Equal(str, g.Shallow(name));
            Assert.Equal(4 * probe + bytes + ints + str + items + boxed, g.Total);
            Assert.Equal(9, g.ObjectCount);

            // d is reached through b and c: neither retains it, a does (a dominates everything here).
            Assert.Equal(probe, g.Retained(b));
            Assert.Equal(probe, g.Retained(c));
            Assert.Equal(probe, g.Retained(d));
            Assert.Equal(g.Total, g.Retained(a));
            Assert.Empty(g.Skipped);
        }

        [Fact]
        public void WalkerSkipsHostObjectsAndCountsThem()
        {
            var a = new Probe { Items = new object[] { new System.Threading.AutoResetEvent(false), new System.Threading.AutoResetEvent(false) } };
            HeapBudgetGraph g = HeapBudgetGraph.Build(new[] { new KeyValuePair<string, object>("a", a) }, null, typeof(Probe).Assembly);
            Assert.Equal(12 + 12 * 8 + 48, g.Total);        // the two events are priced 0; object[2] = 20 + 24 -> 48
            Assert.Equal(2, g.Skipped["System.Threading.AutoResetEvent"]);
        }

        [Fact]
        public void ShortRunOfAnMpp3WithEveryServiceGivesFigures()
        {
            HeapBudgetBenchmark.LiveFigures r = HeapBudgetBenchmark.MeasureLive("MPP3", "test", 2, 5, true, 2);
            _output.WriteLine("MPP3: host live " + r.HostLive + " bytes, nanoCLR estimate " + r.Estimate + " (statics " + r.Statics + "), "
                + r.Objects + " objects; snapshot " + r.SnapshotEstimate + " bytes");
            foreach (HeapBudgetBenchmark.PhaseFigures p in r.Phases)
            {
                _output.WriteLine(p.Name + ": mean " + p.Mean.ToString("F0") + " bytes/s, peak " + p.Peak + ", failed " + p.Failures);
            }

            Assert.True(r.Estimate > 0 && r.Statics > 0 && r.Estimate > r.Statics, "estimate " + r.Estimate + ", statics " + r.Statics);
            Assert.True(r.SnapshotEstimate > 0, "snapshot " + r.SnapshotEstimate);
            string[] services = { "ProbeApp._http", "ProbeApp._history", "ProbeApp._alarms", "ProbeApp._snmpMessages", "ProbeApp._modbus" };
            foreach (string s in services)
            {
                Assert.Contains(r.Retainers, x => x.Path == s && x.Bytes > 0);
            }

            // The app's own fields and the retainers under it (and the statics) account for the whole estimate, each byte once.
            Assert.Equal(r.Estimate, r.AppOwnBytes + r.Retainers.Sum(x => x.Bytes));
            Assert.Equal(5, r.Phases.Count);
            Assert.All(r.Phases, p => Assert.Equal(0, p.Failures));
        }

        private sealed class Probe
        {
            public Probe Next;
            public Probe Other;
            public byte[] Bytes;
            public int[] Ints;
            public string Name;
            public object[] Items;
            public int Count;
            public long Total;
        }
    }
}
