using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;

namespace Ipenergy.Probe.Tests.Templates
{
    /// <summary>
    /// A real Nagios 4 (Debian nagios4) in a temp directory: a main nagios.cfg naming the given object files
    /// plus a site file (the 24x7 timeperiod and an "admins" contact group without notifications, which a
    /// site's own configuration normally provides), interval_length=1 so intervals are seconds, status.dat
    /// written every second. Runs as root (nagios_user/nagios_group root): the temp files stay private.
    /// </summary>
    public sealed class NagiosDaemon : IDisposable
    {
        public const string Binary = "/usr/sbin/nagios4";

        private const string SiteObjects = @"define timeperiod {
    timeperiod_name 24x7
    alias           all day, every day
    sunday          00:00-24:00
    monday          00:00-24:00
    tuesday         00:00-24:00
    wednesday       00:00-24:00
    thursday        00:00-24:00
    friday          00:00-24:00
    saturday        00:00-24:00
}

define command {
    command_name    notify-nobody
    command_line    /bin/true
}

define contact {
    contact_name                    tester
    host_notifications_enabled      0
    service_notifications_enabled   0
    host_notification_period        24x7
    service_notification_period     24x7
    host_notification_options       n
    service_notification_options    n
    host_notification_commands      notify-nobody
    service_notification_commands   notify-nobody
}

define contactgroup {
    contactgroup_name   admins
    members             tester
}
";

        private Process _process;

        public NagiosDaemon(params string[] objectFiles)
        {
            PeerProcess.Require(Binary, "nagios4");
            Directory = System.IO.Directory.CreateTempSubdirectory("eprobe-nagios").FullName;
            System.IO.Directory.CreateDirectory(Path.Combine(Directory, "checkresults"));
            File.WriteAllText(Path.Combine(Directory, "site.cfg"), SiteObjects);
            File.WriteAllText(Path.Combine(Directory, "resource.cfg"), "$USER1$=" + NagiosCheck.PluginDirectory + "\n");
            var main = new List<string> { "cfg_file=" + Path.Combine(Directory, "site.cfg") };
            main.AddRange(objectFiles.Select(f => "cfg_file=" + f));
            main.AddRange(new[]
            {
                "resource_file=" + Path.Combine(Directory, "resource.cfg"),
                "log_file=" + LogFile,
                "status_file=" + StatusFile,
                "object_cache_file=" + Path.Combine(Directory, "objects.cache"),
                "precached_object_file=" + Path.Combine(Directory, "objects.precache"),
                "temp_file=" + Path.Combine(Directory, "nagios.tmp"),
                "temp_path=" + Directory,
                "lock_file=" + Path.Combine(Directory, "nagios.lock"),
                "query_socket=" + Path.Combine(Directory, "nagios.qh"),
                "check_result_path=" + Path.Combine(Directory, "checkresults"),
                "state_retention_file=" + Path.Combine(Directory, "retention.dat"),
                "retain_state_information=0",
                "check_external_commands=0",
                "nagios_user=root",
                "nagios_group=root",
                "use_syslog=0",
                "enable_notifications=0",
                "log_initial_states=1",
                "log_service_retries=1",
                "interval_length=1",
                "status_update_interval=1",
                "check_result_reaper_frequency=1",
                "service_inter_check_delay_method=n",
                "host_inter_check_delay_method=n",
                "service_check_timeout=20",
                "illegal_macro_output_chars=`~$&|'\"<>",
            });
            File.WriteAllText(MainConfig, string.Join("\n", main) + "\n");
        }

        public string Directory { get; }

        public string MainConfig { get { return Path.Combine(Directory, "nagios.cfg"); } }

        public string StatusFile { get { return Path.Combine(Directory, "status.dat"); } }

        public string LogFile { get { return Path.Combine(Directory, "nagios.log"); } }

        /// <summary>nagios4 -v: the pre-flight check of the whole configuration; fails the test unless 0 warnings and 0 errors.</summary>
        public string Verify()
        {
            PeerProcess.Result r = PeerProcess.Run(PeerProcess.StartInfo(Binary, null, "-v", MainConfig), 60000);
            Assert.True(r.ExitCode == 0 && r.Stdout.Contains("Total Warnings: 0", StringComparison.Ordinal)
                && r.Stdout.Contains("Total Errors:   0", StringComparison.Ordinal), "nagios4 -v " + MainConfig + ": " + r);
            return r.Stdout;
        }

        /// <summary>Starts nagios4 in the foreground (killed by Dispose).</summary>
        public void Start()
        {
            _process = Process.Start(PeerProcess.StartInfo(Binary, null, MainConfig));
            _process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
            _process.StandardError.BaseStream.CopyToAsync(Stream.Null);
        }

        public bool HasExited
        {
            get { return _process != null && _process.HasExited; }
        }

        /// <summary>The servicestatus blocks of status.dat (empty before Nagios writes it).</summary>
        public List<Dictionary<string, string>> ServiceStatus()
        {
            return ReadServiceStatus(StatusFile);
        }

        /// <summary>The servicestatus blocks of a Nagios-format status.dat (Nagios, Icinga 2's StatusDataWriter); empty while absent.</summary>
        public static List<Dictionary<string, string>> ReadServiceStatus(string statusFile)
        {
            var blocks = new List<Dictionary<string, string>>();
            string text;
            try
            {
                text = File.ReadAllText(statusFile);
            }
            catch (FileNotFoundException)
            {
                return blocks;
            }

            Dictionary<string, string> current = null;
            foreach (string raw in text.Split('\n'))
            {
                string line = raw.Trim();
                if (line == "servicestatus {")
                {
                    current = new Dictionary<string, string>(StringComparer.Ordinal);
                }
                else if (line == "}" && current != null)
                {
                    blocks.Add(current);
                    current = null;
                }
                else if (current != null && line.IndexOf('=') > 0)
                {
                    int eq = line.IndexOf('=');
                    current[line.Substring(0, eq)] = line.Substring(eq + 1);
                }
            }

            return blocks;
        }

        public void Dispose()
        {
            if (_process != null)
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(10000);
                }

                _process.Dispose();
            }

            try
            {
                System.IO.Directory.Delete(Directory, true);
            }
            catch (IOException)
            {
            }
        }
    }
}
