using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// Pieces of the Prometheus text exposition format 0.0.4 written straight into a response body:
    /// family heads, label values (UTF-8, with backslash, double quote and line feed escaped as the format
    /// requires) and sample values (NaN and infinities spelled as Prometheus reads them). Allocates nothing.
    /// </summary>
    public static class MetricsText
    {
        private static readonly byte[] NaN = AsciiBytes.From("NaN");
        private static readonly byte[] PlusInf = AsciiBytes.From("+Inf");
        private static readonly byte[] MinusInf = AsciiBytes.From("-Inf");

        /// <summary>"# HELP name help\n# TYPE name type\n" as bytes, built once per family.</summary>
        public static byte[] Head(string name, string type, string help)
        {
            return AsciiBytes.From("# HELP " + name + " " + help + "\n# TYPE " + name + " " + type + "\n");
        }

        /// <summary>A label value: UTF-8 with \\, \" and \n escaped (null written as empty).</summary>
        public static void LabelValue(HttpResponse r, string value)
        {
            if (value == null)
            {
                return;
            }

            int length = value.Length;
            for (int i = 0; i < length; i++)
            {
                char c = value[i];
                if (c == '\\' || c == '"')
                {
                    r.TextByte((byte)'\\');
                    r.TextByte((byte)c);
                }
                else if (c == '\n')
                {
                    r.TextByte((byte)'\\');
                    r.TextByte((byte)'n');
                }
                else if (c < 0x80)
                {
                    r.TextByte((byte)c);
                }
                else if (c < 0x800)
                {
                    r.TextByte((byte)(0xC0 | (c >> 6)));
                    r.TextByte((byte)(0x80 | (c & 0x3F)));
                }
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < length && value[i + 1] >= 0xDC00 && value[i + 1] <= 0xDFFF)
                {
                    int code = 0x10000 + ((c - 0xD800) << 10) + (value[i + 1] - 0xDC00);
                    i++;
                    r.TextByte((byte)(0xF0 | (code >> 18)));
                    r.TextByte((byte)(0x80 | ((code >> 12) & 0x3F)));
                    r.TextByte((byte)(0x80 | ((code >> 6) & 0x3F)));
                    r.TextByte((byte)(0x80 | (code & 0x3F)));
                }
                else if (c >= 0xD800 && c <= 0xDFFF)
                {
                    // A lone surrogate has no UTF-8 form: U+FFFD keeps the exposition valid UTF-8.
                    r.TextByte(0xEF);
                    r.TextByte(0xBF);
                    r.TextByte(0xBD);
                }
                else
                {
                    r.TextByte((byte)(0xE0 | (c >> 12)));
                    r.TextByte((byte)(0x80 | ((c >> 6) & 0x3F)));
                    r.TextByte((byte)(0x80 | (c & 0x3F)));
                }
            }
        }

        /// <summary>" value\n": fixed decimals, or NaN / +Inf / -Inf.</summary>
        public static void Value(HttpResponse r, double value, int decimals)
        {
            r.TextByte((byte)' ');
            if (double.IsNaN(value))
            {
                r.Text(NaN);
            }
            else if (double.IsPositiveInfinity(value))
            {
                r.Text(PlusInf);
            }
            else if (double.IsNegativeInfinity(value))
            {
                r.Text(MinusInf);
            }
            else
            {
                r.TextFixed(value, decimals);
            }

            r.TextByte((byte)'\n');
        }

        /// <summary>" units/10^decimals\n", exact (energy counters kept in milli-units).</summary>
        public static void Scaled(HttpResponse r, long units, int decimals)
        {
            r.TextByte((byte)' ');
            r.TextScaled(units, decimals);
            r.TextByte((byte)'\n');
        }
    }
}
