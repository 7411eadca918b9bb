using Ipenergy.Probe.Protocols.Snmp.Ber;

namespace Ipenergy.Probe.Protocols.Snmp
{
    /// <summary>
    /// SNMPv1 and SNMPv2c message handling (RFC 1157, RFC 1901, RFC 3416, RFC 3584) between a datagram and a
    /// <see cref="MibTree"/>: one request in, one response (or none) out, into a reused buffer. Nothing is
    /// allocated per request: names and values go through reused buffers, varbinds are encoded straight
    /// into the response, and the message headers are counted and written in front of them afterwards.
    /// <para>
    /// Access: the write community may do everything, the read community GET/GETNEXT/GETBULK. A message with
    /// any other community (or an empty one, or when the configured community is empty) gets no answer,
    /// counts in snmpInBadCommunityNames and sends authenticationFailure when that is enabled. A SET with
    /// the read community is answered noAccess (v1: noSuchName) with error-index 1 and counts in
    /// snmpInBadCommunityUses: the manager learns that the community cannot write, instead of timing out.
    /// </para>
    /// </summary>
    public sealed class SnmpMessageProcessor
    {
        /// <summary>The smallest maximum message size RFC 3417 lets an agent have.</summary>
        public const int MinMessageSize = 484;

        /// <summary>One Ethernet frame: 1500 - 20 (IPv4) - 8 (UDP).</summary>
        public const int DefaultMaxMessageSize = 1472;

        /// <summary>Varbinds in one response unless set otherwise (GETBULK stops there).</summary>
        public const int DefaultMaxVarbinds = 256;

        // Room in front of the varbinds for the headers: SEQUENCE 4, version 3, community 4 + its octets,
        // PDU 4, request-id 6, error-status 3, error-index 6, varbind list 4.
        private const int FixedHeaderRoom = 34;
        private const int MaxCommunityOctets = 256;
        private const int HeaderRoom = FixedHeaderRoom + MaxCommunityOctets;

        // The shortest varbind: SEQUENCE, a one-octet OID, NULL.
        private const int MinVarbindLength = 7;

        private const byte Sequence = 0x30;

        private readonly MibTree _tree;
        private readonly SnmpCounters _counters;
        private readonly SnmpSettings _settings;
        private readonly int _maxMessageSize;
        private readonly byte[] _response;
        private readonly BerReader _reader = new BerReader();
        private readonly BerReader _echo = new BerReader();
        private readonly BerWriter _writer = new BerWriter();
        private readonly OidBuffer _name = new OidBuffer();
        private readonly OidBuffer _next = new OidBuffer();
        private readonly SnmpValue _value = new SnmpValue();
        private readonly int[] _repeaterAt;
        private readonly bool[] _repeaterEnded;

        // The request being handled.
        private byte[] _request;
        private int _version;
        private int _communityOffset;
        private int _communityLength;
        private int _requestId;
        private int _varbindsOffset;
        private int _varbindsLength;
        private int _varbindCount;

        /// <param name="tree">The MIB view served.</param>
        /// <param name="counters">The snmp group counters this processor keeps.</param>
        /// <param name="settings">Communities and switches, refreshed at each request.</param>
        /// <param name="maxMessageSize">Largest request accepted and response sent (at least 484).</param>
        public SnmpMessageProcessor(MibTree tree, SnmpCounters counters, SnmpSettings settings, int maxMessageSize)
        {
            if (maxMessageSize < MinMessageSize || maxMessageSize > 65507)
            {
                throw new System.ArgumentOutOfRangeException("maxMessageSize");
            }

            _tree = tree;
            _counters = counters;
            _settings = settings;
            _maxMessageSize = maxMessageSize;
            _response = new byte[HeaderRoom + maxMessageSize];
            int repeaters = (maxMessageSize / MinVarbindLength) + 1;
            _repeaterAt = new int[repeaters];
            _repeaterEnded = new bool[repeaters];
            MaxVarbinds = DefaultMaxVarbinds;
            _writer.Reset(_response, HeaderRoom);
        }

        /// <summary>Largest request accepted and response sent.</summary>
        public int MaxMessageSize { get { return _maxMessageSize; } }

        /// <summary>Most varbinds in one GETBULK response (the size limit may stop it earlier).</summary>
        public int MaxVarbinds { get; set; }

        /// <summary>Sends authenticationFailure on a wrong community when the settings enable it (may be null).</summary>
        public SnmpTrapSender Notifier { get; set; }

