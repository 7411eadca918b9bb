namespace Ipenergy.Probe.Common
{
    /// <summary>
    /// What SHA-1 and SHA-256 share (FIPS 180-4): 64-byte blocks, big-endian 32-bit state words, the padding with
    /// the message length in bits. A subclass gives its initial state and its compression function. Incremental
    /// (Reset, Update..., Finish) over buffers made once per instance, so hashing allocates nothing. Not thread-safe.
    /// </summary>
    public abstract class BlockHash
    {
        /// <summary>Block length in bytes (HMAC pads keys to this).</summary>
        public const int BlockLength = 64;

        /// <summary>The chaining state, DigestLength / 4 words; the subclass's compression function updates it.</summary>
        protected readonly uint[] State;

        private readonly byte[] _block = new byte[BlockLength];
        private int _blockFilled;
        private long _totalBytes;

        protected BlockHash(int digestLength)
        {
            DigestLength = digestLength;
            State = new uint[digestLength / 4];
        }

        /// <summary>Digest length in bytes.</summary>
        public int DigestLength { get; private set; }

        /// <summary>Starts a new message.</summary>
        public void Reset()
        {
            SetInitialState();
            _blockFilled = 0;
            _totalBytes = 0;
        }

        /// <summary>Takes over another instance's progress (HMAC keeps its keyed states and restarts from them).</summary>
        public void CopyFrom(BlockHash other)
        {
            for (int i = 0; i < State.Length; i++)
            {
                State[i] = other.State[i];
            }

            for (int i = 0; i < other._blockFilled; i++)
            {
                _block[i] = other._block[i];
            }

            _blockFilled = other._blockFilled;
            _totalBytes = other._totalBytes;
        }

        /// <summary>Feeds count bytes of data[offset...].</summary>
        public void Update(byte[] data, int offset, int count)
        {
            _totalBytes += count;
            int end = offset + count;
            while (offset < end)
            {
                // Whole blocks straight from the caller's buffer: no copy.
                if (_blockFilled == 0 && end - offset >= BlockLength)
                {
                    Compress(data, offset);
                    offset += BlockLength;
                    continue;
                }

                _block[_blockFilled++] = data[offset++];
                if (_blockFilled == BlockLength)
                {
                    Compress(_block, 0);
                    _blockFilled = 0;
                }
            }
        }

        /// <summary>Pads, writes the DigestLength-byte digest to output[offset...] and leaves the instance to be Reset.</summary>
        public void Finish(byte[] output, int offset)
        {
            long bits = _totalBytes * 8;
            _block[_blockFilled++] = 0x80;
            if (_blockFilled > BlockLength - 8)
            {
                while (_blockFilled < BlockLength)
                {
                    _block[_blockFilled++] = 0;
                }

                Compress(_block, 0);
                _blockFilled = 0;
            }

            while (_blockFilled < BlockLength - 8)
            {
                _block[_blockFilled++] = 0;
            }

            for (int i = 0; i < 8; i++)
            {
                _block[BlockLength - 1 - i] = (byte)(bits >> (i * 8));
            }

            Compress(_block, 0);
            _blockFilled = 0;
            for (int i = 0; i < State.Length; i++)
            {
                uint v = State[i];
                output[offset + i * 4] = (byte)(v >> 24);
                output[offset + i * 4 + 1] = (byte)(v >> 16);
                output[offset + i * 4 + 2] = (byte)(v >> 8);
                output[offset + i * 4 + 3] = (byte)v;
            }
        }

        /// <summary>The block at data[offset...] as 16 big-endian words, into w[0..15] (the start of each message schedule).</summary>
        protected static void LoadBlockWords(byte[] data, int offset, uint[] w)
        {
            for (int t = 0; t < 16; t++)
            {
                int p = offset + t * 4;
                w[t] = ((uint)data[p] << 24) | ((uint)data[p + 1] << 16) | ((uint)data[p + 2] << 8) | data[p + 3];
            }
        }

        /// <summary>Puts the algorithm's initial hash value in State.</summary>
        protected abstract void SetInitialState();

        /// <summary>Processes the 64-byte block at data[offset...] into State.</summary>
        protected abstract void Compress(byte[] data, int offset);
    }
}
