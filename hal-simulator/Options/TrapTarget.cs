namespace Ipenergy.Probe.Simulator
{
    /// <summary>A receiver of SNMP traps: host name or address and UDP port.</summary>
    public sealed class TrapTarget
    {
        public TrapTarget(string host, int port)
        {
            Host = host;
            Port = port;
        }

        public string Host { get; }

        public int Port { get; }

        public override string ToString()
        {
            return (Host.Contains(':') ? "[" + Host + "]" : Host) + ":" + Port;
        }
    }
}
