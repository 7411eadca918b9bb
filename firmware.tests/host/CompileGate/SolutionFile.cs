using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Ipenergy.Probe.Tests.CompileGate
{
    /// <summary>The parts of Ipenergy.Probe.sln the gate checks: projects, configuration mapping, nesting.</summary>
    public sealed class SolutionFile
    {
        public const string SolutionFolderType = "{2150E333-8FDC-42A3-9474-1A3956D46DE8}";
        public const string NanoFrameworkProjectType = "{11A8DD76-328B-46DF-9F39-F559912D0360}";

        private static readonly Regex ProjectLine = new Regex(
            @"^Project\(""(?<type>\{[^}]+\})""\)\s*=\s*""(?<name>[^""]*)"",\s*""(?<path>[^""]*)"",\s*""(?<guid>\{[^}]+\})""",
            RegexOptions.Multiline);

        private static readonly Regex ConfigurationLine = new Regex(
            @"^\s*(?<guid>\{[0-9A-Fa-f-]+\})\.(?<config>[^.=]+\|[^.=]+)\.(?<what>ActiveCfg|Build\.0|Deploy\.0)\s*=\s*(?<target>.+?)\s*$",
            RegexOptions.Multiline);

        private static readonly Regex SolutionConfigurationLine = new Regex(@"^\s*(?<config>[^=\r\n]+\|[^=\r\n]+?)\s*=\s*\k<config>\s*$", RegexOptions.Multiline);

        private static readonly Regex NestedLine = new Regex(@"^\s*(?<child>\{[0-9A-Fa-f-]+\})\s*=\s*(?<parent>\{[0-9A-Fa-f-]+\})\s*$", RegexOptions.Multiline);

        private SolutionFile(string path, string text)
        {
            Path = path;
            Projects = ProjectLine.Matches(text)
                .Select(m => new Project(m.Groups["type"].Value, m.Groups["name"].Value, m.Groups["path"].Value, m.Groups["guid"].Value))
                .ToList();
            Configurations = SolutionConfigurationLine.Matches(Section(text, "SolutionConfigurationPlatforms"))
                .Select(m => m.Groups["config"].Value.Trim())
                .ToList();
            Mappings = ConfigurationLine.Matches(Section(text, "ProjectConfigurationPlatforms"))
                .Select(m => new Mapping(m.Groups["guid"].Value.ToUpperInvariant(), m.Groups["config"].Value, m.Groups["what"].Value))
                .ToList();
            Parents = NestedLine.Matches(Section(text, "NestedProjects"))
                .GroupBy(m => m.Groups["child"].Value.ToUpperInvariant())
                .ToDictionary(g => g.Key, g => g.First().Groups["parent"].Value.ToUpperInvariant());
        }

        public string Path { get; }

        public List<Project> Projects { get; }

        /// <summary>The solution configurations ("Debug|Any CPU", "Device Release|Any CPU" ...).</summary>
        public List<string> Configurations { get; }

        public List<Mapping> Mappings { get; }

        /// <summary>Child GUID to the solution folder (or project) it is nested under.</summary>
        public Dictionary<string, string> Parents { get; }

        public static SolutionFile Load(string path)
        {
            return new SolutionFile(path, File.ReadAllText(path));
        }

        public static SolutionFile Parse(string path, string text)
        {
            return new SolutionFile(path, text);
        }

        public bool Has(Project project, string configuration, string what)
        {
            string guid = project.Guid.ToUpperInvariant();
            return Mappings.Any(m => m.Guid == guid && m.Configuration == configuration && m.What == what);
        }

        /// <summary>The names of the solution folders a project sits in, innermost first.</summary>
        public List<string> FolderChain(Project project)
        {
            var chain = new List<string>();
            string guid = project.Guid.ToUpperInvariant();
            string parent;
            while (Parents.TryGetValue(guid, out parent) && chain.Count < 32)
            {
                Project folder = Projects.FirstOrDefault(p => p.Guid.ToUpperInvariant() == parent);
                chain.Add(folder == null ? parent : folder.Name);
                guid = parent;
            }

            return chain;
        }

        private static string Section(string text, string name)
        {
            int start = text.IndexOf("GlobalSection(" + name + ")", StringComparison.Ordinal);
            if (start < 0)
            {
                return string.Empty;
            }

            int end = text.IndexOf("EndGlobalSection", start, StringComparison.Ordinal);
            return end < 0 ? text.Substring(start) : text.Substring(start, end - start);
        }

        public sealed class Project
        {
            public Project(string type, string name, string path, string guid)
            {
                Type = type;
                Name = name;
                RelativePath = path.Replace('\\', '/');
                Guid = guid;
            }

            public string Type { get; }

            public string Name { get; }

            /// <summary>Relative to the sln, forward slashes (for a solution folder: its name).</summary>
            public string RelativePath { get; }

            public string Guid { get; }

            public bool IsSolutionFolder { get { return string.Equals(Type, SolutionFolderType, StringComparison.OrdinalIgnoreCase); } }
        }

        public sealed class Mapping
        {
            public Mapping(string guid, string configuration, string what)
            {
                Guid = guid;
                Configuration = configuration;
                What = what;
            }

            public string Guid { get; }

            public string Configuration { get; }

            /// <summary>ActiveCfg, Build.0 or Deploy.0.</summary>
            public string What { get; }
        }
    }
}
