namespace Ipenergy.Probe.Simulator.Bus
{
    /// <summary>
    /// What a receiver makes of characters sent with other line settings: deterministic garbage. A receiver
    /// at another baud rate samples a different number of characters (count x its baud / the sender's,
    /// at least one per chunk); at the same baud but other parity/stop bits (or a node flagged "wrong baud")
    /// the count stays. Every character comes out different from the one sent (XOR with a non-zero key).
    /// </summary>
    public static class LineGarbler
    {
        public static byte[] Garble(byte[] chunk, BusLine sender, BusLine receiver)
        {
            int count = chunk.Length;
            if (sender.BaudRate != receiver.BaudRate)
            {
                count = (int)System.Math.Max(1, System.Math.Round((double)chunk.Length * receiver.BaudRate / sender.BaudRate));
            }

            byte[] result = new byte[count];
            for (int i = 0; i < count; i++)
            {
                byte sent = chunk[(int)((long)i * chunk.Length / count)];
                result[i] = (byte)(sent ^ Key(i));
            }

            return result;
        }

        /// <summary>A non-zero key per position.</summary>
        public static byte Key(int i)
        {
            return (byte)((0x81 + 37 * i) | 1);
        }
    }
}