        /// <summary>The buffer the last response was written to; it starts at <see cref="ResponseOffset"/>.</summary>
        public byte[] Response { get { return _response; } }

        public int ResponseOffset { get; private set; }

        /// <summary>Handles one datagram. The length of the response at Response[ResponseOffset], or 0: no answer.</summary>
        public int Process(byte[] request, int offset, int length)
        {
            _counters.Increment(SnmpCounters.InPkts);
            _settings.Refresh();
            _request = request;
            if (length > _maxMessageSize)
            {
                // Larger than this agent ever accepts (RFC 3417: then it is dropped).
                _counters.Increment(SnmpCounters.InAsnParseErrs);
                return 0;
            }

            _reader.Reset(request, offset, length);
            int messageLength;
            if (!_reader.Open(Sequence, out messageLength) || messageLength != _reader.Limit - _reader.Position)
            {
                return ParseError();
            }

            if (!_reader.ReadInt32(out _version))
            {
                return ParseError();
            }

            if (_version != SnmpVersion.V1 && _version != SnmpVersion.V2c)
            {
                _counters.Increment(SnmpCounters.InBadVersions);
                return 0;
            }

            if (!_reader.Open(SnmpType.OctetString, out _communityLength))
            {
                return ParseError();
            }

            _communityOffset = _reader.Position;
            _reader.Skip(_communityLength);

            byte pduType;
            int pduLength;
            if (!_reader.ReadHeader(out pduType, out pduLength) || pduLength != _reader.Limit - _reader.Position)
            {
                return ParseError();
            }

            if (pduType == SnmpPduType.TrapV1 && _version == SnmpVersion.V1)
            {
                // A v1 trap sent to the agent: not ours to handle.
                _counters.Increment(SnmpCounters.InTraps);
                return 0;
            }

            if (pduType < SnmpPduType.GetRequest || pduType > SnmpPduType.Report || pduType == SnmpPduType.TrapV1
                || (_version == SnmpVersion.V1 && pduType > SnmpPduType.TrapV1))
            {
                // Not a PDU of this version (GETBULK, Inform, v2 trap and Report do not exist in v1).
                return ParseError();
            }

            int first;
            int second;
            int listLength;
            if (!_reader.ReadInt32(out _requestId) || !_reader.ReadInt32(out first) || !_reader.ReadInt32(out second)
                || !_reader.Open(Sequence, out listLength) || listLength != _reader.Limit - _reader.Position)
            {
                return ParseError();
            }

            _varbindsOffset = _reader.Position;
            _varbindsLength = listLength;
            if (!ScanVarbinds())
            {
                return ParseError();
            }

            bool canWrite = SnmpSettings.CommunityMatches(request, _communityOffset, _communityLength, _settings.WriteCommunity);
            bool canRead = canWrite || SnmpSettings.CommunityMatches(request, _communityOffset, _communityLength, _settings.ReadCommunity);
            if (!canRead || _communityLength > MaxCommunityOctets)
            {
                _counters.Increment(SnmpCounters.InBadCommunityNames);
                SnmpTrapSender notifier = Notifier;
                if (notifier != null && _settings.AuthenticationTraps)
                {
                    notifier.SendAuthenticationFailure();
                }

                return 0;
            }

            switch (pduType)
            {
                case SnmpPduType.GetRequest:
                    _counters.Increment(SnmpCounters.InGetRequests);
                    return Get();
                case SnmpPduType.GetNextRequest:
                    _counters.Increment(SnmpCounters.InGetNexts);
                    return GetNext();
                case SnmpPduType.GetBulkRequest:
                    return GetBulk(first, second);
                case SnmpPduType.SetRequest:
                    _counters.Increment(SnmpCounters.InSetRequests);
                    if (!canWrite)
                    {
                        _counters.Increment(SnmpCounters.InBadCommunityUses);
                        return ErrorResponse(SnmpErrorStatus.NoAccess, _varbindCount > 0 ? 1 : 0);
                    }

                    return Set();
                case SnmpPduType.Response:
                    CountReceivedResponse(first);
                    return 0;
                case SnmpPduType.TrapV2:
                    _counters.Increment(SnmpCounters.InTraps);
                    return 0;
                default:
                    // Inform and Report: this agent is no manager.
                    return 0;
            }
        }

