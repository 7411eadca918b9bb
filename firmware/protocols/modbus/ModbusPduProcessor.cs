using System;

namespace Ipenergy.Probe.Protocols.Modbus
{
    /// <summary>
    /// Answers one Modbus request PDU (function code + data) over an <see cref="IRegisterMap"/>, apart
    /// from any framing, so Modbus-TCP (MBAP) and later RS-485 RTU share it. Checks follow the order of
    /// the Modbus application protocol v1.1b3 state diagrams: function code (01), then quantity and
    /// request shape (03), then address range (02, from the map), then execution (04 or the map's code).
    /// Allocates nothing. Not thread-safe only in that the map must tolerate concurrent calls; the
    /// processor itself keeps no state per request.
    /// </summary>
    public sealed class ModbusPduProcessor
    {
        /// <summary>Unit id of this module on its own TCP port or bus segment.</summary>
        public const int ThisUnit = 1;

        /// <summary>Unit id Modbus-TCP clients use for "the device at this address" (v1.1b3 / MBAP guide).</summary>
        public const int DirectUnit = 255;

        /// <summary>Largest PDU (function code + data), 253 bytes.</summary>
        public const int MaxPduLength = 253;

        /// <summary>Registers one read may ask for (03/04).</summary>
        public const int MaxReadQuantity = 125;

        /// <summary>Registers one write multiple may carry (16).</summary>
        public const int MaxWriteQuantity = 123;

        private const int AddressSpace = 65536;

        private readonly ModbusDeviceIdentification _identification;
        private IRegisterMap _map;
        private int _unitId;
        private bool _writesEnabled;
        private ModbusGatewayRouter _gateway;

        public ModbusPduProcessor(IRegisterMap map, ModbusDeviceIdentification identification)
        {
            _map = map;
            _identification = identification;
            _unitId = ThisUnit;
            _writesEnabled = true;
        }

        /// <summary>
        /// The register space answered. Replaced whole when the configuration changes (circuits lay out the
        /// SunSpec chain); a request already running finishes on the map it started with.
        /// </summary>
        public IRegisterMap Map
        {
            get { return _map; }
            set { _map = value; }
        }

        /// <summary>Unit id this module answers besides 255 (configuration modbus.unitId, 1 by default).</summary>
        public int UnitId
        {
            get { return _unitId; }
            set { _unitId = value; }
        }

        /// <summary>
        /// On a bus gateway: requests for any other unit id than this module's (and 255) are answered from
        /// the polled modules' cache; null (default) answers them 0B.
        /// </summary>
        public ModbusGatewayRouter Gateway
        {
            get { return _gateway; }
            set { _gateway = value; }
        }

        /// <summary>
        /// False: 06 and 16 answer exception 01 ("not an allowable action for the server in its present
        /// state", v1.1b3), because Modbus carries no authentication (configuration modbus.writesUnlocked).
        /// </summary>
        public bool WritesEnabled
        {
            get { return _writesEnabled; }
            set { _writesEnabled = value; }
        }

        /// <summary>
        /// Answers the request PDU request[offset, offset + length) addressed to <paramref name="unitId"/>,
        /// writing the response PDU at response[responseOffset] (room for <see cref="MaxPduLength"/> bytes).
        /// Returns the response PDU length, or 0 when there is nothing to answer (an empty PDU).
        /// </summary>
        public int Process(int unitId, byte[] request, int offset, int length, byte[] response, int responseOffset)
        {
            if (length < 1)
            {
                return 0;
            }

            int function = request[offset];
            IRegisterMap map = _map;
            if (unitId != _unitId && unitId != DirectUnit)
            {
                ModbusGatewayRouter gateway = _gateway;
                if (gateway != null)
                {
                    return gateway.Process(unitId, request, offset, length, response, responseOffset);
                }

                return Exception(function, ModbusExceptionCode.GatewayTargetFailedToRespond, response, responseOffset);
            }

            int code;
            int written = 0;
            try
            {
                switch (function)
                {
                    case ModbusFunctionCode.ReadHoldingRegisters:
                    case ModbusFunctionCode.ReadInputRegisters:
                        code = ReadRegisters(map, function == ModbusFunctionCode.ReadHoldingRegisters, request, offset, length, response, responseOffset);
                        if (code == ModbusExceptionCode.None)
                        {
                            written = 2 + 2 * ReadUInt16(request, offset + 3);
                        }

                        break;
                    case ModbusFunctionCode.WriteSingleRegister:
                        code = _writesEnabled ? WriteSingle(map, request, offset, length) : ModbusExceptionCode.IllegalFunction;
                        if (code == ModbusExceptionCode.None)
                        {
                            Array.Copy(request, offset, response, responseOffset, 5);
                            written = 5;
                        }

                        break;
                    case ModbusFunctionCode.WriteMultipleRegisters:
                        code = _writesEnabled ? WriteMultiple(map, request, offset, length) : ModbusExceptionCode.IllegalFunction;
                        if (code == ModbusExceptionCode.None)
                        {
                            Array.Copy(request, offset, response, responseOffset, 5);
                            written = 5;
                        }

                        break;
                    case ModbusFunctionCode.EncapsulatedInterface:
                        written = ReadDeviceIdentification(request, offset, length, response, responseOffset);
                        code = written < 0 ? -written : ModbusExceptionCode.None;
                        break;
                    default:
                        code = ModbusExceptionCode.IllegalFunction;
                        break;
                }
            }
            catch (Exception)
            {
                // A map that throws is a device failure, never a dropped connection.
                code = ModbusExceptionCode.ServerDeviceFailure;
            }

            if (code != ModbusExceptionCode.None)
            {
                return Exception(function, code, response, responseOffset);
            }

            return written;
        }

