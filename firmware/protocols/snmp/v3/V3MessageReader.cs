using Ipenergy.Probe.Protocols.Snmp.Ber;

namespace Ipenergy.Probe.Protocols.Snmp.V3
{
    /// <summary>
    /// Parses an SNMPv3 message (RFC 3412 section 6) and its USM security parameters (RFC 3414 section 2.4)
    /// in place: every field is a value or an offset/length into the datagram, nothing is copied or
    /// allocated. Checks run in the order of RFC 3412 7.2: the whole message structure first (any BER error
    /// is a parse error), then msgSecurityModel, then msgFlags, then UsmSecurityParameters, then a plaintext
    /// ScopedPDU. A result other than <see cref="V3ParseResult.Ok"/> names what is wrong (and so the counter
    /// to count it in); the fields read before it stay valid, e.g. msgID and msgFlags for a report.
    /// <para>
    /// What this does not judge: whether the engine ID, the user, the time window or the digest are right
    /// (the USM's job), nor the PDU inside (the existing PDU code, given <see cref="PduOffset"/>).
    /// </para>
    /// </summary>
    public sealed class V3MessageReader
    {
        public const int Version3 = 3;
        public const int UsmSecurityModel = 3;

        /// <summary>RFC 3412: msgMaxSize (484..2147483647).</summary>
        public const int MinMaxSize = 484;

        /// <summary>RFC 3414 2.4: msgAuthoritativeEngineID is an SnmpEngineID, at most 32 octets (empty in discovery).</summary>
        public const int MaxEngineIdOctets = 32;

        /// <summary>RFC 3414 2.4: msgUserName OCTET STRING (SIZE(0..32)).</summary>
        public const int MaxUserNameOctets = 32;

        private const byte Sequence = 0x30;

        private readonly BerReader _ber = new BerReader();

        public byte[] Buffer { get; private set; }

        /// <summary>The whole message (what the MAC covers, with the authentication parameters zeroed).</summary>
        public int MessageOffset { get; private set; }

        public int MessageLength { get; private set; }

        public int MsgId { get; private set; }

        public int MsgMaxSize { get; private set; }

        public byte MsgFlags { get; private set; }

        public int SecurityModel { get; private set; }

        public bool IsAuth { get { return (MsgFlags & V3MsgFlags.Auth) != 0; } }

        public bool IsPriv { get { return (MsgFlags & V3MsgFlags.Priv) != 0; } }

        public bool IsReportable { get { return (MsgFlags & V3MsgFlags.Reportable) != 0; } }

        /// <summary>Content of the msgSecurityParameters OCTET STRING.</summary>
        public int SecurityParametersOffset { get; private set; }

        public int SecurityParametersLength { get; private set; }

        public int EngineIdOffset { get; private set; }

        public int EngineIdLength { get; private set; }

        public int EngineBoots { get; private set; }

        public int EngineTime { get; private set; }

        public int UserNameOffset { get; private set; }

        public int UserNameLength { get; private set; }

        /// <summary>The msgAuthenticationParameters octets: zeroed for the MAC, then compared with it.</summary>
        public int AuthParamsOffset { get; private set; }

        public int AuthParamsLength { get; private set; }

        /// <summary>The msgPrivacyParameters octets (the AES salt, RFC 3826 3.1.2.1).</summary>
        public int PrivParamsOffset { get; private set; }

        public int PrivParamsLength { get; private set; }

        /// <summary>msgData is an encryptedPDU: its octets are at EncryptedOffset, the ScopedPDU fields are not set.</summary>
        public bool IsEncrypted { get; private set; }

        public int EncryptedOffset { get; private set; }

        public int EncryptedLength { get; private set; }

        /// <summary>Where the ScopedPDU fields point: the datagram, or the buffer given to <see cref="ReadScopedPdu"/>.</summary>
        public byte[] ScopedPduBuffer { get; private set; }

        public int ContextEngineIdOffset { get; private set; }

        public int ContextEngineIdLength { get; private set; }

        public int ContextNameOffset { get; private set; }

        public int ContextNameLength { get; private set; }

        /// <summary>The whole PDU element (tag, length, content): what the v1/v2c PDU code reads.</summary>
        public int PduOffset { get; private set; }

        public int PduLength { get; private set; }

        /// <summary>The PDU's tag (<see cref="SnmpPduType"/>), 0 until a ScopedPDU is read.</summary>
        public byte PduType { get; private set; }

