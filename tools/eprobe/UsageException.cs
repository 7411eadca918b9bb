using System;

namespace Ipenergy.Probe.Cli
{
    /// <summary>A mistake in the command line or an input file: printed as "error: ..." and exit code 2.</summary>
    public sealed class UsageException : Exception
    {
        public UsageException(string message)
            : base(message)
        {
        }
    }
}
