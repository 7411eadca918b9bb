namespace Ipenergy.Probe.Common
{
    /// <summary>Lower-case hexadecimal text of bytes and back (salts and hashes in the configuration).</summary>
    public static class HexText
    {
        private const string Digits = "0123456789abcdef";

        public static string From(byte[] data, int offset, int count)
        {
            char[] text = new char[count * 2];
            for (int i = 0; i < count; i++)
            {
                byte b = data[offset + i];
                text[i * 2] = Digits[b >> 4];
                text[i * 2 + 1] = Digits[b & 15];
            }

            return new string(text);
        }

        /// <summary>The bytes of even-length hex text, or null when it is not hex.</summary>
        public static byte[] Parse(string text)
        {
            if (text == null || text.Length % 2 != 0)
            {
                return null;
            }

            byte[] data = new byte[text.Length / 2];
            for (int i = 0; i < data.Length; i++)
            {
                int high = Nibble(text[i * 2]);
                int low = Nibble(text[i * 2 + 1]);
                if (high < 0 || low < 0)
                {
                    return null;
                }

                data[i] = (byte)((high << 4) | low);
            }

            return data;
        }

        /// <summary>Decodes even-length hex text into output[offset...] without allocating; the byte count, or -1.</summary>
        public static int ParseInto(string text, byte[] output, int offset)
        {
            if (text == null || text.Length % 2 != 0 || offset + text.Length / 2 > output.Length)
            {
                return -1;
            }

            for (int i = 0; i < text.Length / 2; i++)
            {
                int high = Nibble(text[i * 2]);
                int low = Nibble(text[i * 2 + 1]);
                if (high < 0 || low < 0)
                {
                    return -1;
                }

                output[offset + i] = (byte)((high << 4) | low);
            }

            return text.Length / 2;
        }

        private static int Nibble(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }
    }
}
