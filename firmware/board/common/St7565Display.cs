using System.Device.Gpio;
using System.Threading;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Board
{
    /// <summary>
    /// The front-panel 128 x 64 transflective LCD with an ST7565R-family controller on SPI (write only), its A0 line
    /// (low = command, high = display data) and an optional reset pin and backlight switch. Page/column addressing:
    /// WritePage sets the page (0xB0 | page) and the column (0x10 | high nibble, low nibble) and streams the bytes,
    /// bit 0 of each byte being the page's top row, which is the firmware's frame layout.
    /// </summary>
    public sealed class St7565Display : IDisplay
    {
        public const int DisplayWidth = 128;
        public const int DisplayHeight = 64;

        private const byte DisplayOff = 0xAE;
        private const byte DisplayOn = 0xAF;
        private const byte StartLine0 = 0x40;
        private const byte AdcNormal = 0xA0;
        private const byte AdcReverse = 0xA1;
        private const byte ComNormal = 0xC0;
        private const byte ComReverse = 0xC8;
        private const byte Bias1Of9 = 0xA2;
        private const byte PowerBooster = 0x2C;
        private const byte PowerBoosterRegulator = 0x2E;
        private const byte PowerAll = 0x2F;
        private const byte ResistorRatio = 0x25;   // V0 internal resistor ratio 5 (the usual value for 3.3 V modules)
        private const byte ElectronicVolume = 0x81;
        private const byte AllPointsNormal = 0xA4;
        private const byte NormalDisplay = 0xA6;
        private const byte SoftwareReset = 0xE2;
        private const byte PageAddress = 0xB0;
        private const byte ColumnHigh = 0x10;

        private readonly BoardSpiDevice _spi;
        private readonly GpioPin _a0;
        private readonly GpioPin _reset;
        private readonly GpioPin _backlight;
        private readonly int _columnOffset;
        private readonly byte[] _command = new byte[3];
        private readonly object _lock = new object();

        /// <param name="spi">The LCD on its SPI bus (mode 3, the bus's 1 MHz; the ST7565R takes up to 20 MHz).</param>
        /// <param name="gpio">Opens the pins.</param>
        /// <param name="a0Pin">A0 (RS) pin.</param>
        /// <param name="resetPin">/RST pin, or -1 when the module has its own power-on reset.</param>
        /// <param name="backlightPin">Backlight switch (high = on), or -1.</param>
        /// <param name="flipped">Module mounted upside down on the board: column and row order reversed.</param>
        /// <param name="columnOffset">First RAM column shown (0; 4 on modules wired for 132 columns when ADC reversed).</param>
        public St7565Display(BoardSpiDevice spi, GpioController gpio, int a0Pin, int resetPin, int backlightPin,
            bool flipped, int columnOffset)
        {
            _spi = spi;
            _a0 = gpio.OpenPin(a0Pin, PinMode.Output);
            _reset = resetPin >= 0 ? gpio.OpenPin(resetPin, PinMode.Output) : null;
            _backlight = backlightPin >= 0 ? gpio.OpenPin(backlightPin, PinMode.Output) : null;
            _columnOffset = columnOffset;
            Initialize(flipped);
        }

        public int Width { get { return DisplayWidth; } }

        public int Height { get { return DisplayHeight; } }

        public void WritePage(byte[] frame, int page, int firstColumn, int count)
        {
            int column = firstColumn + _columnOffset;
            lock (_lock)
            {
                _command[0] = (byte)(PageAddress | (page & 0x0F));
                _command[1] = (byte)(ColumnHigh | ((column >> 4) & 0x0F));
                _command[2] = (byte)(column & 0x0F);
                SendCommands(3);
                _a0.Write(PinValue.High);
                _spi.Write(frame, page * DisplayWidth + firstColumn, count);
            }
        }

        public void SetContrast(int level)
        {
            if (level < 0)
            {
                level = 0;
            }
            else if (level > 63)
            {
                level = 63;
            }

            lock (_lock)
            {
                _command[0] = ElectronicVolume;
                _command[1] = (byte)level;
                SendCommands(2);
            }
        }

        public void SetBacklight(bool on)
        {
            if (_backlight != null)
            {
                _backlight.Write(on ? PinValue.High : PinValue.Low);
            }
        }

        private void Initialize(bool flipped)
        {
            if (_reset != null)
            {
                _reset.Write(PinValue.Low);
                Thread.Sleep(2);
                _reset.Write(PinValue.High);
                Thread.Sleep(2);
            }

            lock (_lock)
            {
                Command(SoftwareReset);
                Thread.Sleep(2);
                Command(DisplayOff);
                Command(Bias1Of9);
                Command(flipped ? AdcReverse : AdcNormal);
                Command(flipped ? ComNormal : ComReverse);
                Command(StartLine0);

                // Power circuits switched on in three steps, as the controller family asks.
                Command(PowerBooster);
                Thread.Sleep(50);
                Command(PowerBoosterRegulator);
                Thread.Sleep(50);
                Command(PowerAll);
                Thread.Sleep(10);
                Command(ResistorRatio);
                Command(AllPointsNormal);
                Command(NormalDisplay);
            }

            SetContrast(32);
            ClearRam();
            lock (_lock)
            {
                Command(DisplayOn);
            }

            SetBacklight(true);
        }

        // The controller's RAM holds garbage after power-up: every page to 0 before the display is switched on.
        private void ClearRam()
        {
            byte[] blank = new byte[DisplayWidth * (DisplayHeight / 8)];
            for (int page = 0; page < DisplayHeight / 8; page++)
            {
                WritePage(blank, page, 0, DisplayWidth);
            }
        }

        private void Command(byte command)
        {
            _command[0] = command;
            SendCommands(1);
        }

        private void SendCommands(int count)
        {
            _a0.Write(PinValue.Low);
            _spi.Write(_command, 0, count);
        }
    }
}
