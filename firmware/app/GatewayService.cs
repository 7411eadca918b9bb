using System.Threading;
using Ipenergy.Probe.Bus;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Protocols.Modbus;

namespace Ipenergy.Probe.App
{
    /// <summary>
    /// The module on the RS-485 bus, role "gateway": polls the bus addresses gatewayScanFrom..To every
    /// pollIntervalMs on its own thread into a <see cref="ModuleCache"/>, which the Modbus-TCP server
    /// answers from for unit id = bus address (<see cref="Router"/>). Cached ranges (the vendor map, FC 03):
    /// header 1000-1023, phases 1100-1135, channels 1-3 at 1200-1319 - they fit both models (an MPP3 answers
    /// exception 02 beyond its 3 channels, which would fail the whole poll); channels 4-18 of an MPP18 are
    /// not cached yet (exception 02). Modules going offline or online are counted and logged.
    /// </summary>
    public sealed class GatewayService : IBusListener
    {
        private readonly BusPoller _poller;
        private readonly ModbusGatewayRouter _router;
        private readonly int _scanFrom;
        private readonly int _scanTo;
        private Thread _thread;
        private int _wentOffline;
        private int _cameOnline;

        public GatewayService(ISerialPort port, BusConfig bus)
        {
            port.Configure(bus.Baud, bus.Parity, bus.StopBits);
            SystemBusClock clock = new SystemBusClock();
            RtuMaster master = new RtuMaster(port, clock);
            master.ResponseTimeoutMs = bus.ResponseTimeoutMs;
            if (bus.TurnaroundMs > 0)
            {
                master.Writer.TurnaroundUs = bus.TurnaroundMs * 1000;
            }

            ModuleCache cache = new ModuleCache(CachedRanges());
            _poller = new BusPoller(master, cache, clock, this);
            _poller.CycleMs = bus.PollIntervalMs;
            _scanFrom = bus.GatewayScanFrom;
            _scanTo = bus.GatewayScanTo;
            int[] addresses = new int[_scanTo - _scanFrom + 1];
            for (int i = 0; i < addresses.Length; i++)
            {
                addresses[i] = _scanFrom + i;
            }

            _poller.SetAddresses(addresses);
            _router = new ModbusGatewayRouter(cache);
        }

        /// <summary>The register blocks read from every module each cycle (at most 125 registers each).</summary>
        public static RegisterRange[] CachedRanges()
        {
            return new RegisterRange[]
            {
                new RegisterRange(true, 1000, 24),
                new RegisterRange(true, 1100, 36),
                new RegisterRange(true, 1200, 120),
            };
        }

        public ModbusGatewayRouter Router { get { return _router; } }

        public BusPoller Poller { get { return _poller; } }

        public int ScanFrom { get { return _scanFrom; } }

        public int ScanTo { get { return _scanTo; } }

        /// <summary>Modules that went offline since start (diagnostics).</summary>
        public int WentOffline { get { return Interlocked.CompareExchange(ref _wentOffline, 0, 0); } }

        /// <summary>Modules that came online since start, first appearance included.</summary>
        public int CameOnline { get { return Interlocked.CompareExchange(ref _cameOnline, 0, 0); } }

        public void Start()
        {
            _thread = new Thread(_poller.Run);
            _thread.Start();
        }

        public void Stop()
        {
            _poller.Stop();
            if (_thread != null)
            {
                _thread.Join();
            }
        }

        public void OnModuleOnline(int address)
        {
            Interlocked.Increment(ref _cameOnline);
            System.Console.WriteLine("bus: module " + address.ToString() + " online");
        }

        public void OnModuleOffline(int address)
        {
            Interlocked.Increment(ref _wentOffline);
            System.Console.WriteLine("bus: module " + address.ToString() + " offline");
        }
    }
}
