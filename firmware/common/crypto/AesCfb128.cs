namespace Ipenergy.Probe.Common
{
    /// <summary>
    /// AES-128 in CFB mode with 128-bit feedback (NIST SP 800-38A 6.3), the SNMPv3 privacy cipher
    /// (RFC 3826 usmAesCfb128Protocol). Any length: the last partial block uses the leading keystream bytes,
    /// so ciphertext is as long as plaintext. In place or into another buffer. No allocation per call;
    /// not thread-safe (one per user, or one shared under the agent's single receive thread).
    /// </summary>
    public sealed class AesCfb128
    {
        public const int IvLength = 16;
        public const int KeyLength = Aes128.KeyLength;

        private readonly Aes128 _aes = new Aes128();
        private readonly byte[] _register = new byte[16];
        private readonly byte[] _keystream = new byte[16];

        /// <summary>The 16-byte key at key[offset...] (for USM: the first 16 bytes of the localized privacy key).</summary>
        public void SetKey(byte[] key, int offset)
        {
            _aes.SetKey(key, offset);
        }

        public void Clear()
        {
            _aes.Clear();
            for (int i = 0; i < 16; i++)
            {
                _register[i] = 0;
                _keystream[i] = 0;
            }
        }

        /// <summary>Encrypts count bytes of input[inputOffset...] into output[outputOffset...] (may be the same bytes).</summary>
        public void Encrypt(byte[] iv, int ivOffset, byte[] input, int inputOffset, byte[] output, int outputOffset, int count)
        {
            Run(iv, ivOffset, input, inputOffset, output, outputOffset, count, true);
        }

        /// <summary>Decrypts count bytes of input[inputOffset...] into output[outputOffset...] (may be the same bytes).</summary>
        public void Decrypt(byte[] iv, int ivOffset, byte[] input, int inputOffset, byte[] output, int outputOffset, int count)
        {
            Run(iv, ivOffset, input, inputOffset, output, outputOffset, count, false);
        }

        private void Run(byte[] iv, int ivOffset, byte[] input, int inputOffset, byte[] output, int outputOffset, int count, bool encrypt)
        {
            for (int i = 0; i < 16; i++)
            {
                _register[i] = iv[ivOffset + i];
            }

            int done = 0;
            while (done < count)
            {
                // O_j = CIPH(I_j); the next input block is this ciphertext block, in both directions.
                _aes.EncryptBlock(_register, 0, _keystream, 0);
                int n = count - done;
                if (n > 16)
                {
                    n = 16;
                }

                for (int i = 0; i < n; i++)
                {
                    // Read the input byte before writing: in place, output and input are the same byte.
                    byte inByte = input[inputOffset + done + i];
                    byte outByte = (byte)(inByte ^ _keystream[i]);
                    output[outputOffset + done + i] = outByte;
                    _register[i] = encrypt ? outByte : inByte;
                }

                done += n;
            }

            // Do not leave keystream lying in the instance.
            for (int i = 0; i < 16; i++)
            {
                _keystream[i] = 0;
            }
        }
    }
}
