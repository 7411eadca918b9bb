namespace Ipenergy.Probe.Bus
{
    /// <summary>A block of registers the gateway reads from every module each cycle (one FC 03/04 request).</summary>
    public sealed class RegisterRange
    {
        public RegisterRange(bool holding, int start, int count)
        {
            Holding = holding;
            Start = start;
            Count = count;
        }

        /// <summary>True: holding registers (FC 03); false: input registers (FC 04).</summary>
        public bool Holding { get; private set; }

        public int Start { get; private set; }

        /// <summary>1..125 registers.</summary>
        public int Count { get; private set; }
    }
}
