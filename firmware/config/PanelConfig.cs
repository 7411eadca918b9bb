namespace Ipenergy.Probe.Config
{
    /// <summary>
    /// The front panel: its language, the LCD's contrast, how long the backlight stays on after a key, and the
    /// PIN that guards its settings and alarm acknowledgement (kept only as a salted hash, see
    /// <see cref="PanelPinHash"/>; the factory PIN is <see cref="DefaultPin"/>, to be changed at commissioning).
    /// </summary>
    public sealed class PanelConfig
    {
        public const int LanguageEnglish = 0;
        public const int LanguageFrench = 1;
        public const int LanguageCount = 2;

        public const int MaxContrast = 63;

        /// <summary>Longest backlight timeout, seconds (0 = always on).</summary>
        public const int MaxBacklightTimeoutS = 3600;

        /// <summary>PIN digits.</summary>
        public const int PinLength = 4;

        /// <summary>Factory PIN (panel/README.md asks to change it at commissioning).</summary>
        public const string DefaultPin = "0000";

        private static readonly string[] LanguageNames = { "en", "fr" };

        public PanelConfig()
        {
            Language = LanguageEnglish;
            Contrast = 32;
            BacklightTimeoutS = 300;
            PinHash = PanelPinHash.Default;
        }

        /// <summary>LanguageEnglish or LanguageFrench.</summary>
        public int Language { get; set; }

        /// <summary>0..63 (the controller's electronic volume).</summary>
        public int Contrast { get; set; }

        /// <summary>Seconds after the last key before the backlight goes off, 0 = always on, up to 3600.</summary>
        public int BacklightTimeoutS { get; set; }

        /// <summary>Salted hash of the PIN ("salt hex:SHA-256 hex"); a secret, never exported in clear.</summary>
        public string PinHash { get; set; }

        /// <summary>"en" or "fr".</summary>
        public static string LanguageName(int language)
        {
            return language >= 0 && language < LanguageCount ? LanguageNames[language] : "en";
        }

        /// <summary>Language of "en"/"fr", -1 otherwise.</summary>
        public static int ParseLanguage(string name)
        {
            for (int i = 0; i < LanguageCount; i++)
            {
                if (name == LanguageNames[i])
                {
                    return i;
                }
            }

            return -1;
        }

        public PanelConfig Clone()
        {
            PanelConfig copy = new PanelConfig();
            copy.Language = Language;
            copy.Contrast = Contrast;
            copy.BacklightTimeoutS = BacklightTimeoutS;
            copy.PinHash = PinHash;
            return copy;
        }
    }
}