        /// <summary>Parses buffer[offset .. offset+length), one whole datagram. Never throws, never reads outside it.</summary>
        public int Read(byte[] buffer, int offset, int length)
        {
            Clear();
            Buffer = buffer;
            MessageOffset = offset;
            MessageLength = length;
            if (buffer == null || offset < 0 || length < 0 || offset > buffer.Length - length)
            {
                return V3ParseResult.BadMessage;
            }

            BerReader ber = _ber;
            ber.Reset(buffer, offset, length);
            int contentLength;
            if (!ber.Open(Sequence, out contentLength) || contentLength != ber.Limit - ber.Position)
            {
                return V3ParseResult.BadMessage;
            }

            int version;
            if (!ber.ReadInt32(out version))
            {
                return V3ParseResult.BadVersionField;
            }

            if (version != Version3)
            {
                return V3ParseResult.BadVersion;
            }

            int result = ReadHeaderData();
            if (result != V3ParseResult.Ok)
            {
                return result;
            }

            int securityLength;
            if (!ber.Open(SnmpType.OctetString, out securityLength))
            {
                return V3ParseResult.BadSecurityParameters;
            }

            SecurityParametersOffset = ber.Position;
            SecurityParametersLength = securityLength;
            ber.Skip(securityLength);

            // msgData: the rest of the message, one element (its kind is checked against msgFlags below).
            int dataOffset = ber.Position;
            byte dataTag;
            int dataLength;
            if (!ber.ReadHeader(out dataTag, out dataLength) || dataLength != ber.Limit - ber.Position
                || (dataTag != Sequence && dataTag != SnmpType.OctetString))
            {
                return V3ParseResult.BadScopedPduData;
            }

            int dataContent = ber.Position;
            if (SecurityModel != UsmSecurityModel)
            {
                return V3ParseResult.UnknownSecurityModel;
            }

            if (!V3MsgFlags.IsValid(MsgFlags))
            {
                return V3ParseResult.InvalidFlags;
            }

            result = ReadUsmParameters();
            if (result != V3ParseResult.Ok)
            {
                return result;
            }

            if (IsPriv)
            {
                if (dataTag != SnmpType.OctetString)
                {
                    return V3ParseResult.BadScopedPduData;
                }

                IsEncrypted = true;
                EncryptedOffset = dataContent;
                EncryptedLength = dataLength;
                return V3ParseResult.Ok;
            }

            if (dataTag != Sequence)
            {
                return V3ParseResult.BadScopedPduData;
            }

            return ReadScopedPduAt(buffer, dataOffset, offset + length - dataOffset, true);
        }

        /// <summary>
        /// Parses a ScopedPDU decrypted into buffer[offset .. offset+length). Octets after the ScopedPDU are
        /// ignored: a cipher with blocks (DES, RFC 3414 8.1.1.2) pads the plaintext.
        /// </summary>
        public int ReadScopedPdu(byte[] buffer, int offset, int length)
        {
            if (buffer == null || offset < 0 || length < 0 || offset > buffer.Length - length)
            {
                return V3ParseResult.BadScopedPduData;
            }

            return ReadScopedPduAt(buffer, offset, length, false);
        }

        private int ReadHeaderData()
        {
            BerReader ber = _ber;
            int headerLength;
            if (!ber.Open(Sequence, out headerLength))
            {
                return V3ParseResult.BadHeaderData;
            }

            int outerLimit = ber.Limit;
            int end = ber.Position + headerLength;
            ber.Limit = end;

            int value;
            if (!ber.ReadInt32(out value) || value < 0)
            {
                return V3ParseResult.BadMsgId;
            }

            MsgId = value;
            if (!ber.ReadInt32(out value) || value < MinMaxSize)
            {
                return V3ParseResult.BadMaxSize;
            }

            MsgMaxSize = value;
            int flagsLength;
            if (!ber.Open(SnmpType.OctetString, out flagsLength) || flagsLength != 1)
            {
                return V3ParseResult.BadFlags;
            }

            MsgFlags = ber.Buffer[ber.Position];
            ber.Skip(1);

            // msgSecurityModel (1..2147483647): an INTEGER out of that range is a model nobody supports.
            if (!ber.ReadInt32(out value))
            {
                return V3ParseResult.BadSecurityModel;
            }

            SecurityModel = value;
            if (ber.Position != end)
            {
                return V3ParseResult.BadHeaderData;
            }

            ber.Limit = outerLimit;
            return V3ParseResult.Ok;
        }

