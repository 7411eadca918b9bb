namespace Ipenergy.Probe.Hal
{
    /// <summary>Who the device is (the board knows its serial number): what SunSpec model 1, Modbus device
    /// identification, the SNMP system group and ENTITY-MIB report.</summary>
    public sealed class DeviceIdentity
    {
        public const string VendorName = "IPenergy";

        /// <param name="model">"MPP3" or "MPP18" (see ModelForChannels).</param>
        /// <param name="options">Free text, up to 16 characters (e.g. the hardware revision); "" for none.</param>
        /// <param name="firmwareVersion">Up to 16 characters.</param>
        /// <param name="serialNumber">Up to 32 characters.</param>
        public DeviceIdentity(string model, string options, string firmwareVersion, string serialNumber)
        {
            Manufacturer = VendorName;
            Model = model;
            Options = options;
            FirmwareVersion = firmwareVersion;
            SerialNumber = serialNumber;
        }

        public string Manufacturer { get; private set; }

        public string Model { get; private set; }

        public string Options { get; private set; }

        public string FirmwareVersion { get; private set; }

        public string SerialNumber { get; private set; }

        /// <summary>The product name for a board with this many CT channels.</summary>
        public static string ModelForChannels(int channelCount)
        {
            return channelCount > 3 ? "MPP18" : "MPP3";
        }
    }
}
