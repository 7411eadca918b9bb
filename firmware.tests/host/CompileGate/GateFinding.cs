using System;

namespace Ipenergy.Probe.Tests.CompileGate
{
    /// <summary>One thing the gate rejects, reported as "file:line: CODE message".</summary>
    public sealed class GateFinding
    {
        public GateFinding(string file, int line, string code, string message)
        {
            File = file;
            Line = line;
            Code = code;
            Message = message;
        }

        /// <summary>Repository-relative path with forward slashes.</summary>
        public string File { get; }

        /// <summary>1-based; 0 when the finding is about the whole file or compilation.</summary>
        public int Line { get; }

        /// <summary>A compiler id (CS0117) or a subset rule id (NF0003, see <see cref="SubsetRules"/>).</summary>
        public string Code { get; }

        public string Message { get; }

        public override string ToString()
        {
            return File + ":" + Line + ": " + Code + " " + Message;
        }
    }
}
