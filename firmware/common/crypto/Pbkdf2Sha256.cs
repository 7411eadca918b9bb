namespace Ipenergy.Probe.Common
{
    /// <summary>
    /// PBKDF2 with HMAC-SHA256 (RFC 8018 section 5.2): stretches a password with a salt over an iteration
    /// count, so each guess at a stolen hash costs as much as a login. Buffers are made once per instance;
    /// Derive allocates nothing. Not thread-safe.
    /// </summary>
    public sealed class Pbkdf2Sha256
    {
        private readonly HmacSha256 _hmac = new HmacSha256();
        private readonly byte[] _counter = new byte[4];
        private readonly byte[] _u = new byte[HmacSha256.MacLength];
        private readonly byte[] _t = new byte[HmacSha256.MacLength];

        /// <summary>Writes outputLength derived bytes to output[outputOffset...].</summary>
        public void Derive(byte[] password, int passwordOffset, int passwordLength, byte[] salt, int saltOffset,
            int saltLength, int iterations, byte[] output, int outputOffset, int outputLength)
        {
            _hmac.SetKey(password, passwordOffset, passwordLength);
            int block = 1;
            int written = 0;
            while (written < outputLength)
            {
                _counter[0] = (byte)(block >> 24);
                _counter[1] = (byte)(block >> 16);
                _counter[2] = (byte)(block >> 8);
                _counter[3] = (byte)block;
                _hmac.Begin();
                _hmac.Update(salt, saltOffset, saltLength);
                _hmac.Update(_counter, 0, 4);
                _hmac.Finish(_u, 0);
                for (int i = 0; i < _t.Length; i++)
                {
                    _t[i] = _u[i];
                }

                for (int n = 1; n < iterations; n++)
                {
                    _hmac.Compute(_u, 0, _u.Length, _u, 0);
                    for (int i = 0; i < _t.Length; i++)
                    {
                        _t[i] ^= _u[i];
                    }
                }

                int take = outputLength - written < _t.Length ? outputLength - written : _t.Length;
                for (int i = 0; i < take; i++)
                {
                    output[outputOffset + written + i] = _t[i];
                }

                written += take;
                block++;
            }
        }
    }
}
