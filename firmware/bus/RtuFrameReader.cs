using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Bus
{
    /// <summary>
    /// Assembles Modbus-RTU frames from an <see cref="ISerialPort"/> into one reused buffer. A frame ends
    /// when its expected length for the function code is reached and the CRC there is right (request or
    /// response length: both are tried), otherwise at a silence of <see cref="SilenceMs"/>. Bad CRC, too
    /// short or too long frames are counted and dropped, never thrown; garbage in front of a frame is cut
    /// off by scanning for a plausible address + function code whose CRC holds. Allocates nothing.
    /// One thread (the master or the slave loop).
    /// </summary>
    public sealed class RtuFrameReader
    {
        private const int MinFrame = 4;
        private const int EchoTimeoutMs = 20;

        private readonly ISerialPort _port;
        private readonly byte[] _buffer;
        private readonly byte[] _scratch;
        private int _echoPending;
        private int _silenceMs;
        private int _silenceBaud;

        public RtuFrameReader(ISerialPort port)
        {
            _port = port;
            _buffer = new byte[RtuFrameLength.MaxFrame];
            _scratch = new byte[64];
        }

        /// <summary>The frame last returned by <see cref="ReadFrame"/> (address at 0, CRC included).</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Frame-end silence in ms: max(t3.5, 5 ms) for the port's baud rate unless set.</summary>
        public int SilenceMs
        {
            get
            {
                if (_silenceBaud != _port.BaudRate)
                {
                    _silenceBaud = _port.BaudRate;
                    _silenceMs = RtuTiming.FrameSilenceMs(_silenceBaud);
                }

                return _silenceMs;
            }
        }

        public int FramesOk { get; private set; }

        /// <summary>Frames of the right size whose CRC is wrong (noise, collisions).</summary>
        public int CrcErrors { get; private set; }

        /// <summary>Frames too short to be one, or garbage in front of a frame.</summary>
        public int FramingErrors { get; private set; }

        /// <summary>Frames longer than 256 bytes (dropped up to the next silence).</summary>
        public int Overruns { get; private set; }

        /// <summary>Reads where nothing arrived in time.</summary>
        public int Timeouts { get; private set; }

        /// <summary>Sum of the error counters, so a caller can tell whether a read saw garbage.</summary>
        public int Errors
        {
            get { return CrcErrors + FramingErrors + Overruns; }
        }

        /// <summary>The next <paramref name="count"/> bytes received are this port's own transmission: skip them.</summary>
        public void SkipEcho(int count)
        {
            _echoPending += count;
        }

        /// <summary>
        /// Waits up to <paramref name="firstByteTimeoutMs"/> for a frame to start and reads it whole.
        /// Returns its length (in <see cref="Buffer"/>, CRC checked), or 0 when nothing valid arrived:
        /// a timeout, or a frame that was dropped (see the counters).
        /// </summary>
        public int ReadFrame(int firstByteTimeoutMs)
        {
            if (_echoPending > 0)
            {
                DropEcho();
            }

            int silence = SilenceMs;
            // Byte by byte until the length is known, then up to the nearest candidate end: a chunk never
            // reaches into the next frame, so nothing has to be carried over between calls.
            int have = _port.Read(_buffer, 0, 1, firstByteTimeoutMs);
            if (have <= 0)
            {
                Timeouts++;
                return 0;
            }

            while (true)
            {
                int request = RtuFrameLength.Request(_buffer, have);
                int response = RtuFrameLength.Response(_buffer, have);
                if (IsComplete(request, have) || IsComplete(response, have))
                {
                    FramesOk++;
                    return have;
                }

                // Read no further than the nearest candidate end, so the next frame's bytes stay in the port.
                int want = RtuFrameLength.MaxFrame - have;
                if (request == RtuFrameLength.NeedMore || response == RtuFrameLength.NeedMore)
                {
                    want = want > 0 ? 1 : 0;
                }

                want = Nearer(want, request - have);
                want = Nearer(want, response - have);
                if (want <= 0)
                {
                    Overruns++;
                    DrainToSilence(silence);
                    return 0;
                }

                int got = _port.Read(_buffer, have, want, silence);
                if (got <= 0)
                {
                    return EndedBySilence(have);
                }

                have += got;
            }
        }

        private bool IsComplete(int expected, int have)
        {
            return expected > 0 && expected == have && Crc16Modbus.Check(_buffer, 0, have);
        }

        private static int Nearer(int want, int candidate)
        {
            return candidate > 0 && candidate < want ? candidate : want;
        }

        // The line went quiet: the whole chunk may be a frame of an unknown code, or garbage + a frame.
        private int EndedBySilence(int have)
        {
            if (have < MinFrame)
            {
                FramingErrors++;
                return 0;
            }

            if (Crc16Modbus.Check(_buffer, 0, have))
            {
                FramesOk++;
                return have;
            }

            for (int start = 1; start + MinFrame <= have; start++)
            {
                int length = PlausibleFrameAt(start, have - start);
                if (length > 0)
                {
                    FramingErrors++;
                    System.Array.Copy(_buffer, start, _buffer, 0, length);
                    FramesOk++;
                    return length;
                }
            }

            CrcErrors++;
            return 0;
        }

        // A frame at buffer[start] of a known length that fits what is there and whose CRC holds; 0 if none.
        private int PlausibleFrameAt(int start, int available)
        {
            if (_buffer[start] > BusAddressing.UnaddressedAddress)
            {
                return 0;
            }

            int request = RtuFrameLength.Request(_buffer, start, available);
            int response = RtuFrameLength.Response(_buffer, start, available);
            if (request > 0 && request <= available && Crc16Modbus.Check(_buffer, start, request))
            {
                return request;
            }

            if (response > 0 && response <= available && Crc16Modbus.Check(_buffer, start, response))
            {
                return response;
            }

            return 0;
        }

        private void DropEcho()
        {
            while (_echoPending > 0)
            {
                int chunk = _echoPending < _scratch.Length ? _echoPending : _scratch.Length;
                int got = _port.Read(_scratch, 0, chunk, EchoTimeoutMs);
                if (got <= 0)
                {
                    // The echo never came: do not eat the answer in its place.
                    _echoPending = 0;
                    return;
                }

                _echoPending -= got;
            }
        }

        private void DrainToSilence(int silence)
        {
            for (int i = 0; i < 64; i++)
            {
                if (_port.Read(_scratch, 0, _scratch.Length, silence) <= 0)
                {
                    return;
                }
            }
        }
    }
}
