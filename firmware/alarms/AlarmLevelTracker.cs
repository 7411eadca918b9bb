namespace Ipenergy.Probe.Alarms
{
    /// <summary>
    /// One level (warning or critical) of one alarm slot: raised once the value has stayed at or
    /// beyond the threshold for the assertion delay, dropped once it has stayed back past
    /// threshold ∓ hysteresis for the clear delay. Time is counted in evaluated seconds (one per
    /// snapshot), so a missing second counts neither way and the simulator's time scale applies.
    /// </summary>
    public sealed class AlarmLevelTracker
    {
        // Seconds spent past (while not active) / back (while active) since the streak began; −1 = no streak.
        private int _pastSeconds = -1;
        private int _backSeconds = -1;

        /// <summary>True while the level is raised.</summary>
        public bool Active { get; private set; }

        /// <summary>One evaluated second. A NaN threshold (level off) drops the level at once.</summary>
        public void Update(double value, double threshold, double hysteresis, bool lowSide, int assertDelayS, int clearDelayS)
        {
            if (double.IsNaN(threshold))
            {
                Reset();
                return;
            }

            if (!Active)
            {
                bool past = lowSide ? value <= threshold : value >= threshold;
                if (!past)
                {
                    _pastSeconds = -1;
                    return;
                }

                // The first second past starts the streak at 0: with a delay of 5 the level rises
                // on the sixth consecutive second, 5 s after the value first crossed.
                _pastSeconds++;
                if (_pastSeconds >= assertDelayS)
                {
                    Active = true;
                    _pastSeconds = -1;
                    _backSeconds = -1;
                }

                return;
            }

            bool back = lowSide ? value > threshold + hysteresis : value < threshold - hysteresis;
            if (!back)
            {
                _backSeconds = -1;
                return;
            }

            _backSeconds++;
            if (_backSeconds >= clearDelayS)
            {
                Active = false;
                _pastSeconds = -1;
                _backSeconds = -1;
            }
        }

        /// <summary>Level down at once, streaks forgotten (rule disabled, level switched off, source not applicable).</summary>
        public void Reset()
        {
            Active = false;
            _pastSeconds = -1;
            _backSeconds = -1;
        }

        /// <summary>Raised without delay: an alarm the journal still holds as active after a restart or a rebuild.</summary>
        public void Restore()
        {
            Active = true;
            _pastSeconds = -1;
            _backSeconds = -1;
        }
    }
}
