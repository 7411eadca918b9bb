using System;
using System.Collections.Generic;
using System.Globalization;
using Xunit;

namespace Ipenergy.Probe.Tests.Http
{
    /// <summary>One HTTP/1.1 response as text: status, header fields (names lower-cased), body.</summary>
    public sealed class HttpResponseText
    {
        public int Status;
        public string StatusLine;
        public Dictionary<string, string> Headers = new Dictionary<string, string>();
        public string Body;

        public string Header(string name)
        {
            return Headers.TryGetValue(name.ToLowerInvariant(), out string value) ? value : null;
        }

        /// <summary>Parses the last response in curl -i output (earlier ones, e.g. 100 Continue, are skipped).</summary>
        public static HttpResponseText Parse(string text)
        {
            int split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            Assert.True(split > 0, "no end of header section in: " + text);
            string head = text.Substring(0, split);
            string body = text.Substring(split + 4);
            if (head.StartsWith("HTTP/1.1 100", StringComparison.Ordinal))
            {
                return Parse(body);
            }

            var response = new HttpResponseText { Body = body };
            string[] lines = head.Split("\r\n");
            response.StatusLine = lines[0];
            string[] parts = lines[0].Split(' ', 3);
            Assert.True(parts.Length >= 2 && parts[0] == "HTTP/1.1", "bad status line: " + lines[0]);
            response.Status = int.Parse(parts[1], CultureInfo.InvariantCulture);
            for (int i = 1; i < lines.Length; i++)
            {
                int colon = lines[i].IndexOf(':');
                Assert.True(colon > 0, "bad header line: " + lines[i]);
                string name = lines[i].Substring(0, colon).ToLowerInvariant();
                Assert.False(response.Headers.ContainsKey(name), "duplicate header " + name);
                response.Headers[name] = lines[i].Substring(colon + 1).Trim();
            }

            return response;
        }
    }
}
