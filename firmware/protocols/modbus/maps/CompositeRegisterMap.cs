namespace Ipenergy.Probe.Protocols.Modbus.Maps
{
    /// <summary>
    /// Routes a request to the sub-map whose address range holds it whole; a range that is not inside
    /// one sub-map (it starts or ends in a hole, or spans two) answers 2.
    /// </summary>
    public sealed class CompositeRegisterMap : IRegisterMap
    {
        private readonly IRegisterMap[] _maps;
        private readonly int[] _starts;
        private readonly int[] _ends;

        /// <param name="maps">Sub-maps; maps[i] owns addresses [starts[i], ends[i]) (end exclusive), ranges must not overlap.</param>
        public CompositeRegisterMap(IRegisterMap[] maps, int[] starts, int[] ends)
        {
            _maps = maps;
            _starts = starts;
            _ends = ends;
        }

        /// <summary>The e-Probe's unit 1: configuration block (3000), vendor map (1000), SunSpec (40000).</summary>
        public static CompositeRegisterMap ForProbe(VendorMap vendor, ConfigRegisterMap config, SunSpecMap sunSpec)
        {
            return new CompositeRegisterMap(
                new IRegisterMap[] { vendor, config, sunSpec },
                new int[] { VendorMapLayout.BaseAddress, ConfigRegisterMap.BaseAddress, SunSpecMap.BaseAddress },
                new int[] { vendor.End, ConfigRegisterMap.BaseAddress + ConfigRegisterMap.Length, SunSpecMap.BaseAddress + sunSpec.Length });
        }

        public int Read(bool holding, int start, int count, byte[] dest, int destOffset)
        {
            IRegisterMap map = Find(start, count);
            return map == null ? 2 : map.Read(holding, start, count, dest, destOffset);
        }

        public int Write(int start, int count, byte[] src, int srcOffset)
        {
            IRegisterMap map = Find(start, count);
            return map == null ? 2 : map.Write(start, count, src, srcOffset);
        }

        private IRegisterMap Find(int start, int count)
        {
            for (int i = 0; i < _maps.Length; i++)
            {
                if (start >= _starts[i] && start + count <= _ends[i] && count > 0)
                {
                    return _maps[i];
                }
            }

            return null;
        }
    }
}
