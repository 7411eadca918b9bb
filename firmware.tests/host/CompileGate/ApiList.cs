using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace Ipenergy.Probe.Tests.CompileGate
{
    /// <summary>
    /// One nanoFramework API list (tools/nanoframework-api/*.txt): the package it describes and its
    /// public types and members, parsed from the signature lines (format in that folder's README.md).
    /// </summary>
    public sealed class ApiList
    {
        private static readonly Regex Header = new Regex(@"^# package (\S+) (\S+).*?\| assembly (\S+)");

        private ApiList(string path, string packageId, string version, string assemblyName, List<ApiType> types)
        {
            FilePath = path;
            PackageId = packageId;
            Version = version;
            AssemblyName = assemblyName;
            Types = types;
        }

        public string FilePath { get; }

        public string PackageId { get; }

        /// <summary>Package version from the header (e.g. "1.5.116"; "1.2" for the IoT.Device lists).</summary>
        public string Version { get; }

        public string AssemblyName { get; }

        /// <summary>Every type of the list, nested ones included (they also hang off their parent).</summary>
        public IReadOnlyList<ApiType> Types { get; }

        public static ApiList Load(string path)
        {
            string[] lines = File.ReadAllLines(path);
            Match header = lines.Length > 0 ? Header.Match(lines[0]) : Match.Empty;
            if (!header.Success)
            {
                throw new FormatException(path + ":1: header '# package <id> <version> | assembly <name> | ...' expected");
            }

            // Two passes: types first (so members and nested types find their owner whatever the order).
            var types = new List<ApiType>();
            var byName = new Dictionary<string, ApiType>(StringComparer.Ordinal);
            for (int pass = 0; pass < 2; pass++)
            {
                for (int i = 1; i < lines.Length; i++)
                {
                    string line = lines[i];
                    if (line.Length == 0 || line[0] == '#')
                    {
                        continue;
                    }

                    try
                    {
                        ParseLine(line, pass == 0, types, byName);
                    }
                    catch (FormatException e)
                    {
                        throw new FormatException(path + ":" + (i + 1) + ": " + e.Message, e);
                    }
                }

                if (pass == 0)
                {
                    LinkNestedTypes(types, byName);
                }
            }

            return new ApiList(path, header.Groups[1].Value, header.Groups[2].Value, header.Groups[3].Value, types);
        }

        private static void LinkNestedTypes(List<ApiType> types, Dictionary<string, ApiType> byName)
        {
            foreach (ApiType type in types)
            {
                if (!type.IsNested)
                {
                    continue;
                }

                ApiType parent;
                if (!byName.TryGetValue(type.ParentName, out parent))
                {
                    throw new FormatException("nested type " + type.FullName + " has no parent type in the list");
                }

                type.Parent = parent;
                parent.NestedTypes.Add(type);
            }
        }

        private static void ParseLine(string line, bool typesOnly, List<ApiType> types, Dictionary<string, ApiType> byName)
        {
            int bar = line.LastIndexOf(" | ", StringComparison.Ordinal);
            if (bar < 0)
            {
                throw new FormatException("no ' | <doc id>' in: " + line);
            }

            string text = line.Substring(0, bar);
            string docId = line.Substring(bar + 3);
            bool isType = docId.StartsWith("T:", StringComparison.Ordinal);
            if (isType != typesOnly)
            {
                return;
            }

            if (isType)
            {
                ApiType type = ApiType.Parse(text, docId.Substring(2));
                types.Add(type);
                byName[type.FullName] = type;
                return;
            }

            int sep = text.IndexOf("::", StringComparison.Ordinal);
            ApiType owner;
            if (sep < 0 || !byName.TryGetValue(text.Substring(0, sep), out owner))
            {
                throw new FormatException("member line without a known 'Owner::': " + line);
            }

            owner.Members.Add(ApiMember.Parse(text.Substring(sep + 2), docId, owner));
        }
    }
}
