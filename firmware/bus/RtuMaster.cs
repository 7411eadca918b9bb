using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Bus
{
    /// <summary>
    /// The bus master (the gateway side): one transaction at a time - send a request, wait for the answer
    /// of that address and function code within the response timeout, retry on a timeout or garbage.
    /// Broadcasts (address 0) expect nothing and wait the turnaround. Counts errors per address. The
    /// answer is left in <see cref="Response"/> (address at 0, PDU from 1). Allocates nothing.
    /// </summary>
    public sealed class RtuMaster
    {
        /// <summary>Response timeout at 115200 baud; slower lines add the extra time of a longest frame.</summary>
        public const int BaseResponseTimeoutMs = 100;

        public const int MaxRetries = 2;

        private const int Addresses = 256;

        private readonly ISerialPort _port;
        private readonly IBusClock _clock;
        private readonly RtuFrameReader _reader;
        private readonly RtuFrameWriter _writer;
        private readonly byte[] _pdu;
        private readonly int[] _transactions = new int[Addresses];
        private readonly int[] _timeouts = new int[Addresses];
        private readonly int[] _crcErrors = new int[Addresses];
        private readonly int[] _exceptions = new int[Addresses];
        private readonly int[] _unexpected = new int[Addresses];
        private int _responseTimeoutMs;
        private int _retries;
        private int _responseLength;

        public RtuMaster(ISerialPort port, IBusClock clock)
        {
            _port = port;
            _clock = clock;
            _reader = new RtuFrameReader(port);
            _writer = new RtuFrameWriter(port, _reader, clock);
            _pdu = new byte[RtuFrameLength.MaxFrame];
            _responseTimeoutMs = -1;
            _retries = 1;
        }

        public RtuFrameReader Reader
        {
            get { return _reader; }
        }

        public RtuFrameWriter Writer
        {
            get { return _writer; }
        }

        /// <summary>
        /// Ms to wait for the first byte of an answer; -1 (default) = 100 ms at 115200 plus, on slower
        /// lines, how much longer a 256-byte frame takes there than at 115200.
        /// </summary>
        public int ResponseTimeoutMs
        {
            get
            {
                if (_responseTimeoutMs >= 0)
                {
                    return _responseTimeoutMs;
                }

                long extraUs = RtuTiming.FrameMicroseconds(RtuFrameLength.MaxFrame, _port.BaudRate) - RtuTiming.FrameMicroseconds(RtuFrameLength.MaxFrame, 115200);
                return BaseResponseTimeoutMs + (extraUs > 0 ? (int)(extraUs / 1000) : 0);
            }

            set { _responseTimeoutMs = value; }
        }

        /// <summary>Repeats after a timeout or garbage, 0..2 (default 1). Exceptions are never repeated.</summary>
        public int Retries
        {
            get { return _retries; }
            set { _retries = value < 0 ? 0 : (value > MaxRetries ? MaxRetries : value); }
        }

        /// <summary>The last answer (address, PDU, CRC), valid after <see cref="RtuResult.Ok"/> or Exception.</summary>
        public byte[] Response
        {
            get { return _reader.Buffer; }
        }

        /// <summary>Length of the last answer's PDU (from <see cref="Response"/>[1]).</summary>
        public int ResponsePduLength
        {
            get { return _responseLength; }
        }

        /// <summary>Exception code of the last <see cref="RtuResult.Exception"/> answer.</summary>
        public int ExceptionCode { get; private set; }

        public int TransactionsTo(int address) { return _transactions[address & 0xFF]; }

        public int TimeoutsOf(int address) { return _timeouts[address & 0xFF]; }

        /// <summary>Garbage (bad CRC, framing, overruns) seen while waiting for this address.</summary>
        public int CrcErrorsOf(int address) { return _crcErrors[address & 0xFF]; }

        public int ExceptionsOf(int address) { return _exceptions[address & 0xFF]; }

        public int UnexpectedOf(int address) { return _unexpected[address & 0xFF]; }

        /// <summary>Sends pdu[offset, offset + length) to address and waits for its answer, with the configured retries.</summary>
        public int Transact(int address, byte[] pdu, int offset, int length)
        {
            return Transact(address, pdu, offset, length, _retries);
        }

        /// <summary>As <see cref="Transact(int, byte[], int, int)"/> with an explicit retry count (0 for discovery, where garbage is data).</summary>
        public int Transact(int address, byte[] pdu, int offset, int length, int retries)
        {
            int function = pdu[offset];
            int result = RtuResult.Timeout;
            for (int attempt = 0; attempt <= retries; attempt++)
            {
                _transactions[address & 0xFF]++;
                // The tail of a late answer to the previous request must not merge into this one's.
                _port.DiscardInput();
                _writer.Send(address, pdu, offset, length);
                if (address == 0)
                {
                    // Broadcast: the slaves execute and stay silent; give them the turnaround to do it.
                    _clock.Sleep(_writer.TurnaroundUs);
                    return RtuResult.Broadcast;
                }

                result = AwaitAnswer(address, function);
                if (result == RtuResult.Ok || result == RtuResult.Exception)
                {
                    return result;
                }
            }

            return result;
        }

        /// <summary>
        /// Reads <paramref name="count"/> holding (FC 03) or input (FC 04) registers into dest as big-endian
        /// words (2 bytes each). Returns an <see cref="RtuResult"/>; dest is untouched unless Ok.
        /// </summary>
        public int ReadRegisters(int address, bool holding, int start, int count, byte[] dest, int destOffset)
        {
            _pdu[0] = (byte)(holding ? 3 : 4);
            _pdu[1] = (byte)(start >> 8);
            _pdu[2] = (byte)start;
            _pdu[3] = (byte)(count >> 8);
            _pdu[4] = (byte)count;
            int result = Transact(address, _pdu, 0, 5);
            if (result != RtuResult.Ok)
            {
                return result;
            }

            byte[] frame = _reader.Buffer;
            if (frame[2] != 2 * count)
            {
                _unexpected[address & 0xFF]++;
                return RtuResult.Unexpected;
            }

            System.Array.Copy(frame, 3, dest, destOffset, 2 * count);
            return RtuResult.Ok;
        }

        // Reads frames until the one from this address for this function, or the timeout.
        private int AwaitAnswer(int address, int function)
        {
            int errorsBefore = _reader.Errors;
            long deadline = _clock.Microseconds + (long)ResponseTimeoutMs * 1000;
            bool sawOther = false;
            while (true)
            {
                long left = deadline - _clock.Microseconds;
                if (left <= 0)
                {
                    break;
                }

                int length = _reader.ReadFrame((int)((left + 999) / 1000));
                if (length == 0)
                {
                    if (_reader.Errors == errorsBefore)
                    {
                        break;
                    }

                    continue;
                }

                byte[] frame = _reader.Buffer;
                if (frame[0] != address || (frame[1] & 0x7F) != function)
                {
                    sawOther = true;
                    continue;
                }

                _responseLength = length - 3;
                if ((frame[1] & 0x80) != 0)
                {
                    ExceptionCode = frame[2];
                    _exceptions[address & 0xFF]++;
                    return RtuResult.Exception;
                }

                return RtuResult.Ok;
            }

            if (_reader.Errors != errorsBefore)
            {
                _crcErrors[address & 0xFF] += _reader.Errors - errorsBefore;
                return RtuResult.Garbage;
            }

            if (sawOther)
            {
                _unexpected[address & 0xFF]++;
                return RtuResult.Unexpected;
            }

            _timeouts[address & 0xFF]++;
            return RtuResult.Timeout;
        }
    }
}
