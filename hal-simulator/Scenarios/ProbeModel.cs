namespace Ipenergy.Probe.Simulator
{
    /// <summary>The e-Probe models: how many CT channels are fitted.</summary>
    public static class ProbeModel
    {
        public const string Mpp3 = "MPP3";
        public const string Mpp18 = "MPP18";

        public static bool IsKnown(string model)
        {
            return model == Mpp3 || model == Mpp18;
        }

        public static int ChannelCount(string model)
        {
            return model == Mpp3 ? 3 : 18;
        }
    }
}