        private int Get()
        {
            _tree.BeginRequest();
            StartVarbinds();
            _reader.Position = _varbindsOffset;
            for (int i = 0; i < _varbindCount; i++)
            {
                byte tag;
                int valueLength;
                ReadVarbind(_name, out tag, out valueLength);
                _reader.Skip(valueLength);
                _tree.Get(_name.Arcs, _name.Length, _value);
                if (_version == SnmpVersion.V1 && (SnmpType.IsException(_value.Type) || _value.Type == SnmpType.Counter64))
                {
                    // RFC 3584 4.2.2.1: v1 has no exceptions and no Counter64.
                    return ErrorResponse(SnmpErrorStatus.NoSuchName, i + 1);
                }

                if (!Fits(_name, _value))
                {
                    return TooBig();
                }

                _writer.WriteVarbind(_name.Arcs, _name.Length, _value);
            }

            return Success(_varbindCount);
        }

        private int GetNext()
        {
            _tree.BeginRequest();
            StartVarbinds();
            _reader.Position = _varbindsOffset;
            for (int i = 0; i < _varbindCount; i++)
            {
                byte tag;
                int valueLength;
                ReadVarbind(_name, out tag, out valueLength);
                _reader.Skip(valueLength);
                OidBuffer name = Next();
                if (name == null && _version == SnmpVersion.V1)
                {
                    return ErrorResponse(SnmpErrorStatus.NoSuchName, i + 1);
                }

                if (name == null)
                {
                    name = _name;
                    _value.SetException(SnmpType.EndOfMibView);
                }

                if (!Fits(name, _value))
                {
                    return TooBig();
                }

                _writer.WriteVarbind(name.Arcs, name.Length, _value);
            }

            return Success(_varbindCount);
        }

        // RFC 3416 4.2.3: N non-repeaters once, then up to M repetitions of the R others, each repetition
        // continuing from the names of the last; cut when the response is full (any varbind may be the last).
        private int GetBulk(int nonRepeaters, int maxRepetitions)
        {
            int n = nonRepeaters < 0 ? 0 : nonRepeaters > _varbindCount ? _varbindCount : nonRepeaters;
            int m = maxRepetitions < 0 ? 0 : maxRepetitions;
            int r = _varbindCount - n;
            if (r > _repeaterAt.Length)
            {
                r = _repeaterAt.Length;
            }

            _tree.BeginRequest();
            StartVarbinds();
            _reader.Position = _varbindsOffset;
            int added = 0;
            bool full = false;
            for (int i = 0; i < n && !full; i++)
            {
                byte tag;
                int valueLength;
                ReadVarbind(_name, out tag, out valueLength);
                _reader.Skip(valueLength);
                full = !AppendNext(added);
                if (!full)
                {
                    added++;
                }
            }

            for (int repetition = 0; repetition < m && !full && r > 0; repetition++)
            {
                bool anyLeft = false;
                for (int j = 0; j < r; j++)
                {
                    if (!_repeaterEnded[j] || repetition == 0)
                    {
                        anyLeft = true;
                        break;
                    }
                }

                if (!anyLeft)
                {
                    // Every repeater is at the end of the view: more repetitions would only repeat that.
                    break;
                }

                for (int j = 0; j < r && !full; j++)
                {
                    if (repetition == 0)
                    {
                        byte tag;
                        int valueLength;
                        ReadVarbind(_name, out tag, out valueLength);
                        _reader.Skip(valueLength);
                    }
                    else
                    {
                        ReadBackName(_repeaterAt[j]);
                    }

                    int at = _writer.Position;
                    if (repetition > 0 && _repeaterEnded[j])
                    {
                        _value.SetException(SnmpType.EndOfMibView);
                        full = !Append(_name, added);
                    }
                    else
                    {
                        full = !AppendNext(added);
                        _repeaterEnded[j] = _value.Type == SnmpType.EndOfMibView;
                    }

                    if (!full)
                    {
                        _repeaterAt[j] = at;
                        added++;
                    }
                }
            }

            return Success(added);
        }

