using Ipenergy.Probe.Protocols.Http;

namespace Ipenergy.Probe.App
{
    /// <summary>The bus services as GET /api/v1/info shows them (one of the two is set).</summary>
    public sealed class BusStatus : IBusStatus
    {
        private readonly BusService _slave;
        private readonly GatewayService _gateway;

        public BusStatus(BusService slave, GatewayService gateway)
        {
            _slave = slave;
            _gateway = gateway;
        }

        public string Role { get { return _gateway != null ? "gateway" : "slave"; } }

        public int Address { get { return _slave != null ? _slave.Address : 0; } }

        public long LastCycleUs { get { return _gateway != null ? _gateway.Poller.LastCycleUs : -1; } }

        public int ScanFrom { get { return _gateway != null ? _gateway.ScanFrom : 0; } }

        public int ScanTo { get { return _gateway != null ? _gateway.ScanTo : -1; } }

        public bool IsOnline(int address)
        {
            return _gateway != null && _gateway.Poller.Cache.IsOnline(address);
        }
    }
}
