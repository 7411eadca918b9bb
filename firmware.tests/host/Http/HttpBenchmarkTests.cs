using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Ipenergy.Probe.Protocols.Http;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Ipenergy.Probe.Tests.Http
{
    /// <summary>
    /// Benchmark, printed (no timed assertion: a shared 2-core CI box gives no stable figure): the real `wrk`
    /// (Debian wrk) against GET /api/v1/measurements of an in-process server with the hand-made MPP18 snapshot,
    /// and in the same run against `python3 -m http.server` serving the same JSON as a static file (the reference
    /// peer: nginx is not installed). Python is left at its default HTTP/1.0, a connection per request: with
    /// --protocol HTTP/1.1 it writes head and body in two sends and every keep-alive request waits ~40 ms for
    /// the client's delayed ACK (about 45 requests/s), which would flatter the ratio. Prints requests/s, latency and their ratio, and the bytes
    /// the whole process allocated per request while wrk ran (GC.GetTotalAllocatedBytes: sockets, handler
    /// threads and endpoint; the goal is 0).
    /// </summary>
    [Collection(AloneCollection.Name)]
    public sealed class HttpBenchmarkTests
    {
        private const int Seconds = 3;
        /// <summary>One connection per handler thread: more would wait in the accept queue or get 503 busy by design.</summary>
        private const int Connections = HttpServer.HandlerCount;
        private readonly ITestOutputHelper _output;

        public HttpBenchmarkTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void WrkMeasurementsAgainstPythonStaticFile()
        {
            var source = new FakeMeasurementSource(HandMadeSnapshots.Mpp18());
            var server = new HttpServer(new IHttpEndpoint[] { new MeasurementsEndpoint(source, null) }, null, "127.0.0.1", 0);
            server.Start();
            WrkResult ours;
            long allocated;
            string json;
            try
            {
                string url = "http://127.0.0.1:" + server.Port + "/api/v1/measurements";
                json = CurlRunner.Fetch(url).Body;
                Wrk(url, 1); // warm-up: JIT, buffers grown, connections' first requests
                long before = GC.GetTotalAllocatedBytes(true);
                ours = Wrk(url, Seconds);
                allocated = GC.GetTotalAllocatedBytes(true) - before;
            }
            finally
            {
                server.Stop();
            }

            WrkResult reference = WithPythonServer(json, Seconds);
            double perRequest = (double)allocated / ours.Requests;
            _output.WriteLine("wrk -t2 -c" + Connections + " -d" + Seconds + "s, GET /api/v1/measurements (MPP18, " + json.Length + " bytes):");
            _output.WriteLine(string.Format(CultureInfo.InvariantCulture, "  e-Probe server      : {0,10:F0} requests/s, latency avg {1}, p99 {2}, {3} requests, {4} errors",
                ours.RequestsPerSecond, ours.AverageLatency, ours.P99Latency, ours.Requests, ours.Errors));
            _output.WriteLine(string.Format(CultureInfo.InvariantCulture, "  python3 http.server : {0,10:F0} requests/s, latency avg {1}, p99 {2}, {3} requests, {4} errors (static file, HTTP/1.0)",
                reference.RequestsPerSecond, reference.AverageLatency, reference.P99Latency, reference.Requests, reference.Errors));
            _output.WriteLine(string.Format(CultureInfo.InvariantCulture, "  ratio               : {0:F1} x", ours.RequestsPerSecond / reference.RequestsPerSecond));
            _output.WriteLine(string.Format(CultureInfo.InvariantCulture, "  allocated           : {0} bytes in the whole process while wrk ran = {1:F2} bytes per request", allocated, perRequest));

            // Sanity only (not a timing): both servers answered and ours did not fail requests.
            Assert.True(ours.Requests > 0 && ours.Errors == 0, "wrk against the e-Probe server: " + ours.Raw);
            Assert.True(reference.Requests > 0, "wrk against python3 http.server: " + reference.Raw);
        }

        private WrkResult WithPythonServer(string json, int seconds)
        {
            string dir = Path.Combine(Path.GetTempPath(), "eprobe-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(dir, "api", "v1"));
            File.WriteAllText(Path.Combine(dir, "api", "v1", "measurements"), json, new UTF8Encoding(false));
            int port = FreePort();
            var start = new ProcessStartInfo(Which("python3", "python3"))
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = dir,
            };
            foreach (string a in new[] { "-m", "http.server", "--bind", "127.0.0.1", port.ToString(CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(a);
            }

            using Process python = Process.Start(start);
            python.OutputDataReceived += (s, e) => { };
            python.ErrorDataReceived += (s, e) => { };
            python.BeginOutputReadLine();
            python.BeginErrorReadLine();
            try
            {
                string url = "http://127.0.0.1:" + port + "/api/v1/measurements";
                WaitForPort(port);
                Assert.Equal(json, CurlRunner.Run("-sS", url).Stdout);
                Wrk(url, 1);
                return Wrk(url, seconds);
            }
            finally
            {
                python.Kill(true);
                python.WaitForExit(5000);
                Directory.Delete(dir, true);
            }
        }

        private static WrkResult Wrk(string url, int seconds)
        {
            string output = Path.GetTempFileName();
            try
            {
                // wrk writes to a file, so reading its output allocates nothing in this process while it runs.
                var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
                start.ArgumentList.Add("-c");
                start.ArgumentList.Add("exec \"$0\" -t2 -c" + Connections + " -d" + seconds + "s --timeout 5s --latency \"$1\" > \"$2\" 2>&1");
                start.ArgumentList.Add(Which("wrk", "wrk"));
                start.ArgumentList.Add(url);
                start.ArgumentList.Add(output);
                using Process wrk = Process.Start(start);
                if (!wrk.WaitForExit((seconds + 30) * 1000))
                {
                    wrk.Kill(true);
                    Assert.Fail("wrk did not finish");
                }

                wrk.WaitForExit();
                string text = File.ReadAllText(output);
                Assert.True(wrk.ExitCode == 0, "wrk exited " + wrk.ExitCode + ": " + text);
                return WrkResult.Parse(text);
            }
            finally
            {
                File.Delete(output);
            }
        }

        private static string Which(string program, string package)
        {
            foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':'))
            {
                string path = Path.Combine(dir, program);
                if (File.Exists(path))
                {
                    return path;
                }
            }

            Assert.Fail(program + " not found: install the Debian package '" + package + "'");
            return null;
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        private static void WaitForPort(int port)
        {
            var watch = Stopwatch.StartNew();
            while (watch.ElapsedMilliseconds < 10000)
            {
                try
                {
                    using var client = new TcpClient();
                    client.Connect(IPAddress.Loopback, port);
                    return;
                }
                catch (SocketException)
                {
                    Thread.Sleep(50);
                }
            }

            Assert.Fail("python3 http.server did not listen on " + port + " within 10 s");
        }

        private sealed class WrkResult
        {
            public long Requests;
            public long Errors;
            public double RequestsPerSecond;
            public string AverageLatency;
            public string P99Latency;
            public string Raw;

            public static WrkResult Parse(string text)
            {
                var r = new WrkResult { Raw = text };
                Match requests = Regex.Match(text, @"(\d+) requests in");
                Match rate = Regex.Match(text, @"Requests/sec:\s+([0-9.]+)");
                Match latency = Regex.Match(text, @"Latency\s+(\S+)");
                Match p99 = Regex.Match(text, @"99%\s+(\S+)");
                Assert.True(requests.Success && rate.Success && latency.Success && p99.Success, "unexpected wrk output: " + text);
                r.Requests = long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture);
                r.RequestsPerSecond = double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture);
                r.AverageLatency = latency.Groups[1].Value;
                r.P99Latency = p99.Groups[1].Value;
                foreach (Match m in Regex.Matches(text, @"(?:Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+))|(?:Non-2xx or 3xx responses: (\d+))"))
                {
                    for (int g = 1; g < m.Groups.Count; g++)
                    {
                        if (m.Groups[g].Success)
                        {
                            r.Errors += long.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
                        }
                    }
                }

                return r;
            }
        }
    }
}
