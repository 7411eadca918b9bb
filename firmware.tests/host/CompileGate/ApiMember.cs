using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Ipenergy.Probe.Tests.CompileGate
{
    public enum ApiMemberKind
    {
        Constructor,
        StaticConstructor,
        Method,
        Operator,
        Property,
        Indexer,
        Field,
        Constant,
        EnumValue,
        Event,
    }

    /// <summary>
    /// A member line of an API list (the part after "Owner::"), e.g. "Abs(double value) : double [static]",
    /// "Count { get; } : int", "this[object key] { get; set; } : object", "PI : double = 3.14 [const]".
    /// </summary>
    public sealed class ApiMember
    {
        private static readonly Regex Tags = new Regex(@"^(?<body>.*) \[(?<tags>[a-z]+(?:, [a-z]+)*)\]$");
        private static readonly Regex EnumValueLine = new Regex(@"^(?<name>\w+) = (?<value>.+)$");

        private ApiMember()
        {
            Parameters = new List<ApiParameter>();
            Accessors = new List<string>();
        }

        public ApiMemberKind Kind { get; private set; }

        public ApiType Owner { get; private set; }

        /// <summary>Member name (op_Equality, Item for indexers, .ctor for constructors).</summary>
        public string Name { get; private set; }

        public List<ApiParameter> Parameters { get; private set; }

        /// <summary>Return, property, field or event type.</summary>
        public string Type { get; private set; }

        /// <summary>Property/indexer accessors as written: "get", "set", "protected set", "init".</summary>
        public List<string> Accessors { get; private set; }

        public ISet<string> TagSet { get; private set; }

        /// <summary>Constant or enum member value as written.</summary>
        public string Value { get; private set; }

        public string DocId { get; private set; }

        public bool Has(string tag)
        {
            return TagSet.Contains(tag);
        }

        public static ApiMember Parse(string text, string docId, ApiType owner)
        {
            var member = new ApiMember { Owner = owner, DocId = docId, TagSet = new HashSet<string>(StringComparer.Ordinal) };
            Match tags = Tags.Match(text);
            if (tags.Success)
            {
                text = tags.Groups["body"].Value;
                foreach (string tag in tags.Groups["tags"].Value.Split(new[] { ", " }, StringSplitOptions.None))
                {
                    member.TagSet.Add(tag);
                }
            }

            char kind = docId.Length > 1 && docId[1] == ':' ? docId[0] : '?';
            switch (kind)
            {
                case 'M':
                    member.ParseMethod(text);
                    break;
                case 'P':
                    member.ParseProperty(text);
                    break;
                case 'F':
                    member.ParseField(text);
                    break;
                case 'E':
                    member.Kind = ApiMemberKind.Event;
                    member.ParseNameAndType(text);
                    break;
                default:
                    throw new FormatException("unknown doc id kind: " + docId);
            }

            return member;
        }

        public override string ToString()
        {
            return Owner.FullName + "::" + Name;
        }

        private void ParseMethod(string text)
        {
            if (text.StartsWith(".cctor", StringComparison.Ordinal))
            {
                Kind = ApiMemberKind.StaticConstructor;
                Name = ".cctor";
                return;
            }

            int open = text.IndexOf('(');
            int lt = text.IndexOf('<');
            if (lt >= 0 && lt < open)
            {
                open = text.IndexOf('(', SignatureText.MatchingClose(text, lt));
            }

            if (open < 0)
            {
                throw new FormatException("method without '(': " + text);
            }

            int close = SignatureText.MatchingClose(text, open);
            Name = text.Substring(0, open).Trim();
            Parameters.AddRange(ApiParameter.ParseList(text.Substring(open + 1, close - open - 1)));
            string after = text.Substring(close + 1).Trim();
            if (Name == ".ctor")
            {
                Kind = ApiMemberKind.Constructor;
                return;
            }

            Kind = Has("operator") || Name.StartsWith("op_", StringComparison.Ordinal) ? ApiMemberKind.Operator : ApiMemberKind.Method;
            Type = AfterColon(after, text);
        }

        private void ParseProperty(string text)
        {
            string head;
            int brace = text.IndexOf(" { ", StringComparison.Ordinal);
            if (text.StartsWith("this[", StringComparison.Ordinal))
            {
                int close = SignatureText.MatchingClose(text, 4);
                Kind = ApiMemberKind.Indexer;
                Name = "Item";
                Parameters.AddRange(ApiParameter.ParseList(text.Substring(5, close - 5)));
                brace = text.IndexOf(" { ", close, StringComparison.Ordinal);
                head = null;
            }
            else
            {
                Kind = ApiMemberKind.Property;
                head = brace < 0 ? null : text.Substring(0, brace).Trim();
            }

            if (brace < 0)
            {
                throw new FormatException("property without accessors: " + text);
            }

            int end = SignatureText.MatchingClose(text, brace + 1);
            foreach (string accessor in text.Substring(brace + 2, end - brace - 2).Split(';'))
            {
                if (accessor.Trim().Length > 0)
                {
                    Accessors.Add(accessor.Trim());
                }
            }

            if (head != null)
            {
                Name = head;
            }

            Type = AfterColon(text.Substring(end + 1), text);
        }

        private void ParseField(string text)
        {
            if (Owner.Kind == "enum")
            {
                Match m = EnumValueLine.Match(text);
                if (!m.Success)
                {
                    throw new FormatException("enum member not understood: " + text);
                }

                Kind = ApiMemberKind.EnumValue;
                Name = m.Groups["name"].Value;
                Value = m.Groups["value"].Value;
                return;
            }

            Kind = Has("const") ? ApiMemberKind.Constant : ApiMemberKind.Field;
            int eq = text.IndexOf(" = ", StringComparison.Ordinal);
            if (Kind == ApiMemberKind.Constant)
            {
                if (eq < 0)
                {
                    throw new FormatException("constant without a value: " + text);
                }

                Value = text.Substring(eq + 3).Trim();
                text = text.Substring(0, eq);
            }

            ParseNameAndType(text);
        }

        private void ParseNameAndType(string text)
        {
            int colon = text.IndexOf(" : ", StringComparison.Ordinal);
            if (colon < 0)
            {
                throw new FormatException("'Name : Type' expected: " + text);
            }

            Name = text.Substring(0, colon).Trim();
            Type = text.Substring(colon + 3).Trim();
        }

        private static string AfterColon(string after, string line)
        {
            after = after.Trim();
            if (!after.StartsWith(": ", StringComparison.Ordinal))
            {
                throw new FormatException("': Type' expected in: " + line);
            }

            return after.Substring(2).Trim();
        }
    }
}
