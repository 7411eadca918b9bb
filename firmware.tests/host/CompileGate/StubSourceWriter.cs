using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Ipenergy.Probe.Tests.CompileGate
{
    /// <summary>
    /// Writes C# reference stubs for one API list: every listed type and member becomes a declaration
    /// whose body is "throw null". Nothing that is not listed is declared (a protected-against-use
    /// marker constructor stops C# from inventing a public default constructor).
    /// </summary>
    public sealed class StubSourceWriter
    {
        public const string MarkerType = "global::__NanoStubs.Marker";

        private static readonly Dictionary<string, string> Operators = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            { "op_Addition", "+" }, { "op_Subtraction", "-" }, { "op_Multiply", "*" }, { "op_Division", "/" },
            { "op_Modulus", "%" }, { "op_Equality", "==" }, { "op_Inequality", "!=" }, { "op_GreaterThan", ">" },
            { "op_LessThan", "<" }, { "op_GreaterThanOrEqual", ">=" }, { "op_LessThanOrEqual", "<=" },
            { "op_UnaryNegation", "-" }, { "op_UnaryPlus", "+" }, { "op_BitwiseAnd", "&" }, { "op_BitwiseOr", "|" },
            { "op_ExclusiveOr", "^" }, { "op_LogicalNot", "!" }, { "op_OnesComplement", "~" }, { "op_Increment", "++" },
            { "op_Decrement", "--" }, { "op_True", "true" }, { "op_False", "false" }, { "op_LeftShift", "<<" },
            { "op_RightShift", ">>" },
        };

        private static readonly HashSet<string> Keywords = new HashSet<string>(StringComparer.Ordinal)
        {
            "bool", "byte", "sbyte", "char", "short", "ushort", "int", "uint", "long", "ulong", "float", "double",
            "decimal", "string", "object", "void",
        };

        private readonly ApiList _list;
        private readonly ApiCatalog _catalog;
        private readonly IDictionary<string, List<string>> _extraMembers;
        private readonly HashSet<string> _ownTypes;
        private readonly StringBuilder _sb = new StringBuilder();

        private StubSourceWriter(ApiList list, ApiCatalog catalog, IDictionary<string, List<string>> extraMembers)
        {
            _list = list;
            _catalog = catalog;
            _extraMembers = extraMembers ?? new Dictionary<string, List<string>>();
            _ownTypes = new HashSet<string>(list.Types.Select(t => t.FullName), StringComparer.Ordinal);
        }

        /// <param name="extraMembers">Source lines to add to a type's body, by type full name (explicit interface implementations).</param>
        public static string Write(ApiList list, ApiCatalog catalog, IDictionary<string, List<string>> extraMembers)
        {
            var writer = new StubSourceWriter(list, catalog, extraMembers);
            return writer.WriteAll();
        }

        private string WriteAll()
        {
            _sb.AppendLine("// Generated from " + _list.PackageId + " " + _list.Version + " (API list): declarations only.");
            _sb.AppendLine("namespace __NanoStubs { internal sealed class Marker { } }");
            foreach (IGrouping<string, ApiType> ns in _list.Types.Where(t => !t.IsNested).GroupBy(t => t.ParentName))
            {
                bool named = ns.Key.Length > 0;
                if (named)
                {
                    _sb.Append("namespace ").Append(ns.Key).AppendLine(" {");
                }

                foreach (ApiType type in ns)
                {
                    WriteType(type);
                }

                if (named)
                {
                    _sb.AppendLine("}");
                }
            }

            return _sb.ToString();
        }

        private void WriteType(ApiType type)
        {
            string access = type.IsNested && type.Modifiers.Contains("protected") ? "protected" : "public";
            if (type.Kind == "delegate")
            {
                _sb.Append(access).Append(" delegate ").Append(Q(type.UnderlyingOrReturnType)).Append(' ')
                    .Append(type.Name).Append('(').Append(Parameters(type.Parameters)).AppendLine(");");
                return;
            }

            if (type.Kind == "enum")
            {
                if (type.Modifiers.Contains("flags"))
                {
                    _sb.AppendLine("[global::System.FlagsAttribute]");
                }

                string underlying = type.UnderlyingOrReturnType ?? "int";
                _sb.Append(access).Append(" enum ").Append(type.Name).Append(" : ").Append(underlying).AppendLine(" {");
                foreach (ApiMember value in type.Members.Where(m => m.Kind == ApiMemberKind.EnumValue))
                {
                    _sb.Append("  ").Append(SignatureText.Identifier(value.Name)).Append(" = unchecked((").Append(underlying)
                        .Append(")(").Append(value.Value).AppendLine(")),");
                }

                _sb.AppendLine("}");
                return;
            }

            _sb.Append(access).Append(' ');
            if (type.IsClass)
            {
                foreach (string modifier in new[] { "static", "abstract", "sealed" })
                {
                    if (type.Modifiers.Contains(modifier))
                    {
                        _sb.Append(modifier).Append(' ');
                    }
                }
            }

            _sb.Append(type.Kind).Append(' ').Append(type.Name);
            if (type.Bases.Count > 0)
            {
                _sb.Append(" : ").Append(SignatureText.Join(type.Bases.Select(Q)));
            }

            _sb.AppendLine(" {");
            if (type.IsClass && !type.IsStatic)
            {
                _sb.Append("  internal ").Append(SignatureText.WithoutGenerics(type.Name)).Append('(').Append(MarkerType)
                    .Append(" marker)").Append(BaseChain(type)).AppendLine(" { }");
            }

            foreach (ApiMember member in type.Members)
            {
                WriteMember(type, member);
            }

            List<string> extra;
            if (_extraMembers.TryGetValue(type.FullName, out extra))
            {
                foreach (string line in extra)
                {
                    _sb.Append("  ").AppendLine(line);
                }
            }

            foreach (ApiType nested in type.NestedTypes)
            {
                WriteType(nested);
            }

            _sb.AppendLine("}");
        }

        private void WriteMember(ApiType type, ApiMember m)
        {
            bool inInterface = type.Kind == "interface";
            string access = inInterface ? string.Empty : (m.Has("protected") ? "protected " : "public ");
            string modifiers = inInterface ? string.Empty : Modifiers(m);
            bool isAbstract = inInterface || m.Has("abstract");
            string body = isAbstract ? ";" : " { throw null; }";
            string name = SignatureText.Identifier(m.Name);
            _sb.Append("  ");
            switch (m.Kind)
            {
                case ApiMemberKind.Constructor:
                    if (type.IsStatic || (type.Kind == "struct" && m.Parameters.Count == 0))
                    {
                        break; // struct .ctor() is the built-in default one
                    }

                    _sb.Append(access).Append(SignatureText.WithoutGenerics(type.Name)).Append('(').Append(Parameters(m.Parameters)).Append(')')
                        .Append(type.IsClass ? BaseChain(type) : string.Empty).Append(" { throw null; }");
                    break;
                case ApiMemberKind.Method:
                    _sb.Append(access).Append(modifiers).Append(Q(m.Type)).Append(' ').Append(name).Append('(')
                        .Append(Parameters(m.Parameters, m.Has("extension"))).Append(')').Append(body);
                    break;
                case ApiMemberKind.Operator:
                    _sb.Append("public static ");
                    if (m.Name == "op_Implicit" || m.Name == "op_Explicit")
                    {
                        _sb.Append(m.Name == "op_Implicit" ? "implicit" : "explicit").Append(" operator ").Append(Q(m.Type));
                    }
                    else
                    {
                        string op;
                        if (!Operators.TryGetValue(m.Name, out op))
                        {
                            throw new FormatException("unknown operator " + m);
                        }

                        _sb.Append(Q(m.Type)).Append(" operator ").Append(op);
                    }

                    _sb.Append('(').Append(Parameters(m.Parameters)).Append(") { throw null; }");
                    break;
                case ApiMemberKind.Property:
                case ApiMemberKind.Indexer:
                    _sb.Append(access).Append(modifiers).Append(Q(m.Type)).Append(' ');
                    if (m.Kind == ApiMemberKind.Indexer)
                    {
                        _sb.Append("this[").Append(Parameters(m.Parameters)).Append(']');
                    }
                    else
                    {
                        _sb.Append(name);
                    }

                    _sb.Append(" {");
                    foreach (string accessor in m.Accessors)
                    {
                        bool getter = accessor == "get";
                        _sb.Append(' ').Append(accessor).Append(isAbstract ? ";" : (getter ? " { throw null; }" : " { }"));
                    }

                    _sb.Append(" }");
                    break;
                case ApiMemberKind.Field:
                    _sb.Append(access).Append(m.Has("static") ? "static " : string.Empty).Append(m.Has("readonly") ? "readonly " : string.Empty)
                        .Append(Q(m.Type)).Append(' ').Append(name).Append(';');
                    break;
                case ApiMemberKind.Constant:
                    _sb.Append(access).Append("const ").Append(Q(m.Type)).Append(' ').Append(name).Append(" = ")
                        .Append(ConstantValue(m.Type, m.Value)).Append(';');
                    break;
                case ApiMemberKind.Event:
                    _sb.Append(access).Append(modifiers).Append("event ").Append(Q(m.Type)).Append(' ').Append(name).Append(';');
                    break;
                case ApiMemberKind.StaticConstructor:
                case ApiMemberKind.EnumValue:
                    break;
            }

            _sb.AppendLine();
        }

        private static string Modifiers(ApiMember m)
        {
            var sb = new StringBuilder();
            foreach (string modifier in new[] { "static", "abstract", "virtual", "sealed", "override" })
            {
                if (m.Has(modifier) && !(modifier == "sealed" && !m.Has("override")))
                {
                    sb.Append(modifier).Append(' ');
                }
            }

            return sb.ToString();
        }

        /// <summary>
        /// Constructor chaining for a stub class: a base in the same stub assembly is reached through its
        /// internal marker constructor; any other base through one of its listed constructors.
        /// </summary>
        private string BaseChain(ApiType type)
        {
            string baseName = type.Bases.FirstOrDefault();
            if (baseName == null)
            {
                return string.Empty;
            }

            ApiType baseType = _catalog.FindType(baseName);
            if (baseType == null || !baseType.IsClass || baseName == "System.Object")
            {
                return string.Empty;
            }

            if (_ownTypes.Contains(baseName))
            {
                return " : base((" + MarkerType + ")null)";
            }

            ApiMember ctor = baseType.Members
                .Where(m => m.Kind == ApiMemberKind.Constructor && m.Parameters.All(p => p.Modifier != "ref" && p.Modifier != "out"))
                .OrderBy(m => m.Parameters.Count)
                .FirstOrDefault();
            if (ctor == null || ctor.Parameters.Count == 0)
            {
                return string.Empty;
            }

            return " : base(" + SignatureText.Join(ctor.Parameters.Select(p => "default(" + Q(p.Type) + ")")) + ")";
        }

        private static string Parameters(List<ApiParameter> parameters, bool extension = false)
        {
            var parts = new List<string>();
            for (int i = 0; i < parameters.Count; i++)
            {
                ApiParameter p = parameters[i];
                var sb = new StringBuilder();
                if (extension && i == 0)
                {
                    sb.Append("this ");
                }

                if (p.Modifier.Length > 0 && p.Modifier != "this")
                {
                    sb.Append(p.Modifier).Append(' ');
                }

                sb.Append(Q(p.Type)).Append(' ').Append(SignatureText.Identifier(p.Name));
                if (p.Default != null)
                {
                    sb.Append(" = ").Append(DefaultValue(p.Type, p.Default));
                }

                parts.Add(sb.ToString());
            }

            return SignatureText.Join(parts);
        }

        private static string DefaultValue(string type, string value)
        {
            if (value == "default" || value == "null" || value == "true" || value == "false" || value[0] == '"' || value[0] == '\'')
            {
                return value;
            }

            if (IsNumber(value))
            {
                return Keywords.Contains(type) ? value : "(" + Q(type) + ")(" + value + ")";
            }

            return SignatureText.Qualify(value);
        }

        private static string ConstantValue(string type, string value)
        {
            string plain = value.EndsWith("f", StringComparison.Ordinal) && type == "float" ? value.Substring(0, value.Length - 1) : value;
            if ((type == "double" || type == "float") && (plain == "NaN" || plain == "Infinity" || plain == "-Infinity"))
            {
                return type + "." + (plain == "NaN" ? "NaN" : plain[0] == '-' ? "NegativeInfinity" : "PositiveInfinity");
            }

            if (value[0] == '"' || value[0] == '\'' || value == "true" || value == "false" || value == "null")
            {
                return value;
            }

            if (IsNumber(plain))
            {
                return "unchecked((" + Q(type) + ")(" + value + "))";
            }

            return SignatureText.Qualify(value);
        }

        private static bool IsNumber(string value)
        {
            // Digits first: double.TryParse alone would also take "NaN" and "Infinity".
            string v = value.StartsWith("-", StringComparison.Ordinal) ? value.Substring(1) : value;
            double ignored;
            return v.Length > 0 && char.IsDigit(v[0])
                && double.TryParse(v.TrimEnd('f', 'F', 'd', 'D', 'u', 'U', 'l', 'L', 'm', 'M'), NumberStyles.Float, CultureInfo.InvariantCulture, out ignored);
        }

        private static string Q(string type)
        {
            return SignatureText.Qualify(type);
        }
    }
}
