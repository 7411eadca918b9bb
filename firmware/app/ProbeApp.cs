using System.Threading;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Protocols.Http;

namespace Ipenergy.Probe.App
{
    /// <summary>
    /// Composition root: wires the metering engine and the services to the HAL the board (or the
    /// simulator) provides. The device's Program and the virtual e-Probe both go through here.
    /// </summary>
    public sealed class ProbeApp
    {
        private readonly ISampleSource _samples;
        private readonly MeteringEngine _engine;
        private readonly HttpServer _http;
        private Thread _meteringThread;
        private readonly object _stateLock = new object();
        private bool _running;

        public ProbeApp(ISampleSource samples, IClock clock, MeterConfig config, string bindAddress, int httpPort)
        {
            _samples = samples;
            _engine = new MeteringEngine(config, samples.FrontEnd, clock);
            _http = new HttpServer(_engine, bindAddress, httpPort);
        }

        public MeteringEngine Engine { get { return _engine; } }

        /// <summary>Port the HTTP server listens on (the real one when 0 was asked).</summary>
        public int HttpPort { get { return _http.Port; } }

        public void Start()
        {
            SetRunning(true);
            _http.Start();
            _meteringThread = new Thread(RunMetering);
            _meteringThread.Start();
        }

        /// <summary>Stops the services; the sample source must be stopped first so the metering loop ends.</summary>
        public void Stop()
        {
            SetRunning(false);
            _http.Stop();
            if (_meteringThread != null)
            {
                _meteringThread.Join();
            }
        }

        private void SetRunning(bool running)
        {
            lock (_stateLock)
            {
                _running = running;
            }
        }

        private bool IsRunning()
        {
            lock (_stateLock)
            {
                return _running;
            }
        }

        private void RunMetering()
        {
            // One block buffer for the life of the device: ~20 ms of frames.
            AdcFrontEnd fe = _samples.FrontEnd;
            int frames = fe.SampleRateHz / 50;
            if (frames < 16)
            {
                frames = 16;
            }

            SampleBlock block = new SampleBlock(fe.ChannelsPerFrame, frames);
            while (IsRunning() && _samples.Read(block))
            {
                _engine.Process(block);
            }
        }
    }
}
