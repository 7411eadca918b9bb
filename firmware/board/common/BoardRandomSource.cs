using System;
using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Board
{
    /// <summary>
    /// Bytes for password salts and session tokens. nanoFramework's System.Random is implemented natively by the
    /// target (on the ESP32 the nanoCLR can use the chip's RF-noise generator; we did not verify which source each
    /// firmware build uses), so it is not trusted alone: every block is SHA-256 over a pool that mixes the
    /// native generator's bytes, the tick count at each call (scheduling jitter), a counter, the board's identity
    /// and the previous output. With a hardware generator behind System.Random this is as good as that generator; without
    /// one it is only as unpredictable as boot and request timing are (documented in docs/boards).
    /// </summary>
    public sealed class BoardRandomSource : IRandomSource
    {
        private readonly object _lock = new object();
        private readonly Random _native = new Random();
        private readonly Sha256 _sha = new Sha256();
        private readonly byte[] _pool = new byte[32 + 32 + 8 + 8];
        private readonly byte[] _block = new byte[Sha256.HashLength];
        private readonly byte[] _fresh = new byte[32];
        private readonly byte[] _identity;
        private long _counter;

        /// <param name="identity">Bytes that differ from board to board (MAC address, chip unique ID).</param>
        public BoardRandomSource(byte[] identity)
        {
            _identity = identity == null ? new byte[0] : identity;
        }

        public void Fill(byte[] buffer, int offset, int count)
        {
            lock (_lock)
            {
                while (count > 0)
                {
                    NextBlock();
                    int n = count < _block.Length ? count : _block.Length;
                    Array.Copy(_block, 0, buffer, offset, n);
                    offset += n;
                    count -= n;
                }
            }
        }

        private void NextBlock()
        {
            _native.NextBytes(_fresh);
            Array.Copy(_fresh, 0, _pool, 0, 32);
            Array.Copy(_block, 0, _pool, 32, 32);
            Put(Environment.TickCount64, 64);
            Put(++_counter, 72);
            _sha.Reset();
            _sha.Update(_identity, 0, _identity.Length);
            _sha.Update(_pool, 0, _pool.Length);
            _sha.Finish(_block, 0);
        }

        private void Put(long value, int at)
        {
            for (int i = 0; i < 8; i++)
            {
                _pool[at + i] = (byte)(value >> (8 * i));
            }
        }
    }
}
