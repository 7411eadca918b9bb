using System;
using System.Globalization;

namespace Ipenergy.Probe.Cli
{
    /// <summary>One e-Probe to talk to: the name the user gave (or discovery found) and its HTTP API base URL.</summary>
    public sealed class ProbeTarget
    {
        public ProbeTarget(string name, Uri baseUri)
        {
            Name = name;
            BaseUri = baseUri;
        }

        /// <summary>As shown in every output: "host:port".</summary>
        public string Name { get; }

        /// <summary>e.g. http://10.0.0.5:80/</summary>
        public Uri BaseUri { get; }

        /// <summary>What discovery said about it, or null when given by address.</summary>
        public DiscoveredProbe Discovered { get; set; }

        /// <summary>
        /// "HOST", "HOST:PORT", "[v6]:PORT" or "http://HOST:PORT". Default port 80 (the device's); a bad text is a
        /// usage error naming it.
        /// </summary>
        public static ProbeTarget Parse(string text)
        {
            string trimmed = text.Trim();
            if (trimmed.Length == 0)
            {
                throw new UsageException("empty probe address");
            }

            string url = trimmed.Contains("://", StringComparison.Ordinal) ? trimmed : "http://" + trimmed;
            Uri uri;
            if (!Uri.TryCreate(url, UriKind.Absolute, out uri) || (uri.Scheme != "http" && uri.Scheme != "https")
                || uri.Host.Length == 0 || (uri.AbsolutePath != "/" && uri.AbsolutePath.Length > 0))
            {
                throw new UsageException("bad probe address \"" + text + "\" (HOST, HOST:PORT or http://HOST:PORT)");
            }

            var baseUri = new Uri(uri.Scheme + "://" + uri.Authority + "/");
            return new ProbeTarget(uri.Host + ":" + uri.Port.ToString(CultureInfo.InvariantCulture), baseUri);
        }

        public override string ToString()
        {
            return Name;
        }
    }
}
