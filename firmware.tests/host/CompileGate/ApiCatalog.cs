using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Ipenergy.Probe.Tests.CompileGate
{
    /// <summary>
    /// All API lists of one folder (tools/nanoframework-api), indexed by package and by type, with the
    /// packages each one needs (a package needs another when its signatures use that one's types).
    /// </summary>
    public sealed class ApiCatalog
    {
        public const string CoreLibraryId = "nanoFramework.CoreLibrary";

        private readonly Dictionary<string, ApiList> _byPackage = new Dictionary<string, ApiList>(StringComparer.Ordinal);
        private readonly Dictionary<string, List<ApiList>> _definers = new Dictionary<string, List<ApiList>>(StringComparer.Ordinal);
        private readonly Dictionary<string, ApiType> _types = new Dictionary<string, ApiType>(StringComparer.Ordinal);

        public ApiCatalog(string folder)
        {
            Folder = folder;
            foreach (string path in Directory.GetFiles(folder, "*.txt").OrderBy(p => p, StringComparer.Ordinal))
            {
                ApiList list = ApiList.Load(path);
                if (_byPackage.ContainsKey(list.PackageId))
                {
                    throw new InvalidDataException("two lists for " + list.PackageId + " in " + folder);
                }

                _byPackage.Add(list.PackageId, list);
                foreach (ApiType type in list.Types)
                {
                    List<ApiList> definers;
                    if (!_definers.TryGetValue(type.FullName, out definers))
                    {
                        definers = new List<ApiList>();
                        _definers.Add(type.FullName, definers);
                        _types.Add(type.FullName, type);
                    }

                    definers.Add(list);
                }
            }
        }

        public string Folder { get; }

        public IEnumerable<ApiList> Lists { get { return _byPackage.Values; } }

        public ApiList Find(string packageId)
        {
            ApiList list;
            return _byPackage.TryGetValue(packageId, out list) ? list : null;
        }

        /// <summary>A type by full name as the lists write it (any list; the first one that defines it).</summary>
        public ApiType FindType(string fullName)
        {
            ApiType type;
            return _types.TryGetValue(fullName, out type) ? type : null;
        }

        /// <summary>
        /// For each type that <paramref name="list"/> uses from another non-core package: the packages
        /// that define it (several when packages overlap, as System.Net.Http and its Client/Server subsets).
        /// </summary>
        public Dictionary<string, List<ApiList>> ForeignTypesUsed(ApiList list)
        {
            var used = new Dictionary<string, List<ApiList>>(StringComparer.Ordinal);
            foreach (string name in NamesUsed(list))
            {
                string typeName = LongestDefinedPrefix(name);
                List<ApiList> definers;
                if (typeName == null || !_definers.TryGetValue(typeName, out definers))
                {
                    continue;
                }

                if (definers.Contains(list) || definers.Any(d => d.PackageId == CoreLibraryId))
                {
                    continue;
                }

                used[typeName] = definers;
            }

            return used;
        }

        /// <summary>
        /// The packages <paramref name="list"/> needs, picked from <paramref name="available"/> (null: any),
        /// and a message per used type that none of the available packages defines.
        /// </summary>
        public List<ApiList> Dependencies(ApiList list, ICollection<string> available, List<string> missing)
        {
            var deps = new List<ApiList>();
            var unmet = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, List<ApiList>> use in ForeignTypesUsed(list).OrderBy(u => u.Key, StringComparer.Ordinal))
            {
                ApiList pick = use.Value
                    .Where(d => available == null || available.Contains(d.PackageId))
                    .OrderBy(d => d.PackageId, StringComparer.Ordinal)
                    .FirstOrDefault();
                if (pick == null)
                {
                    string needed = string.Join(" or ", use.Value.Select(d => d.PackageId));
                    List<string> types;
                    if (!unmet.TryGetValue(needed, out types))
                    {
                        types = new List<string>();
                        unmet.Add(needed, types);
                    }

                    types.Add(use.Key);
                }
                else if (!deps.Contains(pick))
                {
                    deps.Add(pick);
                }
            }

            if (missing != null)
            {
                foreach (KeyValuePair<string, List<string>> u in unmet)
                {
                    missing.Add(list.PackageId + " needs " + u.Key + " (it uses " + string.Join(", ", u.Value) + ")");
                }
            }

            return deps;
        }

        private static IEnumerable<string> NamesUsed(ApiList list)
        {
            foreach (ApiType type in list.Types)
            {
                foreach (string b in type.Bases)
                {
                    foreach (string n in SignatureText.DottedNames(b))
                    {
                        yield return n;
                    }
                }

                foreach (string n in ParameterNames(type.Parameters, type.UnderlyingOrReturnType))
                {
                    yield return n;
                }

                foreach (ApiMember member in type.Members)
                {
                    foreach (string n in ParameterNames(member.Parameters, member.Type))
                    {
                        yield return n;
                    }
                }
            }
        }

        private static IEnumerable<string> ParameterNames(List<ApiParameter> parameters, string type)
        {
            var texts = new List<string>();
            if (type != null)
            {
                texts.Add(type);
            }

            foreach (ApiParameter p in parameters)
            {
                texts.Add(p.Type);
                if (p.Default != null)
                {
                    texts.Add(p.Default);
                }
            }

            return texts.SelectMany(SignatureText.DottedNames);
        }

        // "System.IO.Ports.Parity.None" is an enum member: the type is the longest prefix the lists define.
        private string LongestDefinedPrefix(string dotted)
        {
            string name = dotted;
            while (true)
            {
                if (_definers.ContainsKey(name))
                {
                    return name;
                }

                int dot = name.LastIndexOf('.');
                if (dot < 0)
                {
                    return null;
                }

                name = name.Substring(0, dot);
            }
        }
    }
}
