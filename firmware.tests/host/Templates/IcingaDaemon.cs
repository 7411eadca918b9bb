using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using Ipenergy.Probe.Tests.CompileGate;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;

namespace Ipenergy.Probe.Tests.Templates
{
    /// <summary>
    /// A real Icinga 2 (Debian icinga2) confined to a temp directory: a main file with the constants a
    /// package installation defines (PluginDir, NodeName, ZoneName), the given configuration text, and the
    /// data, log, cache, spool and run directories and the user (root) passed as -D constants, so neither
    /// the validation (-C) nor a run touches /var or drops privileges.
    /// </summary>
    public sealed class IcingaDaemon : IDisposable
    {
        public const string Binary = "/usr/sbin/icinga2";

        private Process _process;

        public IcingaDaemon(string configuration)
        {
            PeerProcess.Require(Binary, "icinga2");
            Directory = System.IO.Directory.CreateTempSubdirectory("eprobe-icinga").FullName;
            foreach (string sub in new[] { "data", "log", "cache", "spool", "run" })
            {
                System.IO.Directory.CreateDirectory(Path.Combine(Directory, sub));
            }

            File.WriteAllText(MainConfig, "const PluginDir = \"" + NagiosCheck.PluginDirectory + "\"\nconst NodeName = \"localhost\"\nconst ZoneName = \"localhost\"\n\n" + configuration);
        }

        /// <summary>tools/templates/icinga/eprobe.conf in this repository.</summary>
        public static string ShippedConf
        {
            get { return Path.Combine(RepoLayout.Root, "tools", "templates", "icinga", "eprobe.conf"); }
        }

        public string Directory { get; }

        public string MainConfig { get { return Path.Combine(Directory, "icinga2.conf"); } }

        public string StatusFile { get { return Path.Combine(Directory, "status.dat"); } }

        private string[] Arguments(params string[] first)
        {
            var args = new List<string>(first);
            args.AddRange(new[]
            {
                "-c", MainConfig,
                "-DRunAsUser=root", "-DRunAsGroup=root",
                "-DDataDir=" + Path.Combine(Directory, "data"),
                "-DLogDir=" + Path.Combine(Directory, "log"),
                "-DCacheDir=" + Path.Combine(Directory, "cache"),
                "-DSpoolDir=" + Path.Combine(Directory, "spool"),
                "-DInitRunDir=" + Path.Combine(Directory, "run"),
            });
            return args.ToArray();
        }

        /// <summary>icinga2 daemon -C: validates the configuration; returns its report.</summary>
        public PeerProcess.Result Validate()
        {
            return PeerProcess.Run(PeerProcess.StartInfo(Binary, null, Arguments("daemon", "-C")), 60000);
        }

        /// <summary>Starts icinga2 daemon in the foreground (its whole process tree is killed by Dispose).</summary>
        public void Start()
        {
            _process = Process.Start(PeerProcess.StartInfo(Binary, null, Arguments("daemon")));
            _process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
            _process.StandardError.BaseStream.CopyToAsync(Stream.Null);
        }

        public bool HasExited
        {
            get { return _process != null && _process.HasExited; }
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
