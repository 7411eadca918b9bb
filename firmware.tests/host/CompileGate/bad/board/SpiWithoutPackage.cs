// gate-board-packages: nanoFramework.System.Device.Gpio nanoFramework.Runtime.Events
using System.Device.Gpio;
using System.Device.Spi; // expect: CS0234

namespace Ipenergy.Probe.Board.Bad
{
    /// <summary>
    /// A metering-IC link written for a board whose packages.config lacks nanoFramework.System.Device.Spi:
    /// without the package there is no System.Device.Spi to compile against.
    /// </summary>
    public sealed class SpiWithoutPackage
    {
        private readonly SpiDevice _device; // expect: CS0246
        private readonly GpioPin _chipSelect;

        public SpiWithoutPackage(GpioController gpio, int chipSelectPin)
        {
            _chipSelect = gpio.OpenPin(chipSelectPin, PinMode.Output);
            _device = SpiDevice.Create(new SpiConnectionSettings(1, -1)); // expect: CS0103 CS0246
        }

        public void Transfer(ushort[] write, ushort[] read)
        {
            _chipSelect.Write(PinValue.Low);
            _device.TransferFullDuplex(write, read);
            _chipSelect.Write(PinValue.High);
        }
    }
}
