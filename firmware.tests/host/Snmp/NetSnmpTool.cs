using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using Ipenergy.Probe.Tests.TestSupport;

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
            return PeerProcess.Require(tool, package);
        }

        public static ProcessStartInfo StartInfo(string tool, string package, params string[] args)
        {
            var environment = new Dictionary<string, string>
            {
                ["SNMPCONFPATH"] = EmptyConfig,
                ["MIBS"] = string.Empty,
                ["MIBDIRS"] = EmptyConfig,
            };
            return PeerProcess.StartInfo(Require(tool, package), environment, args);
        }

        /// <summary>Runs a client tool (snmpget, snmpwalk, ...) to its end (at most 30 s).</summary>
        public static Result Run(string tool, params string[] args)
        {
            return RunWithin(30000, tool, args);
        }

        /// <summary>Runs a client tool to its end (at most timeoutMs; a whole-agent walk on a busy host needs more).</summary>
        public static Result RunWithin(int timeoutMs, string tool, params string[] args)
        {
            PeerProcess.Result r = PeerProcess.Run(StartInfo(tool, "snmp", args), timeoutMs);
            return new Result { ExitCode = r.ExitCode, Output = r.Stdout, Error = r.Stderr };
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
