namespace Ipenergy.Probe.Config
{
    /// <summary>
    /// The text rules of the configuration. Labels and SNMP strings are printable ASCII (0x20…0x7E):
    /// SNMP DisplayString is ASCII, every client shows it, and one byte per character keeps the
    /// flash layout small and predictable.
    /// </summary>
    public static class ConfigText
    {
        /// <summary>True when every character is printable ASCII (empty is printable).</summary>
        public static bool IsPrintable(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < ' ' || c > '~')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A host name (RFC 1123 labels of letters, digits, '-', separated by '.') or a dotted IPv4 address.</summary>
        public static bool IsHost(string text)
        {
            if (text.Length == 0 || text.Length > 63)
            {
                return false;
            }

            int labelLength = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '.')
                {
                    if (labelLength == 0 || text[i - 1] == '-')
                    {
                        return false;
                    }

                    labelLength = 0;
                    continue;
                }

                bool letterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                if (!letterOrDigit && (c != '-' || labelLength == 0))
                {
                    return false;
                }

                labelLength++;
            }

            return labelLength > 0 && text[text.Length - 1] != '-';
        }

        /// <summary>A single host-name label (the device's own name): letters, digits, inner '-'.</summary>
        public static bool IsHostLabel(string text)
        {
            return text.IndexOf('.') < 0 && IsHost(text);
        }

        /// <summary>"host:port" with a valid host (see IsHost) and a port 1…65535.</summary>
        /// <summary>True when text ends with suffix (ordinal; nanoFramework's string has no EndsWith(string, StringComparison)).</summary>
        public static bool EndsWith(string text, string suffix)
        {
            if (text.Length < suffix.Length)
            {
                return false;
            }

            int offset = text.Length - suffix.Length;
            for (int i = 0; i < suffix.Length; i++)
            {
                if (text[offset + i] != suffix[i])
                {
                    return false;
                }
            }

            return true;
        }

        public static bool IsHostPort(string text)
        {
            int colon = text.LastIndexOf(':');
            if (colon <= 0 || colon == text.Length - 1 || text.Length - colon - 1 > 5)
            {
                return false;
            }

            int port = 0;
            for (int i = colon + 1; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                port = port * 10 + (c - '0');
            }

            return port >= 1 && port <= 65535 && IsHost(text.Substring(0, colon));
        }

        public static string[] CopyOf(string[] items)
        {
            string[] copy = new string[items.Length];
            for (int i = 0; i < items.Length; i++)
            {
                copy[i] = items[i];
            }

            return copy;
        }
    }
}
