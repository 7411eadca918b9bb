namespace Ipenergy.Probe.Benchmarks
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            return 0;
        }
    }
}
