namespace Ipenergy.Probe.Board.Esp32
{
    /// <summary>
    /// Pin map of the e-Probe on an Olimex ESP32-POE-ISO (ESP32-WROOM-32, LAN8720 Ethernet PHY, isolated PoE).
    /// The board's own Ethernet pins (GPIO12 PHY power, GPIO17 RMII clock out, GPIO18 MDIO, GPIO23 MDC,
    /// GPIO19/21/22/25/26/27 RMII) and GPIO1/3 (UART0: nanoFramework's debug and deployment link) are taken.
    /// The carrier board plugs into UEXT and EXT2. Table with connector pins: docs/boards/esp32.md.
    /// </summary>
    public static class Esp32Pins
    {
        /// <summary>SPI bus of the metering IC and the LCD (nanoFramework's SPI1).</summary>
        public const int SpiBus = 1;

        /// <summary>SPI clock: UEXT pin 9.</summary>
        public const int SpiClock = 14;

        /// <summary>SPI MOSI: UEXT pin 8 (GPIO2 is a strapping pin: the carrier leaves it floating at reset).</summary>
        public const int SpiMosi = 2;

        /// <summary>SPI MISO: UEXT pin 7 (GPIO15, strapping pin MTDO: the chip's MISO is high impedance at reset).</summary>
        public const int SpiMiso = 15;

        /// <summary>Chip select of the ATM90E32AS (CT channels 1-3): UEXT pin 10.</summary>
        public const int MeterChipSelect = 5;

        /// <summary>Chip select of the ST7565R LCD: UEXT pin 6.</summary>
        public const int LcdChipSelect = 13;

        /// <summary>LCD A0 (command / data): UEXT pin 5.</summary>
        public const int LcdA0 = 16;

        /// <summary>LCD reset: none, the module's RC power-on reset (no pin left on this board); a software reset follows.</summary>
        public const int LcdReset = -1;

        /// <summary>LCD backlight switch (N-MOSFET gate, high = on): EXT2.</summary>
        public const int LcdBacklight = 32;

        /// <summary>UART of the RS-485 bus (UART2 of the ESP32).</summary>
        public const string BusPortName = "COM2";

        /// <summary>RS-485 transceiver DI: UEXT pin 3.</summary>
        public const int BusTx = 4;

        /// <summary>RS-485 transceiver RO: UEXT pin 4 (input-only pin).</summary>
        public const int BusRx = 36;

        /// <summary>RS-485 transceiver DE and /RE tied together, driven by the UART's RTS in RS485 mode: EXT2.</summary>
        public const int BusDriverEnable = 33;

        /// <summary>Button Up: EXT2, input-only pin, 10 kOhm pull-up on the carrier.</summary>
        public const int KeyUp = 35;

        /// <summary>Button Down: EXT2, input-only pin, 10 kOhm pull-up on the carrier.</summary>
        public const int KeyDown = 39;

        /// <summary>Button Enter: the board's BUT1 (GPIO34, pull-up on the board), paralleled on the carrier.</summary>
        public const int KeyEnter = 34;

        /// <summary>Button Back: GPIO0 (pull-up on the board). Held during reset it starts the ROM bootloader.</summary>
        public const int KeyBack = 0;

        /// <summary>Bare-board development (no carrier, no metering IC): ADC1 channels of V1, V2, V3 (GPIO36, 39, 32).</summary>
        public static readonly int[] DevelopmentAdcVoltages = { 0, 3, 4 };

        /// <summary>Bare-board development: ADC1 channels of CT inputs 1-3 (GPIO33, 34, 35).</summary>
        public static readonly int[] DevelopmentAdcCurrents = { 5, 6, 7 };
    }
}
