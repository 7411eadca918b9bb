using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Metering
{
    /// <summary>Work in progress: the public face of the metering engine.</summary>
    public sealed class MeteringEngine : IMeasurementSource
    {
        private volatile MeasurementSnapshot _latest;

        public MeteringEngine(MeterConfig config, AdcFrontEnd frontEnd, IClock clock)
        {
            _latest = null;
        }

        public MeasurementSnapshot Latest { get { return _latest; } }

        public void Process(SampleBlock block)
        {
        }
    }
}
