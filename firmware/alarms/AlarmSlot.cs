using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Alarms
{
    /// <summary>
    /// The state of one alarm: one source (device, phase, channel, circuit) and one condition. Two
    /// level trackers give the measured level; Level adds latching on top; RecordedLevel is what
    /// the journal was last told (it lags Level while the storm guard holds events back).
    /// </summary>
    public sealed class AlarmSlot
    {
        public AlarmSlot(int source, int sourceIndex, int condition, int stormLimit)
        {
            Source = source;
            SourceIndex = sourceIndex;
            Condition = condition;
            Warning = new AlarmLevelTracker();
            Critical = new AlarmLevelTracker();
            Guard = new StormGuard(stormLimit);
        }

        public int Source { get; private set; }

        /// <summary>Device 0, phase 0..2, channel number 1..n, circuit 1..m.</summary>
        public int SourceIndex { get; private set; }

        public int Condition { get; private set; }

        public AlarmLevelTracker Warning { get; private set; }

        public AlarmLevelTracker Critical { get; private set; }

        public StormGuard Guard { get; private set; }

        /// <summary>The alarm's level now (AlarmCodes.Level*), latching included.</summary>
        public int Level;

        /// <summary>The level of the last event appended to the journal.</summary>
        public int RecordedLevel;

        /// <summary>Threshold of the last recorded raise/change, reported again when it clears.</summary>
        public double RecordedThreshold;

        /// <summary>The value of the last evaluated second, in the condition's unit.</summary>
        public double Value;

        /// <summary>The level the two trackers give (no latching).</summary>
        public int MeasuredLevel
        {
            get
            {
                return Critical.Active ? AlarmCodes.LevelCritical : Warning.Active ? AlarmCodes.LevelWarning : AlarmCodes.LevelNormal;
            }
        }

        public bool SameIdentity(AlarmSlot other)
        {
            return Source == other.Source && SourceIndex == other.SourceIndex && Condition == other.Condition;
        }

        /// <summary>Both levels down at once.</summary>
        public void Reset()
        {
            Warning.Reset();
            Critical.Reset();
        }

        /// <summary>Takes over an alarm the journal holds as active (after a restart or a rebuild).</summary>
        public void Restore(int level, double threshold)
        {
            if (level >= AlarmCodes.LevelWarning)
            {
                Warning.Restore();
            }

            if (level >= AlarmCodes.LevelCritical)
            {
                Critical.Restore();
            }

            Level = level;
            RecordedLevel = level;
            RecordedThreshold = threshold;
        }
    }
}
