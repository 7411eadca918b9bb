// gate-board-packages: nanoFramework.Hardware.Stm32
using nanoFramework.Hardware.Esp32; // expect: CS0234

namespace Ipenergy.Probe.Board.Bad
{
    /// <summary>An ESP32-only call in code built with the STM32 board's packages.</summary>
    public static class Esp32ApiOnStm32
    {
        public static void SleepAMinute()
        {
            Sleep.EnableWakeupByTimer(System.TimeSpan.FromMinutes(1)); // expect: CS0103
        }
    }
}
