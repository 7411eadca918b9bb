using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Protocols.Discovery
{
    /// <summary>
    /// Keeps the responder from being a traffic amplifier: at most one answer per source address per second and,
    /// over all sources, a token bucket of <see cref="AnswersPerSecond"/> answers per second (the device clock).
    /// Sources are compared with Equals (an IPAddress on the device); a fixed table, nothing allocated per call.
    /// </summary>
    public sealed class DiscoveryRateLimiter
    {
        /// <summary>Answers per second over all sources (also the bucket's depth).</summary>
        public const int AnswersPerSecond = 20;

        /// <summary>Minimum time between two answers to the same source.</summary>
        public const long PerSourceIntervalMs = 1000;

        // More sources than the bucket lets through in one second, so a remembered source is only forgotten
        // once its second is over (the oldest entry is the one replaced).
        private const int Sources = 32;

        // One token = 1000 milli-tokens, so a refill of 20 per second is 20 milli-tokens per millisecond.
        private const long MilliTokensPerToken = 1000;
        private const long BucketMilliTokens = AnswersPerSecond * MilliTokensPerToken;

        private readonly IClock _clock;
        private readonly object[] _sources = new object[Sources];
        private readonly long[] _lastAnswerMs = new long[Sources];
        private long _milliTokens = BucketMilliTokens;
        private long _refilledMs;

        public DiscoveryRateLimiter(IClock clock)
        {
            _clock = clock;
            _refilledMs = clock.MonotonicMilliseconds;
        }

        /// <summary>True when an answer to this source may go now (and counts it as sent); false: stay silent.</summary>
        public bool TryAnswer(object source)
        {
            long now = _clock.MonotonicMilliseconds;
            Refill(now);
            int slot = -1;
            int replace = 0;
            for (int i = 0; i < Sources; i++)
            {
                object known = _sources[i];
                if (known == null)
                {
                    // An empty slot is always the one to fill.
                    if (_sources[replace] != null)
                    {
                        replace = i;
                    }

                    continue;
                }

                if (known.Equals(source))
                {
                    slot = i;
                    break;
                }

                if (_sources[replace] != null && _lastAnswerMs[i] < _lastAnswerMs[replace])
                {
                    replace = i;
                }
            }

            if (slot >= 0 && now - _lastAnswerMs[slot] < PerSourceIntervalMs)
            {
                return false;
            }

            if (_milliTokens < MilliTokensPerToken)
            {
                return false;
            }

            _milliTokens -= MilliTokensPerToken;
            if (slot < 0)
            {
                slot = replace;
                _sources[slot] = source;
            }

            _lastAnswerMs[slot] = now;
            return true;
        }

        private void Refill(long now)
        {
            long elapsed = now - _refilledMs;
            if (elapsed <= 0)
            {
                return;
            }

            _refilledMs = now;
            // Capped before multiplying so a long quiet spell cannot overflow.
            long add = elapsed >= 1000 ? BucketMilliTokens : elapsed * AnswersPerSecond;
            _milliTokens += add;
            if (_milliTokens > BucketMilliTokens)
            {
                _milliTokens = BucketMilliTokens;
            }
        }
    }
}
