namespace Ipenergy.Probe.Cli
{
    /// <summary>One eprobe command ("read", "config get", ...). Listed in CommandTable.</summary>
    public interface ICommand
    {
        /// <summary>One or two words as typed: "read", "config get", "billing export".</summary>
        string Name { get; }

        /// <summary>One line for the command list of `eprobe --help`.</summary>
        string Summary { get; }

        /// <summary>The full text of `eprobe NAME --help` (usage line, options, examples).</summary>
        string Help { get; }

        /// <summary>Does the work; returns an ExitCodes value. Throws UsageException for a bad command line.</summary>
        int Run(CommandContext context);
    }
}
