using System.Threading;
using Ipenergy.Probe.Bus;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Protocols.Modbus;
using Ipenergy.Probe.Protocols.Modbus.Maps;

namespace Ipenergy.Probe.App
{
    /// <summary>
    /// The module on the RS-485 bus, role "gateway": polls the bus addresses gatewayScanFrom..To every
    /// pollIntervalMs on its own thread into a <see cref="ModuleCache"/>, which the Modbus-TCP server
    /// answers from for unit id = bus address (<see cref="Router"/>) and <see cref="Modules"/> decodes for
    /// SNMP, HTTP, /metrics and the alarms. Cached ranges: see <see cref="CachedRanges"/>. Modules going
    /// offline or online are counted and logged.
    /// </summary>
    public sealed class GatewayService : IBusListener
    {
        private readonly BusPoller _poller;
        private readonly ModbusGatewayRouter _router;
        private readonly GatewayModules _modules;
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

            // New modules without an address get free polled ones by serial number: after the first cycle,
            // then every minute between cycles (one silent Discover, about 100 ms, when there is none).
            // Bounded so a run never stalls the polls for long (a module that answers Discover but never
            // confirms its Assign would otherwise be asked 2000 times).
            AddressAssigner assigner = new AddressAssigner(master);
            assigner.MaxQueries = AssignMaxQueries;
            _poller.Assigner = assigner;
            _router = new ModbusGatewayRouter(cache);
            _modules = new GatewayModules(_poller, clock);
        }

        /// <summary>
        /// The register blocks read from the modules (FC 03, at most 125 registers each): header 1000-1023,
        /// phases 1100-1135 and channels 1-3 at 1200-1319 every poll (both models have them); channels 4-18
        /// of an MPP18 (1320-1919) in five optional blocks of 3 channels - an MPP3 answers exception 02 there,
        /// the block is marked absent for it and asked again every BusPoller.RetryAbsentCycles polls. Last, the
        /// identity block 1024-1083 (map version 3: serial, model, firmware, name, location): read at a module's
        /// first poll, then every IdentityEveryCycles-th; optional, as older slaves do not have it.
        /// </summary>
        public static RegisterRange[] CachedRanges()
        {
            RegisterRange[] ranges = new RegisterRange[4 + ChannelBlocksBeyondThree];
            ranges[0] = new RegisterRange(true, VendorMapLayout.HeaderAddress, VendorMapLayout.HeaderLength);
            ranges[1] = new RegisterRange(true, VendorMapLayout.PhaseAddress, VendorMapLayout.PhaseStride * VendorMapLayout.PhaseCount);
            ranges[2] = new RegisterRange(true, VendorMapLayout.ChannelAddress, ChannelsPerBlock * VendorMapLayout.ChannelStride);
            for (int b = 0; b < ChannelBlocksBeyondThree; b++)
            {
                int start = VendorMapLayout.ChannelAddress + (b + 1) * ChannelsPerBlock * VendorMapLayout.ChannelStride;
                ranges[3 + b] = new RegisterRange(true, start, ChannelsPerBlock * VendorMapLayout.ChannelStride, true, 1);
            }

            ranges[3 + ChannelBlocksBeyondThree] = new RegisterRange(true, VendorMapLayout.IdentityAddress, VendorMapLayout.IdentityLength, true, IdentityEveryCycles);

            return ranges;
        }

        /// <summary>Discover + Assign requests one addressing run may send (a few seconds at most).</summary>
        public const int AssignMaxQueries = 100;

        /// <summary>Names and serials change rarely: the identity block is read once a minute at 1 s cycles.</summary>
        public const int IdentityEveryCycles = 60;

        /// <summary>3 channel records (120 registers) fit one read of at most 125.</summary>
        private const int ChannelsPerBlock = 3;

        /// <summary>Channels 4-18 of an MPP18.</summary>
        private const int ChannelBlocksBeyondThree = 5;

        /// <summary>What the gateway knows of every polled module (decoded snapshots, status, counters).</summary>
        public GatewayModules Modules { get { return _modules; } }

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
