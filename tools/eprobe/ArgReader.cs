using System;
using System.Collections.Generic;

namespace Ipenergy.Probe.Cli
{
    /// <summary>
    /// The words of one command line after the command name. A command asks for its options and flags by name
    /// ("--name value", "--name=value", or a declared short alias), then for the positional words; Finish()
    /// refuses anything it did not ask for, so a misspelt option is an error, never silently ignored.
    /// </summary>
    public sealed class ArgReader
    {
        private readonly List<string> _words;
        private readonly bool[] _used;
        private readonly Dictionary<string, string> _aliases = new Dictionary<string, string>(StringComparer.Ordinal);

        public ArgReader(IEnumerable<string> words)
        {
            _words = new List<string>(words);
            _used = new bool[_words.Count];
        }

        /// <summary>Makes a short form ("-p") mean a long one ("--probe").</summary>
        public void Alias(string shortForm, string longName)
        {
            _aliases[shortForm] = "--" + longName;
        }

        /// <summary>True when "--name" (or its alias) is present; takes no value.</summary>
        public bool Flag(string name)
        {
            bool found = false;
            for (int i = 0; i < _words.Count; i++)
            {
                if (!_used[i] && IsName(_words[i], name))
                {
                    _used[i] = true;
                    found = true;
                }
                else if (!_used[i] && _words[i].StartsWith("--" + name + "=", StringComparison.Ordinal))
                {
                    throw new UsageException("--" + name + " takes no value");
                }
            }

            return found;
        }

        /// <summary>The last value of "--name value" / "--name=value", or null when absent.</summary>
        public string Option(string name)
        {
            string[] all = Options(name);
            return all.Length == 0 ? null : all[all.Length - 1];
        }

        /// <summary>Every value of a repeatable option, in order.</summary>
        public string[] Options(string name)
        {
            var values = new List<string>();
            for (int i = 0; i < _words.Count; i++)
            {
                if (_used[i])
                {
                    continue;
                }

                string word = _words[i];
                string inline = "--" + name + "=";
                if (word.StartsWith(inline, StringComparison.Ordinal))
                {
                    _used[i] = true;
                    values.Add(word.Substring(inline.Length));
                }
                else if (IsName(word, name))
                {
                    if (i + 1 >= _words.Count || _used[i + 1])
                    {
                        throw new UsageException("--" + name + " needs a value");
                    }

                    _used[i] = true;
                    _used[i + 1] = true;
                    values.Add(_words[i + 1]);
                    i++;
                }
            }

            return values.ToArray();
        }

        /// <summary>An integer option within [min, max], or the default when absent.</summary>
        public int IntOption(string name, int defaultValue, int min, int max)
        {
            string text = Option(name);
            if (text == null)
            {
                return defaultValue;
            }

            int value;
            if (!int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out value)
                || value < min || value > max)
            {
                throw new UsageException("--" + name + " must be an integer from " + min + " to " + max + ", got \"" + text + "\"");
            }

            return value;
        }

        /// <summary>A number option within [min, max], or the default when absent.</summary>
        public double NumberOption(string name, double defaultValue, double min, double max)
        {
            string text = Option(name);
            if (text == null)
            {
                return defaultValue;
            }

            double value;
            if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value)
                || double.IsNaN(value) || value < min || value > max)
            {
                throw new UsageException("--" + name + " must be a number from " + min + " to " + max + ", got \"" + text + "\"");
            }

            return value;
        }

        /// <summary>
        /// The words no option took, in order ("--" ends the options). Call after every Option/Flag: a word
        /// still starting with "-" is then an unknown option.
        /// </summary>
        public string[] Positionals()
        {
            var result = new List<string>();
            bool afterDashes = false;
            for (int i = 0; i < _words.Count; i++)
            {
                if (_used[i])
                {
                    continue;
                }

                string word = _words[i];
                _used[i] = true;
                if (!afterDashes && word == "--")
                {
                    afterDashes = true;
                    continue;
                }

                if (!afterDashes && word.Length > 1 && word[0] == '-' && !IsNumber(word))
                {
                    throw new UsageException("unknown option " + word);
                }

                result.Add(word);
            }

            return result.ToArray();
        }

        /// <summary>Refuses any word the command did not take.</summary>
        public void Finish()
        {
            string[] rest = Positionals();
            if (rest.Length > 0)
            {
                throw new UsageException("unexpected argument \"" + rest[0] + "\"");
            }
        }

        private bool IsName(string word, string name)
        {
            string alias;
            if (_aliases.TryGetValue(word, out alias))
            {
                word = alias;
            }

            return word == "--" + name;
        }

        private static bool IsNumber(string word)
        {
            double ignored;
            return double.TryParse(word, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out ignored);
        }
    }
}
