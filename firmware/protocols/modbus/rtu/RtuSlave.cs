using Ipenergy.Probe.Bus;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Protocols.Modbus
{
    /// <summary>
    /// A module without Ethernet on the RS-485 bus: answers Modbus-RTU requests for its address with the
    /// same <see cref="ModbusPduProcessor"/> (and register map) as Modbus-TCP, after the turnaround;
    /// executes broadcasts (address 0) silently; ignores other addresses; hands frames for the
    /// unaddressed address to the <see cref="BusAddressingResponder"/> when there is one. One thread.
    /// </summary>
    public sealed class RtuSlave
    {
        private readonly RtuFrameReader _reader;
        private readonly RtuFrameWriter _writer;
        private readonly ModbusPduProcessor _processor;
        private readonly BusAddressingResponder _addressing;
        private readonly byte[] _discard = new byte[ModbusPduProcessor.MaxPduLength + 3];
        private readonly object _stopLock = new object();
        private bool _stop;
        private int _address;

        /// <param name="address">1..247, or 0 while unaddressed (then only automatic addressing is answered).</param>
        /// <param name="addressing">Null when automatic addressing is off.</param>
        public RtuSlave(ISerialPort port, IBusClock clock, ModbusPduProcessor processor, int address, BusAddressingResponder addressing)
        {
            _reader = new RtuFrameReader(port);
            _writer = new RtuFrameWriter(port, _reader, clock);
            _processor = processor;
            _address = address;
            _addressing = addressing;
        }

        /// <summary>The bus address answered (an Assign from the gateway changes it).</summary>
        public int Address
        {
            get { return _address; }
            set { _address = value; }
        }

        public RtuFrameReader Reader
        {
            get { return _reader; }
        }

        /// <summary>Turnaround before each answer: <see cref="RtuFrameWriter.TurnaroundUs"/>.</summary>
        public RtuFrameWriter Writer
        {
            get { return _writer; }
        }

        public int Answered { get; private set; }

        public int Broadcasts { get; private set; }

        /// <summary>Frames for other addresses (and the other modules' answers) heard and ignored.</summary>
        public int Ignored { get; private set; }

        /// <summary>Waits up to waitMs for a frame and handles it. True when a frame was read.</summary>
        public bool ServeOnce(int waitMs)
        {
            int length = _reader.ReadFrame(waitMs);
            if (length == 0)
            {
                return false;
            }

            byte[] frame = _reader.Buffer;
            int target = frame[0];
            if (target == BusAddressing.UnaddressedAddress && _addressing != null)
            {
                int reply = _addressing.Handle(frame, length, _writer.Frame);
                if (_addressing.Address != 0)
                {
                    _address = _addressing.Address;
                }

                if (reply > 0)
                {
                    _writer.SendRaw(_writer.Frame, reply);
                    Answered++;
                }

                return true;
            }

            if (target == 0)
            {
                // Broadcast: execute (writes), never answer.
                _processor.Process(ModbusPduProcessor.DirectUnit, frame, 1, length - 3, _discard, 0);
                Broadcasts++;
                return true;
            }

            if (target != _address || _address == 0)
            {
                Ignored++;
                return true;
            }

            // The bus address already matched: ask the processor as "this device" (unit 255).
            int pdu = _processor.Process(ModbusPduProcessor.DirectUnit, frame, 1, length - 3, _writer.Frame, 1);
            if (pdu > 0)
            {
                _writer.SendBuilt(_address, pdu);
                Answered++;
            }

            return true;
        }

        /// <summary>Serves until <see cref="Stop"/> (the slave's bus thread).</summary>
        public void Run()
        {
            SetStop(false);
            while (!Stopping())
            {
                ServeOnce(500);
            }
        }

        public void Stop()
        {
            SetStop(true);
        }

        private void SetStop(bool value)
        {
            lock (_stopLock)
            {
                _stop = value;
            }
        }

        private bool Stopping()
        {
            lock (_stopLock)
            {
                return _stop;
            }
        }
    }
}
