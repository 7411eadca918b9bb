using System.Net.NetworkInformation;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Board
{
    /// <summary>What a board's Program has built from its pin map, handed to <see cref="BoardProgram.Run"/>.</summary>
    public sealed class BoardParts
    {
        /// <summary>CT channels of the model: 3 (MPP3) or 18 (MPP18).</summary>
        public int ChannelCount { get; set; }

        /// <summary>The metering ICs in channel order (one per 3 channels); null when the ADC source meters.</summary>
        public ISpiDevice[] MeteringChips { get; set; }

        /// <summary>The managed ADC source (bare development board); null with metering ICs.</summary>
        public ISampleSource Samples { get; set; }

        public IDisplay Display { get; set; }

        public IKeypad Keypad { get; set; }

        /// <summary>The RS-485 port; null: no bus.</summary>
        public ISerialPort BusPort { get; set; }

        /// <summary>The interface the servers use (Ethernet, or Wi-Fi on ESP32 boards without it); null: none found.</summary>
        public NetworkInterface Interface { get; set; }

        /// <summary>From the chip's unique ID or the MAC address, up to 32 characters.</summary>
        public string SerialNumber { get; set; }

        public IRandomSource RandomSource { get; set; }

        /// <summary>Sectors of the history partition the board asks for (2 MiB = 512; cut to fit the drive).</summary>
        public int HistorySectors { get; set; }
    }
}
