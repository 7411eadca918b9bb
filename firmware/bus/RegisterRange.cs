namespace Ipenergy.Probe.Bus
{
    /// <summary>
    /// A block of registers the gateway reads from a module (one FC 03/04 request). Optional: a module that
    /// answers it with exception 02 (illegal address: e.g. an MPP3 asked for MPP18 channels, or an older map
    /// without the block) still has a good poll; the range is marked absent for that module (reads there -&gt;
    /// NotCached) and asked again only every <see cref="BusPoller.RetryAbsentCycles"/> polls. EveryCycles &gt; 1:
    /// a slow range (e.g. the identity block), read at the module's first poll and then every that many polls;
    /// its last values stay in the image in between.
    /// </summary>
    public sealed class RegisterRange
    {
        public RegisterRange(bool holding, int start, int count)
            : this(holding, start, count, false, 1)
        {
        }

        public RegisterRange(bool holding, int start, int count, bool optional, int everyCycles)
        {
            Holding = holding;
            Start = start;
            Count = count;
            Optional = optional;
            EveryCycles = everyCycles < 1 ? 1 : everyCycles;
        }

        /// <summary>True: holding registers (FC 03); false: input registers (FC 04).</summary>
        public bool Holding { get; private set; }

        public int Start { get; private set; }

        /// <summary>1..125 registers.</summary>
        public int Count { get; private set; }

        /// <summary>Exception 02 marks the range absent for the module instead of failing its poll.</summary>
        public bool Optional { get; private set; }

        /// <summary>1: every poll; n: the module's first poll, then every n-th.</summary>
        public int EveryCycles { get; private set; }
    }
}
