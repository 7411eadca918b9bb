using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Ipenergy.Probe.Tests.Snmp
{
    /// <summary>
    /// Runs a net-snmp command-line tool (package snmp, or snmptrapd) isolated from the user's and the
    /// system's configuration: SNMPCONFPATH points at an empty folder, MIBS is empty and callers pass
    /// -m "" (numeric OIDs, no MIB files). A missing tool fails the test with the package to install.
    /// </summary>
    public static class NetSnmpTool
    {
        private static readonly string EmptyConfig = Directory.CreateTempSubdirectory("snmp-core-conf").FullName;

        public sealed class Result
        {
            public int ExitCode;
            public string Output = "";
            public string Error = "";

            public string All { get { return Output + Error; } }
        }

        /// <summary>The full path of the tool, or a failed assertion naming the apt package.</summary>
        public static string Require(string tool, string package)
        {
            foreach (string dir in new[] { "/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin" })
            {
                string path = Path.Combine(dir, tool);
                if (File.Exists(path))
                {
                    return path;
                }
            }

            Assert.Fail(tool + " is missing: install the Debian package '" + package + "' (listed in .ci/apt-packages)");
            return null;
        }

        public static ProcessStartInfo StartInfo(string tool, string package, params string[] args)
        {
            var info = new ProcessStartInfo(Require(tool, package))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            info.Environment["SNMPCONFPATH"] = EmptyConfig;
            info.Environment["MIBS"] = "";
            info.Environment["MIBDIRS"] = EmptyConfig;
            return info;
        }

        /// <summary>Runs a client tool (snmpget, snmpwalk, ...) to its end (at most 30 s).</summary>
        public static Result Run(string tool, params string[] args)
        {
            using var process = Process.Start(StartInfo(tool, "snmp", args));
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(30000))
            {
                process.Kill(true);
                Assert.Fail(tool + " did not end within 30 s");
            }

            process.WaitForExit();
            return new Result { ExitCode = process.ExitCode, Output = output.Result, Error = error.Result };
        }

        /// <summary>A UDP port on 127.0.0.1 free right now (for snmptrapd, which cannot be given port 0).</summary>
        public static int FreeUdpPort()
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return ((IPEndPoint)socket.LocalEndPoint).Port;
        }

        public static string[] Lines(string text)
        {
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
    }
}
