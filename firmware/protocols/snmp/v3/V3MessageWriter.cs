using Ipenergy.Probe.Protocols.Snmp.Ber;

namespace Ipenergy.Probe.Protocols.Snmp.V3
{
    /// <summary>
    /// Builds an SNMPv3 message (RFC 3412 section 6) with USM security parameters (RFC 3414 section 2.4) into
    /// a buffer made once: a response or a report of this agent. The fields are set first (the octet fields
    /// by reference, nothing copied until written), then <see cref="WritePlaintext"/> or
    /// <see cref="WriteEncrypted"/> counts every length and writes the message forward in one pass.
    /// msgAuthenticationParameters go out as zeros: the USM computes the MAC over the whole message and
    /// writes it at <see cref="AuthParamsOffset"/> afterwards (RFC 3414 3.1 step 7).
    /// </summary>
    public sealed class V3MessageWriter
    {
        private const byte Sequence = 0x30;

        private readonly byte[] _message;
        private readonly BerWriter _ber = new BerWriter();

        private byte[] _engineId;
        private int _engineIdOffset;
        private int _engineIdLength;
        private byte[] _userName;
        private int _userNameOffset;
        private int _userNameLength;
        private byte[] _privParams;
        private int _privParamsOffset;
        private int _privParamsLength;

        /// <param name="maxMessageSize">Largest message written (the agent's own msgMaxSize, at least 484).</param>
        public V3MessageWriter(int maxMessageSize)
        {
            if (maxMessageSize < V3MessageReader.MinMaxSize || maxMessageSize > 65507)
            {
                throw new System.ArgumentOutOfRangeException("maxMessageSize");
            }

            _message = new byte[maxMessageSize];
            MsgMaxSize = maxMessageSize;
        }

        /// <summary>The message written last starts at index 0.</summary>
        public byte[] Message { get { return _message; } }

        /// <summary>The request's msgID, echoed.</summary>
        public int MsgId { get; set; }

        /// <summary>The largest message this engine accepts.</summary>
        public int MsgMaxSize { get; set; }

        /// <summary>The security level of the answer; the reportable bit is never sent (RFC 3412 7.1 step 3e).</summary>
        public byte MsgFlags { get; set; }

        public int EngineBoots { get; set; }

        public int EngineTime { get; set; }

        /// <summary>0 without authentication, 12 for HMAC-SHA-96, 24 for HMAC-SHA-256-192 (RFC 7860).</summary>
        public int AuthParamsLength { get; set; }

        /// <summary>Where the MAC goes in <see cref="Message"/> after the last write (valid when AuthParamsLength &gt; 0).</summary>
        public int AuthParamsOffset { get; private set; }

        /// <summary>Length of the message written last.</summary>
        public int Length { get; private set; }

        /// <summary>msgAuthoritativeEngineID: this agent's engine ID (kept by reference).</summary>
        public void SetEngineId(byte[] source, int offset, int length)
        {
            _engineId = source;
            _engineIdOffset = offset;
            _engineIdLength = length;
        }

        public void SetUserName(byte[] source, int offset, int length)
        {
            _userName = source;
            _userNameOffset = offset;
            _userNameLength = length;
        }

        /// <summary>msgPrivacyParameters: the 8 salt octets with privacy, length 0 without.</summary>
        public void SetPrivParams(byte[] source, int offset, int length)
        {
            _privParams = source;
            _privParamsOffset = offset;
            _privParamsLength = length;
        }

        /// <summary>Octets of a ScopedPDU element holding a PDU of pduLength octets (tag and length included).</summary>
        public static int ScopedPduLength(int contextEngineIdLength, int contextNameLength, int pduLength)
        {
            return BerWriter.ElementLength(ScopedPduContentLength(contextEngineIdLength, contextNameLength, pduLength));
        }

        /// <summary>
        /// Writes a ScopedPDU { contextEngineID, contextName, the PDU element as given } at target[offset] (the
        /// plaintext to send or to encrypt). Returns its length, or 0 when it does not fit the target.
        /// </summary>
        public int WriteScopedPdu(
            byte[] target,
            int offset,
            byte[] contextEngineId,
            int contextEngineIdOffset,
            int contextEngineIdLength,
            byte[] contextName,
            int contextNameOffset,
            int contextNameLength,
            byte[] pdu,
            int pduOffset,
            int pduLength)
        {
            int total = ScopedPduLength(contextEngineIdLength, contextNameLength, pduLength);
            if (offset < 0 || total > target.Length - offset)
            {
                return 0;
            }

            BerWriter ber = _ber;
            ber.Reset(target, offset);
            ber.WriteHeader(Sequence, ScopedPduContentLength(contextEngineIdLength, contextNameLength, pduLength));
            ber.WriteOctets(SnmpType.OctetString, contextEngineId, contextEngineIdOffset, contextEngineIdLength);
            ber.WriteOctets(SnmpType.OctetString, contextName, contextNameOffset, contextNameLength);
            ber.WriteRaw(pdu, pduOffset, pduLength);
            return total;
        }

