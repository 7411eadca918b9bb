using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Ipenergy.Probe.Tests.CompileGate;

namespace Ipenergy.Probe.Tests.Templates
{
    /// <summary>
    /// The "define TYPE { key value ... }" blocks of a Nagios object configuration file, as Nagios reads
    /// them: '#' and ';' start comments, the first blank separates a directive from its value.
    /// Also the raw text of each block, so a test can copy shipped definitions verbatim.
    /// </summary>
    public sealed class NagiosObjectFile
    {
        public sealed class Definition
        {
            public string Type = string.Empty;
            public string Text = string.Empty;
            public Dictionary<string, string> Directives = new Dictionary<string, string>(StringComparer.Ordinal);

            public string this[string key]
            {
                get { return Directives.TryGetValue(key, out string value) ? value : null; }
            }
        }

        public List<Definition> Definitions { get; } = new List<Definition>();

        /// <summary>tools/templates/nagios in this repository.</summary>
        public static string ShippedDirectory
        {
            get { return Path.Combine(RepoLayout.Root, "tools", "templates", "nagios"); }
        }

        public static NagiosObjectFile LoadShipped(string fileName)
        {
            return Parse(File.ReadAllText(Path.Combine(ShippedDirectory, fileName)));
        }

        public static NagiosObjectFile Parse(string text)
        {
            var file = new NagiosObjectFile();
            Definition current = null;
            var raw = new List<string>();
            foreach (string rawLine in text.Replace("\r\n", "\n").Split('\n'))
            {
                string line = rawLine.Trim();
                if (line.Length == 0 || line[0] == '#' || line[0] == ';')
                {
                    continue;
                }

                if (current == null)
                {
                    if (!line.StartsWith("define ", StringComparison.Ordinal) || !line.EndsWith("{", StringComparison.Ordinal))
                    {
                        throw new FormatException("not inside a definition: " + line);
                    }

                    current = new Definition { Type = line.Substring(7, line.Length - 8).Trim() };
                    raw.Clear();
                    raw.Add(rawLine);
                    continue;
                }

                raw.Add(rawLine);
                if (line == "}")
                {
                    current.Text = string.Join("\n", raw) + "\n";
                    file.Definitions.Add(current);
                    current = null;
                    continue;
                }

                int blank = line.IndexOfAny(new[] { ' ', '\t' });
                string key = blank < 0 ? line : line.Substring(0, blank);
                string value = blank < 0 ? string.Empty : line.Substring(blank).Trim();
                current.Directives[key] = value;
            }

            if (current != null)
            {
                throw new FormatException("definition not closed: define " + current.Type);
            }

            return file;
        }

        public IEnumerable<Definition> OfType(string type)
        {
            return Definitions.Where(d => d.Type == type);
        }

        /// <summary>command_name -> command_line of every command definition.</summary>
        public Dictionary<string, string> Commands()
        {
            return OfType("command").ToDictionary(d => d["command_name"], d => d["command_line"], StringComparer.Ordinal);
        }
    }
}
