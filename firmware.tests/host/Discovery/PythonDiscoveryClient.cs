using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Ipenergy.Probe.Tests.TestSupport;

namespace Ipenergy.Probe.Tests.Discovery
{
    /// <summary>
    /// The discovery client is python3's socket module (a peer we did not write): it sends requests (or garbage)
    /// from a socket bound to 127.0.0.1, then prints every datagram received within the wait as one JSON line.
    /// </summary>
    public static class PythonDiscoveryClient
    {
        // argv: mode (good|garbage|sources) destination port count waitSeconds broadcast(0|1);
        // "sources": one good request from each of count sockets bound to 127.0.0.2, 127.0.0.3, ...
        private const string Script = @"
import json, os, random, select, socket, sys, time
mode, dst, port, count, wait, bcast = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), sys.argv[6] == '1'
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('127.0.0.1', 0))
socks = [s]
if bcast:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
nonce = os.urandom(4)
good = b'EPRBDISC' + bytes([1]) + nonce
if mode == 'garbage':
    rnd = random.Random(42)
    for i in range(count):
        kind = i % 4
        if kind == 0:
            d = bytes(rnd.getrandbits(8) for _ in range(rnd.randint(0, 100)))
        elif kind == 1:
            d = good + bytes(rnd.getrandbits(8) for _ in range(rnd.randint(1, 40)))
        elif kind == 2:
            d = good[:rnd.randint(0, 12)]
        else:
            d = b'EPRBDISC' + bytes([rnd.choice([0, 2, 255])]) + nonce
        s.sendto(d, (dst, port))
elif mode == 'sources':
    socks = []
    for i in range(count):
        c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        c.bind(('127.0.0.%d' % (i + 2), 0))
        socks.append(c)
    for c in socks:
        c.sendto(good, (dst, port))
else:
    for i in range(count):
        s.sendto(good, (dst, port))
end = time.time() + wait
while time.time() < end:
    ready, _, _ = select.select(socks, [], [], 0.1)
    for c in ready:
        d, a = c.recvfrom(4096)
        print(json.dumps({'from': a[0], 'header': d[:13] == good, 'body': json.loads(d[13:].decode('utf-8'))}), flush=True)
";

        public sealed class Answer
        {
            public string From;
            public bool HeaderEchoed;
            public JsonElement Body;
        }

        /// <summary>Runs the client; returns every answer it printed. Fails (naming the apt package) without python3.</summary>
        public static List<Answer> Run(string mode, string destination, int port, int count, double waitSeconds, bool broadcast)
        {
            string python = PeerProcess.Require("/usr/bin/python3", "python3");
            var start = PeerProcess.StartInfo(python, null, "-c", Script, mode, destination,
                port.ToString(CultureInfo.InvariantCulture), count.ToString(CultureInfo.InvariantCulture),
                waitSeconds.ToString(CultureInfo.InvariantCulture), broadcast ? "1" : "0");
            PeerProcess.Result result = PeerProcess.Run(start, (int)(waitSeconds * 1000) + 20000);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException("python3 discovery client failed: " + result);
            }

            var answers = new List<Answer>();
            foreach (string line in result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                JsonElement root = JsonDocument.Parse(line).RootElement;
                answers.Add(new Answer
                {
                    From = root.GetProperty("from").GetString(),
                    HeaderEchoed = root.GetProperty("header").GetBoolean(),
                    Body = root.GetProperty("body").Clone(),
                });
            }

            return answers;
        }
    }
}
