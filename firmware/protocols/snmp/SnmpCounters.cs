using System.Threading;

namespace Ipenergy.Probe.Protocols.Snmp
{
    /// <summary>
    /// The snmp group's counters (SNMPv2-MIB, RFC 3418, and the MIB-II counters RFC 1213 defined and agents
    /// still serve), indexed by their sub-identifier under snmp (1.3.6.1.2.1.11): the message layer counts,
    /// the snmp group subtree reports. Counter32 values wrap at 2^32 as the SMI says.
    /// </summary>
    public sealed class SnmpCounters
    {
        public const int InPkts = 1;
        public const int OutPkts = 2;
        public const int InBadVersions = 3;
        public const int InBadCommunityNames = 4;
        public const int InBadCommunityUses = 5;
        public const int InAsnParseErrs = 6;
        public const int InTooBigs = 8;
        public const int InNoSuchNames = 9;
        public const int InBadValues = 10;
        public const int InReadOnlys = 11;
        public const int InGenErrs = 12;
        public const int InTotalReqVars = 13;
        public const int InTotalSetVars = 14;
        public const int InGetRequests = 15;
        public const int InGetNexts = 16;
        public const int InSetRequests = 17;
        public const int InGetResponses = 18;
        public const int InTraps = 19;
        public const int OutTooBigs = 20;
        public const int OutNoSuchNames = 21;
        public const int OutBadValues = 22;
        public const int OutGenErrs = 24;
        public const int OutGetRequests = 25;
        public const int OutGetNexts = 26;
        public const int OutSetRequests = 27;
        public const int OutGetResponses = 28;
        public const int OutTraps = 29;
        public const int SilentDrops = 31;
        public const int ProxyDrops = 32;

        private const int Slots = 33;

        private readonly int[] _values = new int[Slots];

        /// <summary>Adds one to the counter with this sub-identifier.</summary>
        public void Increment(int counter)
        {
            Interlocked.Increment(ref _values[counter]);
        }

        /// <summary>Adds n (e.g. varbinds of a request).</summary>
        public void Add(int counter, int n)
        {
            // nanoFramework's Interlocked has no Add: a CompareExchange loop instead.
            while (true)
            {
                int seen = Interlocked.CompareExchange(ref _values[counter], 0, 0);
                if (Interlocked.CompareExchange(ref _values[counter], seen + n, seen) == seen)
                {
                    return;
                }
            }
        }

        /// <summary>
        /// Counts a v1 error-status tooBig(1)..genErr(5) in its counter: MIB-II numbers them in that order from
        /// snmpInTooBigs (8) and snmpOutTooBigs (20), so status s goes to first + s - 1. Other statuses count nothing.
        /// </summary>
        public void CountErrorStatus(int tooBigCounter, int status)
        {
            if (status >= SnmpErrorStatus.TooBig && status <= SnmpErrorStatus.GenErr)
            {
                Increment(tooBigCounter + status - SnmpErrorStatus.TooBig);
            }
        }

        /// <summary>The counter's value as Counter32 (wrapped to 32 bits).</summary>
        public uint Read(int counter)
        {
            return (uint)Interlocked.CompareExchange(ref _values[counter], 0, 0);
        }
    }
}
