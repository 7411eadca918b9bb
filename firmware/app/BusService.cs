using System.Threading;
using Ipenergy.Probe.Bus;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Protocols.Modbus;

namespace Ipenergy.Probe.App
{
    /// <summary>
    /// The module on the RS-485 bus, role "slave": answers the gateway at its configured address with
    /// the same register map as Modbus-TCP, and takes part in automatic addressing (an address the
    /// gateway assigns is stored in the configuration, so it survives restarts). One thread. The
    /// gateway role (polling every module and exposing them) is not wired yet.
    /// </summary>
    public sealed class BusService
    {
        private const int ServeSliceMs = 200;

        private readonly ISerialPort _port;
        private readonly ConfigService _config;
        private readonly ModbusPduProcessor _processor;
        private readonly RtuSlave _slave;
        private readonly BusAddressingResponder _addressing;
        private Thread _thread;
        private int _running;
        // The configuration's bus.address last seen: only a change of it (API, panel) moves the slave's address, so a
        // failed store of an assigned address never takes the slave back to "unaddressed" while its addressing
        // responder keeps the new one (it would then answer neither Discover nor polls).
        private int _configuredAddress;

        /// <param name="processor">A PDU processor over the module's register map (its own: the TCP one serves other threads).</param>
        /// <param name="serial">The board's serial number: the key of automatic addressing.</param>
        public BusService(ISerialPort port, ConfigService config, ModbusPduProcessor processor, string serial, IRandomSource random)
        {
            _port = port;
            _config = config;
            _processor = processor;
            BusConfig bus = config.Current.Bus;
            _configuredAddress = bus.Address;
            byte[] token = new byte[2];
            random.Fill(token, 0, 2);
            _addressing = new BusAddressingResponder(BusAddressing.KeyOf(serial == null ? "" : serial), token[0] | (token[1] << 8), bus.Address);
            _port.Configure(bus.Baud, bus.Parity, bus.StopBits);
            _slave = new RtuSlave(port, new SystemBusClock(), processor, bus.Address, _addressing);
            if (bus.TurnaroundMs > 0)
            {
                _slave.Writer.TurnaroundUs = bus.TurnaroundMs * 1000;
            }
        }

        /// <summary>The address answered now (0 while unaddressed).</summary>
        public int Address { get { return _slave.Address; } }

        /// <summary>Requests answered (diagnostics, tests).</summary>
        public int Answered { get { return _slave.Answered; } }

        public ModbusPduProcessor Processor { get { return _processor; } }

        public void Start()
        {
            Interlocked.Exchange(ref _running, 1);
            _thread = new Thread(Run);
            _thread.Start();
        }

        public void Stop()
        {
            Interlocked.Exchange(ref _running, 0);
            if (_thread != null)
            {
                _thread.Join();
            }
        }

        private void Run()
        {
            while (Interlocked.CompareExchange(ref _running, 0, 0) != 0)
            {
                _slave.ServeOnce(ServeSliceMs);
                if (_addressing.Changed)
                {
                    _addressing.ClearChanged();
                    StoreAssignedAddress(_addressing.Address);
                }

                // An address set through the API or the panel takes over at once.
                int configured = _config.Current.Bus.Address;
                if (configured != _configuredAddress)
                {
                    _configuredAddress = configured;
                    _slave.Address = configured;
                }
            }
        }

        // Rare (once per module's life): the JSON text allocates, which is fine here. Should the store fail, the
        // module still answers at the address it was given (the gateway polls it there) and, unsaved, is given one
        // again after a restart.
        private void StoreAssignedAddress(int address)
        {
            byte[] json = AsciiBytes.From("{\"bus\":{\"address\":" + address.ToString() + "}}");
            string error = _config.Apply(json, 0, json.Length);
            _configuredAddress = error == null ? address : _config.Current.Bus.Address;
            StoreErrors += error == null ? 0 : 1;
            LastStoreError = error;
        }

        /// <summary>Assigned addresses the configuration refused to store (the module answers at them all the same).</summary>
        public int StoreErrors { get; private set; }

        /// <summary>Why the last assigned address could not be stored, or null.</summary>
        public string LastStoreError { get; private set; }
    }
}
