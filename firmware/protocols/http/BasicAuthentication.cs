using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// HTTP Basic (RFC 7617): "Basic base64(user:password)" decoded into a reused buffer and handed to an
    /// <see cref="ICredentialCheck"/>. Basic sends the password in clear: acceptable on the switchboard's
    /// management network for now; the HTTP issue finishes the scheme (TLS or digest, lockout, users).
    /// One instance per handler thread.
    /// </summary>
    public sealed class BasicAuthentication
    {
        /// <summary>Longest decoded "user:password".</summary>
        public const int MaxCredentialsLength = 192;

        /// <summary>The 401 answer's field.</summary>
        public static readonly byte[] ChallengeField = AsciiBytes.From("WWW-Authenticate: Basic realm=\"e-Probe\", charset=\"UTF-8\"\r\n");

        private static readonly byte[] BasicScheme = AsciiBytes.From("basic");

        private readonly byte[] _decoded = new byte[MaxCredentialsLength];

        /// <summary>The decoded "user:password" of the last <see cref="Decode"/>.</summary>
        public byte[] Decoded { get { return _decoded; } }

        /// <summary>
        /// Decodes a Basic Authorization value into <see cref="Decoded"/>; returns the position of the ':'
        /// (user before, password after, up to decodedLength), or -1 when it is not well-formed Basic.
        /// </summary>
        public int Decode(byte[] buffer, int start, int length, out int decodedLength)
        {
            decodedLength = 0;
            if (length <= BasicScheme.Length
                || !AsciiBytes.EqualIgnoreCase(buffer, start, BasicScheme.Length, BasicScheme)
                || buffer[start + BasicScheme.Length] != (byte)' ')
            {
                return -1;
            }

            int p = start + BasicScheme.Length;
            int end = start + length;
            while (p < end && buffer[p] == (byte)' ')
            {
                p++;
            }

            decodedLength = DecodeBase64(buffer, p, end - p, _decoded);
            for (int i = 0; i < decodedLength; i++)
            {
                if (_decoded[i] == (byte)':')
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>True when the Authorization value at [start, start+length) carries credentials the check accepts.</summary>
        public bool IsAuthorized(byte[] buffer, int start, int length, ICredentialCheck check)
        {
            if (check == null || length <= BasicScheme.Length
                || !AsciiBytes.EqualIgnoreCase(buffer, start, BasicScheme.Length, BasicScheme)
                || buffer[start + BasicScheme.Length] != (byte)' ')
            {
                return false;
            }

            int p = start + BasicScheme.Length;
            int end = start + length;
            while (p < end && buffer[p] == (byte)' ')
            {
                p++;
            }

            int decodedLength = DecodeBase64(buffer, p, end - p, _decoded);
            if (decodedLength < 0)
            {
                return false;
            }

            for (int i = 0; i < decodedLength; i++)
            {
                if (_decoded[i] == (byte)':')
                {
                    return check.IsValid(_decoded, 0, i, i + 1, decodedLength - i - 1);
                }
            }

            return false;
        }

        /// <summary>Decodes padded base64 into <paramref name="output"/>; −1 when malformed or too long.</summary>
        public static int DecodeBase64(byte[] input, int start, int length, byte[] output)
        {
            if (length == 0 || length % 4 != 0 || length / 4 * 3 > output.Length)
            {
                return -1;
            }

            int o = 0;
            for (int i = 0; i < length; i += 4)
            {
                int a = Sextet(input[start + i]);
                int b = Sextet(input[start + i + 1]);
                bool last = i + 4 == length;
                int c = last && input[start + i + 2] == (byte)'=' ? -2 : Sextet(input[start + i + 2]);
                int d = last && input[start + i + 3] == (byte)'=' ? -2 : Sextet(input[start + i + 3]);
                if (a < 0 || b < 0 || c == -1 || d == -1 || (c == -2 && d != -2))
                {
                    return -1;
                }

                output[o++] = (byte)((a << 2) | (b >> 4));
                if (c >= 0)
                {
                    output[o++] = (byte)(((b & 15) << 4) | (c >> 2));
                    if (d >= 0)
                    {
                        output[o++] = (byte)(((c & 3) << 6) | d);
                    }
                }
            }

            return o;
        }

        private static int Sextet(byte b)
        {
            if (b >= (byte)'A' && b <= (byte)'Z')
            {
                return b - (byte)'A';
            }

            if (b >= (byte)'a' && b <= (byte)'z')
            {
                return b - (byte)'a' + 26;
            }

            if (b >= (byte)'0' && b <= (byte)'9')
            {
                return b - (byte)'0' + 52;
            }

            if (b == (byte)'+')
            {
                return 62;
            }

            return b == (byte)'/' ? 63 : -1;
        }
    }
}
