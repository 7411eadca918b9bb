using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Threading;

namespace Ipenergy.Probe.Cli
{
    /// <summary>
    /// Dispatches "eprobe COMMAND [options]": --help and --version, the command table, usage errors ("error:
    /// ..." and exit 2), Ctrl-C (a cancellation every command honours; exit 130).
    /// </summary>
    public sealed class CliApplication
    {
        private readonly TextReader _input;
        private readonly TextWriter _output;
        private readonly TextWriter _error;
        private readonly bool _errorIsTerminal;

        public CliApplication(TextWriter output, TextWriter error)
            : this(Console.In, output, error, !Console.IsErrorRedirected)
        {
        }

        public CliApplication(TextReader input, TextWriter output, TextWriter error, bool errorIsTerminal)
        {
            _input = input;
            _output = output;
            _error = error;
            _errorIsTerminal = errorIsTerminal;
        }

        public int Run(string[] args)
        {
            IList<ICommand> commands = CommandTable.All();
            if (args.Length == 0)
            {
                _error.Write(GeneralHelp(commands));
                return ExitCodes.Usage;
            }

            if (args[0] == "--help" || args[0] == "-h" || args[0] == "help")
            {
                if (args.Length > 1)
                {
                    string[] rest = new string[args.Length - 1];
                    Array.Copy(args, 1, rest, 0, rest.Length);
                    int used;
                    ICommand named = CommandTable.Find(commands, rest, out used);
                    if (named != null)
                    {
                        _output.WriteLine(named.Help);
                        return ExitCodes.Ok;
                    }
                }

                _output.Write(GeneralHelp(commands));
                return ExitCodes.Ok;
            }

            if (args[0] == "--version")
            {
                _output.WriteLine("eprobe " + Version());
                return ExitCodes.Ok;
            }

            int wordsUsed;
            ICommand command = CommandTable.Find(commands, args, out wordsUsed);
            if (command == null)
            {
                List<ICommand> group = CommandTable.Group(commands, args[0]);
                if (group.Count > 0)
                {
                    _error.WriteLine("error: \"" + args[0] + "\" needs a subcommand: " + Names(group));
                }
                else
                {
                    _error.WriteLine("error: unknown command \"" + args[0] + "\" (eprobe --help lists them)");
                }

                return ExitCodes.Usage;
            }

            string[] commandArgs = new string[args.Length - wordsUsed];
            Array.Copy(args, wordsUsed, commandArgs, 0, commandArgs.Length);
            foreach (string word in commandArgs)
            {
                if (word == "--help" || word == "-h")
                {
                    _output.WriteLine(command.Help);
                    return ExitCodes.Ok;
                }

                if (word == "--")
                {
                    break;
                }
            }

            using var cancel = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (sender, e) =>
            {
                e.Cancel = true;
                cancel.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            try
            {
                var context = new CommandContext(new ArgReader(commandArgs), _input, _output, _error, _errorIsTerminal, cancel.Token);
                int code = command.Run(context);
                _output.Flush();
                return cancel.IsCancellationRequested && !context.InterruptIsNormalEnd ? ExitCodes.Interrupted : code;
            }
            catch (UsageException e)
            {
                _error.WriteLine("error: " + e.Message + " (eprobe " + command.Name + " --help)");
                return ExitCodes.Usage;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        }

        public static string Version()
        {
            var info = typeof(CliApplication).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>();
            string version = info != null ? info.InformationalVersion : "0";
            int plus = version.IndexOf('+');
            return plus > 0 ? version.Substring(0, plus) : version;
        }

        private static string GeneralHelp(IList<ICommand> commands)
        {
            var text = new System.Text.StringBuilder();
            text.Append("eprobe: find, read, configure and bill a fleet of IPenergy e-Probes\n\n");
            text.Append("usage: eprobe COMMAND [options]      eprobe COMMAND --help for its options\n\n");
            text.Append("Commands:\n");
            int width = 0;
            foreach (ICommand c in commands)
            {
                width = Math.Max(width, c.Name.Length);
            }

            foreach (ICommand c in commands)
            {
                text.Append("  ").Append(c.Name.PadRight(width + 2)).Append(c.Summary).Append('\n');
            }

            text.Append('\n').Append(FleetOptions.HelpText).Append("\n\n");
            text.Append("Exit codes: 0 done on every probe, 1 some probes failed (each reported on stderr), 2 bad command line,\n");
            text.Append("3 no probe found, 4 every probe failed, 130 interrupted.\n");
            return text.ToString();
        }

        private static string Names(List<ICommand> group)
        {
            var names = new List<string>();
            foreach (ICommand c in group)
            {
                names.Add(c.Name);
            }

            return string.Join(", ", names);
        }
    }
}
