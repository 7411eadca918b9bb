namespace Ipenergy.Probe.Cli
{
    /// <summary>How a command prints its result: --format table|json|csv (--json is --format json).</summary>
    public enum OutputFormat
    {
        Table,
        Json,
        Csv,
    }
}
