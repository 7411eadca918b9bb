using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Ipenergy.Probe.App;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Protocols.Http;
using Ipenergy.Probe.Simulator;
using Ipenergy.Probe.Tests.CompileGate;
using Xunit;

namespace Ipenergy.Probe.Tests.Http
{
    /// <summary>
    /// tools/http/openapi.json against the firmware: every route the ProbeApp's route table serves is documented
    /// with each method it allows, every documented route not marked x-eprobe-planned is served, every $ref
    /// resolves, every 4xx is a JSON Error with an {"error":"..."} example, and the examples parse and agree with
    /// what the endpoints really write (field names of measurements and info; promtool for the /metrics example).
    /// </summary>
    public sealed class OpenApiDocumentTests
    {
        private static readonly (string Name, int Method)[] Methods =
        {
            ("get", HttpRequestHead.MethodGet),
            ("put", HttpRequestHead.MethodPut),
            ("post", HttpRequestHead.MethodPost),
            ("delete", HttpRequestHead.MethodDelete),
        };

        private static JsonDocument Load()
        {
            string path = Path.Combine(RepoLayout.Root, "tools", "http", "openapi.json");
            return JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow });
        }

        /// <summary>The IHttpEndpoint array the ProbeApp hands its HttpServer (found by type, not by field name).</summary>
        private static IHttpEndpoint[] ProbeAppEndpoints()
        {
            Scenario scenario = DefaultScenario.Create("MPP18");
            WaveformSynthesizer adc = WaveformSynthesizer.CreateFreeRunning(scenario, 3200);
            var clock = new SimulatedClock(adc, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            var app = new ProbeApp(adc, clock, MeterConfigFactory.Create(scenario), null, null,
                new ProbeOptions { BindAddress = "127.0.0.1", HttpPort = 0, RandomSource = new Ipenergy.Probe.Tests.Host.Crypto.HostRandomSource() });
            object server = FieldOfType(app, typeof(HttpServer));
            return (IHttpEndpoint[])FieldOfType(server, typeof(IHttpEndpoint[]));
        }

        private static object FieldOfType(object owner, Type type)
        {
            FieldInfo[] fields = owner.GetType().GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
                .Where(f => f.FieldType == type).ToArray();
            Assert.True(fields.Length == 1, owner.GetType().Name + " has " + fields.Length + " fields of type " + type.Name + " (expected 1)");
            object value = fields[0].GetValue(owner);
            Assert.NotNull(value);
            return value;
        }

        /// <summary>"/api/v1/users/{name}" is served by an endpoint at "/api/v1/users/" or "/api/v1/users".</summary>
        private static bool Serves(string endpointPath, string documentedPath)
        {
            int brace = documentedPath.IndexOf('{');
            if (brace < 0)
            {
                return endpointPath == documentedPath;
            }

            string prefix = documentedPath.Substring(0, brace);
            return endpointPath == prefix || endpointPath + "/" == prefix;
        }

        [Fact]
        public void EveryServedRouteIsDocumentedAndEveryDocumentedRouteServed()
        {
            IHttpEndpoint[] endpoints = ProbeAppEndpoints();
            Assert.NotEmpty(endpoints);
            using JsonDocument doc = Load();
            JsonElement paths = doc.RootElement.GetProperty("paths");
            var problems = new List<string>();

            foreach (IHttpEndpoint endpoint in endpoints)
            {
                string path = Encoding.ASCII.GetString(endpoint.Path);
                JsonProperty[] documented = paths.EnumerateObject().Where(p => Serves(path, p.Name)).ToArray();
                if (documented.Length == 0)
                {
                    problems.Add(path + " is served but not in tools/http/openapi.json");
                    continue;
                }

                foreach ((string name, int method) in Methods)
                {
                    if (endpoint.Allows(method) && !documented.Any(p => p.Value.TryGetProperty(name, out _)))
                    {
                        problems.Add(name.ToUpperInvariant() + " " + path + " is served but not documented");
                    }
                }
            }

            foreach (JsonProperty path in paths.EnumerateObject())
            {
                if (path.Value.TryGetProperty("x-eprobe-planned", out JsonElement planned) && planned.GetBoolean())
                {
                    continue;
                }

                foreach ((string name, int method) in Methods)
                {
                    if (path.Value.TryGetProperty(name, out _) &&
                        !endpoints.Any(e => Serves(Encoding.ASCII.GetString(e.Path), path.Name) && e.Allows(method)))
                    {
                        problems.Add(name.ToUpperInvariant() + " " + path.Name + " is documented but not served (mark it \"x-eprobe-planned\": true until it lands)");
                    }
                }
            }

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void ReferencesResolveAndEveryClientErrorIsJsonError()
        {
            using JsonDocument doc = Load();
            JsonElement root = doc.RootElement;
            Assert.StartsWith("3.0.", root.GetProperty("openapi").GetString());
            var problems = new List<string>();
            CheckRefs(root, root, "#", problems);

            int clientErrors = 0;
            foreach (JsonProperty path in root.GetProperty("paths").EnumerateObject())
            {
                foreach ((string name, _) in Methods)
                {
                    if (!path.Value.TryGetProperty(name, out JsonElement op))
                    {
                        continue;
                    }

                    Assert.True(op.TryGetProperty("responses", out JsonElement responses), name + " " + path.Name + " has no responses");
                    foreach (JsonProperty response in responses.EnumerateObject())
                    {
                        if (!response.Name.StartsWith("4", StringComparison.Ordinal))
                        {
                            continue;
                        }

                        clientErrors++;
                        string where = name + " " + path.Name + " " + response.Name;
                        JsonElement resolved = Resolve(root, response.Value);
                        if (!resolved.TryGetProperty("content", out JsonElement content) || !content.TryGetProperty("application/json", out JsonElement json))
                        {
                            problems.Add(where + ": not application/json");
                            continue;
                        }

                        if (!json.TryGetProperty("schema", out JsonElement schema) || !schema.TryGetProperty("$ref", out JsonElement r) ||
                            r.GetString() != "#/components/schemas/Error")
                        {
                            problems.Add(where + ": schema is not #/components/schemas/Error");
                        }

                        if (!json.TryGetProperty("example", out JsonElement example) || example.ValueKind != JsonValueKind.Object ||
                            !example.TryGetProperty("error", out JsonElement text) || text.ValueKind != JsonValueKind.String ||
                            example.EnumerateObject().Count() != 1)
                        {
                            problems.Add(where + ": example is not {\"error\":\"...\"}");
                        }
                    }
                }
            }

            Assert.True(clientErrors >= 20, "only " + clientErrors + " 4xx responses documented");
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void ExamplesParseAndMatchWhatTheEndpointsWrite()
        {
            using JsonDocument doc = Load();
            JsonElement root = doc.RootElement;
            JsonElement paths = root.GetProperty("paths");
            var problems = new List<string>();

            // JSON examples are JSON values (not strings) and carry every property their schema requires.
            foreach (JsonProperty path in paths.EnumerateObject())
            {
                foreach ((string name, _) in Methods)
                {
                    if (!path.Value.TryGetProperty(name, out JsonElement op))
                    {
                        continue;
                    }

                    foreach (JsonProperty response in op.GetProperty("responses").EnumerateObject())
                    {
                        JsonElement resolved = Resolve(root, response.Value);
                        if (!resolved.TryGetProperty("content", out JsonElement content) || !content.TryGetProperty("application/json", out JsonElement json))
                        {
                            continue;
                        }

                        string where = name + " " + path.Name + " " + response.Name;
                        if (!json.TryGetProperty("example", out JsonElement example))
                        {
                            problems.Add(where + ": no example");
                            continue;
                        }

                        if (example.ValueKind != JsonValueKind.Object && example.ValueKind != JsonValueKind.Array)
                        {
                            problems.Add(where + ": example is a " + example.ValueKind + ", not a JSON document");
                        }

                        if (json.TryGetProperty("schema", out JsonElement schema) && Resolve(root, schema).TryGetProperty("required", out JsonElement required))
                        {
                            foreach (JsonElement field in required.EnumerateArray())
                            {
                                if (!example.TryGetProperty(field.GetString(), out _))
                                {
                                    problems.Add(where + ": example lacks required " + field.GetString());
                                }
                            }
                        }
                    }
                }
            }

            Assert.True(problems.Count == 0, string.Join("\n", problems));

            // Field names of the measurements example: every one is written by the real endpoint.
            JsonElement measurements = Example(paths, "/api/v1/measurements", "application/json");
            using JsonDocument real = JsonDocument.Parse(Serve(new MeasurementsEndpoint(new FakeMeasurementSource(HandMadeSnapshots.Mpp18()), new MetricsTestClock())));
            AssertSubset(measurements, real.RootElement, "measurements");
            foreach (string list in new[] { "phases", "channels", "circuits" })
            {
                AssertSubset(measurements.GetProperty(list)[0], real.RootElement.GetProperty(list)[0], "measurements." + list + "[0]");
            }

            // The info example has exactly the real field names.
            JsonElement info = Example(paths, "/api/v1/info", "application/json");
            var config = MetricsEndpointTests.LabelledMpp18();
            using JsonDocument realInfo = JsonDocument.Parse(Serve(new InfoEndpoint(new DeviceIdentity("MPP18", "", "0.7.0", "EP18-0042"), new FixedLiveConfig(config), new MetricsTestClock())));
            Assert.Equal(string.Join(",", realInfo.RootElement.EnumerateObject().Select(p => p.Name)), string.Join(",", info.EnumerateObject().Select(p => p.Name)));

            // The module list example: the real field names at each level (the gateway's list over the fixture directory).
            JsonElement moduleList = Example(paths, "/api/v1/modules", "application/json");
            using JsonDocument realList = JsonDocument.Parse(Serve(new ModulesEndpoint(new FakeMeasurementSource(HandMadeSnapshots.Make(3))) { Directory = ModuleFixtures.Directory() }));
            Assert.Equal(Names(realList.RootElement), Names(moduleList));
            Assert.Equal(Names(realList.RootElement.GetProperty("totals")), Names(moduleList.GetProperty("totals")));
            Assert.Equal(Names(realList.RootElement.GetProperty("modules")[0]), Names(moduleList.GetProperty("modules")[0]));
            Assert.Equal(Names(realList.RootElement.GetProperty("modules")[0].GetProperty("counters")), Names(moduleList.GetProperty("modules")[0].GetProperty("counters")));

            // The module measurements example has the fields of the real module document, in its order.
            JsonElement moduleMeasurements = Example(paths, "/api/v1/modules/{address}/measurements", "application/json");
            Assert.Equal(string.Join(",", MeasurementsJsonAssert.ModuleTopFields), Names(moduleMeasurements));

            // The /metrics example is an exposition promtool accepts, in the families the endpoint writes.
            JsonElement metrics = Example(paths, "/metrics", "text/plain; version=0.0.4; charset=utf-8");
            Promtool.CheckMetrics(metrics.GetString());
            MetricsEndpoint gateway = MetricsEndpointTests.Endpoint(new FakeMeasurementSource(HandMadeSnapshots.Mpp18()), new MetricsTestClock());
            gateway.Modules = ModuleFixtures.Directory();
            string exposition = Encoding.UTF8.GetString(ServeBytes(gateway));
            foreach (string line in metrics.GetString().Split('\n').Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal)))
            {
                Assert.Contains(line + "\n", exposition);
            }
        }

        private static JsonElement Example(JsonElement paths, string path, string contentType)
        {
            return paths.GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content")
                .GetProperty(contentType).GetProperty("example");
        }

        private static string Names(JsonElement e)
        {
            return string.Join(",", e.EnumerateObject().Select(p => p.Name));
        }

        private static void AssertSubset(JsonElement example, JsonElement real, string where)
        {
            foreach (JsonProperty p in example.EnumerateObject())
            {
                Assert.True(real.TryGetProperty(p.Name, out _), where + ": the example's field " + p.Name + " is not written by the endpoint");
            }
        }

        private static string Serve(IHttpEndpoint endpoint)
        {
            return Encoding.UTF8.GetString(ServeBytes(endpoint));
        }

        private static byte[] ServeBytes(IHttpEndpoint endpoint)
        {
            var response = new HttpResponse(4096);
            while (true)
            {
                response.Reset();
                Assert.Equal(200, endpoint.Handle(new HttpRequest(), response));
                if (!response.Overflowed)
                {
                    break;
                }

                Assert.True(response.Grow(), "response does not fit");
            }

            byte[] body = new byte[response.BodyLength];
            Array.Copy(response.Buffer, HttpResponseHead.MaxLength, body, 0, body.Length);
            return body;
        }

        private static JsonElement Resolve(JsonElement root, JsonElement element)
        {
            while (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out JsonElement r))
            {
                element = Pointer(root, r.GetString());
            }

            return element;
        }

        private static JsonElement Pointer(JsonElement root, string reference)
        {
            Assert.StartsWith("#/", reference);
            JsonElement at = root;
            foreach (string part in reference.Substring(2).Split('/'))
            {
                Assert.True(at.ValueKind == JsonValueKind.Object && at.TryGetProperty(part.Replace("~1", "/").Replace("~0", "~"), out at), "unresolved $ref " + reference);
            }

            return at;
        }

        private static void CheckRefs(JsonElement root, JsonElement element, string where, List<string> problems)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty p in element.EnumerateObject())
                {
                    if (p.Name == "$ref")
                    {
                        try
                        {
                            Pointer(root, p.Value.GetString());
                        }
                        catch (Exception e)
                        {
                            problems.Add(where + ": " + e.Message);
                        }
                    }
                    else if (p.Name != "example")
                    {
                        CheckRefs(root, p.Value, where + "/" + p.Name, problems);
                    }
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement item in element.EnumerateArray())
                {
                    CheckRefs(root, item, where, problems);
                }
            }
        }
    }
}
