using Ipenergy.Probe.Common;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>GET /api/v1/measurements: the last 1-second snapshot (503 before the first one).</summary>
    public sealed class MeasurementsEndpoint : ReadOnlyEndpoint
    {

        private readonly IMeasurementSource _source;
        private readonly ISettableClock _clock;

        /// <param name="clock">Tells whether the clock is synchronized; null: always reported false.</param>
        public MeasurementsEndpoint(IMeasurementSource source, ISettableClock clock)
            : base("/api/v1/measurements")
        {
            _source = source;
            _clock = clock;
        }

        public override int Handle(HttpRequest request, HttpResponse response)
        {
            MeasurementSnapshot snapshot = _source.Latest;
            if (snapshot == null)
            {
                return response.Error(HttpStatus.ServiceUnavailable, "no measurement yet");
            }

            MeasurementsJson.Write(response.Json, snapshot, _clock != null && _clock.Synchronized);
            return HttpStatus.Ok;
        }
    }
}
