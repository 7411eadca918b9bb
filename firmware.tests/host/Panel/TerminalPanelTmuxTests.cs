using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using Ipenergy.Probe.Tests.Http;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;

namespace Ipenergy.Probe.Tests.Panel
{
    /// <summary>
    /// The virtual e-Probe's front panel driven like a person at a terminal: the simulator runs with --panel inside
    /// a detached tmux session of 140 x 50, keys go in with tmux send-keys, and each screen is read back with
    /// capture-pane (the half blocks decoded into pixels, the expected text found as the firmware's font draws it).
    /// Goes through every screen of a module (Home, Phases, Circuit, Channel, Alarms, Network, Settings), sees the
    /// "CT reversed?" hint on the scenario's channel wired at 180 degrees, changes the contrast in Settings after the
    /// PIN (checked in GET /api/v1/config and on the terminal's status line), and goes home with a long Back.
    /// </summary>
    [Collection(AloneCollection.Name)]
    public sealed class TerminalPanelTmuxTests : IDisposable
    {
        private const string Scenario = """
        { "model": "MPP3", "frequencyHz": 50.0,
          "channels": [
            { "channel": 1, "phase": "L1", "ctRatedA": 100, "irms": 40.0, "angleDeg": -20 },
            { "channel": 2, "phase": "L2", "ctRatedA": 100, "irms": 30.0, "angleDeg": 180 },
            { "channel": 3, "phase": "L3", "ctRatedA": 100, "irms": 20.0, "angleDeg": -10 } ] }
        """;

        private readonly string _dir = Directory.CreateTempSubdirectory("panel-tmux-").FullName;
        private readonly string _socket = "eprobe-panel-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        private readonly string _tmux;
        private bool[,] _last;
        private string _lastCapture = "";

        public TerminalPanelTmuxTests()
        {
            _tmux = PeerProcess.Require("tmux", "tmux");
        }

        public void Dispose()
        {
            // Ctrl-C first (the simulator saves and exits), then our own tmux server goes.
            Tmux(false, "send-keys", "-t", "panel", "C-c");
            Thread.Sleep(1500);
            Tmux(false, "kill-server");
            try
            {
                Directory.Delete(_dir, true);
            }
            catch (IOException)
            {
            }
        }

        [Fact]
        public void EveryScreenTheCtReversedHintAndAContrastChangeThroughTheTerminal()
        {
            string scenario = Path.Combine(_dir, "scenario.json");
            File.WriteAllText(scenario, Scenario);
            string log = Path.Combine(_dir, "probe.log");
            string dir = AppContext.BaseDirectory;
            string apphost = Path.Combine(dir, "hal-simulator");
            string program = File.Exists(apphost) ? Quote(apphost) : "dotnet " + Quote(Path.Combine(dir, "hal-simulator.dll"));
            string command = "EPROBE_ADMIN_PASSWORD=admin exec " + program + " --scenario " + Quote(scenario) + " --data-dir " + Quote(Path.Combine(_dir, "flash"))
                + " --http-port 0 --modbus-port 0 --snmp-port 0 --panel --log " + Quote(log);
            Tmux(true, "new-session", "-d", "-s", "panel", "-x", "140", "-y", "50", command);

            string baseUrl = WaitForUrl(log);
            using JsonDocument config = JsonDocument.Parse(CurlRunner.Fetch("-u", "admin:admin", baseUrl + "api/v1/config").Body);
            string sysName = config.RootElement.GetProperty("snmp").GetProperty("sysName").GetString();
            string home = string.IsNullOrEmpty(sysName) ? config.RootElement.GetProperty("network").GetProperty("hostname").GetString() : sysName;
            int contrast = config.RootElement.GetProperty("panel").GetProperty("contrast").GetInt32();

            WaitFor(home);
            Keys("Down");
            WaitFor("Phases");
            Keys("Down");
            WaitFor("Circuit");
            Keys("Down");
            WaitFor("Channel");

            // Into the channels, to channel 2: its current flows backwards (180 degrees), so P < 0.
            Keys("Enter");
            WaitFor("1/3");
            Assert.False(TerminalPanelCapture.Shows(_last, "CT reversed?"), "hint on channel 1 (40 A at -20 degrees):\n" + TerminalPanelCapture.Art(_last));
            Keys("Down");
            WaitFor("2/3");
            WaitFor("CT reversed?");
            Keys("BSpace");
            Keys("Down");
            WaitFor("Alarms");
            Keys("Down");
            WaitFor("Network");
            WaitFor("127.0.0.1");
            Keys("Down");
            WaitFor("Settings");

            // The PIN (factory 0000: Enter on each digit), then Contrast (third item), three steps up, Enter.
            Keys("Enter");
            WaitFor("Enter PIN");
            Keys("Enter", "Enter", "Enter", "Enter");
            WaitFor("Contrast");
            Keys("Down", "Down", "Enter", "Up", "Up", "Up", "Enter");
            WaitFor("Saved");
            int expected = (contrast + 3) % 64;
            AssertEventually(() =>
            {
                using JsonDocument after = JsonDocument.Parse(CurlRunner.Fetch("-u", "admin:admin", baseUrl + "api/v1/config").Body);
                return after.RootElement.GetProperty("panel").GetProperty("contrast").GetInt32() == expected;
            }, "panel.contrast " + expected + " in GET /api/v1/config");
            AssertEventually(() => Capture().Contains("contrast " + expected + " "), "the terminal's status line shows contrast " + expected);

            // Back held (l, then Backspace = long press): home from inside Settings.
            Keys("l", "BSpace");
            WaitFor(home);
        }

