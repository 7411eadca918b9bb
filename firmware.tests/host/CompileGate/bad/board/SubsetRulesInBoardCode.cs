// gate-board-packages: nanoFramework.System.Device.Gpio nanoFramework.Runtime.Events
using System;
using System.Device.Gpio;

namespace Ipenergy.Probe.Board.Bad
{
    /// <summary>Board code is held to the nanoFramework subset like the shared firmware.</summary>
    public sealed class SubsetRulesInBoardCode
    {
        private int _presses;

        public SubsetRulesInBoardCode(GpioController gpio, int pin)
        {
            GpioPin button = gpio.OpenPin(pin, PinMode.InputPullUp);
            button.ValueChanged += (sender, e) => _presses++; // expect: NF0004
        }

        public string Describe(PinValue value)
        {
            return $"{_presses} presses, now {value}"; // expect: NF0012
        }

        public int? LastPress { get; set; } // expect: NF0010
    }
}