        // Two phases (RFC 3416 4.2.5): every varbind is decoded and checked before anything is written.
        private int Set()
        {
            _tree.BeginRequest();
            _reader.Position = _varbindsOffset;
            for (int i = 0; i < _varbindCount; i++)
            {
                int status = ReadSetVarbind();
                if (status == SnmpErrorStatus.NoError)
                {
                    IMibSubtree subtree = _tree.Find(_name.Arcs, _name.Length);
                    status = subtree == null ? SnmpErrorStatus.NotWritable : subtree.TestSet(_name.Arcs, _name.Length, _value);
                }

                if (status != SnmpErrorStatus.NoError)
                {
                    return ErrorResponse(status, i + 1);
                }
            }

            _reader.Position = _varbindsOffset;
            for (int i = 0; i < _varbindCount; i++)
            {
                ReadSetVarbind();
                IMibSubtree subtree = _tree.Find(_name.Arcs, _name.Length);
                int status = subtree.CommitSet(_name.Arcs, _name.Length, _value);
                if (status != SnmpErrorStatus.NoError)
                {
                    // Earlier varbinds are already applied and cannot be taken back: undoFailed, index 0.
                    return i == 0 ? ErrorResponse(SnmpErrorStatus.CommitFailed, 1) : ErrorResponse(SnmpErrorStatus.UndoFailed, 0);
                }
            }

            _counters.Add(SnmpCounters.InTotalSetVars, _varbindCount);
            return ErrorResponse(SnmpErrorStatus.NoError, 0);
        }

        // The name into _name and the value into _value; a status other than noError when the value cannot be
        // what a SET may carry.
        private int ReadSetVarbind()
        {
            byte tag;
            int length;
            ReadVarbind(_name, out tag, out length);
            int end = _reader.Position + length;
            int status = SnmpErrorStatus.NoError;
            switch (tag)
            {
                case SnmpType.Integer:
                    long signed;
                    _reader.ReadSigned(length, out signed);
                    if (signed < int.MinValue || signed > int.MaxValue)
                    {
                        status = SnmpErrorStatus.WrongValue;
                    }
                    else
                    {
                        _value.SetInteger32((int)signed);
                    }

                    break;
                case SnmpType.OctetString:
                    _value.SetOctets(_request, _reader.Position, length);
                    if (_value.Truncated)
                    {
                        status = SnmpErrorStatus.WrongLength;
                    }

                    break;
                case SnmpType.Null:
                    _value.SetNull();
                    break;
                case SnmpType.ObjectIdentifier:
                    _reader.ReadOid(length, _value.Oid);
                    _value.SetOid(_value.Oid.Arcs, _value.Oid.Length);
                    break;
                case SnmpType.IpAddress:
                    // Four octets in network order (an OCTET STRING underneath, not an INTEGER).
                    int at = _reader.Position;
                    _value.SetIpAddress(((uint)_request[at] << 24) | ((uint)_request[at + 1] << 16) | ((uint)_request[at + 2] << 8) | _request[at + 3]);
                    break;
                case SnmpType.Counter32:
                case SnmpType.Gauge32:
                case SnmpType.TimeTicks:
                    ulong unsigned;
                    _reader.ReadUnsigned(length, out unsigned);
                    if (tag == SnmpType.Counter32)
                    {
                        _value.SetCounter32((uint)unsigned);
                    }
                    else if (tag == SnmpType.Gauge32)
                    {
                        _value.SetGauge32((uint)unsigned);
                    }
                    else
                    {
                        _value.SetTimeTicks((uint)unsigned);
                    }

                    break;
                case SnmpType.Counter64:
                    ulong wide;
                    _reader.ReadUnsigned(length, out wide);
                    _value.SetCounter64(wide);
                    status = _version == SnmpVersion.V1 ? SnmpErrorStatus.BadValue : SnmpErrorStatus.NoError;
                    break;
                default:
                    // Opaque (no object of ours has that syntax) and the exceptions, which only responses carry.
                    status = SnmpErrorStatus.WrongType;
                    break;
            }

            _reader.Position = end;
            return status;
        }

        // GETNEXT of _name: the name found (_next) with its value in _value, or null at the end of the view.
        // v1 skips Counter64 objects (RFC 3584 4.2.2.1).
        private OidBuffer Next()
        {
            bool found = _tree.GetNext(_name.Arcs, _name.Length, _next, _value);
            while (found && _version == SnmpVersion.V1 && (_value.Type == SnmpType.Counter64 || SnmpType.IsException(_value.Type)))
            {
                _name.Set(_next.Arcs, _next.Length);
                found = _tree.GetNext(_name.Arcs, _name.Length, _next, _value);
            }

            return found ? _next : null;
        }

        // GETNEXT of _name appended to the bulk response (endOfMibView under _name at the end); false when full.
        private bool AppendNext(int added)
        {
            OidBuffer name = Next();
            if (name == null)
            {
                name = _name;
                _value.SetException(SnmpType.EndOfMibView);
            }

            return Append(name, added);
        }

