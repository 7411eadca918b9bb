using System;
using System.Collections.Generic;

namespace Ipenergy.Probe.Cli
{
    /// <summary>Every eprobe command, in the order `eprobe --help` lists them.</summary>
    public static class CommandTable
    {
        public static IList<ICommand> All()
        {
            return new ICommand[]
            {
                new DiscoverCommand(),
                new ReadCommand(),
                new WatchCommand(),
                new AlarmsCommand(),
                new ConfigGetCommand(),
                new ConfigSetCommand(),
                new ConfigExportCommand(),
                new ConfigImportCommand(),
                new PushCommand(),
                new BillingExportCommand(),
            };
        }

        /// <summary>The command the first one or two words name (two-word names first), or null.</summary>
        public static ICommand Find(IList<ICommand> commands, string[] args, out int wordsUsed)
        {
            wordsUsed = 0;
            if (args.Length >= 2)
            {
                foreach (ICommand command in commands)
                {
                    if (command.Name == args[0] + " " + args[1])
                    {
                        wordsUsed = 2;
                        return command;
                    }
                }
            }

            if (args.Length >= 1)
            {
                foreach (ICommand command in commands)
                {
                    if (command.Name == args[0])
                    {
                        wordsUsed = 1;
                        return command;
                    }
                }
            }

            return null;
        }

        /// <summary>The commands whose first word is this group ("config"), for "eprobe config" alone.</summary>
        public static List<ICommand> Group(IList<ICommand> commands, string word)
        {
            var result = new List<ICommand>();
            foreach (ICommand command in commands)
            {
                if (command.Name.StartsWith(word + " ", StringComparison.Ordinal))
                {
                    result.Add(command);
                }
            }

            return result;
        }
    }
}
