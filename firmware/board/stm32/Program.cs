using System;
using System.Device.Adc;
using System.Device.Gpio;
using System.Diagnostics;
using System.Net.NetworkInformation;
using System.Threading;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Hal;
using nanoFramework.Hardware.Stm32;

namespace Ipenergy.Probe.Board.Stm32
{
    /// <summary>
    /// The e-Probe on an STM32F769I-DISCO (nanoff target ST_STM32F769I_DISCOVERY): MPP18 (six ATM90E32AS) or MPP3
    /// (one) as the model strap says, the ST7565R panel and four buttons, RS-485 on USART6, Ethernet.
    /// </summary>
    public static class Program
    {
        /// <summary>
        /// False on a bare DISCO board without the carrier: the firmware meters from the MCU's ADC in a managed loop at
        /// <see cref="BoardProgram.DevelopmentSampleRateHz"/> (no panel, no bus).
        /// </summary>
        public static readonly bool MeteringIcFitted = true;

        public static void Main()
        {
            Debug.WriteLine("e-Probe STM32 board starting");
            GpioController gpio = new GpioController();
            BoardParts parts = new BoardParts();
            parts.HistorySectors = BoardProgram.HistorySectors;
            parts.Interface = NetworkStarter.Find(NetworkInterfaceType.Ethernet);

            byte[] chipId = Utilities.UniqueDeviceId;
            byte[] mac = parts.Interface == null ? new byte[0] : parts.Interface.PhysicalAddress;
            byte[] identity = new byte[chipId.Length + mac.Length];
            Array.Copy(chipId, 0, identity, 0, chipId.Length);
            Array.Copy(mac, 0, identity, chipId.Length, mac.Length);
            parts.RandomSource = new BoardRandomSource(identity);

            if (MeteringIcFitted)
            {
                parts.ChannelCount = ReadModelStrap(gpio);
                int chips = parts.ChannelCount / 3;
                BoardSpiBus spi = new BoardSpiBus(Stm32Pins.SpiBus);
                ISpiDevice[] meters = new ISpiDevice[chips];
                for (int i = 0; i < chips; i++)
                {
                    meters[i] = spi.Device(gpio, Stm32Pins.MeterChipSelects[i]);
                }

                parts.MeteringChips = meters;
                parts.Display = PanelParts.OpenDisplay(spi, gpio, Stm32Pins.LcdChipSelect, Stm32Pins.LcdA0, Stm32Pins.LcdReset, Stm32Pins.LcdBacklight);
                parts.Keypad = PanelParts.OpenKeypad(gpio, Stm32Pins.KeyUp, Stm32Pins.KeyDown, Stm32Pins.KeyEnter, Stm32Pins.KeyBack);
                parts.BusPort = OpenBus(gpio);
            }
            else
            {
                parts.ChannelCount = 3;
                parts.Samples = new ManagedAdcSampleSource(new AdcController(), Stm32Pins.DevelopmentAdcVoltages,
                    Stm32Pins.DevelopmentAdcCurrents, BoardProgram.DevelopmentSampleRateHz, BoardProgram.DevelopmentVoltageFullScalePeak);
            }

            parts.SerialNumber = "IPE" + parts.ChannelCount.ToString() + "-" + HexText.From(chipId, 0, chipId.Length).ToUpper();
            BoardProgram.Run(parts);
            Thread.Sleep(Timeout.Infinite);
        }

        // The bus is optional like the panel (PanelParts): a port that fails to open is logged and left out.
        private static ISerialPort OpenBus(GpioController gpio)
        {
            try
            {
                return new Rs485SerialPort(Stm32Pins.BusPortName, gpio.OpenPin(Stm32Pins.BusDriverEnable, PinMode.Output));
            }
            catch (Exception e)
            {
                Debug.WriteLine("bus: " + Stm32Pins.BusPortName + " unavailable: " + e.Message);
                return null;
            }
        }

        // Open strap = MPP18; jumper to ground = MPP3. Read once at boot.
        private static int ReadModelStrap(GpioController gpio)
        {
            GpioPin strap = gpio.OpenPin(Stm32Pins.ModelStrap, PinMode.InputPullUp);
            Thread.Sleep(1);
            int channels = strap.Read() == PinValue.High ? 18 : 3;
            gpio.ClosePin(Stm32Pins.ModelStrap);
            return channels;
        }
    }
}
