using System.Threading;

namespace Ipenergy.Probe.Cli
{
    /// <summary>What a fleet command does to one probe. Throws ProbeException for that probe's failure.</summary>
    public interface IProbeWork
    {
        object Run(ProbeClient client, CancellationToken cancel);
    }
}
