using Ipenergy.Probe.Bus;

namespace Ipenergy.Probe.Protocols.Modbus
{
    /// <summary>
    /// The gateway's answer for a Modbus-TCP request whose unit id is a bus address: read from the
    /// <see cref="ModuleCache"/> the poller fills, never from the bus (no bus traffic per TCP request,
    /// nothing allocated). FC 03 and 04 read the same cached registers (the vendor map answers both
    /// alike); a module offline or never seen answers 0B (gateway target failed to respond), registers
    /// outside the cached ranges 02, writes and other function codes 01 (not forwarded yet).
    /// </summary>
    public sealed class ModbusGatewayRouter
    {
        private readonly ModuleCache _cache;

        public ModbusGatewayRouter(ModuleCache cache)
        {
            _cache = cache;
        }

        public ModuleCache Cache
        {
            get { return _cache; }
        }

        /// <summary>Same contract as <see cref="ModbusPduProcessor.Process"/> for a unit that is a bus address.</summary>
        public int Process(int unitId, byte[] request, int offset, int length, byte[] response, int responseOffset)
        {
            if (length < 1)
            {
                return 0;
            }

            int function = request[offset];
            if (function != ModbusFunctionCode.ReadHoldingRegisters && function != ModbusFunctionCode.ReadInputRegisters)
            {
                return ModbusPduProcessor.Exception(function, ModbusExceptionCode.IllegalFunction, response, responseOffset);
            }

            if (length != 5)
            {
                return ModbusPduProcessor.Exception(function, ModbusExceptionCode.IllegalDataValue, response, responseOffset);
            }

            int start = (request[offset + 1] << 8) | request[offset + 2];
            int quantity = (request[offset + 3] << 8) | request[offset + 4];
            if (quantity < 1 || quantity > ModbusPduProcessor.MaxReadQuantity)
            {
                return ModbusPduProcessor.Exception(function, ModbusExceptionCode.IllegalDataValue, response, responseOffset);
            }

            if (!_cache.IsOnline(unitId))
            {
                return ModbusPduProcessor.Exception(function, ModbusExceptionCode.GatewayTargetFailedToRespond, response, responseOffset);
            }

            // The cache holds the holding space; 04 reads the same registers on the vendor map.
            int code = _cache.ReadRegisters(unitId, true, start, quantity, response, responseOffset + 2);
            if (code == ModuleCache.NotCached)
            {
                return ModbusPduProcessor.Exception(function, ModbusExceptionCode.IllegalDataAddress, response, responseOffset);
            }

            if (code != ModuleCache.Ok)
            {
                return ModbusPduProcessor.Exception(function, ModbusExceptionCode.GatewayTargetFailedToRespond, response, responseOffset);
            }

            response[responseOffset] = (byte)function;
            response[responseOffset + 1] = (byte)(2 * quantity);
            return 2 + 2 * quantity;
        }
    }
}
