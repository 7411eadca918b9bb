namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// Slows password guessing: at most <see cref="MaxFailuresPerUser"/> failed logins per user name and
    /// <see cref="MaxFailuresGlobal"/> in all within a sliding minute; beyond that every attempt (right or
    /// wrong) is refused with 429 and Retry-After until the oldest failure leaves the window. Names that are
    /// not users share one bucket, so guessing names does not make new buckets. Fixed tables; thread-safe.
    /// </summary>
    public sealed class LoginRateLimiter
    {
        public const int MaxFailuresPerUser = 5;
        public const int MaxFailuresGlobal = 20;
        public const long WindowMs = 60000;

        // Bucket per user slot of the configuration (8) plus one for unknown names.
        public const int Buckets = 9;

        // "No failure yet": far in the past, yet now - NeverFailed cannot overflow.
        private const long NeverFailed = long.MinValue / 2;

        private readonly long[][] _userFailures = new long[Buckets][];
        private readonly int[] _userNext = new int[Buckets];
        private readonly long[] _globalFailures = new long[MaxFailuresGlobal];
        private int _globalNext;
        private readonly object _sync = new object();

        public LoginRateLimiter()
        {
            for (int i = 0; i < Buckets; i++)
            {
                _userFailures[i] = new long[MaxFailuresPerUser];
                for (int j = 0; j < MaxFailuresPerUser; j++)
                {
                    _userFailures[i][j] = NeverFailed;
                }
            }

            for (int j = 0; j < MaxFailuresGlobal; j++)
            {
                _globalFailures[j] = NeverFailed;
            }
        }

        /// <summary>0 when an attempt for the bucket may go ahead, else the seconds to wait (for Retry-After).</summary>
        public int RetryAfterSeconds(int bucket, long nowMs)
        {
            lock (_sync)
            {
                // Each ring holds the last N failures; the next to overwrite is the oldest.
                long userOldest = _userFailures[bucket][_userNext[bucket]];
                long globalOldest = _globalFailures[_globalNext];
                long wait = 0;
                if (nowMs - userOldest < WindowMs)
                {
                    wait = WindowMs - (nowMs - userOldest);
                }

                if (nowMs - globalOldest < WindowMs && WindowMs - (nowMs - globalOldest) > wait)
                {
                    wait = WindowMs - (nowMs - globalOldest);
                }

                return wait <= 0 ? 0 : (int)((wait + 999) / 1000);
            }
        }

        public void RecordFailure(int bucket, long nowMs)
        {
            lock (_sync)
            {
                _userFailures[bucket][_userNext[bucket]] = nowMs;
                _userNext[bucket] = (_userNext[bucket] + 1) % MaxFailuresPerUser;
                _globalFailures[_globalNext] = nowMs;
                _globalNext = (_globalNext + 1) % MaxFailuresGlobal;
            }
        }
    }
}
