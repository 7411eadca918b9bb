namespace Ipenergy.Probe.Simulator
{
    /// <summary>--bus HOST:PORT: the bus hub a virtual e-Probe joins as a node.</summary>
    public sealed class BusEndpoint
    {
        public BusEndpoint(string host, int port)
        {
            Host = host;
            Port = port;
        }

        public string Host { get; }

        public int Port { get; }

        public override string ToString()
        {
            return Host + ":" + Port;
        }
    }
}
