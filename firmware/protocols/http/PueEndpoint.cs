using System;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// GET /api/v1/pue?from=ISO&amp;to=ISO&amp;resolution=1m|15m|1d: power usage effectiveness (PUE = facility /
    /// IT) and DCiE (100 / PUE, percent) from the circuits marked facility-total and it-load:
    /// {"configured":true,"clockSynchronized":…,"facilityPowerW":…,"itPowerW":…,"pue":…,"dciePercent":…,
    /// "resolution":"15m","from":…,"to":…,"intervals":[{"end":…,"seconds":…,"facilityEnergyWh":…,
    /// "itEnergyWh":…,"pue":…,"dciePercent":…}],"truncated":false}. Instantaneous values are the last
    /// second's; intervals come from history energy differences, ending in (from, to], oldest first, with
    /// the history's defaults and paging (16 KiB, "next"). Not measurable (no role configured, a power or
    /// energy not positive): null. Bad parameters: 400 naming the parameter.
    /// </summary>
    public sealed class PueEndpoint : ReadOnlyEndpoint, IPueIntervalVisitor
    {
        public const int PageBytes = 16384;

        // Room kept for the closing fields after the last interval.
        private const int Reserve = 160;

        private static readonly string[] Known = { "from", "to", "resolution" };

        private readonly IPueSource _source;
        private readonly ISettableClock _clock;
        private readonly object _sync = new object();
        private JsonWriter _json;
        private HttpResponse _response;
        private DateTime _from;
        private bool _truncated;
        private DateTime _lastEnd;

        public PueEndpoint(IPueSource source, ISettableClock clock)
            : base("/api/v1/pue")
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
                return response.Error(HttpStatus.BadRequest, "unknown parameter '" + q.Name(unknown) + "' (from, to, resolution)");
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
                bool configured;
                double facilityW, itW, pue, dcie;
                _source.ReadInstantaneous(out configured, out facilityW, out itW, out pue, out dcie);
                if (!configured)
                {
                    facilityW = double.NaN;
                    itW = double.NaN;
                    pue = double.NaN;
                    dcie = double.NaN;
                }

                JsonWriter w = response.Json;
                w.WriteStartObject();
                w.WriteName("configured");
                w.WriteBoolean(configured);
                w.WriteName("clockSynchronized");
                w.WriteBoolean(_clock.Synchronized);
                w.WriteName("facilityPowerW");
                w.WriteNumber(facilityW, 1);
                w.WriteName("itPowerW");
                w.WriteNumber(itW, 1);
                w.WriteName("pue");
                w.WriteNumber(pue, 3);
                w.WriteName("dciePercent");
                w.WriteNumber(dcie, 2);
                w.WriteName("resolution");
                w.WriteString(range.ResolutionName);
                w.WriteName("from");
                w.WriteTimestamp(from);
                w.WriteName("to");
                w.WriteTimestamp(to);
                w.WriteName("intervals");
                w.WriteStartArray();

                _json = w;
                _response = response;
                _from = from;
                _truncated = false;
                _source.Query(from, to, range.ResolutionSeconds, this);
                _json = null;
                _response = null;

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

            return HttpStatus.Ok;
        }

        bool IPueIntervalVisitor.Interval(DateTime endUtc, int seconds, long facilityWh, long itWh, double pue, double dciePercent)
        {
            // (from, to]: an interval ending at from belongs to the previous page.
            if (endUtc <= _from)
            {
                return true;
            }

            if (_response.Remaining < Reserve)
            {
                _truncated = true;
                return false;
            }

            _lastEnd = endUtc;
            JsonWriter w = _json;
            w.WriteStartObject();
            w.WriteName("end");
            w.WriteTimestamp(endUtc);
            w.WriteName("seconds");
            w.WriteInteger(seconds);
            w.WriteName("facilityEnergyWh");
            w.WriteInteger(facilityWh);
            w.WriteName("itEnergyWh");
            w.WriteInteger(itWh);
            w.WriteName("pue");
            w.WriteNumber(pue, 3);
            w.WriteName("dciePercent");
            w.WriteNumber(dciePercent, 2);
            w.WriteEndObject();
            return true;
        }
    }
}
