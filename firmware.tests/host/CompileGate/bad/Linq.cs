using System.Linq; // expect: NF0005 CS0234

namespace Ipenergy.Probe.Bad
{
    public static class Linq
    {
        public static int Positives(int[] values)
        {
            var positives = from v in values where v > 0 select v; // expect: NF0005 CS1935
            return values.Count(v => v > 0); // expect: NF0004 CS1061
        }
    }
}
