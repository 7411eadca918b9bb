using System;
using System.Device.Gpio;
using System.Diagnostics;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Board
{
    /// <summary>
    /// The front panel's LCD and buttons as both boards open them. They are optional: a part that fails to open is
    /// logged and left out, and the meter runs without it (GET /api/v1/panel answers 404 without a display).
    /// </summary>
    public static class PanelParts
    {
        /// <summary>The ST7565 LCD on the metering SPI bus, or null.</summary>
        public static IDisplay OpenDisplay(BoardSpiBus spi, GpioController gpio, int chipSelect, int a0, int reset, int backlight)
        {
            try
            {
                return new St7565Display(spi.Device(gpio, chipSelect), gpio, a0, reset, backlight, false, 0);
            }
            catch (Exception e)
            {
                Debug.WriteLine("panel: LCD unavailable: " + e.Message);
                return null;
            }
        }

        /// <summary>The four buttons (pressed = low), or null.</summary>
        public static IKeypad OpenKeypad(GpioController gpio, int up, int down, int enter, int back)
        {
            try
            {
                return new GpioKeypad(gpio, up, down, enter, back);
            }
            catch (Exception e)
            {
                Debug.WriteLine("panel: buttons unavailable: " + e.Message);
                return null;
            }
        }
    }
}
