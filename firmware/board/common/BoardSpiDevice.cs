using System;
using System.Device.Gpio;
using System.Device.Spi;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Board
{
    /// <summary>
    /// One chip on one of the MCU's SPI buses with its own chip-select pin (driven by the SPI driver, active low for
    /// the whole transfer). The metering ICs use mode 3 at 1 MHz, MSB first, 8-bit frames.
    /// Transfers on one bus are serialized by a lock shared by every device of that bus (the chips and the LCD).
    /// </summary>
    public sealed class BoardSpiDevice : ISpiDevice
    {
        /// <summary>Clock of the metering ICs (the contract of our board: 1 MHz, mode 3).</summary>
        public const int MeteringClockHz = 1000000;

        private static readonly object[] BusLocks = { new object(), new object(), new object(), new object(), new object(), new object() };

        private readonly SpiDevice _device;
        private readonly object _busLock;

        public BoardSpiDevice(int busId, int chipSelectPin, int clockHz, SpiMode mode)
        {
            SpiConnectionSettings settings = new SpiConnectionSettings(busId, chipSelectPin);
            settings.ClockFrequency = clockHz;
            settings.Mode = mode;
            settings.DataBitLength = 8;
            settings.DataFlow = DataFlow.MsbFirst;
            settings.ChipSelectLineActiveState = PinValue.Low;
            _device = SpiDevice.Create(settings);
            _busLock = BusLocks[busId % BusLocks.Length];
        }

        /// <summary>A metering IC (ATM90E32AS-class): mode 3, 1 MHz.</summary>
        public static BoardSpiDevice MeteringChip(int busId, int chipSelectPin)
        {
            return new BoardSpiDevice(busId, chipSelectPin, MeteringClockHz, SpiMode.Mode3);
        }

        public void Transfer(byte[] write, byte[] read, int count)
        {
            // SpanByte is a struct over the caller's arrays: nothing is allocated.
            lock (_busLock)
            {
                _device.TransferFullDuplex(new SpanByte(write, 0, count), new SpanByte(read, 0, count));
            }
        }

        /// <summary>Sends count bytes of data[offset...] and ignores what comes back (the LCD).</summary>
        public void Write(byte[] data, int offset, int count)
        {
            lock (_busLock)
            {
                _device.Write(new SpanByte(data, offset, count));
            }
        }
    }
}
