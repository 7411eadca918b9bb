using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// The logged-in sessions: a fixed table (no allocation when a request looks its cookie up), each a
    /// random 128-bit token sent as 32 hex digits in the cookie, the user's name, and when it was last
    /// used. A session ends on logout, when unused for the configured timeout, when its user is removed
    /// or changes password, or when the table is full and a newer login takes the least recently used
    /// slot. Thread-safe.
    /// </summary>
    public sealed class SessionTable
    {
        public const int Capacity = 8;
        public const int TokenBytes = 16;
        public const int TokenTextLength = TokenBytes * 2;

        private static readonly byte[] HexDigits = AsciiBytes.From("0123456789abcdef");

        private readonly byte[][] _tokens = new byte[Capacity][];
        private readonly string[] _users = new string[Capacity];
        private readonly long[] _lastUsedMs = new long[Capacity];
        private readonly byte[] _random = new byte[TokenBytes];
        private readonly object _sync = new object();

        public SessionTable()
        {
            for (int i = 0; i < Capacity; i++)
            {
                _tokens[i] = new byte[TokenTextLength];
            }
        }

        /// <summary>Opens a session for the user; returns its slot. The token text is copied into token (32 bytes).</summary>
        public int Open(string user, IRandomSource random, long nowMs, byte[] token)
        {
            lock (_sync)
            {
                int slot = 0;
                for (int i = 0; i < Capacity; i++)
                {
                    if (_users[i] == null)
                    {
                        slot = i;
                        break;
                    }

                    if (_lastUsedMs[i] < _lastUsedMs[slot])
                    {
                        slot = i;
                    }
                }

                random.Fill(_random, 0, TokenBytes);
                byte[] text = _tokens[slot];
                for (int i = 0; i < TokenBytes; i++)
                {
                    text[i * 2] = HexDigits[_random[i] >> 4];
                    text[i * 2 + 1] = HexDigits[_random[i] & 15];
                    _random[i] = 0;
                }

                _users[slot] = user;
                _lastUsedMs[slot] = nowMs;
                for (int i = 0; i < TokenTextLength; i++)
                {
                    token[i] = text[i];
                }

                return slot;
            }
        }

        /// <summary>
        /// The slot whose token equals buffer[start, start+length) and was used within timeoutMs (its use
        /// time is renewed), or -1. An expired session found here is closed. The comparison does not stop
        /// at the first differing byte.
        /// </summary>
        public int Find(byte[] buffer, int start, int length, long nowMs, long timeoutMs)
        {
            if (length != TokenTextLength)
            {
                return -1;
            }

            lock (_sync)
            {
                int found = -1;
                for (int slot = 0; slot < Capacity; slot++)
                {
                    if (_users[slot] == null)
                    {
                        continue;
                    }

                    byte[] token = _tokens[slot];
                    int diff = 0;
                    for (int i = 0; i < TokenTextLength; i++)
                    {
                        diff |= token[i] ^ buffer[start + i];
                    }

                    if (diff == 0)
                    {
                        found = slot;
                    }
                }

                if (found < 0)
                {
                    return -1;
                }

                if (nowMs - _lastUsedMs[found] > timeoutMs)
                {
                    CloseSlot(found);
                    return -1;
                }

                _lastUsedMs[found] = nowMs;
                return found;
            }
        }

        /// <summary>The user of an open slot, or null.</summary>
        public string User(int slot)
        {
            lock (_sync)
            {
                return slot >= 0 && slot < Capacity ? _users[slot] : null;
            }
        }

        /// <summary>Seconds left before the slot expires when unused.</summary>
        public long SecondsLeft(int slot, long nowMs, long timeoutMs)
        {
            lock (_sync)
            {
                long left = timeoutMs - (nowMs - _lastUsedMs[slot]);
                return left <= 0 ? 0 : (left + 999) / 1000;
            }
        }

        public void Close(int slot)
        {
            lock (_sync)
            {
                if (slot >= 0 && slot < Capacity)
                {
                    CloseSlot(slot);
                }
            }
        }

        /// <summary>Ends every session of the user (removed, or password changed), except keepSlot (-1: none).</summary>
        public void CloseUser(string user, int keepSlot)
        {
            lock (_sync)
            {
                for (int slot = 0; slot < Capacity; slot++)
                {
                    if (slot != keepSlot && _users[slot] == user)
                    {
                        CloseSlot(slot);
                    }
                }
            }
        }

        /// <summary>Number of open (not necessarily unexpired) sessions.</summary>
        public int OpenCount
        {
            get
            {
                lock (_sync)
                {
                    int count = 0;
                    for (int slot = 0; slot < Capacity; slot++)
                    {
                        if (_users[slot] != null)
                        {
                            count++;
                        }
                    }

                    return count;
                }
            }
        }

        private void CloseSlot(int slot)
        {
            _users[slot] = null;
            byte[] token = _tokens[slot];
            for (int i = 0; i < token.Length; i++)
            {
                token[i] = 0;
            }
        }
    }
}
