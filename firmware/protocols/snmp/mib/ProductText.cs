using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>How the device names itself in the system group and ENTITY-MIB (one wording for both).</summary>
    public static class ProductText
    {
        /// <summary>"IPenergy Modul'Power e-Probe MPP3".</summary>
        public static string ProductName(DeviceIdentity identity)
        {
            return identity.Manufacturer + " Modul'Power e-Probe " + identity.Model;
        }

        /// <summary>sysDescr: "IPenergy Modul'Power e-Probe MPP3, firmware 0.5.0, 3 channels".</summary>
        public static string SystemDescription(DeviceIdentity identity, int channelCount)
        {
            return ProductName(identity) + ", firmware " + identity.FirmwareVersion + ", "
                + channelCount.ToString() + (channelCount == 1 ? " channel" : " channels");
        }

        /// <summary>sysObjectID and the chassis' entPhysicalVendorType: the product's registration.</summary>
        public static uint[] ProductOid(DeviceIdentity identity)
        {
            return identity.Model == "MPP18" ? EprobeOids.ProductMpp18 : EprobeOids.ProductMpp3;
        }
    }
}
