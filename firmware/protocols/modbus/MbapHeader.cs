namespace Ipenergy.Probe.Protocols.Modbus
{
    /// <summary>
    /// The 7-byte MBAP header of Modbus-TCP: transaction id (2, echoed), protocol id (2, always 0),
    /// length (2: unit id + PDU, so 2..254 for a PDU of 1..253 bytes), unit id (1). Big-endian.
    /// </summary>
    public static class MbapHeader
    {
        public const int Length = 7;
        public const int MinLengthField = 2;
        public const int MaxLengthField = 1 + ModbusPduProcessor.MaxPduLength;

        /// <summary>The longest frame: header plus the largest PDU (260 bytes).</summary>
        public const int MaxFrameLength = Length + ModbusPduProcessor.MaxPduLength;

        public static int TransactionId(byte[] frame, int offset)
        {
            return (frame[offset] << 8) | frame[offset + 1];
        }

        public static int ProtocolId(byte[] frame, int offset)
        {
            return (frame[offset + 2] << 8) | frame[offset + 3];
        }

        public static int LengthField(byte[] frame, int offset)
        {
            return (frame[offset + 4] << 8) | frame[offset + 5];
        }

        public static int UnitId(byte[] frame, int offset)
        {
            return frame[offset + 6];
        }

        /// <summary>True when the header at offset may start a valid frame (protocol 0, length 2..254).</summary>
        public static bool IsValid(byte[] frame, int offset)
        {
            int length = LengthField(frame, offset);
            return ProtocolId(frame, offset) == 0 && length >= MinLengthField && length <= MaxLengthField;
        }

        /// <summary>Writes a response header: the request's transaction id and unit id, protocol 0, the PDU's length.</summary>
        public static void WriteResponse(byte[] request, int requestOffset, int pduLength, byte[] response, int responseOffset)
        {
            int length = pduLength + 1;
            response[responseOffset] = request[requestOffset];
            response[responseOffset + 1] = request[requestOffset + 1];
            response[responseOffset + 2] = 0;
            response[responseOffset + 3] = 0;
            response[responseOffset + 4] = (byte)(length >> 8);
            response[responseOffset + 5] = (byte)length;
            response[responseOffset + 6] = request[requestOffset + 6];
        }
    }
}