        private int ReadUsmParameters()
        {
            BerReader ber = _ber;
            int end = SecurityParametersOffset + SecurityParametersLength;
            ber.Reset(Buffer, SecurityParametersOffset, SecurityParametersLength);
            int sequenceLength;
            if (!ber.Open(Sequence, out sequenceLength) || ber.Position + sequenceLength != end)
            {
                return V3ParseResult.BadSecurityParameters;
            }

            int length;
            if (!ber.Open(SnmpType.OctetString, out length) || length > MaxEngineIdOctets)
            {
                return V3ParseResult.BadEngineId;
            }

            EngineIdOffset = ber.Position;
            EngineIdLength = length;
            ber.Skip(length);

            int value;
            if (!ber.ReadInt32(out value) || value < 0)
            {
                return V3ParseResult.BadBoots;
            }

            EngineBoots = value;
            if (!ber.ReadInt32(out value) || value < 0)
            {
                return V3ParseResult.BadTime;
            }

            EngineTime = value;
            if (!ber.Open(SnmpType.OctetString, out length) || length > MaxUserNameOctets)
            {
                return V3ParseResult.BadUserName;
            }

            UserNameOffset = ber.Position;
            UserNameLength = length;
            ber.Skip(length);

            if (!ber.Open(SnmpType.OctetString, out length))
            {
                return V3ParseResult.BadAuthParameters;
            }

            AuthParamsOffset = ber.Position;
            AuthParamsLength = length;
            ber.Skip(length);

            if (!ber.Open(SnmpType.OctetString, out length) || ber.Position + length != end)
            {
                return V3ParseResult.BadPrivParameters;
            }

            PrivParamsOffset = ber.Position;
            PrivParamsLength = length;
            return V3ParseResult.Ok;
        }

        private int ReadScopedPduAt(byte[] buffer, int offset, int length, bool exact)
        {
            ScopedPduBuffer = buffer;
            BerReader ber = _ber;
            ber.Reset(buffer, offset, length);
            int sequenceLength;
            if (!ber.Open(Sequence, out sequenceLength) || (exact && sequenceLength != ber.Limit - ber.Position))
            {
                return V3ParseResult.BadScopedPduData;
            }

            int end = ber.Position + sequenceLength;
            ber.Limit = end;
            int octets;
            if (!ber.Open(SnmpType.OctetString, out octets) || octets > MaxEngineIdOctets)
            {
                return V3ParseResult.BadContextEngineId;
            }

            ContextEngineIdOffset = ber.Position;
            ContextEngineIdLength = octets;
            ber.Skip(octets);

            if (!ber.Open(SnmpType.OctetString, out octets))
            {
                return V3ParseResult.BadContextName;
            }

            ContextNameOffset = ber.Position;
            ContextNameLength = octets;
            ber.Skip(octets);

            // The PDU: one constructed context-specific element filling the ScopedPDU.
            int pduOffset = ber.Position;
            byte tag;
            int pduContent;
            if (!ber.ReadHeader(out tag, out pduContent) || ber.Position + pduContent != end
                || tag < SnmpPduType.GetRequest || tag > SnmpPduType.Report)
            {
                return V3ParseResult.BadPdu;
            }

            PduType = tag;
            PduOffset = pduOffset;
            PduLength = end - pduOffset;
            return V3ParseResult.Ok;
        }

        private void Clear()
        {
            Buffer = null;
            ScopedPduBuffer = null;
            MessageOffset = 0;
            MessageLength = 0;
            MsgId = 0;
            MsgMaxSize = 0;
            MsgFlags = 0;
            SecurityModel = 0;
            SecurityParametersOffset = 0;
            SecurityParametersLength = 0;
            EngineIdOffset = 0;
            EngineIdLength = 0;
            EngineBoots = 0;
            EngineTime = 0;
            UserNameOffset = 0;
            UserNameLength = 0;
            AuthParamsOffset = 0;
            AuthParamsLength = 0;
            PrivParamsOffset = 0;
            PrivParamsLength = 0;
            IsEncrypted = false;
            EncryptedOffset = 0;
            EncryptedLength = 0;
            ContextEngineIdOffset = 0;
            ContextEngineIdLength = 0;
            ContextNameOffset = 0;
            ContextNameLength = 0;
            PduOffset = 0;
            PduLength = 0;
            PduType = 0;
        }
    }
}
