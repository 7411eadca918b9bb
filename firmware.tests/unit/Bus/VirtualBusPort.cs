using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Tests.Unit.Bus
{
    /// <summary>One end on the <see cref="VirtualBus"/>: received bytes wait with their arrival time.</summary>
    public sealed class VirtualBusPort : ISerialPort
    {
        private const int Capacity = 8192;

        private readonly VirtualBus _bus;
        private readonly int _sender;
        private readonly long[] _times = new long[Capacity];
        private readonly byte[] _values = new byte[Capacity];
        private readonly int[] _senders = new int[Capacity];
        private int _head;
        private int _count;

        internal VirtualBusPort(VirtualBus bus, int sender, int baudRate)
        {
            _bus = bus;
            _sender = sender;
            BaudRate = baudRate;
        }

        public int BaudRate { get; private set; }

        public int Parity { get; private set; }

        public bool EchoesTransmit { get; set; }

        /// <summary>Bytes waiting (arrived or still on the wire).</summary>
        public int Pending
        {
            get { return _count; }
        }

        public int BytesWritten { get; private set; }

        public void Configure(int baudRate, int parity, int stopBits)
        {
            BaudRate = baudRate;
            Parity = parity;
            DiscardInput();
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (_count == 0 || _times[_head] > _bus.NowUs)
            {
                long deadline = _bus.NowUs + (long)timeoutMs * 1000;
                if (_count == 0 || _times[_head] > deadline)
                {
                    _bus.NowUs = deadline;
                    return 0;
                }

                _bus.NowUs = _times[_head];
            }

            int n = 0;
            while (n < count && _count > 0 && _times[_head] <= _bus.NowUs)
            {
                buffer[offset + n] = _values[_head];
                n++;
                _head = (_head + 1) % Capacity;
                _count--;
            }

            return n;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            BytesWritten += count;
            _bus.NowUs = _bus.Transmit(this, _sender, BaudRate, buffer, offset, count, _bus.NowUs);
        }

        public void DiscardInput()
        {
            // Only what has arrived; bytes still on the wire come later.
            while (_count > 0 && _times[_head] <= _bus.NowUs)
            {
                _head = (_head + 1) % Capacity;
                _count--;
            }
        }

        // Adds a byte in time order; one overlapping another sender's byte collides with it. True on a collision.
        internal bool Schedule(long timeUs, byte value, int sender, int charUs)
        {
            for (int i = 0; i < _count; i++)
            {
                int k = (_head + i) % Capacity;
                long gap = _times[k] - timeUs;
                if (_senders[k] != sender && gap < charUs && gap > -charUs)
                {
                    _values[k] = (byte)(_values[k] & value);
                    return true;
                }
            }

            if (_count == Capacity)
            {
                return false;
            }

            // Insert keeping arrival order (new bytes are nearly always last).
            int pos = _count;
            while (pos > 0 && _times[(_head + pos - 1) % Capacity] > timeUs)
            {
                int from = (_head + pos - 1) % Capacity;
                int to = (_head + pos) % Capacity;
                _times[to] = _times[from];
                _values[to] = _values[from];
                _senders[to] = _senders[from];
                pos--;
            }

            int at = (_head + pos) % Capacity;
            _times[at] = timeUs;
            _values[at] = value;
            _senders[at] = sender;
            _count++;
            return false;
        }
    }
}
