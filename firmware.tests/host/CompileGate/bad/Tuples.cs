namespace Ipenergy.Probe.Bad
{
    public static class Tuples
    {
        public static (double, double) MinMax(double[] values) // expect: NF0008 CS8179
        {
            double min = values[0];
            double max = values[0];
            return (min, max); // expect: NF0008
        }
    }
}
