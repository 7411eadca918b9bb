using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Storage.Alarms;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// GET /api/v1/alarms[?log=N]: the active alarms (oldest first), how many are warning/critical,
    /// and the newest N journal records (default 20, at most 200; log=0 leaves the log out):
    /// {"active":[...],"warning":1,"critical":0,"unacknowledged":1,"log":[...]} (shapes in AlarmJson).
    /// </summary>
    public sealed class AlarmsEndpoint : ReadOnlyEndpoint
    {
        public const int DefaultLogRecords = 20;
        public const int MaxLogRecords = 200;

        private static readonly string[] Parameters = { "log" };

        private readonly AlarmJournal _journal;
        private readonly ILiveConfig _config;
        private readonly AlarmEntry _entry = new AlarmEntry();
        private readonly object _sync = new object();

        public AlarmsEndpoint(AlarmJournal journal, ILiveConfig config)
            : base("/api/v1/alarms")
        {
            _journal = journal;
            _config = config;
        }

        public override int Handle(HttpRequest request, HttpResponse response)
        {
            HttpQuery query = request.Query;
            int unknown = query.FirstUnknown(Parameters);
            if (unknown >= 0)
            {
                return response.Error(HttpStatus.BadRequest, "unknown parameter \"" + query.Name(unknown) + "\" (known: log)");
            }

            long logCount = DefaultLogRecords;
            int at = query.Find("log");
            if (at >= 0 && (!query.TryGetInteger(at, out logCount) || logCount < 0 || logCount > MaxLogRecords))
            {
                return response.Error(HttpStatus.BadRequest, "log: must be an integer 0..200");
            }

            MeterConfig config = _config.Current;
            JsonWriter w = response.Json;
            lock (_sync)
            {
                w.WriteStartObject();
                w.WriteName("active");
                w.WriteStartArray();
                int active = _journal.ActiveCount;
                for (int i = 0; i < active; i++)
                {
                    if (!_journal.CopyActive(i, _entry))
                    {
                        break;
                    }

                    AlarmJson.WriteActive(w, _entry, config);
                }

                w.WriteEndArray();
                w.WriteName("warning");
                w.WriteInteger(_journal.CountActive(AlarmCodes.LevelWarning));
                w.WriteName("critical");
                w.WriteInteger(_journal.CountActive(AlarmCodes.LevelCritical));
                w.WriteName("unacknowledged");
                w.WriteInteger(_journal.CountUnacknowledged());
                w.WriteName("log");
                w.WriteStartArray();
                int records = _journal.LogCount;
                for (int i = 0; i < records && i < logCount; i++)
                {
                    if (!_journal.CopyLog(i, _entry))
                    {
                        break;
                    }

                    AlarmJson.WriteRecord(w, _entry, config);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            return HttpStatus.Ok;
        }
    }
}
