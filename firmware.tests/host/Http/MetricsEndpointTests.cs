using Ipenergy.Probe.Common;
using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Protocols.Http;
using Xunit;

namespace Ipenergy.Probe.Tests.Http
{
    /// <summary>
    /// GET /metrics through real curl against an in-process server with the hand-made MPP18 snapshot and labels
    /// holding quotes, backslashes, line feeds and UTF-8; the exposition checked by the real `promtool check
    /// metrics` (Debian prometheus) and sample by sample; 0 bytes allocated per request.
    /// </summary>
    public sealed class MetricsEndpointTests : IDisposable
    {
        private readonly FakeMeasurementSource _source = new FakeMeasurementSource(HandMadeSnapshots.Mpp18());
        private readonly MetricsTestClock _clock = new MetricsTestClock();
        private readonly HttpServer _server;
        private readonly MetricsEndpoint _endpoint;
        private readonly string _url;

        public MetricsEndpointTests()
        {
            _clock.Now = _source.Latest.Timestamp.AddSeconds(1.25);
            _endpoint = Endpoint(_source, _clock);
            _server = new HttpServer(new IHttpEndpoint[] { _endpoint }, new SingleUserCredentials("admin", "s3cret"), "127.0.0.1", 0);
            _server.Start();
            _url = "http://127.0.0.1:" + _server.Port + "/metrics";
        }

        public void Dispose()
        {
            _server.Stop();
        }

        internal static MetricsEndpoint Endpoint(IMeasurementSource source, ISettableClock clock)
        {
            return new MetricsEndpoint(source, new FixedLiveConfig(LabelledMpp18()), new DeviceIdentity("MPP18", "rev B", "1.2.3-\"dev\"", "EP18-0042"), clock);
        }

        /// <summary>An MPP18 configuration whose labels need escaping and UTF-8; circuits as in the hand-made snapshot.</summary>
        internal static MeterConfig LabelledMpp18()
        {
            var config = new MeterConfig(18);
            config.Channels[6].Label = "Srv \"7\" \\ A";
            config.Channels[6].Rack = "R-12\nB";
            config.Channels[6].Customer = "Müller GmbH ⚡ 😀";
            config.Channels[6].Feed = "A";
            config.Channels[0].Label = "web-1";
            config.Circuits = new[]
            {
                new CircuitConfig("Rack A1", new[] { 1 }, 32.0) { Customer = "Acme" },
                new CircuitConfig("PDU \"B\\2\" – 3φ\n", new[] { 7, 8, 9 }, 63.0) { Customer = "Ünïcode \"Co\"" },
            };
            return config;
        }

        [Fact]
        public void PromtoolAcceptsTheExposition()
        {
            HttpResponseText r = CurlRunner.Fetch(_url);
            Assert.Equal(200, r.Status);
            Assert.Equal("text/plain; version=0.0.4; charset=utf-8", r.Header("Content-Type"));
            Promtool.CheckMetrics(r.Body);
        }

