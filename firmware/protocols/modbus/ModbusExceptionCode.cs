namespace Ipenergy.Probe.Protocols.Modbus
{
    /// <summary>Exception codes of the Modbus application protocol v1.1b3 (section 7) that this server answers.</summary>
    public static class ModbusExceptionCode
    {
        public const int None = 0;
        public const int IllegalFunction = 0x01;
        public const int IllegalDataAddress = 0x02;
        public const int IllegalDataValue = 0x03;
        public const int ServerDeviceFailure = 0x04;

        /// <summary>A gateway found no answer from the addressed unit (here: any unit id other than this module's).</summary>
        public const int GatewayTargetFailedToRespond = 0x0B;
    }
}
