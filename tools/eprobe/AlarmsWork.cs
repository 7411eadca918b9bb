using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading;

namespace Ipenergy.Probe.Cli
{
    /// <summary>
    /// `eprobe alarms` on one probe: GET /api/v1/alarms?log=N ({"active":[...],"warning","critical",
    /// "unacknowledged","log":[...]}), or with an alarm id POST /api/v1/alarms/ID/ack (operator or admin login)
    /// and returns the acknowledged alarm.
    /// </summary>
    public sealed class AlarmsWork : IProbeWork
    {
        private readonly int _journalRecords;
        private readonly long _ackId;

        /// <param name="journalRecords">Journal records to ask for (0: none).</param>
        /// <param name="ackId">The alarm to acknowledge, or 0 to list.</param>
        public AlarmsWork(int journalRecords, long ackId)
        {
            _journalRecords = journalRecords;
            _ackId = ackId;
        }

        public object Run(ProbeClient client, CancellationToken cancel)
        {
            if (_ackId > 0)
            {
                string path = "/api/v1/alarms/" + _ackId.ToString(CultureInfo.InvariantCulture) + "/ack";
                JsonObject alarm;
                try
                {
                    alarm = JsonNode.Parse(client.PostJson(path, null, cancel)) as JsonObject;
                }
                catch (System.Text.Json.JsonException)
                {
                    alarm = null;
                }

                if (alarm == null || alarm["id"] == null)
                {
                    throw new ProbeException("bad answer to POST " + path + ": not the acknowledged alarm");
                }

                var acked = new JsonObject { ["active"] = new JsonArray(alarm), ["acknowledgedNow"] = true };
                return acked;
            }

            var document = client.GetJson("/api/v1/alarms?log=" + _journalRecords.ToString(CultureInfo.InvariantCulture), cancel) as JsonObject;
            if (document == null || !(document["active"] is JsonArray) || (_journalRecords > 0 && !(document["log"] is JsonArray)))
            {
                throw new ProbeException("bad answer to /api/v1/alarms: no active alarm list (not an e-Probe?)");
            }

            if (_journalRecords == 0)
            {
                document.Remove("log");
            }

            return document;
        }
    }
}
