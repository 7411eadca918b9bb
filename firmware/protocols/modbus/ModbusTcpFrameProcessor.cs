namespace Ipenergy.Probe.Protocols.Modbus
{
    /// <summary>
    /// Modbus-TCP framing apart from sockets: finds whole MBAP frames in received bytes and answers
    /// each through the <see cref="ModbusPduProcessor"/>. Kept apart so tests (and the fuzz test) drive
    /// it without a network, and so the connection handler only moves bytes. Allocates nothing.
    /// </summary>
    public sealed class ModbusTcpFrameProcessor
    {
        /// <summary>Returned by <see cref="TryAnswer"/> when more bytes are needed for a whole frame.</summary>
        public const int NeedMore = 0;

        /// <summary>Returned by <see cref="TryAnswer"/> for a header that breaks MBAP: the connection must close.</summary>
        public const int Malformed = -1;

        private readonly ModbusPduProcessor _pdu;

        public ModbusTcpFrameProcessor(ModbusPduProcessor pdu)
        {
            _pdu = pdu;
        }

        /// <summary>
        /// Looks at the bytes buffer[offset, offset + count). When they begin with a whole frame, writes the
        /// response frame at response[0] (room for <see cref="MbapHeader.MaxFrameLength"/>), sets
        /// <paramref name="consumed"/> to the request's length and returns the response's length (&gt; 0).
        /// Returns <see cref="NeedMore"/> for an incomplete frame and <see cref="Malformed"/> for a bad header.
        /// </summary>
        public int TryAnswer(byte[] buffer, int offset, int count, byte[] response, out int consumed)
        {
            consumed = 0;
            if (count < MbapHeader.Length)
            {
                // The length field is known from 6 bytes on: reject a bad header as early as possible.
                if (count >= 6 && !MbapHeader.IsValid(buffer, offset))
                {
                    return Malformed;
                }

                return NeedMore;
            }

            if (!MbapHeader.IsValid(buffer, offset))
            {
                return Malformed;
            }

            int frameLength = 6 + MbapHeader.LengthField(buffer, offset);
            if (count < frameLength)
            {
                return NeedMore;
            }

            int pduLength = frameLength - MbapHeader.Length;
            int answer = _pdu.Process(MbapHeader.UnitId(buffer, offset), buffer, offset + MbapHeader.Length, pduLength,
                response, MbapHeader.Length);
            consumed = frameLength;
            MbapHeader.WriteResponse(buffer, offset, answer, response, 0);
            return MbapHeader.Length + answer;
        }
    }
}
