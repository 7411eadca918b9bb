namespace Ipenergy.Probe.Protocols.Discovery
{
    /// <summary>
    /// The layout of the discovery datagrams (tools/discovery.md): a request is exactly the 8 ASCII bytes "EPRBDISC",
    /// the version byte and a 4-byte client nonce; an answer starts with the same 13 bytes (nonce echoed) and
    /// goes on with a UTF-8 JSON object.
    /// </summary>
    public static class DiscoveryMessage
    {
        /// <summary>The only protocol version spoken.</summary>
        public const byte Version = 1;

        /// <summary>Magic length in bytes.</summary>
        public const int MagicLength = 8;

        /// <summary>Bytes of the client's nonce.</summary>
        public const int NonceLength = 4;

        /// <summary>Length of a request, and of the header that starts an answer.</summary>
        public const int HeaderLength = MagicLength + 1 + NonceLength;

        private static readonly byte[] Magic = { (byte)'E', (byte)'P', (byte)'R', (byte)'B', (byte)'D', (byte)'I', (byte)'S', (byte)'C' };

        /// <summary>True when the bytes are exactly one well-formed request of this version; never throws.</summary>
        public static bool IsRequest(byte[] datagram, int offset, int length)
        {
            if (datagram == null || offset < 0 || length != HeaderLength || offset > datagram.Length - HeaderLength)
            {
                return false;
            }

            for (int i = 0; i < MagicLength; i++)
            {
                if (datagram[offset + i] != Magic[i])
                {
                    return false;
                }
            }

            return datagram[offset + MagicLength] == Version;
        }

        /// <summary>Writes magic, version and the request's nonce at the start of an answer; returns the header length.</summary>
        public static int WriteAnswerHeader(byte[] request, int requestOffset, byte[] answer)
        {
            for (int i = 0; i < MagicLength; i++)
            {
                answer[i] = Magic[i];
            }

            answer[MagicLength] = Version;
            for (int i = 0; i < NonceLength; i++)
            {
                answer[MagicLength + 1 + i] = request[requestOffset + MagicLength + 1 + i];
            }

            return HeaderLength;
        }
    }
}
