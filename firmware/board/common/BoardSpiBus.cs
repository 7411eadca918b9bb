using System;
using System.Device.Gpio;
using System.Device.Spi;

namespace Ipenergy.Probe.Board
{
    /// <summary>
    /// One of the MCU's SPI buses, opened once as a single SpiDevice without a driver-managed chip select: the
    /// nanoCLR allows only a few devices per bus (3 on the ESP32 targets), fewer than the MPP18's six metering ICs
    /// plus the LCD. Every chip on the bus is a <see cref="BoardSpiDevice"/> with its own chip-select GPIO, driven
    /// here around each transfer under the bus lock. All share the bus settings: mode 3, MSB first, 8-bit frames,
    /// 1 MHz (the metering ICs' clock; the write-only LCD is content with it: a full frame takes 8 ms).
    /// </summary>
    public sealed class BoardSpiBus
    {
        /// <summary>Clock of the metering ICs (the contract of our board: 1 MHz, mode 3), the bus's clock.</summary>
        public const int ClockHz = 1000000;

        private readonly SpiDevice _device;
        private readonly object _lock = new object();

        /// <param name="busId">nanoFramework's SPI bus number (ESP32: 1 = the SPI1 pins routed by the board; STM32: 2 = SPI2).</param>
        public BoardSpiBus(int busId)
        {
            SpiConnectionSettings settings = new SpiConnectionSettings(busId, -1);
            settings.ClockFrequency = ClockHz;
            settings.Mode = SpiMode.Mode3;
            settings.DataBitLength = 8;
            settings.DataFlow = DataFlow.MsbFirst;
            _device = SpiDevice.Create(settings);
        }

        /// <summary>A chip on this bus selected by chipSelectPin (active low, high when idle).</summary>
        public BoardSpiDevice Device(GpioController gpio, int chipSelectPin)
        {
            return new BoardSpiDevice(this, gpio.OpenPin(chipSelectPin, PinMode.Output));
        }

        /// <summary>Full duplex with chipSelect low for the whole transfer; read may be empty (write only).</summary>
        internal void Transfer(GpioPin chipSelect, SpanByte write, SpanByte read)
        {
            lock (_lock)
            {
                chipSelect.Write(PinValue.Low);
                try
                {
                    if (read.Length == 0)
                    {
                        _device.Write(write);
                    }
                    else
                    {
                        _device.TransferFullDuplex(write, read);
                    }
                }
                finally
                {
                    chipSelect.Write(PinValue.High);
                }
            }
        }
    }
}
