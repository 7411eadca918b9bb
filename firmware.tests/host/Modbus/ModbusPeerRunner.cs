using System;
using System.IO;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;

namespace Ipenergy.Probe.Tests.Modbus
{
    /// <summary>Runs a real Modbus client (mbpoll, /usr/bin/python3 with pymodbus) with a time limit; fails naming the apt package when missing.</summary>
    public static class ModbusPeerRunner
    {
        public static PeerProcess.Result Mbpoll(params string[] args)
        {
            return PeerProcess.Run(PeerProcess.StartInfo(PeerProcess.Require("mbpoll", "mbpoll"), null, args), 60000);
        }

        /// <summary>Runs a Python script with Debian's /usr/bin/python3 (not the first python3 on PATH), which has python3-pymodbus.</summary>
        public static PeerProcess.Result Python(string script, params string[] args)
        {
            const string python = "/usr/bin/python3";
            Assert.True(File.Exists(python), "/usr/bin/python3 is missing: apt-get install python3 python3-pymodbus");
            PeerProcess.Result check = PeerProcess.Run(PeerProcess.StartInfo(python, null, "-c", "import pymodbus"), 60000);
            Assert.True(check.ExitCode == 0, "pymodbus is not installed for /usr/bin/python3: apt-get install python3-pymodbus\n" + check.Stderr);
            string[] all = new string[args.Length + 2];
            all[0] = "-c";
            all[1] = script;
            Array.Copy(args, 0, all, 2, args.Length);
            return PeerProcess.Run(PeerProcess.StartInfo(python, null, all), 60000);
        }
    }
}
