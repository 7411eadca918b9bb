using System;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// The from / to / resolution parameters shared by the history-backed endpoints (history, PUE):
    /// resolution 1m | 15m (default) | 1d, to = now by default, from = a day before to (31 days at 1d).
    /// Parse returns null, or the 400 message naming the parameter. A struct: a local on the handler's
    /// stack, no allocation per request, nothing shared between handler threads.
    /// </summary>
    public struct HistoryRangeQuery
    {
        private static readonly string[] ResolutionNames = { "1m", "15m", "1d" };
        private static readonly string[] ResolutionAliases = { "1min", "15min", "1d" };
        private static readonly int[] SecondsOf = { 60, 900, 86400 };

        /// <summary>0, 1, 2 for 1m, 15m, 1d.</summary>
        public int Resolution;

        public DateTime From;

        public DateTime To;

        /// <summary>Length of one interval at the parsed resolution, seconds.</summary>
        public int ResolutionSeconds { get { return SecondsOf[Resolution]; } }

        /// <summary>The parsed resolution's canonical name ("1m", "15m", "1d").</summary>
        public string ResolutionName { get { return ResolutionNames[Resolution]; } }

        public string Parse(HttpQuery q, DateTime now)
        {
            Resolution = 1;
            int at = q.Find("resolution");
            if (at >= 0)
            {
                Resolution = -1;
                for (int i = 0; i < ResolutionNames.Length; i++)
                {
                    if (q.ValueIs(at, ResolutionNames[i]) || q.ValueIs(at, ResolutionAliases[i]))
                    {
                        Resolution = i;
                    }
                }

                if (Resolution < 0)
                {
                    Resolution = 1;
                    return "resolution: must be 1m, 15m or 1d, got '" + q.Value(at) + "'";
                }
            }

            To = now;
            at = q.Find("to");
            if (at >= 0 && !q.TryGetTimestamp(at, out To))
            {
                return "to: must be an ISO 8601 UTC time such as 2026-01-31T00:00:00Z, got '" + q.Value(at) + "'";
            }

            From = To.AddDays(Resolution == 2 ? -31 : -1);
            at = q.Find("from");
            if (at >= 0 && !q.TryGetTimestamp(at, out From))
            {
                return "from: must be an ISO 8601 UTC time such as 2026-01-01T00:00:00Z, got '" + q.Value(at) + "'";
            }

            if (From >= To)
            {
                return "from: must be before to";
            }

            return null;
        }
    }
}
