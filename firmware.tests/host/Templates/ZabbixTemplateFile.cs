using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ipenergy.Probe.Tests.CompileGate;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;

namespace Ipenergy.Probe.Tests.Templates
{
    /// <summary>
    /// A Zabbix template export of tools/templates/zabbix read with Debian's python3-yaml (the YAML parser the
    /// tests trust, as Zabbix's importer is not here) and handed over as JSON; helpers to walk its items,
    /// discovery rules, prototypes and triggers.
    /// </summary>
    public sealed class ZabbixTemplateFile
    {
        public const string Python = "/usr/bin/python3";

        private ZabbixTemplateFile(string path, JsonElement export)
        {
            Path = path;
            Export = export;
        }

        public string Path { get; }

        /// <summary>The zabbix_export mapping.</summary>
        public JsonElement Export { get; }

        public static string Directory
        {
            get { return System.IO.Path.Combine(RepoLayout.Root, "tools", "templates", "zabbix"); }
        }

        private static readonly Lazy<ZabbixTemplateFile> SnmpFile = new Lazy<ZabbixTemplateFile>(() => Load("eprobe-snmp.yaml"));
        private static readonly Lazy<ZabbixTemplateFile> ModbusFile = new Lazy<ZabbixTemplateFile>(() => Load("eprobe-modbus.yaml"));

        /// <summary>eprobe-snmp.yaml, parsed once per test run (the tests only read it).</summary>
        public static ZabbixTemplateFile Snmp
        {
            get { return SnmpFile.Value; }
        }

        /// <summary>eprobe-modbus.yaml, parsed once per test run.</summary>
        public static ZabbixTemplateFile Modbus
        {
            get { return ModbusFile.Value; }
        }

        /// <summary>Parses the file with python3 yaml.safe_load (fails naming python3-yaml when it is missing).</summary>
        public static ZabbixTemplateFile Load(string name)
        {
            string path = System.IO.Path.Combine(Directory, name);
            Assert.True(File.Exists(path), path + " is missing");
            PeerProcess.Result r = RunPython(
                "import json, sys, yaml\njson.dump(yaml.safe_load(open(sys.argv[1], encoding='utf-8')), sys.stdout)", path);
            Assert.True(r.ExitCode == 0, name + " is not valid YAML for python3-yaml: " + r);
            JsonElement root = JsonDocument.Parse(r.Stdout).RootElement;
            Assert.True(root.TryGetProperty("zabbix_export", out JsonElement export), name + ": no zabbix_export");
            return new ZabbixTemplateFile(path, export);
        }

        /// <summary>Runs a python3 program (Debian's /usr/bin/python3, which has python3-yaml) with arguments.</summary>
        public static PeerProcess.Result RunPython(string program, params string[] args)
        {
            Assert.True(File.Exists(Python), "/usr/bin/python3 is missing: apt-get install python3 python3-yaml");
            PeerProcess.Result check = PeerProcess.Run(PeerProcess.StartInfo(Python, null, "-c", "import yaml"), 60000);
            Assert.True(check.ExitCode == 0, "python3-yaml is missing: apt-get install python3-yaml (listed in .ci/apt-packages)");
            var all = new List<string> { "-c", program };
            all.AddRange(args);
            return PeerProcess.Run(PeerProcess.StartInfo(Python, null, all.ToArray()), 60000);
        }

        public IEnumerable<JsonElement> Templates
        {
            get { return Array(Export, "templates"); }
        }

        public JsonElement Template(string name)
        {
            foreach (JsonElement t in Templates)
            {
                if (t.GetProperty("template").GetString() == name)
                {
                    return t;
                }
            }

            throw new InvalidOperationException(Path + ": no template " + name);
        }

