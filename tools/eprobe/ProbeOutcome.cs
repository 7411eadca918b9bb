namespace Ipenergy.Probe.Cli
{
    /// <summary>What one probe gave a fleet operation: a result, or the error that stopped it there.</summary>
    public sealed class ProbeOutcome
    {
        public ProbeOutcome(ProbeTarget target, object result, string error)
        {
            Target = target;
            Result = result;
            Error = error;
        }

        public ProbeTarget Target { get; }

        /// <summary>The command's own result for this probe (null when it failed).</summary>
        public object Result { get; }

        /// <summary>Why this probe failed, or null.</summary>
        public string Error { get; }

        public bool Ok { get { return Error == null; } }
    }
}
