using System.Collections.Generic;
using System.IO;
using Ipenergy.Probe.Tests.TestSupport;

namespace Ipenergy.Probe.Tests.Snmp
{
    /// <summary>Runs smilint / snmptranslate / snmpwalk for the IPENERGY-EPROBE-MIB tests with a time limit,
    /// with MIBS/MIBDIRS/SMIPATH set so the user's configuration cannot change results; fails naming the
    /// apt package when a tool is missing.</summary>
    public static class EprobeMibTools
    {
        /// <summary>The MIB file of the project.</summary>
        public static string MibFile
        {
            get { return Path.Combine(SharedMibs.ProjectDirectory, "IPENERGY-EPROBE-MIB.txt"); }
        }

        /// <summary>Runs tool (found on PATH; else the test fails naming package) with SMIPATH/MIBDIRS = mibPath.</summary>
        public static PeerProcess.Result Run(string tool, string package, string mibPath, params string[] args)
        {
            var environment = new Dictionary<string, string>
            {
                ["SMIPATH"] = mibPath ?? string.Empty,
                ["MIBDIRS"] = mibPath ?? string.Empty,
                ["MIBS"] = string.Empty,
                ["SNMPCONFPATH"] = Path.GetTempPath(),
                ["HOME"] = Path.GetTempPath(),
            };
            return PeerProcess.Run(PeerProcess.StartInfo(PeerProcess.Require(tool, package), environment, args), 60000);
        }
    }
}
