using System.Device.Gpio;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Board
{
    /// <summary>
    /// The four front-panel buttons on GPIO inputs, each pulling its pin to ground when pressed (pressed = low).
    /// The internal pull-up is used where the pin has one; pins without (ESP32 GPIO34..39) need the board's
    /// 10 kOhm pull-up. No debouncing here: the panel samples and debounces (KeyDebouncer).
    /// </summary>
    public sealed class GpioKeypad : IKeypad
    {
        private readonly GpioPin[] _pins;
        private readonly int[] _keys;

        /// <param name="gpio">Opens the pins.</param>
        /// <param name="upPin">Up button pin.</param>
        /// <param name="downPin">Down button pin.</param>
        /// <param name="enterPin">Enter button pin.</param>
        /// <param name="backPin">Back button pin.</param>
        public GpioKeypad(GpioController gpio, int upPin, int downPin, int enterPin, int backPin)
        {
            _keys = new int[] { PanelKeys.Up, PanelKeys.Down, PanelKeys.Enter, PanelKeys.Back };
            int[] numbers = new int[] { upPin, downPin, enterPin, backPin };
            _pins = new GpioPin[numbers.Length];
            for (int i = 0; i < numbers.Length; i++)
            {
                PinMode mode = gpio.IsPinModeSupported(numbers[i], PinMode.InputPullUp) ? PinMode.InputPullUp : PinMode.Input;
                _pins[i] = gpio.OpenPin(numbers[i], mode);
            }
        }

        public int ReadHeld()
        {
            int held = 0;
            for (int i = 0; i < _pins.Length; i++)
            {
                if (_pins[i].Read() == PinValue.Low)
                {
                    held |= _keys[i];
                }
            }

            return held;
        }
    }
}
