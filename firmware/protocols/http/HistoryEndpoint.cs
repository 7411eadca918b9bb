using System;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// GET /api/v1/history?channel=N&amp;from=ISO&amp;to=ISO&amp;resolution=1m|15m|1d[&amp;format=json|csv].
    /// channel is required (1..channels); to defaults to the device's now, from to one day before to (31 days
    /// at 1d); resolution to 15m. Records whose interval ends in (from, to], oldest first. A page holds what
    /// fits in 16 KiB: a longer answer ends with "truncated":true and "next" (CSV: an X-History-Next field),
    /// the from of the next page. Times are device time: before the first SNTP sync they carry the boot time
    /// ("clockSynchronized":false). Bad parameters: 400 naming the parameter.
    /// </summary>
    public sealed class HistoryEndpoint : ReadOnlyEndpoint, IHistoryVisitor
    {
        public const int PageBytes = 16384;

        // Room kept for the closing fields after the last record.
        private const int Reserve = 160;

        private static readonly byte[] CsvHeader = AsciiBytes.From("end,coverageSeconds,importEnergyWh,exportEnergyWh,averagePowerW,minPowerW,maxPowerW\r\n");
        private static readonly byte[] LineEnd = AsciiBytes.From("\r\n");
        private static readonly byte[] NextField = AsciiBytes.From("X-History-Next: ");
        private static readonly string[] Known = { "channel", "from", "to", "resolution", "format" };

        private readonly IHistorySource _source;
        private readonly ISettableClock _clock;
        private readonly object _sync = new object();
        private HttpResponse _response;
        private bool _csv;
        private bool _truncated;
        private DateTime _lastEnd;

        public HistoryEndpoint(IHistorySource source, ISettableClock clock)
            : base("/api/v1/history")
        {
            _source = source;
            _clock = clock;
        }

        public override int Handle(HttpRequest request, HttpResponse response)
        {
            HttpQuery q = request.Query;
            int unknown = q.FirstUnknown(Known);
            if (unknown >= 0)
            {
                return response.Error(HttpStatus.BadRequest, "unknown parameter '" + q.Name(unknown) + "' (channel, from, to, resolution, format)");
            }

            int channels = _source.ChannelCount;
            int at = q.Find("channel");
            long channel;
            if (at < 0 || !q.TryGetInteger(at, out channel) || channel < 1 || channel > channels)
            {
                return response.Error(HttpStatus.BadRequest, "channel: must be 1.." + channels.ToString() + ", got '" + (at < 0 ? "" : q.Value(at)) + "'");
            }

            bool csv = false;
            at = q.Find("format");
            if (at >= 0)
            {
                csv = q.ValueIs(at, "csv");
                if (!csv && !q.ValueIs(at, "json"))
                {
                    return response.Error(HttpStatus.BadRequest, "format: must be json or csv, got '" + q.Value(at) + "'");
                }
            }

            HistoryRangeQuery range = new HistoryRangeQuery();
            string rangeError = range.Parse(q, _clock.UtcNow);
            if (rangeError != null)
            {
                return response.Error(HttpStatus.BadRequest, rangeError);
            }

            DateTime from = range.From, to = range.To;

            response.EnsureCapacity(PageBytes);
            lock (_sync)
            {
                _response = response;
                _csv = csv;
                _truncated = false;
                if (csv)
                {
                    response.BeginCsv();
                    response.Text(CsvHeader);
                }
                else
                {
                    JsonWriter w = response.Json;
                    w.WriteStartObject();
                    w.WriteName("channel");
                    w.WriteInteger(channel);
                    w.WriteName("resolution");
                    w.WriteString(range.ResolutionName);
                    w.WriteName("from");
                    w.WriteTimestamp(from);
                    w.WriteName("to");
                    w.WriteTimestamp(to);
                    w.WriteName("clockSynchronized");
                    w.WriteBoolean(_clock.Synchronized);
                    w.WriteName("records");
                    w.WriteStartArray();
                }

                _source.Query((int)channel, from, to, range.ResolutionSeconds, this);
                if (csv)
                {
                    if (_truncated)
                    {
                        response.AddTimestampField(NextField, _lastEnd);
                    }
                }
                else
                {
                    JsonWriter w = response.Json;
                    w.WriteEndArray();
                    w.WriteName("truncated");
                    w.WriteBoolean(_truncated);
                    if (_truncated)
                    {
                        w.WriteName("next");
                        w.WriteTimestamp(_lastEnd);
                    }

                    w.WriteEndObject();
                }

                _response = null;
            }

            return HttpStatus.Ok;
        }

        bool IHistoryVisitor.Record(DateTime endUtc, int coverageSeconds, long importWh, long exportWh, long averageW, long minW, long maxW)
        {
            if (_response.Remaining < Reserve)
            {
                _truncated = true;
                return false;
            }

            _lastEnd = endUtc;
            if (_csv)
            {
                HttpResponse r = _response;
                r.TextTimestamp(endUtc);
                r.TextChar(',');
                r.TextInteger(coverageSeconds);
                r.TextChar(',');
                r.TextInteger(importWh);
                r.TextChar(',');
                r.TextInteger(exportWh);
                r.TextChar(',');
                r.TextInteger(averageW);
                r.TextChar(',');
                r.TextInteger(minW);
                r.TextChar(',');
                r.TextInteger(maxW);
                r.Text(LineEnd);
                return true;
            }

            JsonWriter w = _response.Json;
            w.WriteStartObject();
            w.WriteName("end");
            w.WriteTimestamp(endUtc);
            w.WriteName("coverageSeconds");
            w.WriteInteger(coverageSeconds);
            w.WriteName("importEnergyWh");
            w.WriteInteger(importWh);
            w.WriteName("exportEnergyWh");
            w.WriteInteger(exportWh);
            w.WriteName("averagePowerW");
            w.WriteInteger(averageW);
            w.WriteName("minPowerW");
            w.WriteInteger(minW);
            w.WriteName("maxPowerW");
            w.WriteInteger(maxW);
            w.WriteEndObject();
            return true;
        }
    }
}
