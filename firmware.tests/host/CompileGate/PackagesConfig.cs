using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace Ipenergy.Probe.Tests.CompileGate
{
    /// <summary>A NuGet packages.config of a nanoFramework project.</summary>
    public sealed class PackagesConfig
    {
        private PackagesConfig(string path, List<Entry> packages)
        {
            Path = path;
            Packages = packages;
        }

        public string Path { get; }

        public List<Entry> Packages { get; }

        public IEnumerable<string> Ids { get { return Packages.Select(p => p.Id); } }

        public static PackagesConfig Load(string path)
        {
            XDocument doc = XDocument.Load(path, LoadOptions.SetLineInfo);
            var packages = doc.Root.Elements("package")
                .Select(e => new Entry(
                    (string)e.Attribute("id"),
                    (string)e.Attribute("version"),
                    (string)e.Attribute("targetFramework"),
                    ((System.Xml.IXmlLineInfo)e).LineNumber))
                .ToList();
            return new PackagesConfig(path, packages);
        }

        public sealed class Entry
        {
            public Entry(string id, string version, string targetFramework, int line)
            {
                Id = id;
                Version = version;
                TargetFramework = targetFramework;
                Line = line;
            }

            public string Id { get; }

            public string Version { get; }

            public string TargetFramework { get; }

            public int Line { get; }
        }
    }
}
