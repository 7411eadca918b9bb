using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace Ipenergy.Probe.Tests.CompileGate
{
    /// <summary>Small text helpers for the signatures written in the API lists.</summary>
    public static class SignatureText
    {
        // Dotted names (namespace-qualified types, enum members) outside of any '::' or 'global::'.
        private static readonly Regex DottedName = new Regex(@"(?<![\w.:@])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)");

        /// <summary>Splits on <paramref name="separator"/> where no bracket or quote is open.</summary>
        public static List<string> SplitTopLevel(string text, char separator)
        {
            var parts = new List<string>();
            int depth = 0;
            int start = 0;
            char quote = '\0';
            for (int i = 0; i < text.Length; i++)
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

                    continue;
                }

                switch (c)
                {
                    case '"':
                    case '\'':
                        quote = c;
                        break;
                    case '(':
                    case '[':
                    case '<':
                    case '{':
                        depth++;
                        break;
                    case ')':
                    case ']':
                    case '>':
                    case '}':
                        depth--;
                        break;
                    default:
                        if (c == separator && depth == 0)
                        {
                            parts.Add(text.Substring(start, i - start).Trim());
                            start = i + 1;
                        }

                        break;
                }
            }

            string last = text.Substring(start).Trim();
            if (last.Length > 0 || parts.Count > 0)
            {
                parts.Add(last);
            }

            return parts;
        }

        /// <summary>Index of the bracket closing the one at <paramref name="open"/>.</summary>
        public static int MatchingClose(string text, int open)
        {
            char o = text[open];
            char c = o == '(' ? ')' : o == '[' ? ']' : o == '<' ? '>' : '}';
            int depth = 0;
            for (int i = open; i < text.Length; i++)
            {
                if (text[i] == o)
                {
                    depth++;
                }
                else if (text[i] == c && --depth == 0)
                {
                    return i;
                }
            }

            throw new FormatException("unbalanced '" + o + "' in: " + text);
        }

        /// <summary>
        /// Prefixes every dotted name with global:: so that namespaces such as nanoFramework.System.*
        /// cannot shadow System.* in the generated stubs.
        /// </summary>
        public static string Qualify(string typeText)
        {
            return DottedName.Replace(typeText, "global::$1");
        }

        /// <summary>Dotted names used in a piece of signature text (string and char literals skipped).</summary>
        public static IEnumerable<string> DottedNames(string text)
        {
            string withoutLiterals = Regex.Replace(text, "\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'", "\"\"");
            foreach (Match m in DottedName.Matches(withoutLiterals))
            {
                yield return m.Groups[1].Value;
            }
        }

        /// <summary>Name without its generic part: "Action&lt;T1, T2&gt;" gives "Action".</summary>
        public static string WithoutGenerics(string name)
        {
            int lt = name.IndexOf('<');
            return lt < 0 ? name : name.Substring(0, lt);
        }

        /// <summary>An identifier safe to write in C#, @-escaped when it is a keyword.</summary>
        public static string Identifier(string name)
        {
            return Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None
                ? "@" + name
                : name;
        }

        public static string Join(IEnumerable<string> parts)
        {
            var sb = new StringBuilder();
            foreach (string p in parts)
            {
                if (sb.Length > 0)
                {
                    sb.Append(", ");
                }

                sb.Append(p);
            }

            return sb.ToString();
        }
    }
}
