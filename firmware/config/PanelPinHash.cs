using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Config
{
    /// <summary>
    /// The panel PIN as stored: "salt:hash", 8 salt bytes and SHA-256(salt || PIN digits) in lowercase hex. A PIN
    /// has 10 000 values, so the hash only keeps it out of exports and backups in clear: it never leaves the
    /// device (exported as "***"), and the panel locks for a minute after three wrong tries.
    /// </summary>
    public static class PanelPinHash
    {
        public const int SaltLength = 8;

        /// <summary>Length of the stored text: 16 hex + ':' + 64 hex.</summary>
        public const int TextLength = SaltLength * 2 + 1 + Sha256.HashLength * 2;

        private static readonly byte[] FactorySalt = { 0x65, 0x2D, 0x50, 0x72, 0x6F, 0x62, 0x65, 0x31 };

        // Made on first use: nanoFramework runs static initializers in no guaranteed order across classes, and
        // this one needs Sha256 and HexText.
        private static string _default;

        /// <summary>The factory PIN 0000 with the factory salt.</summary>
        public static string Default
        {
            get
            {
                if (_default == null)
                {
                    _default = Create(PanelConfig.DefaultPin, FactorySalt);
                }

                return _default;
            }
        }

        /// <summary>The stored text of pin with that salt (SaltLength bytes).</summary>
        public static string Create(string pin, byte[] salt)
        {
            byte[] digits = AsciiBytes.From(pin);
            byte[] hash = Digest(salt, digits, 0, digits.Length);
            return HexText.From(salt, 0, SaltLength) + ":" + HexText.From(hash, 0, hash.Length);
        }

        /// <summary>
        /// A new stored text for pin, its salt taken from SHA-256 of the previous stored text and the PIN (the
        /// configuration importer has no random source; every device and every change still gets its own salt
        /// because the previous text differs).
        /// </summary>
        public static string Derive(string pin, string previous)
        {
            byte[] seed = AsciiBytes.From(previous + "|" + pin + "|panel");
            Sha256 sha = new Sha256();
            sha.Update(seed, 0, seed.Length);
            byte[] full = new byte[Sha256.HashLength];
            sha.Finish(full, 0);
            byte[] salt = new byte[SaltLength];
            for (int i = 0; i < SaltLength; i++)
            {
                salt[i] = full[i];
            }

            return Create(pin, salt);
        }

        /// <summary>True for exactly PinLength ASCII digits.</summary>
        public static bool IsPin(string pin)
        {
            if (pin == null || pin.Length != PanelConfig.PinLength)
            {
                return false;
            }

            for (int i = 0; i < pin.Length; i++)
            {
                if (pin[i] < '0' || pin[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when the text has the stored form (hex salt, ':', hex hash).</summary>
        public static bool IsWellFormed(string stored)
        {
            if (stored == null || stored.Length != TextLength || stored[SaltLength * 2] != ':')
            {
                return false;
            }

            for (int i = 0; i < stored.Length; i++)
            {
                if (i != SaltLength * 2 && !IsHex(stored[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when digits[0..count) (ASCII '0'..'9') is the PIN of the stored text (entry on the panel: rare).</summary>
        public static bool Matches(string stored, byte[] digits, int count)
        {
            if (!IsWellFormed(stored))
            {
                return false;
            }

            byte[] salt = new byte[SaltLength];
            HexText.ParseInto(stored.Substring(0, SaltLength * 2), salt, 0);
            byte[] hash = Digest(salt, digits, 0, count);
            string expected = HexText.From(hash, 0, hash.Length);
            return expected == stored.Substring(SaltLength * 2 + 1);
        }

        private static byte[] Digest(byte[] salt, byte[] digits, int offset, int count)
        {
            Sha256 sha = new Sha256();
            sha.Update(salt, 0, SaltLength);
            sha.Update(digits, offset, count);
            byte[] hash = new byte[Sha256.HashLength];
            sha.Finish(hash, 0);
            return hash;
        }

        private static bool IsHex(char c)
        {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
        }
    }
}