        [Fact]
        public void SamplesCarryLabelsValuesAndUnits()
        {
            string body = CurlRunner.Fetch(_url).Body;
            string[] lines = body.Split('\n');

            // Channel 7: L1, every label escaped as the format says; 1.5 + 6 * 2.345678 A exports (every seventh).
            string labels = "{channel=\"7\",phase=\"L1\",label=\"Srv \\\"7\\\" \\\\ A\",rack=\"R-12\\nB\",customer=\"Müller GmbH ⚡ 😀\",feed=\"A\",circuit=\"PDU \\\"B\\\\2\\\" – 3φ\\n\"}";
            Assert.Equal("15.574", Sample(lines, "eprobe_channel_current_amperes" + labels));
            Assert.Equal("-3223.8", Sample(lines, "eprobe_channel_active_power_watts" + labels));
            Assert.Equal("0.2075", Sample(lines, "eprobe_channel_thd_ratio" + labels));
            Assert.Equal("444444462064.8", Sample(lines, "eprobe_channel_import_energy_joules_total" + labels)); // 123456795018 mWh × 3.6
            Assert.Equal("5.994", Sample(lines, "eprobe_channel_export_reactive_energy_varh_total" + labels));

            // Empty labels are left out; channel 5 is idle: power factor not measurable is NaN, not 0.
            Assert.Equal("1.500", Sample(lines, "eprobe_channel_current_amperes{channel=\"1\",phase=\"L1\",label=\"web-1\",circuit=\"Rack A1\"}"));
            Assert.Equal("NaN", Sample(lines, "eprobe_channel_power_factor{channel=\"5\",phase=\"L2\"}"));
            Assert.Equal("18", Count(lines, "eprobe_channel_current_amperes{").ToString(CultureInfo.InvariantCulture));

            Assert.Equal("230.00", Sample(lines, "eprobe_phase_voltage_volts{phase=\"L1\"}"));
            Assert.Equal("NaN", Sample(lines, "eprobe_phase_voltage_thd_ratio{phase=\"L3\"}"));
            Assert.Equal("0", Sample(lines, "eprobe_phase_present{phase=\"L3\"}"));
            Assert.Equal("0.3858", Sample(lines, "eprobe_circuit_breaker_load_ratio{circuit=\"Rack A1\",customer=\"Acme\"}"));
            Assert.Equal("151.2", Sample(lines, "eprobe_circuit_import_energy_joules_total{circuit=\"Rack A1\",customer=\"Acme\"}"));
            Assert.Contains("eprobe_circuit_neutral_current_amperes{circuit=\"PDU \\\"B\\\\2\\\" – 3φ\\n\",customer=\"Ünïcode \\\"Co\\\"\"} ", body);

            Assert.Equal("1", Sample(lines, "eprobe_up"));
            Assert.Equal("1", Sample(lines, "eprobe_info{model=\"MPP18\",serial=\"EP18-0042\",firmware=\"1.2.3-\\\"dev\\\"\"}"));
            Assert.Equal("1.250", Sample(lines, "eprobe_measurement_age_seconds"));
            Assert.Equal("1", Sample(lines, "eprobe_clock_synchronized"));
            Assert.Contains("# TYPE eprobe_channel_import_energy_joules_total counter\n", body);
            Assert.Contains("# TYPE eprobe_channel_current_amperes gauge\n", body);
        }

        [Fact]
        public void PueFamiliesAppearOnlyOnceCircuitsHaveTheirRoles()
        {
            Assert.Equal(0, Count(CurlRunner.Fetch(_url).Body.Split('\n'), "eprobe_pue_"));

            var pue = new FixedPue();
            _endpoint.Pue = pue;
            Assert.Equal(0, Count(CurlRunner.Fetch(_url).Body.Split('\n'), "eprobe_pue_"));

            pue.Configured = true;
            pue.FacilityW = 150000.04;
            pue.ItW = 100000.0;
            pue.Pue = 1.50000004;
            pue.DciePercent = 66.666665;
            string body = CurlRunner.Fetch(_url).Body;
            string[] lines = body.Split('\n');
            Assert.Equal(150000.0, double.Parse(Sample(lines, "eprobe_pue_facility_power_watts"), CultureInfo.InvariantCulture));
            Assert.Equal(100000.0, double.Parse(Sample(lines, "eprobe_pue_it_power_watts"), CultureInfo.InvariantCulture));
            Assert.Equal("1.5000", Sample(lines, "eprobe_pue_ratio"));
            Assert.Equal("0.6667", Sample(lines, "eprobe_dcie_ratio"));
            Promtool.CheckMetrics(body);

            // Roles set but no IT power yet: the ratio is not measurable, and says so.
            pue.ItW = 0;
            pue.Pue = double.NaN;
            pue.DciePercent = double.NaN;
            lines = CurlRunner.Fetch(_url).Body.Split('\n');
            Assert.Equal("NaN", Sample(lines, "eprobe_pue_ratio"));
            Assert.Equal("NaN", Sample(lines, "eprobe_dcie_ratio"));
        }

