using Ipenergy.Probe.Common;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Storage.Alarms;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// POST /api/v1/alarms/&lt;id&gt;/ack (operator or admin, no body): acknowledges the active alarm with
    /// that id; the journal records who and when (a latching alarm can then clear). 200 with the alarm,
    /// 404 when no active alarm has that id, 409 when it was already acknowledged.
    /// </summary>
    public sealed class AlarmAcknowledgeEndpoint : IHttpEndpoint
    {
        private static readonly byte[] PathBytes = AsciiBytes.From("/api/v1/alarms/");
        private static readonly byte[] Allow = AsciiBytes.From("Allow: POST\r\n");
        private static readonly byte[] Suffix = AsciiBytes.From("/ack");

        private readonly AlarmJournal _journal;
        private readonly Config.ILiveConfig _config;
        private readonly IClock _clock;
        private readonly AlarmEntry _entry = new AlarmEntry();
        private readonly object _sync = new object();

        public AlarmAcknowledgeEndpoint(AlarmJournal journal, Config.ILiveConfig config, IClock clock)
        {
            _journal = journal;
            _config = config;
            _clock = clock;
        }

        public byte[] Path { get { return PathBytes; } }

        public byte[] AllowField { get { return Allow; } }

        public bool Allows(int method)
        {
            return method == HttpRequestHead.MethodPost;
        }

        public int RequiredRole(int method)
        {
            return HttpRole.Operator;
        }

        public int MaxBodyLength(int method)
        {
            return 0;
        }

        public int Handle(HttpRequest request, HttpResponse response)
        {
            long id = ParseId(request.PathTail, request.PathTailLength);
            if (id <= 0)
            {
                return response.Error(HttpStatus.NotFound, "not found: use POST /api/v1/alarms/<id>/ack");
            }

            lock (_sync)
            {
                if (!_journal.CopyAlarm((uint)id, _entry))
                {
                    return response.Error(HttpStatus.NotFound, "no active alarm " + id.ToString());
                }

                if (_entry.Acknowledged)
                {
                    return response.Error(HttpStatus.Conflict, "alarm " + id.ToString() + " was already acknowledged by "
                        + (_entry.AckUser == null ? "someone" : _entry.AckUser));
                }

                string user = request.User == null ? "anonymous" : request.User;
                if (!_journal.Acknowledge((uint)id, user, _clock.UtcNow) || !_journal.CopyAlarm((uint)id, _entry))
                {
                    return response.Error(HttpStatus.Conflict, "alarm " + id.ToString() + " changed meanwhile: read it again");
                }

                AlarmJson.WriteActive(response.Json, _entry, _config.Current);
                return HttpStatus.Ok;
            }
        }

        // "<digits>/ack" -> the number; -1 for anything else (at most 9 digits: ids are 32-bit).
        private static long ParseId(byte[] tail, int length)
        {
            int digits = length - Suffix.Length;
            if (digits < 1 || digits > 9 || !AsciiBytes.Equal(tail, digits, Suffix.Length, Suffix))
            {
                return -1;
            }

            long id = 0;
            for (int i = 0; i < digits; i++)
            {
                byte c = tail[i];
                if (c < (byte)'0' || c > (byte)'9')
                {
                    return -1;
                }

                id = id * 10 + (c - (byte)'0');
            }

            return id;
        }
    }
}
