using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;

namespace Ipenergy.Probe.Display
{
    /// <summary>
    /// The settings the panel may change, behind the PIN: bus address, IP mode, contrast, backlight timeout,
    /// language and the CT rating of each channel. Up/Down change the value being edited, Enter sends it to the
    /// configuration service as a JSON fragment (validated and saved like a change from the API): the result,
    /// "Saved" or the refusal, stays on the last line until the next key.
    /// </summary>
    public sealed class SettingsEditor
    {
        public const int ItemBusAddress = 0;
        public const int ItemIpMode = 1;
        public const int ItemContrast = 2;
        public const int ItemBacklight = 3;
        public const int ItemLanguage = 4;

        /// <summary>First CT item: channel k is item FirstCt + k - 1.</summary>
        public const int FirstCt = 5;

        /// <summary>Backlight timeouts offered, seconds (0 = always on).</summary>
        public static readonly int[] BacklightSteps = { 0, 10, 30, 60, 120, 300, 600, 1800, 3600 };

        /// <summary>CT primary ratings offered, amperes (the catalogue's split-core CTs).</summary>
        public static readonly int[] CtSteps = { 5, 10, 16, 20, 25, 32, 40, 50, 63, 75, 80, 100, 125, 150, 160, 200, 250, 300, 400, 500 };

        private readonly IPanelConfigStore _config;

        public SettingsEditor(IPanelConfigStore config)
        {
            _config = config;
            Message = -1;
        }

        /// <summary>True while a value is being changed.</summary>
        public bool Editing { get; private set; }

        /// <summary>The value being edited (meaning per item: address, 0 DHCP / 1 static, level, seconds, language, amperes).</summary>
        public int Value { get; private set; }

        /// <summary>PanelText.Saved, PanelText.Refused (with <see cref="Refusal"/>) or -1 for none.</summary>
        public int Message { get; private set; }

        /// <summary>Why the last change was refused (the validator's English text).</summary>
        public string Refusal { get; private set; }

        public int ItemCount(MeterConfig config)
        {
            return FirstCt + config.Channels.Length;
        }

        /// <summary>Starts editing item with its value in force.</summary>
        public void Begin(int item)
        {
            Value = Current(_config.Current, item);
            Editing = true;
            Message = -1;
        }

        public void Cancel()
        {
            Editing = false;
        }

        public void ClearMessage()
        {
            Message = -1;
        }

        /// <summary>Up (+1) or Down (-1) on the value of item.</summary>
        public void Step(int item, int direction)
        {
            if (item == ItemBusAddress)
            {
                Value = Wrap(Value + direction, 0, BusConfig.MaxAddress);
            }
            else if (item == ItemIpMode || item == ItemLanguage)
            {
                Value = Value == 0 ? 1 : 0;
            }
            else if (item == ItemContrast)
            {
                Value = Wrap(Value + direction, 0, PanelConfig.MaxContrast);
            }
            else if (item == ItemBacklight)
            {
                Value = NextStep(BacklightSteps, Value, direction);
            }
            else
            {
                Value = NextStep(CtSteps, Value, direction);
            }
        }

        /// <summary>Sends the edited value; true when the configuration took it.</summary>
        public bool Commit(int item)
        {
            string json = Fragment(_config.Current, item, Value);
            byte[] bytes = AsciiBytes.From(json);
            string error = _config.Apply(bytes, 0, bytes.Length);
            Editing = false;
            Refusal = error;
            Message = error == null ? PanelText.Saved : PanelText.Refused;
            return error == null;
        }

        /// <summary>The value of item in a configuration.</summary>
        public static int Current(MeterConfig config, int item)
        {
            if (item == ItemBusAddress)
            {
                return config.Bus.Address;
            }

            if (item == ItemIpMode)
            {
                return config.Network.Dhcp ? 0 : 1;
            }

            if (item == ItemContrast)
            {
                return config.Panel.Contrast;
            }

            if (item == ItemBacklight)
            {
                return config.Panel.BacklightTimeoutS;
            }

            if (item == ItemLanguage)
            {
                return config.Panel.Language;
            }

            return (int)config.Channels[item - FirstCt].CtRatedAmps;
        }

        /// <summary>The JSON fragment that sets item to value (made on Enter only).</summary>
        public static string Fragment(MeterConfig config, int item, int value)
        {
            if (item == ItemBusAddress)
            {
                return "{\"bus\":{\"address\":" + value.ToString() + "}}";
            }

            if (item == ItemIpMode)
            {
                return "{\"network\":{\"dhcp\":" + (value == 0 ? "true" : "false") + "}}";
            }

            if (item == ItemContrast)
            {
                return "{\"panel\":{\"contrast\":" + value.ToString() + "}}";
            }

            if (item == ItemBacklight)
            {
                return "{\"panel\":{\"backlightTimeoutS\":" + value.ToString() + "}}";
            }

            if (item == ItemLanguage)
            {
                return "{\"panel\":{\"language\":\"" + PanelConfig.LanguageName(value) + "\"}}";
            }

            // Channels are positional: empty objects keep the ones before.
            string channels = "";
            int k = item - FirstCt;
            for (int i = 0; i < k; i++)
            {
                channels += "{},";
            }

            return "{\"channels\":[" + channels + "{\"ctRatedA\":" + value.ToString() + "}]}";
        }

        private static int Wrap(int v, int min, int max)
        {
            return v < min ? max : (v > max ? min : v);
        }

        // The next offered step above (direction +1) or below (-1) value, wrapping around.
        private static int NextStep(int[] steps, int value, int direction)
        {
            if (direction > 0)
            {
                for (int i = 0; i < steps.Length; i++)
                {
                    if (steps[i] > value)
                    {
                        return steps[i];
                    }
                }

                return steps[0];
            }

            for (int i = steps.Length - 1; i >= 0; i--)
            {
                if (steps[i] < value)
                {
                    return steps[i];
                }
            }

            return steps[steps.Length - 1];
        }
    }
}
