namespace Ipenergy.Probe.Board.Stm32
{
    /// <summary>
    /// Pin map of the e-Probe on an ST STM32F769I-DISCO (STM32F769NI, LAN8742A Ethernet; nanoff target
    /// ST_STM32F769I_DISCOVERY). The carrier board plugs into the Arduino Uno V3 connectors (CN11, CN13, CN14).
    /// nanoFramework numbers STM32 pins port * 16 + pin (PA0 = 0, PB0 = 16, ... PJ0 = 144). SPI2 and USART6 have
    /// their pins fixed by the nanoCLR image (STM32 pins are not remapped from managed code).
    /// Table with connector pins: docs/boards/stm32.md.
    /// </summary>
    public static class Stm32Pins
    {
        private const int PortA = 0;
        private const int PortB = 16;
        private const int PortC = 32;
        private const int PortF = 80;
        private const int PortH = 112;
        private const int PortJ = 144;

        /// <summary>SPI2 on the Arduino connector: D13 PA12 SCK, D12 PB14 MISO, D11 PB15 MOSI.</summary>
        public const int SpiBus = 2;

        /// <summary>Chip selects of the six ATM90E32AS (channels 1-3, 4-6 ... 16-18): D10 PA11, D9 PH6, D8 PJ4, D7 PJ3,
        /// D6 PF7, D5 PC8. An MPP3 fits the first chip only.</summary>
        public static readonly int[] MeterChipSelects = { PortA + 11, PortH + 6, PortJ + 4, PortJ + 3, PortF + 7, PortC + 8 };

        /// <summary>Chip select of the ST7565R LCD: D4 PJ0.</summary>
        public const int LcdChipSelect = PortJ + 0;

        /// <summary>LCD A0 (command / data): D3 PF6.</summary>
        public const int LcdA0 = PortF + 6;

        /// <summary>LCD /RST: D2 PJ1.</summary>
        public const int LcdReset = PortJ + 1;

        /// <summary>LCD backlight switch (high = on): D15 PB8.</summary>
        public const int LcdBacklight = PortB + 8;

        /// <summary>USART6 on the Arduino connector: D1 PC6 TX, D0 PC7 RX.</summary>
        public const string BusPortName = "COM6";

        /// <summary>RS-485 DE and /RE tied together, driven by the port from managed code: D14 PB9.</summary>
        public const int BusDriverEnable = PortB + 9;

        /// <summary>Button Up: A0 PA6 (internal pull-up).</summary>
        public const int KeyUp = PortA + 6;

        /// <summary>Button Down: A1 PA4.</summary>
        public const int KeyDown = PortA + 4;

        /// <summary>Button Enter: A2 PC2.</summary>
        public const int KeyEnter = PortC + 2;

        /// <summary>Button Back: A3 PF10.</summary>
        public const int KeyBack = PortF + 10;

        /// <summary>Model strap: A4 PF8 with the internal pull-up; open = MPP18 (six chips), jumper to GND = MPP3.</summary>
        public const int ModelStrap = PortF + 8;

        /// <summary>Bare-board development (no carrier): ADC channels of V1, V2, V3 as the nanoCLR image numbers them
        /// (Arduino A0, A1, A2 on this target; check the image's ADC table).</summary>
        public static readonly int[] DevelopmentAdcVoltages = { 0, 1, 2 };

        /// <summary>Bare-board development: ADC channels of CT inputs 1-3 (Arduino A3, A4, A5).</summary>
        public static readonly int[] DevelopmentAdcCurrents = { 3, 4, 5 };
    }
}
