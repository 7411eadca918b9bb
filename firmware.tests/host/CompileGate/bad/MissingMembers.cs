using System;
using System.Collections;
using System.Text;

namespace Ipenergy.Probe.Bad
{
    /// <summary>Members desktop .NET has and nanoFramework 1.x does not.</summary>
    public static class MissingMembers
    {
        public static string Path(string path)
        {
            return path.Replace("\\", "/"); // expect: CS1061
        }

        public static string Csv(string[] parts)
        {
            return string.Join(",", parts); // expect: CS0117
        }

        public static double TwoDecimals(double x)
        {
            return Math.Round(x, 2); // expect: CS1501
        }

        public static bool Known(Hashtable table, string key)
        {
            return table.ContainsKey(key); // expect: CS1061
        }

        public static string Volts(StringBuilder sb, double v)
        {
            return sb.AppendFormat("{0} V", v).ToString(); // expect: CS1061
        }
    }
}