        private bool Append(OidBuffer name, int added)
        {
            if (added >= MaxVarbinds)
            {
                return false;
            }

            int size = BerWriter.VarbindLength(name.Arcs, name.Length, _value);
            if (ResponseLength(_writer.Position - HeaderRoom + size, 0, 0) > _maxMessageSize)
            {
                return false;
            }

            _writer.WriteVarbind(name.Arcs, name.Length, _value);
            return true;
        }

        // The name of a varbind already written to the response, back into _name (a bulk repeater's last name).
        private void ReadBackName(int at)
        {
            _echo.Reset(_response, at, _response.Length - at);
            int length;
            _echo.Open(Sequence, out length);
            _echo.Open(SnmpType.ObjectIdentifier, out length);
            _echo.ReadOid(length, _name);
        }

        private bool Fits(OidBuffer name, SnmpValue value)
        {
            return _writer.Position + BerWriter.VarbindLength(name.Arcs, name.Length, value) <= _response.Length;
        }

        private void StartVarbinds()
        {
            _writer.Reset(_response, HeaderRoom);
        }

        // Name and value header of the next varbind of the request (already validated by ScanVarbinds).
        private void ReadVarbind(OidBuffer name, out byte tag, out int valueLength)
        {
            int length;
            _reader.Open(Sequence, out length);
            _reader.Open(SnmpType.ObjectIdentifier, out length);
            _reader.ReadOid(length, name);
            _reader.ReadHeader(out tag, out valueLength);
        }

        // Checks every varbind of the request (structure, OIDs, value encodings) and counts them, so the
        // operations after it never meet malformed input halfway.
        private bool ScanVarbinds()
        {
            int end = _varbindsOffset + _varbindsLength;
            int count = 0;
            while (_reader.Position < end)
            {
                int length;
                if (!_reader.Open(Sequence, out length))
                {
                    return false;
                }

                int varbindEnd = _reader.Position + length;
                _reader.Limit = varbindEnd;
                byte tag;
                int valueLength;
                if (!_reader.Open(SnmpType.ObjectIdentifier, out length) || !_reader.ReadOid(length, _name)
                    || !_reader.ReadHeader(out tag, out valueLength) || !ValidValue(tag, valueLength)
                    || _reader.Position != varbindEnd)
                {
                    return false;
                }

                _reader.Limit = end;
                count++;
            }

            _varbindCount = count;
            return true;
        }

        private bool ValidValue(byte tag, int length)
        {
            switch (tag)
            {
                case SnmpType.Integer:
                    long signed;
                    return _reader.ReadSigned(length, out signed);
                case SnmpType.OctetString:
                case SnmpType.Opaque:
                    _reader.Skip(length);
                    return true;
                case SnmpType.ObjectIdentifier:
                    return _reader.ReadOid(length, _next);
                case SnmpType.IpAddress:
                    _reader.Skip(length);
                    return length == 4;
                case SnmpType.Counter32:
                case SnmpType.Gauge32:
                case SnmpType.TimeTicks:
                    ulong small;
                    return _reader.ReadUnsigned(length, out small) && small <= uint.MaxValue;
                case SnmpType.Counter64:
                    ulong wide;
                    return _reader.ReadUnsigned(length, out wide);
                case SnmpType.Null:
                case SnmpType.NoSuchObject:
                case SnmpType.NoSuchInstance:
                case SnmpType.EndOfMibView:
                    return length == 0;
                default:
                    return false;
            }
        }

        private int Success(int varbinds)
        {
            int length = Finish(SnmpErrorStatus.NoError, 0);
            if (length == 0)
            {
                return TooBig();
            }

            _counters.Add(SnmpCounters.InTotalReqVars, varbinds);
            return Sent(length, SnmpErrorStatus.NoError);
        }

        // An answer carrying the request's own varbinds (SET results, errors); v2c codes mapped for v1.
        private int ErrorResponse(int status, int index)
        {
            if (_version == SnmpVersion.V1)
            {
                status = V1Status(status);
            }

            StartVarbinds();
            if (_varbindsLength > _response.Length - HeaderRoom)
            {
                return TooBig();
            }

            _writer.WriteRaw(_request, _varbindsOffset, _varbindsLength);
            int length = Finish(status, index);
            if (length == 0)
            {
                return TooBig();
            }

            return Sent(length, status);
        }

