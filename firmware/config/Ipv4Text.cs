namespace Ipenergy.Probe.Config
{
    /// <summary>Dotted-quad text of an IPv4 address held as a.b.c.d = a·2^24 + b·2^16 + c·2^8 + d.</summary>
    public static class Ipv4Text
    {
        public static string Format(uint address)
        {
            return ((address >> 24) & 0xFF).ToString() + "." + ((address >> 16) & 0xFF).ToString() + "."
                + ((address >> 8) & 0xFF).ToString() + "." + (address & 0xFF).ToString();
        }

        /// <summary>Parses "a.b.c.d" (each 0…255, no leading zeros, nothing else); false when it is not one.</summary>
        public static bool TryParse(string text, out uint address)
        {
            address = 0;
            int part = 0;
            int digits = 0;
            int parts = 0;
            for (int i = 0; i <= text.Length; i++)
            {
                if (i == text.Length || text[i] == '.')
                {
                    if (digits == 0 || parts == 4)
                    {
                        return false;
                    }

                    address = (address << 8) | (uint)part;
                    parts++;
                    part = 0;
                    digits = 0;
                    continue;
                }

                char c = text[i];
                if (c < '0' || c > '9' || (digits == 1 && part == 0))
                {
                    return false;
                }

                part = part * 10 + (c - '0');
                digits++;
                if (part > 255)
                {
                    return false;
                }
            }

            return parts == 4;
        }
    }
}