        [Fact]
        public void StaleSnapshotMakesUpZero()
        {
            _clock.Now = _source.Latest.Timestamp.AddSeconds(MetricsEndpoint.StaleAfterSeconds + 1);
            string[] lines = CurlRunner.Fetch(_url).Body.Split('\n');
            Assert.Equal("0", Sample(lines, "eprobe_up"));
            Assert.Equal("6.000", Sample(lines, "eprobe_measurement_age_seconds"));
        }

        [Fact]
        public void BeforeTheFirstSnapshotOnlyDeviceFamilies()
        {
            _source.Latest = null;
            HttpResponseText r = CurlRunner.Fetch(_url);
            Assert.Equal(200, r.Status);
            string[] lines = r.Body.Split('\n');
            Assert.Equal("0", Sample(lines, "eprobe_up"));
            Assert.Equal(0, Count(lines, "eprobe_channel_"));
            Assert.Equal(0, Count(lines, "eprobe_phase_"));
            Assert.Equal(0, Count(lines, "eprobe_measurement_age_seconds"));
            Promtool.CheckMetrics(r.Body);
        }

        [Fact]
        public void HeadAndWrongMethod()
        {
            HttpResponseText head = CurlRunner.Fetch("-I", _url);
            Assert.Equal(200, head.Status);
            Assert.True(int.Parse(head.Header("Content-Length"), CultureInfo.InvariantCulture) > 20000);
            HttpResponseText put = CurlRunner.Fetch("-X", "POST", "-d", "x", _url);
            Assert.Equal(405, put.Status);
            Assert.Equal("GET, HEAD", put.Header("Allow"));
        }

        [Fact]
        public void HandleAllocatesNothingPerRequest()
        {
            MetricsEndpoint endpoint = Endpoint(_source, _clock);
            var request = new HttpRequest();
            var response = new HttpResponse(4096);

            long Serve(int times)
            {
                int failures = 0;
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < times; i++)
                {
                    response.Reset();
                    if (endpoint.Handle(request, response) != 200)
                    {
                        failures++;
                    }

                    if (response.Overflowed && !response.Grow())
                    {
                        failures++;
                    }
                }

                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Assert.Equal(0, failures);
                return allocated;
            }

            Serve(50);
            Assert.False(response.Overflowed);
            Assert.Contains("eprobe_channel_export_reactive_energy_varh_total{channel=\"18\"", Encoding.UTF8.GetString(response.Buffer, HttpResponseHead.MaxLength, response.BodyLength));
            long bytes = Serve(1000);
            Assert.True(bytes == 0, bytes + " bytes allocated by 1000 requests");
        }