        private string WaitForUrl(string log)
        {
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(60))
            {
                string text = File.Exists(log) ? ReadShared(log) : "";
                Match http = Regex.Match(text, @"^http +(http://[^ \r\n]+/)", RegexOptions.Multiline);
                if (http.Success && text.Contains("panel  in this terminal"))
                {
                    return http.Groups[1].Value;
                }

                Thread.Sleep(200);
            }

            Assert.Fail("the virtual e-Probe did not start in 60 s; log:\n" + (File.Exists(log) ? ReadShared(log) : "(none)") + "\npane:\n" + Capture());
            return null;
        }

        private void WaitFor(string text)
        {
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(15))
            {
                _lastCapture = Capture();
                _last = TerminalPanelCapture.Decode(_lastCapture);
                if (_last != null && TerminalPanelCapture.Shows(_last, text))
                {
                    return;
                }

                Thread.Sleep(150);
            }

            Assert.Fail("'" + text + "' not on the terminal panel after 15 s; display:\n"
                + (_last == null ? "(no panel box)\n" + _lastCapture : TerminalPanelCapture.Art(_last)));
        }

        private static void AssertEventually(Func<bool> condition, string what)
        {
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(10))
            {
                if (condition())
                {
                    return;
                }

                Thread.Sleep(200);
            }

            Assert.Fail("not seen within 10 s: " + what);
        }

        private void Keys(params string[] keys)
        {
            foreach (string key in keys)
            {
                Tmux(true, "send-keys", "-t", "panel", key);
                Thread.Sleep(60);
            }
        }

        private string Capture()
        {
            return Tmux(true, "capture-pane", "-p", "-t", "panel");
        }

        private string Tmux(bool check, params string[] args)
        {
            var all = new List<string> { "-L", _socket };
            all.AddRange(args);
            ProcessStartInfo start = PeerProcess.StartInfo(_tmux, new Dictionary<string, string> { ["TERM"] = "xterm-256color" }, all.ToArray());
            start.Environment.Remove("TMUX");
            PeerProcess.Result r = PeerProcess.Run(start, 20000);
            if (check)
            {
                Assert.True(r.ExitCode == 0, "tmux " + string.Join(" ", args) + ": " + r);
            }

            return r.Stdout;
        }

        private static string ReadShared(string path)
        {
            using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(f);
            return reader.ReadToEnd();
        }

        private static string Quote(string s)
        {
            return "'" + s.Replace("'", "'\\''") + "'";
        }
    }
}
