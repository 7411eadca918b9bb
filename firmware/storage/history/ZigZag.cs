namespace Ipenergy.Probe.Storage.History
{
    /// <summary>Signed ↔ unsigned so small magnitudes of either sign get short codes: 0, −1, 1, −2 → 0, 1, 2, 3.</summary>
    public static class ZigZag
    {
        public static ulong Encode(long value)
        {
            return (ulong)((value << 1) ^ (value >> 63));
        }

        public static long Decode(ulong value)
        {
            return (long)(value >> 1) ^ -(long)(value & 1);
        }
    }
}
