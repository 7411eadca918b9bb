using Xunit;

namespace Ipenergy.Probe.Tests.TestSupport
{
    /// <summary>
    /// Tests that measure (benchmarks) or depend on the pace of simulated time (power cuts, saves on
    /// schedule, a simulated day, Chromium driving a live page) run in this collection: after the others and
    /// one at a time, so the rest of the suite cannot starve them on a 2-core CI machine.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class AloneCollection
    {
        public const string Name = "Runs alone";
    }
}
