using System;
using System.Collections.Generic;

namespace Ipenergy.Probe.Tests.CompileGate
{
    /// <summary>One parameter of a signature: "[ref|out|in|params] Type name [= default]".</summary>
    public sealed class ApiParameter
    {
        private static readonly string[] ModifierWords = { "ref", "out", "in", "params", "this" };

        public string Modifier { get; private set; }

        public string Type { get; private set; }

        public string Name { get; private set; }

        /// <summary>Default value as written, or null.</summary>
        public string Default { get; private set; }

        public static List<ApiParameter> ParseList(string text)
        {
            var list = new List<ApiParameter>();
            foreach (string part in SignatureText.SplitTopLevel(text, ','))
            {
                if (part.Length > 0)
                {
                    list.Add(Parse(part));
                }
            }

            return list;
        }

        public static ApiParameter Parse(string text)
        {
            var p = new ApiParameter { Modifier = string.Empty };
            int eq = IndexOfDefault(text);
            if (eq >= 0)
            {
                p.Default = text.Substring(eq + 3).Trim();
                text = text.Substring(0, eq);
            }

            text = text.Trim();
            foreach (string word in ModifierWords)
            {
                if (text.StartsWith(word + " ", StringComparison.Ordinal))
                {
                    p.Modifier = word;
                    text = text.Substring(word.Length + 1).Trim();
                    break;
                }
            }

            // The name is the last word outside generic brackets ("Dictionary<TKey, TValue> d").
            int space = -1;
            int depth = 0;
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '<' || text[i] == '[' || text[i] == '(')
                {
                    depth++;
                }
                else if (text[i] == '>' || text[i] == ']' || text[i] == ')')
                {
                    depth--;
                }
                else if (text[i] == ' ' && depth == 0)
                {
                    space = i;
                }
            }

            if (space < 0)
            {
                throw new FormatException("parameter without a name: " + text);
            }

            p.Type = text.Substring(0, space).Trim();
            p.Name = text.Substring(space + 1).Trim();
            return p;
        }

        private static int IndexOfDefault(string text)
        {
            char quote = '\0';
            for (int i = 0; i + 2 < text.Length; i++)
            {
                char c = text[i];
                if (quote != '\0')
                {
                    if (c == '\\')
                    {
                        i++;
                    }
                    else if (c == quote)
                    {
                        quote = '\0';
                    }
                }
                else if (c == '"' || c == '\'')
                {
                    quote = c;
                }
                else if (c == ' ' && text[i + 1] == '=' && text[i + 2] == ' ')
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
