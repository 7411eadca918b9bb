namespace Ipenergy.Probe.Protocols.Modbus
{
    /// <summary>The function codes this server implements (Modbus application protocol v1.1b3, section 6).</summary>
    public static class ModbusFunctionCode
    {
        public const int ReadHoldingRegisters = 0x03;
        public const int ReadInputRegisters = 0x04;
        public const int WriteSingleRegister = 0x06;
        public const int WriteMultipleRegisters = 0x10;

        /// <summary>Encapsulated interface transport; with MEI type 0x0E it reads the device identification.</summary>
        public const int EncapsulatedInterface = 0x2B;

        public const int MeiReadDeviceIdentification = 0x0E;

        /// <summary>Added to the function code of a response that carries an exception code.</summary>
        public const int ExceptionFlag = 0x80;
    }
}
