using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Ipenergy.Probe.Tests.CompileGate
{
    /// <summary>
    /// A type line of an API list: "FullName [kind, modifiers] : bases" (enums: ": underlying type";
    /// delegates: "(parameters) : return type").
    /// </summary>
    public sealed class ApiType
    {
        private static readonly Regex Line = new Regex(@"^(?<name>[^\[]+?) \[(?<mods>[a-z]+(?:, [a-z]+)*)\](?<rest>.*)$");

        private ApiType()
        {
            Members = new List<ApiMember>();
            NestedTypes = new List<ApiType>();
            Bases = new List<string>();
            Parameters = new List<ApiParameter>();
        }

        /// <summary>As written in the list, generic part included ("System.Action&lt;T&gt;").</summary>
        public string FullName { get; private set; }

        /// <summary>Documentation-comment ID without "T:" ("System.Action`1").</summary>
        public string DocId { get; private set; }

        /// <summary>class, struct, interface, enum or delegate.</summary>
        public string Kind { get; private set; }

        public ISet<string> Modifiers { get; private set; }

        public List<string> Bases { get; private set; }

        /// <summary>Enums: the underlying type; delegates: the return type.</summary>
        public string UnderlyingOrReturnType { get; private set; }

        /// <summary>Delegates only.</summary>
        public List<ApiParameter> Parameters { get; private set; }

        public List<ApiMember> Members { get; private set; }

        public List<ApiType> NestedTypes { get; private set; }

        public ApiType Parent { get; set; }

        public bool IsNested { get { return Modifiers.Contains("nested"); } }

        public bool IsClass { get { return Kind == "class"; } }

        public bool IsStatic { get { return Modifiers.Contains("static"); } }

        /// <summary>Simple name as declared ("Action&lt;T&gt;").</summary>
        public string Name
        {
            get
            {
                int dot = SignatureText.WithoutGenerics(FullName).LastIndexOf('.');
                return dot < 0 ? FullName : FullName.Substring(dot + 1);
            }
        }

        /// <summary>The enclosing namespace (top-level types) or type (nested types) as written.</summary>
        public string ParentName
        {
            get
            {
                int dot = SignatureText.WithoutGenerics(FullName).LastIndexOf('.');
                return dot < 0 ? string.Empty : FullName.Substring(0, dot);
            }
        }

        public static ApiType Parse(string text, string docId)
        {
            Match m = Line.Match(text);
            if (!m.Success)
            {
                throw new FormatException("type line not understood: " + text);
            }

            var type = new ApiType
            {
                FullName = m.Groups["name"].Value,
                DocId = docId,
                Modifiers = new HashSet<string>(m.Groups["mods"].Value.Split(new[] { ", " }, StringSplitOptions.None), StringComparer.Ordinal),
            };
            string rest = m.Groups["rest"].Value.Trim();
            foreach (string kind in new[] { "class", "struct", "interface", "enum", "delegate" })
            {
                if (type.Modifiers.Remove(kind))
                {
                    type.Kind = kind;
                }
            }

            if (type.Kind == null)
            {
                throw new FormatException("type line without a kind: " + text);
            }

            if (type.Kind == "delegate")
            {
                int close = SignatureText.MatchingClose(rest, 0);
                type.Parameters.AddRange(ApiParameter.ParseList(rest.Substring(1, close - 1)));
                type.UnderlyingOrReturnType = AfterColon(rest.Substring(close + 1), text);
            }
            else if (rest.Length > 0)
            {
                string bases = AfterColon(rest, text);
                if (type.Kind == "enum")
                {
                    type.UnderlyingOrReturnType = bases;
                }
                else
                {
                    type.Bases.AddRange(SignatureText.SplitTopLevel(bases, ','));
                }
            }

            return type;
        }

        public override string ToString()
        {
            return FullName;
        }

        private static string AfterColon(string rest, string line)
        {
            rest = rest.Trim();
            if (!rest.StartsWith(": ", StringComparison.Ordinal))
            {
                throw new FormatException("':' expected after the type in: " + line);
            }

            return rest.Substring(2).Trim();
        }
    }
}
