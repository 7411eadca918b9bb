namespace Ipenergy.Probe.Display
{
    /// <summary>
    /// Every text the panel shows, in English and French, encoded once to Latin-1 bytes (the fonts' character
    /// set) so drawing a label allocates nothing. Get(id, language) with the ids below and PanelConfig.Language*.
    /// </summary>
    public static class PanelText
    {
        public const int Home = 0;
        public const int Phases = 1;
        public const int Circuit = 2;
        public const int Channel = 3;
        public const int Alarms = 4;
        public const int Network = 5;
        public const int Settings = 6;
        public const int Modules = 7;
        public const int SiteTotal = 8;
        public const int ThisModule = 9;
        public const int NoAlarm = 10;
        public const int Critical = 11;
        public const int Warning = 12;
        public const int Unbalance = 13;
        public const int NoCircuit = 14;
        public const int Breaker = 15;
        public const int CtReversed = 16;
        public const int WrongPhase = 17;
        public const int NoActiveAlarm = 18;
        public const int Acknowledged = 19;
        public const int Dhcp = 20;
        public const int Static = 21;
        public const int LinkUp = 22;
        public const int LinkDown = 23;
        public const int Standalone = 24;
        public const int Slave = 25;
        public const int Gateway = 26;
        public const int EnterPin = 27;
        public const int WrongPin = 28;
        public const int Locked = 29;
        public const int PressEnterForPin = 30;
        public const int BusAddress = 31;
        public const int IpMode = 32;
        public const int Contrast = 33;
        public const int Backlight = 34;
        public const int Language = 35;
        public const int Saved = 36;
        public const int AlwaysOn = 37;
        public const int LanguageName = 38;
        public const int Online = 39;
        public const int Offline = 40;
        public const int Unknown = 41;
        public const int Waiting = 42;
        public const int Refused = 43;
        public const int Bus = 44;
        public const int Address = 45;
        public const int Ct = 46;
        public const int Link = 47;
        public const int NotAcknowledged = 48;
        public const int AlarmsLabel = 49;
        public const int Count = 50;

        // The texts are built once into the Latin-1 tables below; as methods, not static fields, so the string
        // tables do not stay on the heap next to their bytes (about 3 KB on nanoCLR).
        private static string[] English()
        {
            return new string[]
            {
                "Home", "Phases", "Circuit", "Channel", "Alarms", "Network", "Settings", "Bus modules",
                "Site total", "This module", "no alarm", "critical", "warning", "Unbalance", "No circuit", "Breaker",
                "CT reversed?", "wrong phase?", "No active alarm", "Acknowledged", "DHCP", "static", "up", "down",
                "standalone", "slave", "gateway", "Enter PIN", "Wrong PIN", "Locked", "Enter: PIN", "Bus address",
                "IP mode", "Contrast", "Backlight", "Language", "Saved", "always", "English", "online",
                "offline", "unknown", "Waiting for data", "Refused:", "Bus", "Address", "CT", "Link",
                "Enter: acknowledge", "Alarms",
            };
        }

        private static string[] French()
        {
            return new string[]
            {
                "Accueil", "Phases", "Circuit", "Voie", "Alarmes", "R\u00e9seau", "R\u00e9glages", "Modules bus",
                "Total site", "Ce module", "aucune alarme", "critique", "alerte", "D\u00e9s\u00e9quilibre", "Aucun circuit", "Disjoncteur",
                "CT invers\u00e9 ?", "mauvaise phase ?", "Aucune alarme active", "Acquitt\u00e9e", "DHCP", "fixe", "actif", "coup\u00e9",
                "autonome", "esclave", "passerelle", "Code PIN", "PIN erron\u00e9", "Bloqu\u00e9", "Entr\u00e9e : PIN", "Adresse bus",
                "Mode IP", "Contraste", "\u00c9clairage", "Langue", "Enregistr\u00e9", "toujours", "Fran\u00e7ais", "en ligne",
                "hors ligne", "inconnu", "Attente des mesures", "Refus\u00e9 :", "Bus", "Adresse", "CT", "Lien",
                "Entr\u00e9e : acquitter", "Alarmes",
            };
        }

        // Alarm conditions in AlarmCodes order: in English the API's names (as the page, SNMP and syslog say them),
        // in French short names that fit a row after "C* ch18 ".
        private static string[] EnglishConditions()
        {
            return new string[]
            {
                "loadHigh", "overCurrent", "lowLoad", "underVoltage", "overVoltage", "phaseLost",
                "frequencyLow", "frequencyHigh", "voltageUnbalance", "currentUnbalance", "neutralCurrent", "moduleOffline",
            };
        }

        private static string[] FrenchConditions()
        {
            return new string[]
            {
                "charge haute", "surintensit\u00e9", "charge faible", "sous-tension", "surtension", "phase perdue",
                "fr\u00e9q. basse", "fr\u00e9q. haute", "d\u00e9s\u00e9q. U", "d\u00e9s\u00e9q. I", "I neutre", "hors ligne",
            };
        }

        private static readonly byte[][] EnglishBytes = Encode(English());
        private static readonly byte[][] FrenchBytes = Encode(French());
        private static readonly byte[][] EnglishConditionBytes = Encode(EnglishConditions());
        private static readonly byte[][] FrenchConditionBytes = Encode(FrenchConditions());

        /// <summary>The Latin-1 bytes of text id in a language (PanelConfig.LanguageFrench, else English).</summary>
        public static byte[] Get(int id, int language)
        {
            return language == 1 ? FrenchBytes[id] : EnglishBytes[id];
        }

        /// <summary>The short name of an alarm condition (AlarmCodes) in a language.</summary>
        public static byte[] Condition(int condition, int language)
        {
            byte[][] names = language == 1 ? FrenchConditionBytes : EnglishConditionBytes;
            return condition >= 0 && condition < names.Length ? names[condition] : names[names.Length - 1];
        }

        /// <summary>Latin-1 bytes of a string (characters above 255 become '?'); used once per text at start-up.</summary>
        public static byte[] Latin1(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bytes[i] = c > (char)255 ? (byte)'?' : (byte)c;
            }

            return bytes;
        }

        private static byte[][] Encode(string[] texts)
        {
            byte[][] all = new byte[texts.Length][];
            for (int i = 0; i < texts.Length; i++)
            {
                all[i] = Latin1(texts[i]);
            }

            return all;
        }
    }
}
