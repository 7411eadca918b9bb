namespace Ipenergy.Probe.Protocols.Modbus.Maps
{
    /// <summary>Value types of the vendor and configuration maps (multi-register values big-endian word order).</summary>
    public static class VendorRegisterType
    {
        public const int UInt16 = 0;
        public const int UInt32 = 1;
        public const int Int64 = 2;
        public const int Float32 = 3;

        /// <summary>ASCII text, 2 characters a register (first in the high byte), NUL padded; length per field.</summary>
        public const int Text = 4;

        /// <summary>Registers taken by a value of this type (a Text field gives its own: VendorField.Registers).</summary>
        public static int Size(int type)
        {
            switch (type)
            {
                case UInt32: return 2;
                case Int64: return 4;
                case Float32: return 2;
                default: return 1;
            }
        }

        /// <summary>The name in the register map documents (not Enum.ToString: the device prints numbers).</summary>
        public static string Name(int type)
        {
            switch (type)
            {
                case UInt32: return "uint32";
                case Int64: return "int64";
                case Float32: return "float32";
                case Text: return "string";
                default: return "uint16";
            }
        }
    }
}
