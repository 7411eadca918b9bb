using System;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Protocols.Snmp;
using Ipenergy.Probe.Tests.Unit.Snmp;

namespace Ipenergy.Probe.Tests.Snmp
{
    /// <summary>
    /// The agent on 127.0.0.1, port 0, serving the test subtrees (<see cref="TestScalars"/> at
    /// enterprises.32473.99.1, <see cref="TestTable"/> at .99.2.1); read community "public", write "private".
    /// </summary>
    public sealed class SnmpCoreTestAgent : IDisposable
    {
        public SnmpCoreTestAgent(int maxMessageSize = SnmpMessageProcessor.DefaultMaxMessageSize)
        {
            Scalars = new TestScalars();
            Table = new TestTable();
            Counters = new SnmpCounters();
            Settings = new SnmpSettings { ReadCommunity = "public", WriteCommunity = "private" };
            Tree = new MibTree(new IMibSubtree[] { Scalars, Table });
            Processor = new SnmpMessageProcessor(Tree, Counters, Settings, maxMessageSize);
            Traps = new SnmpTrapSender(Settings, new SysUpTime(new RunningClock()), Counters, maxMessageSize);
            Processor.Notifier = Traps;
            Agent = new SnmpAgent(Processor, "127.0.0.1", 0);
            Agent.Start();
        }

        public TestScalars Scalars { get; }

        public TestTable Table { get; }

        public SnmpCounters Counters { get; }

        public SnmpSettings Settings { get; }

        public MibTree Tree { get; }

        public SnmpMessageProcessor Processor { get; }

        public SnmpTrapSender Traps { get; }

        public SnmpAgent Agent { get; }

        /// <summary>"127.0.0.1:port" for net-snmp tools.</summary>
        public string Target { get { return "127.0.0.1:" + Agent.Port; } }

        public void Dispose()
        {
            Agent.Stop();
            Traps.Close();
        }

        // A monotonic clock 10 s after boot that advances with real time (sysUpTime in notifications).
        private sealed class RunningClock : IClock
        {
            private readonly long _start = Environment.TickCount64;

            public long MonotonicMilliseconds { get { return 10000 + Environment.TickCount64 - _start; } }

            public DateTime UtcNow { get { return DateTime.UtcNow; } }
        }
    }
}
