using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>Work in progress: minimal HTTP/1.1 server.</summary>
    public sealed class HttpServer
    {
        public HttpServer(IMeasurementSource source, string bindAddress, int port)
        {
            Port = port;
        }

        public int Port { get; private set; }

        public void Start()
        {
        }

        public void Stop()
        {
        }
    }
}
