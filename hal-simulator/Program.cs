namespace Ipenergy.Probe.Simulator
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            return 0;
        }
    }
}
