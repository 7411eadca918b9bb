using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace Ipenergy.Probe.Tests.CompileGate
{
    /// <summary>The items of a nanoFramework .nfproj (old-style MSBuild project) the gate checks.</summary>
    public sealed class NfprojFile
    {
        private static readonly XNamespace MsBuild = "http://schemas.microsoft.com/developer/msbuild/2003";

        private NfprojFile(string path, XDocument doc)
        {
            Path = path;
            Document = doc;
        }

        public string Path { get; }

        public XDocument Document { get; }

        /// <summary>Compile Include values, relative to the project folder, with forward slashes.</summary>
        public List<string> CompileItems
        {
            get { return Items("Compile").Select(e => Normalize((string)e.Attribute("Include"))).ToList(); }
        }

        /// <summary>Reference HintPath values, as written (backslashes).</summary>
        public List<string> HintPaths
        {
            get { return Items("Reference").Select(e => (string)e.Element(MsBuild + "HintPath")).Where(h => h != null).ToList(); }
        }

        public List<string> ProjectReferences
        {
            get { return Items("ProjectReference").Select(e => (string)e.Attribute("Include")).ToList(); }
        }

        public string Property(string name)
        {
            return Document.Descendants(MsBuild + name).Select(e => e.Value).FirstOrDefault();
        }

        public static NfprojFile Load(string path)
        {
            return new NfprojFile(path, XDocument.Load(path));
        }

        private IEnumerable<XElement> Items(string kind)
        {
            return Document.Descendants(MsBuild + "ItemGroup").Elements(MsBuild + kind);
        }

        private static string Normalize(string include)
        {
            return include.Replace('\\', '/');
        }
    }
}
