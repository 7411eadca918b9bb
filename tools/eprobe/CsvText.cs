using System.Globalization;
using System.IO;

namespace Ipenergy.Probe.Cli
{
    /// <summary>
    /// CSV as RFC 4180 reads it: comma-separated, a field with a comma, a quote or a line break quoted with its
    /// quotes doubled, CRLF line ends, numbers with a dot whatever the locale (spreadsheets and billing systems
    /// import it as is).
    /// </summary>
    public static class CsvText
    {
        public static string Field(string value)
        {
            if (value == null)
            {
                return "";
            }

            bool quote = value.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 || (value.Length > 0 && (value[0] == ' ' || value[value.Length - 1] == ' '));
            return quote ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
        }

        public static string Number(double value, int decimals)
        {
            return value.ToString("F" + decimals, CultureInfo.InvariantCulture);
        }

        public static void WriteRow(TextWriter output, params string[] fields)
        {
            for (int i = 0; i < fields.Length; i++)
            {
                if (i > 0)
                {
                    output.Write(',');
                }

                output.Write(Field(fields[i]));
            }

            output.Write("\r\n");
        }
    }
}