        public static IEnumerable<JsonElement> Array(JsonElement parent, string name)
        {
            if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out JsonElement a) && a.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement e in a.EnumerateArray())
                {
                    yield return e;
                }
            }
        }

        public static string Text(JsonElement parent, string name)
        {
            return parent.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        }

        /// <summary>The MULTIPLIER preprocessing step of an item, or 1.</summary>
        public static double Multiplier(JsonElement item)
        {
            double m = 1.0;
            foreach (JsonElement step in Array(item, "preprocessing"))
            {
                if (Text(step, "type") == "MULTIPLIER")
                {
                    m *= double.Parse(step.GetProperty("parameters")[0].GetString(), CultureInfo.InvariantCulture);
                }
            }

            return m;
        }

        /// <summary>The JSONPATH "$[i]" preprocessing step of a dependent item, or -1.</summary>
        public static int JsonPathIndex(JsonElement item)
        {
            foreach (JsonElement step in Array(item, "preprocessing"))
            {
                if (Text(step, "type") == "JSONPATH")
                {
                    Match m = Regex.Match(step.GetProperty("parameters")[0].GetString(), @"^\$\[(\d+)\]$");
                    Assert.True(m.Success, "unexpected JSONPath in " + Text(item, "key"));
                    return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                }
            }

            return -1;
        }

        /// <summary>Every trigger (top level) and trigger prototype (under discovery rules and item prototypes), with its template.</summary>
        public IEnumerable<(JsonElement Trigger, string Scope)> AllTriggers()
        {
            foreach (JsonElement t in Array(Export, "triggers"))
            {
                yield return (t, "top");
            }

            foreach (JsonElement template in Templates)
            {
                foreach (JsonElement item in Array(template, "items"))
                {
                    foreach (JsonElement t in Array(item, "triggers"))
                    {
                        yield return (t, "item");
                    }
                }

                foreach (JsonElement rule in Array(template, "discovery_rules"))
                {
                    foreach (JsonElement t in Array(rule, "trigger_prototypes"))
                    {
                        yield return (t, "rule " + Text(rule, "key"));
                    }

                    foreach (JsonElement p in Array(rule, "item_prototypes"))
                    {
                        foreach (JsonElement t in Array(p, "trigger_prototypes"))
                        {
                            yield return (t, "rule " + Text(rule, "key"));
                        }
                    }
                }
            }
        }

        /// <summary>
        /// The (host, key) pairs of the item references in a Zabbix 6.0 expression: "func(/host/key" with the key
        /// read to the end of its bracketed parameters (which may hold commas and quotes).
        /// </summary>
        public static List<(string Host, string Key)> References(string expression)
        {
            var refs = new List<(string, string)>();
            int i = 0;
            while ((i = expression.IndexOf("(/", i, StringComparison.Ordinal)) >= 0)
            {
                int hostEnd = expression.IndexOf('/', i + 2);
                Assert.True(hostEnd > 0, "unterminated host in " + expression);
                string host = expression.Substring(i + 2, hostEnd - i - 2);
                int k = hostEnd + 1;
                int depth = 0;
                bool quoted = false;
                while (k < expression.Length)
                {
                    char c = expression[k];
                    if (quoted)
                    {
                        if (c == '\\')
                        {
                            k++;
                        }
                        else if (c == '"')
                        {
                            quoted = false;
                        }
                    }
                    else if (c == '"')
                    {
                        quoted = true;
                    }
                    else if (c == '[')
                    {
                        depth++;
                    }
                    else if (c == ']')
                    {
                        depth--;
                        if (depth == 0)
                        {
                            k++;
                            break;
                        }
                    }
                    else if (depth == 0 && (c == ',' || c == ')'))
                    {
                        break;
                    }

                    k++;
                }

                refs.Add((host, expression.Substring(hostEnd + 1, k - hostEnd - 1)));
                i = k;
            }

            return refs;
        }

        /// <summary>The user macros {$...} an expression or text uses (context part included).</summary>
        public static List<string> Macros(string text)
        {
            var found = new List<string>();
            foreach (Match m in Regex.Matches(text ?? string.Empty, @"\{\$[A-Z0-9_.]+\}"))
            {
                found.Add(m.Value);
            }

            return found;
        }
    }
}
