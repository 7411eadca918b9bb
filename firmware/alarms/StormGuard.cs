namespace Ipenergy.Probe.Alarms
{
    /// <summary>
    /// Per alarm slot: the times of its last N recorded events, so that no sliding 60-second window
    /// of snapshot time holds more than N (AlarmConfig.StormMaxEventsPerMinute). Resized only when
    /// the limit changes (a configuration change), so checking allocates nothing.
    /// </summary>
    public sealed class StormGuard
    {
        public const int WindowSeconds = 60;

        private long[] _times;
        private int _count;
        private int _next;

        public StormGuard(int limit)
        {
            _times = new long[limit];
        }

        public int Limit { get { return _times.Length; } }

        /// <summary>True when one more event at <paramref name="now"/> (engine seconds) keeps the window within the limit.</summary>
        public bool HasRoom(long now)
        {
            // The ring holds the last N event times; _next is the oldest once it is full.
            return _count < _times.Length || now - _times[_next] >= WindowSeconds;
        }

        public void Note(long now)
        {
            _times[_next] = now;
            _next = (_next + 1) % _times.Length;
            if (_count < _times.Length)
            {
                _count++;
            }
        }

        /// <summary>A new limit keeps the most recent event times that fit.</summary>
        public void Resize(int limit)
        {
            if (limit == _times.Length)
            {
                return;
            }

            long[] times = new long[limit];
            int keep = _count < limit ? _count : limit;
            for (int i = 0; i < keep; i++)
            {
                // i-th newest, written from the end so the ring's oldest is at index 0.
                int from = (_next - 1 - i + 2 * _times.Length) % _times.Length;
                times[keep - 1 - i] = _times[from];
            }

            _times = times;
            _count = keep;
            _next = keep % limit;
        }
    }
}
