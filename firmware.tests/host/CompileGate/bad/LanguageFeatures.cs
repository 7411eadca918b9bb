using System.Collections;
using System.Threading;

namespace Ipenergy.Probe.Bad
{
    public record Reading(double Volts); // expect: NF0009

    public static class LanguageFeatures
    {
        public static Thread Worker()
        {
            return new Thread(() => { }); // expect: NF0004
        }

        public static IEnumerable Phases()
        {
            yield return 1; // expect: NF0007
        }

        public static string Label(double volts)
        {
            return $"{volts} V"; // expect: NF0012
        }

        public static int Size(object o)
        {
            if (o is string s) // expect: NF0014
            {
                return s.Length;
            }

            return o switch { int i => i, _ => 0 }; // expect: NF0014
        }

        public static double[,] Matrix() // expect: NF0016
        {
            return new double[3, 3]; // expect: NF0016
        }

        public static object Late(object o)
        {
            dynamic d = o; // expect: NF0011
            return d;
        }
    }

    public sealed class Flags
    {
        private volatile bool _stop; // expect: NF0015

        public void Stop()
        {
            _stop = true;
        }
    }
}
