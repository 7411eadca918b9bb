using System;
using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// GET /api/v1/billing: every billing snapshot, oldest first:
    /// {"snapshots":[{"boundary":"…","takenAt":"…","clockSynchronized":true,"counters":[{"channel":1,"customer":"…",
    /// "importEnergyWh":…,"exportEnergyWh":…,"importReactiveVarh":…,"exportReactiveVarh":…}]}]}.
    /// </summary>
    public sealed class BillingEndpoint : ReadOnlyEndpoint, IBillingVisitor
    {

        private readonly IBillingSource _source;
        private readonly object _sync = new object();
        private JsonWriter _json;

        public BillingEndpoint(IBillingSource source)
            : base("/api/v1/billing")
        {
            _source = source;
        }

        public override int Handle(HttpRequest request, HttpResponse response)
        {
            if (request.Query.Count > 0)
            {
                return response.Error(HttpStatus.BadRequest, "billing takes no parameters, got '" + request.Query.Name(0) + "'");
            }

            // The endpoint is its own visitor: one request at a time writes through it.
            lock (_sync)
            {
                _json = response.Json;
                _json.WriteStartObject();
                _json.WriteName("snapshots");
                _json.WriteStartArray();
                _source.Visit(this);
                _json.WriteEndArray();
                _json.WriteEndObject();
                _json = null;
            }

            return HttpStatus.Ok;
        }

        void IBillingVisitor.BeginSnapshot(DateTime boundaryUtc, DateTime takenAtUtc, bool clockSynchronized)
        {
            _json.WriteStartObject();
            _json.WriteName("boundary");
            _json.WriteTimestamp(boundaryUtc);
            _json.WriteName("takenAt");
            _json.WriteTimestamp(takenAtUtc);
            _json.WriteName("clockSynchronized");
            _json.WriteBoolean(clockSynchronized);
            _json.WriteName("counters");
            _json.WriteStartArray();
        }

        void IBillingVisitor.Counter(int channel, string customer, long importMilliWh, long exportMilliWh, long importMilliVarh, long exportMilliVarh)
        {
            _json.WriteStartObject();
            _json.WriteName("channel");
            _json.WriteInteger(channel);
            _json.WriteName("customer");
            _json.WriteString(customer);
            _json.WriteName("importEnergyWh");
            _json.WriteScaled(importMilliWh, MeasurementsJson.EnergyDecimals);
            _json.WriteName("exportEnergyWh");
            _json.WriteScaled(exportMilliWh, MeasurementsJson.EnergyDecimals);
            _json.WriteName("importReactiveVarh");
            _json.WriteScaled(importMilliVarh, MeasurementsJson.EnergyDecimals);
            _json.WriteName("exportReactiveVarh");
            _json.WriteScaled(exportMilliVarh, MeasurementsJson.EnergyDecimals);
            _json.WriteEndObject();
        }

        void IBillingVisitor.EndSnapshot()
        {
            _json.WriteEndArray();
            _json.WriteEndObject();
        }
    }
}