        [Fact]
        public void ActiveAlarmsAreCountedByLevelWithoutAllocating()
        {
            var journal = new Ipenergy.Probe.Storage.Alarms.AlarmJournal(null);
            journal.Open();
            void Raise(int source, int index, int condition, int level)
            {
                journal.Append(new Ipenergy.Probe.Storage.Alarms.AlarmEntry
                {
                    Kind = AlarmCodes.EventRaised, TimestampUtc = _clock.UtcNow, Source = source, SourceIndex = index,
                    Condition = condition, Level = level, Value = 95, Threshold = 90,
                });
            }

            Raise(AlarmCodes.SourceCircuit, 1, AlarmCodes.LoadHigh, AlarmCodes.LevelCritical);
            Raise(AlarmCodes.SourcePhase, 2, AlarmCodes.UnderVoltage, AlarmCodes.LevelWarning);
            Raise(AlarmCodes.SourceChannel, 7, AlarmCodes.OverCurrent, AlarmCodes.LevelWarning);
            Assert.True(journal.Acknowledge(1, "op", _clock.UtcNow));

            MetricsEndpoint endpoint = Endpoint(_source, _clock);
            endpoint.Alarms = journal;
            var request = new HttpRequest();
            var response = new HttpResponse(4096);
            string Body()
            {
                response.Reset();
                Assert.Equal(200, endpoint.Handle(request, response));
                while (response.Overflowed)
                {
                    Assert.True(response.Grow());
                    response.Reset();
                    endpoint.Handle(request, response);
                }

                return Encoding.UTF8.GetString(response.Buffer, HttpResponseHead.MaxLength, response.BodyLength);
            }

            string[] lines = Body().Split('\n');
            Assert.Equal("2", Sample(lines, "eprobe_alarms_active{level=\"warning\"}"));
            Assert.Equal("1", Sample(lines, "eprobe_alarms_active{level=\"critical\"}"));
            Assert.Equal("2", Sample(lines, "eprobe_alarms_unacknowledged"));
            Promtool.CheckMetrics(string.Join("\n", lines));

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 200; i++)
            {
                response.Reset();
                endpoint.Handle(request, response);
            }

            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(bytes == 0, bytes + " bytes allocated by 200 requests with alarms");
        }

        private static string Sample(string[] lines, string series)
        {
            foreach (string line in lines)
            {
                if (line.StartsWith(series + " ", StringComparison.Ordinal))
                {
                    return line.Substring(series.Length + 1);
                }
            }

            Assert.Fail("no sample " + series);
            return null;
        }

        private static int Count(string[] lines, string prefix)
        {
            int n = 0;
            foreach (string line in lines)
            {
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    n++;
                }
            }

            return n;
        }
    }

    /// <summary>Runs the real `promtool check metrics` (Debian prometheus) over an exposition; fails on any finding.</summary>
    public static class Promtool
    {
        public static void CheckMetrics(string exposition)
        {
            string promtool = File.Exists("/usr/bin/promtool") ? "/usr/bin/promtool" : null;
            Assert.True(promtool != null, "promtool not found: install the Debian package 'prometheus'");
            var start = new ProcessStartInfo(promtool)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("check");
            start.ArgumentList.Add("metrics");
            using Process process = Process.Start(start);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            byte[] bytes = new UTF8Encoding(false).GetBytes(exposition);
            process.StandardInput.BaseStream.Write(bytes, 0, bytes.Length);
            process.StandardInput.Close();
            if (!process.WaitForExit(30000))
            {
                process.Kill(true);
                Assert.Fail("promtool did not finish in 30 s");
            }

            process.WaitForExit();
            string findings = stdout.Result + stderr.Result;
            Assert.True(process.ExitCode == 0 && findings.Trim().Length == 0, "promtool check metrics exited " + process.ExitCode + ": " + findings);
        }
    }

    /// <summary>A configuration that never changes.</summary>
    internal sealed class FixedLiveConfig : ILiveConfig
    {
        public FixedLiveConfig(MeterConfig config)
        {
            Current = config;
        }

        public MeterConfig Current { get; }

        public string Apply(byte[] json, int offset, int length)
        {
            return "read-only";
        }
    }

    /// <summary>A clock the test sets.</summary>
    internal sealed class MetricsTestClock : ISettableClock
    {
        public DateTime Now = new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc);

        public long MonotonicMilliseconds { get; set; } = 3723000;

        public DateTime UtcNow { get { return Now; } }

        public bool Synchronized { get; set; } = true;

        public void SetUtcNow(DateTime utc)
        {
            Now = utc;
        }
    }

    /// <summary>PUE values set by the test.</summary>
    internal sealed class FixedPue : IPueSource
    {
        public bool Configured;
        public double FacilityW;
        public double ItW;
        public double Pue = double.NaN;
        public double DciePercent = double.NaN;

        public void ReadInstantaneous(out bool configured, out double facilityW, out double itW, out double pue, out double dciePercent)
        {
            configured = Configured;
            facilityW = FacilityW;
            itW = ItW;
            pue = Pue;
            dciePercent = DciePercent;
        }

        public void Query(DateTime fromUtc, DateTime toUtc, int resolutionSeconds, IPueIntervalVisitor visitor)
        {
        }
    }
}
