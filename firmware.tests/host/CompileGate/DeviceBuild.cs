using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Ipenergy.Probe.Tests.CompileGate
{
    /// <summary>What one device compilation of a set of shared sources found.</summary>
    public sealed class DeviceBuild
    {
        public DeviceBuild(List<GateFinding> compileErrors, List<GateFinding> ruleFindings, List<string> referenceProblems, Compilation compilation, TimeSpan elapsed)
        {
            CompileErrors = compileErrors;
            RuleFindings = ruleFindings;
            ReferenceProblems = referenceProblems;
            Compilation = compilation;
            Elapsed = elapsed;
        }

        /// <summary>Compiler errors against the device mscorlib and the package stubs.</summary>
        public List<GateFinding> CompileErrors { get; }

        /// <summary>Subset rule findings (<see cref="SubsetRules"/>).</summary>
        public List<GateFinding> RuleFindings { get; }

        /// <summary>Packages that have no list or whose stubs did not build.</summary>
        public List<string> ReferenceProblems { get; }

        public Compilation Compilation { get; }

        /// <summary>
        /// The compilation as a reference for the unit tests: declarations are enough, so the unit tests
        /// are checked even while the firmware itself still has errors.
        /// </summary>
        public MetadataReference AsReference { get { return Compilation.ToMetadataReference(); } }

        public TimeSpan Elapsed { get; }

        public IEnumerable<GateFinding> AllFindings { get { return CompileErrors.Concat(RuleFindings); } }

        public static string Describe(IEnumerable<GateFinding> findings)
        {
            return string.Join(Environment.NewLine, findings.Select(f => "  " + f));
        }
    }
}