        /// <summary>A message whose msgData is this ScopedPDU element (from <see cref="WriteScopedPdu"/>). Returns its length, 0: too big.</summary>
        public int WritePlaintext(byte[] scopedPdu, int offset, int length)
        {
            return Write(scopedPdu, offset, length, false);
        }

        /// <summary>A message whose msgData is an encryptedPDU OCTET STRING of these octets. Returns its length, 0: too big.</summary>
        public int WriteEncrypted(byte[] encrypted, int offset, int length)
        {
            return Write(encrypted, offset, length, true);
        }

        private int Write(byte[] data, int dataOffset, int dataLength, bool encrypted)
        {
            Length = 0;
            AuthParamsOffset = 0;
            int headerContent = HeaderDataContentLength();
            int usmContent = UsmContentLength();
            int securityContent = BerWriter.ElementLength(usmContent);
            int dataElement = encrypted ? BerWriter.ElementLength(dataLength) : dataLength;
            int messageContent = BerWriter.ElementLength(BerWriter.SignedLength(V3MessageReader.Version3))
                + BerWriter.ElementLength(headerContent)
                + BerWriter.ElementLength(securityContent)
                + dataElement;
            int total = BerWriter.ElementLength(messageContent);
            if (total > _message.Length || total > MsgMaxSize)
            {
                return 0;
            }

            BerWriter ber = _ber;
            ber.Reset(_message, 0);
            ber.WriteHeader(Sequence, messageContent);
            ber.WriteInteger(V3MessageReader.Version3);

            ber.WriteHeader(Sequence, headerContent);
            ber.WriteInteger(MsgId);
            ber.WriteInteger(MsgMaxSize);
            ber.WriteHeader(SnmpType.OctetString, 1);
            ber.WriteByte((byte)(MsgFlags & ~V3MsgFlags.Reportable));
            ber.WriteInteger(V3MessageReader.UsmSecurityModel);

            ber.WriteHeader(SnmpType.OctetString, securityContent);
            ber.WriteHeader(Sequence, usmContent);
            ber.WriteOctets(SnmpType.OctetString, _engineId, _engineIdOffset, _engineIdLength);
            ber.WriteInteger(EngineBoots);
            ber.WriteInteger(EngineTime);
            ber.WriteOctets(SnmpType.OctetString, _userName, _userNameOffset, _userNameLength);
            ber.WriteHeader(SnmpType.OctetString, AuthParamsLength);
            AuthParamsOffset = ber.Position;
            for (int i = 0; i < AuthParamsLength; i++)
            {
                ber.WriteByte(0);
            }

            ber.WriteOctets(SnmpType.OctetString, _privParams, _privParamsOffset, _privParamsLength);

            if (encrypted)
            {
                ber.WriteOctets(SnmpType.OctetString, data, dataOffset, dataLength);
            }
            else
            {
                ber.WriteRaw(data, dataOffset, dataLength);
            }

            Length = total;
            return total;
        }

        private static int ScopedPduContentLength(int contextEngineIdLength, int contextNameLength, int pduLength)
        {
            return BerWriter.ElementLength(contextEngineIdLength) + BerWriter.ElementLength(contextNameLength) + pduLength;
        }

        private int HeaderDataContentLength()
        {
            return BerWriter.ElementLength(BerWriter.SignedLength(MsgId))
                + BerWriter.ElementLength(BerWriter.SignedLength(MsgMaxSize))
                + BerWriter.ElementLength(1)
                + BerWriter.ElementLength(BerWriter.SignedLength(V3MessageReader.UsmSecurityModel));
        }

        private int UsmContentLength()
        {
            return BerWriter.ElementLength(_engineIdLength)
                + BerWriter.ElementLength(BerWriter.SignedLength(EngineBoots))
                + BerWriter.ElementLength(BerWriter.SignedLength(EngineTime))
                + BerWriter.ElementLength(_userNameLength)
                + BerWriter.ElementLength(AuthParamsLength)
                + BerWriter.ElementLength(_privParamsLength);
        }
    }
}