        // RFC 3416 4.2.1: tooBig with no varbinds (v1, RFC 1157 4.1.2: the request's varbinds); when even
        // that does not fit, nothing is sent and snmpSilentDrops counts it.
        private int TooBig()
        {
            StartVarbinds();
            int length = 0;
            if (_version == SnmpVersion.V1 && _varbindsLength <= _response.Length - HeaderRoom)
            {
                _writer.WriteRaw(_request, _varbindsOffset, _varbindsLength);
                length = Finish(SnmpErrorStatus.TooBig, 0);
            }
            else if (_version != SnmpVersion.V1)
            {
                length = Finish(SnmpErrorStatus.TooBig, 0);
            }

            if (length == 0)
            {
                _counters.Increment(SnmpCounters.SilentDrops);
                return 0;
            }

            return Sent(length, SnmpErrorStatus.TooBig);
        }

        private int Sent(int length, int status)
        {
            _counters.Increment(SnmpCounters.OutPkts);
            _counters.Increment(SnmpCounters.OutGetResponses);
            if (status != SnmpErrorStatus.ReadOnly)
            {
                // RFC 3418 dropped snmpOutReadOnlys: an agent never sends readOnly.
                _counters.CountErrorStatus(SnmpCounters.OutTooBigs, status);
            }

            return length;
        }

        // Writes the message and PDU headers just before the varbinds now in the buffer; 0 when too big.
        private int Finish(int status, int index)
        {
            int varbinds = _writer.Position - HeaderRoom;
            int total = ResponseLength(varbinds, status, index);
            if (total > _maxMessageSize)
            {
                return 0;
            }

            int start = HeaderRoom + varbinds - total;
            int pduContent = PduContentLength(varbinds, status, index);
            _writer.Position = start;
            _writer.WriteHeader(Sequence, MessageContentLength(pduContent));
            _writer.WriteInteger(_version);
            _writer.WriteOctets(SnmpType.OctetString, _request, _communityOffset, _communityLength);
            _writer.WriteHeader(SnmpPduType.Response, pduContent);
            _writer.WriteInteger(_requestId);
            _writer.WriteInteger(status);
            _writer.WriteInteger(index);
            _writer.WriteHeader(Sequence, varbinds);
            ResponseOffset = start;
            return total;
        }

        private int ResponseLength(int varbinds, int status, int index)
        {
            return BerWriter.ElementLength(MessageContentLength(PduContentLength(varbinds, status, index)));
        }

        private int PduContentLength(int varbinds, int status, int index)
        {
            return BerWriter.ElementLength(BerWriter.SignedLength(_requestId)) + BerWriter.ElementLength(BerWriter.SignedLength(status))
                + BerWriter.ElementLength(BerWriter.SignedLength(index)) + BerWriter.ElementLength(varbinds);
        }

        private int MessageContentLength(int pduContent)
        {
            return 3 + BerWriter.ElementLength(_communityLength) + BerWriter.ElementLength(pduContent);
        }

        private int ParseError()
        {
            _counters.Increment(SnmpCounters.InAsnParseErrs);
            return 0;
        }

        private void CountReceivedResponse(int status)
        {
            _counters.Increment(SnmpCounters.InGetResponses);
            _counters.CountErrorStatus(SnmpCounters.InTooBigs, status);
        }

        /// <summary>RFC 3584 4.3: the v1 error-status for a v2 one.</summary>
        public static int V1Status(int status)
        {
            switch (status)
            {
                case SnmpErrorStatus.WrongValue:
                case SnmpErrorStatus.WrongEncoding:
                case SnmpErrorStatus.WrongType:
                case SnmpErrorStatus.WrongLength:
                case SnmpErrorStatus.InconsistentValue:
                    return SnmpErrorStatus.BadValue;
                case SnmpErrorStatus.NoAccess:
                case SnmpErrorStatus.NotWritable:
                case SnmpErrorStatus.NoCreation:
                case SnmpErrorStatus.InconsistentName:
                case SnmpErrorStatus.AuthorizationError:
                    return SnmpErrorStatus.NoSuchName;
                case SnmpErrorStatus.ResourceUnavailable:
                case SnmpErrorStatus.CommitFailed:
                case SnmpErrorStatus.UndoFailed:
                    return SnmpErrorStatus.GenErr;
                default:
                    return status;
            }
        }
    }
}
