using System;
using System.Device.Adc;
using System.Device.Gpio;
using System.Diagnostics;
using System.Net.NetworkInformation;
using System.Threading;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Hal;
using nanoFramework.Hardware.Esp32;

namespace Ipenergy.Probe.Board.Esp32
{
    /// <summary>
    /// The e-Probe MPP3 on an Olimex ESP32-POE-ISO (nanoff target ESP32_OLIMEX): one ATM90E32AS for CT channels 1-3,
    /// the ST7565R panel and four buttons, RS-485 on UART2, Ethernet (Wi-Fi when the board has no Ethernet PHY).
    /// The model is a constant: this board has pins for one metering IC only (docs/boards/esp32.md).
    /// </summary>
    public static class Program
    {
        /// <summary>CT channels: MPP3 (one ATM90E32AS). An MPP18 needs the STM32 board.</summary>
        public const int ChannelCount = 3;

        /// <summary>
        /// False on a bare development board without the carrier: the firmware meters from the ESP32's own ADC in a
        /// managed loop at <see cref="BoardProgram.DevelopmentSampleRateHz"/> (no panel, no bus: their pins are the ADC inputs then).
        /// </summary>
        public static readonly bool MeteringIcFitted = true;

        public static void Main()
        {
            Debug.WriteLine("e-Probe ESP32 board starting");
            GpioController gpio = new GpioController();
            BoardParts parts = new BoardParts();
            parts.ChannelCount = ChannelCount;
            parts.HistorySectors = BoardProgram.HistorySectors;
            parts.Interface = BringUpInterface();
            byte[] mac = parts.Interface == null ? new byte[0] : parts.Interface.PhysicalAddress;
            parts.SerialNumber = "IPE3-" + HexText.From(mac, 0, mac.Length).ToUpper();
            parts.RandomSource = new BoardRandomSource(mac);

            if (MeteringIcFitted)
            {
                RoutePins();
                BoardSpiBus spi = new BoardSpiBus(Esp32Pins.SpiBus);
                parts.MeteringChips = new ISpiDevice[] { spi.Device(gpio, Esp32Pins.MeterChipSelect) };
                parts.Display = PanelParts.OpenDisplay(spi, gpio, Esp32Pins.LcdChipSelect, Esp32Pins.LcdA0, Esp32Pins.LcdReset, Esp32Pins.LcdBacklight);
                parts.Keypad = PanelParts.OpenKeypad(gpio, Esp32Pins.KeyUp, Esp32Pins.KeyDown, Esp32Pins.KeyEnter, Esp32Pins.KeyBack);
                parts.BusPort = OpenBus();
            }
            else
            {
                parts.Samples = new ManagedAdcSampleSource(new AdcController(), Esp32Pins.DevelopmentAdcVoltages,
                    Esp32Pins.DevelopmentAdcCurrents, BoardProgram.DevelopmentSampleRateHz, BoardProgram.DevelopmentVoltageFullScalePeak);
            }

            BoardProgram.Run(parts);
            Thread.Sleep(Timeout.Infinite);
        }

        // The bus is optional like the panel (PanelParts): a port that fails to open is logged and left out.
        private static ISerialPort OpenBus()
        {
            try
            {
                return new Rs485SerialPort(Esp32Pins.BusPortName);
            }
            catch (Exception e)
            {
                Debug.WriteLine("bus: " + Esp32Pins.BusPortName + " unavailable: " + e.Message);
                return null;
            }
        }

        // The ESP32 routes SPI and UART signals to any pin through its GPIO matrix: set before the devices open.
        private static void RoutePins()
        {
            Configuration.SetPinFunction(Esp32Pins.SpiClock, DeviceFunction.SPI1_CLOCK);
            Configuration.SetPinFunction(Esp32Pins.SpiMosi, DeviceFunction.SPI1_MOSI);
            Configuration.SetPinFunction(Esp32Pins.SpiMiso, DeviceFunction.SPI1_MISO);
            Configuration.SetPinFunction(Esp32Pins.BusTx, DeviceFunction.COM2_TX);
            Configuration.SetPinFunction(Esp32Pins.BusRx, DeviceFunction.COM2_RX);
            Configuration.SetPinFunction(Esp32Pins.BusDriverEnable, DeviceFunction.COM2_RTS);
        }

        // Ethernet when the board has it (the ESP32-POE-ISO does); otherwise the Wi-Fi station.
        private static NetworkInterface BringUpInterface()
        {
            NetworkInterface ethernet = NetworkStarter.Find(NetworkInterfaceType.Ethernet);
            if (ethernet != null)
            {
                return ethernet;
            }

            NetworkInterface wifi = NetworkStarter.Find(NetworkInterfaceType.Wireless80211);
            if (wifi != null)
            {
                Esp32Wifi.Connect("e-probe");
            }

            return wifi;
        }
    }
}