        // 03/04: start(2) quantity(2) -> byte count(1) + registers.
        private static int ReadRegisters(IRegisterMap map, bool holding, byte[] request, int offset, int length, byte[] response, int responseOffset)
        {
            if (length != 5)
            {
                return ModbusExceptionCode.IllegalDataValue;
            }

            int start = ReadUInt16(request, offset + 1);
            int quantity = ReadUInt16(request, offset + 3);
            if (quantity < 1 || quantity > MaxReadQuantity)
            {
                return ModbusExceptionCode.IllegalDataValue;
            }

            if (start + quantity > AddressSpace)
            {
                return ModbusExceptionCode.IllegalDataAddress;
            }

            int code = map.Read(holding, start, quantity, response, responseOffset + 2);
            if (code != ModbusExceptionCode.None)
            {
                return MapCode(code);
            }

            response[responseOffset] = request[offset];
            response[responseOffset + 1] = (byte)(2 * quantity);
            return ModbusExceptionCode.None;
        }

        // 06: address(2) value(2); every 16-bit value is a legal value for the protocol, the map judges.
        private static int WriteSingle(IRegisterMap map, byte[] request, int offset, int length)
        {
            if (length != 5)
            {
                return ModbusExceptionCode.IllegalDataValue;
            }

            return MapCode(map.Write(ReadUInt16(request, offset + 1), 1, request, offset + 3));
        }

        // 16: start(2) quantity(2) byte count(1) values(2N).
        private static int WriteMultiple(IRegisterMap map, byte[] request, int offset, int length)
        {
            if (length < 6)
            {
                return ModbusExceptionCode.IllegalDataValue;
            }

            int start = ReadUInt16(request, offset + 1);
            int quantity = ReadUInt16(request, offset + 3);
            int byteCount = request[offset + 5];
            if (quantity < 1 || quantity > MaxWriteQuantity || byteCount != 2 * quantity || length != 6 + byteCount)
            {
                return ModbusExceptionCode.IllegalDataValue;
            }

            if (start + quantity > AddressSpace)
            {
                return ModbusExceptionCode.IllegalDataAddress;
            }

            return MapCode(map.Write(start, quantity, request, offset + 6));
        }

        // 43/14: MEI(1) ReadDevIdCode(1) ObjectId(1). Returns the response length, or minus the exception code.
        private int ReadDeviceIdentification(byte[] request, int offset, int length, byte[] response, int responseOffset)
        {
            if (length < 2 || request[offset + 1] != ModbusFunctionCode.MeiReadDeviceIdentification)
            {
                // Other MEI types (e.g. 13, CANopen) are not implemented here.
                return length < 2 ? -ModbusExceptionCode.IllegalDataValue : -ModbusExceptionCode.IllegalFunction;
            }

            if (length != 4)
            {
                return -ModbusExceptionCode.IllegalDataValue;
            }

            int readCode = request[offset + 2];
            int objectId = request[offset + 3];
            if (readCode < 1 || readCode > 4)
            {
                return -ModbusExceptionCode.IllegalDataValue;
            }

            int first;
            int last;
            if (readCode == 4)
            {
                // Individual access: an unknown object is an address error.
                if (objectId >= ModbusDeviceIdentification.ObjectCount)
                {
                    return -ModbusExceptionCode.IllegalDataAddress;
                }

                first = objectId;
                last = objectId;
            }
            else
            {
                // Stream access (basic; regular and extended include basic, and basic is all there is).
                // An unknown starting object restarts at 0 as the specification asks.
                first = objectId < ModbusDeviceIdentification.ObjectCount ? objectId : 0;
                last = ModbusDeviceIdentification.ObjectCount - 1;
            }

            int p = responseOffset;
            response[p++] = ModbusFunctionCode.EncapsulatedInterface;
            response[p++] = ModbusFunctionCode.MeiReadDeviceIdentification;
            response[p++] = (byte)readCode;
            response[p++] = ModbusDeviceIdentification.ConformityLevel;
            response[p++] = 0; // more follows: no, all objects fit one response
            response[p++] = 0; // next object id
            response[p++] = (byte)(last - first + 1);
            for (int id = first; id <= last; id++)
            {
                byte[] value = _identification.Object(id);
                response[p++] = (byte)id;
                response[p++] = (byte)value.Length;
                Array.Copy(value, 0, response, p, value.Length);
                p += value.Length;
            }

            return p - responseOffset;
        }

        // The map speaks the same codes; anything else it returns counts as a device failure.
        private static int MapCode(int code)
        {
            if (code == ModbusExceptionCode.None || code == ModbusExceptionCode.IllegalDataAddress ||
                code == ModbusExceptionCode.IllegalDataValue || code == ModbusExceptionCode.ServerDeviceFailure)
            {
                return code;
            }

            return ModbusExceptionCode.ServerDeviceFailure;
        }

        internal static int Exception(int function, int code, byte[] response, int responseOffset)
        {
            response[responseOffset] = (byte)((function | ModbusFunctionCode.ExceptionFlag) & 0xFF);
            response[responseOffset + 1] = (byte)code;
            return 2;
        }

        private static int ReadUInt16(byte[] buffer, int offset)
        {
            return (buffer[offset] << 8) | buffer[offset + 1];
        }
    }
}
