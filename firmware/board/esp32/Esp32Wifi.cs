using System.Device.Wifi;
using System.Diagnostics;

namespace Ipenergy.Probe.Board.Esp32
{
    /// <summary>
    /// Wi-Fi for ESP32 boards without Ethernet. With an SSID here the station connects to it (and reconnects by itself);
    /// with none, the nanoCLR's stored Wi-Fi profile is used (Visual Studio: Device Explorer, Network configuration).
    /// The configuration's network section then sets DHCP or the static address as on Ethernet.
    /// </summary>
    public static class Esp32Wifi
    {
        /// <summary>Network name; "" = use the profile stored in the device.</summary>
        public const string Ssid = "";

        /// <summary>Its passphrase.</summary>
        public const string Password = "";

        /// <summary>Connects the first Wi-Fi adapter when an SSID is set; returns false when that failed.</summary>
        public static bool Connect(string hostname)
        {
            WifiAdapter[] adapters = WifiAdapter.FindAllAdapters();
            if (adapters.Length == 0)
            {
                Debug.WriteLine("wifi: no adapter");
                return false;
            }

            WifiAdapter wifi = adapters[0];
            wifi.SetDeviceName(hostname);
            if (Ssid.Length == 0)
            {
                return true;
            }

            WifiConnectionResult result = wifi.Connect(Ssid, WifiReconnectionKind.Automatic, Password);
            bool ok = result.ConnectionStatus == WifiConnectionStatus.Success;
            if (!ok)
            {
                Debug.WriteLine("wifi: connection to " + Ssid + " failed (status " + ((int)result.ConnectionStatus).ToString() + ")");
            }

            return ok;
        }
    }
}
