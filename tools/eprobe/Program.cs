using System;

namespace Ipenergy.Probe.Cli
{
    /// <summary>Entry point of the eprobe tool: everything else is in <see cref="CliApplication"/>.</summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            return new CliApplication(Console.Out, Console.Error).Run(args);
        }
    }
}
