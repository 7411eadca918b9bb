namespace Ipenergy.Probe.Protocols.Modbus.Maps
{
    /// <summary>One value of a vendor map record: where it sits, its type and what it means.</summary>
    public sealed class VendorField
    {
        public VendorField(int offset, int type, int quantity, string name, string unit, string description)
            : this(offset, type, quantity, name, unit, description, VendorRegisterType.Size(type))
        {
        }

        /// <param name="registers">Registers taken (a Text field's length / 2).</param>
        public VendorField(int offset, int type, int quantity, string name, string unit, string description, int registers)
        {
            Registers = registers;
            Offset = offset;
            Type = type;
            Quantity = quantity;
            Name = name;
            Unit = unit;
            Description = description;
        }

        /// <summary>Registers from the start of the record.</summary>
        public int Offset { get; private set; }

        /// <summary>Registers the value takes.</summary>
        public int Registers { get; private set; }

        /// <summary>VendorRegisterType value.</summary>
        public int Type { get; private set; }

        /// <summary>VendorQuantity value: which measurement fills it.</summary>
        public int Quantity { get; private set; }

        public string Name { get; private set; }

        public string Unit { get; private set; }

        public string Description { get; private set; }
    }
}
