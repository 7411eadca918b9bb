namespace Ipenergy.Probe.Common
{
    /// <summary>Comparisons whose time does not depend on where the inputs differ.</summary>
    public static class ConstantTime
    {
        /// <summary>
        /// True when a[aOffset...] and b[bOffset...] agree on length bytes. Always reads every byte, so a
        /// forger timing the refusal of a received MAC learns nothing about how many leading bytes were right.
        /// </summary>
        public static bool BytesEqual(byte[] a, int aOffset, byte[] b, int bOffset, int length)
        {
            int difference = 0;
            for (int i = 0; i < length; i++)
            {
                difference |= a[aOffset + i] ^ b[bOffset + i];
            }

            return difference == 0;
        }
    }
}
