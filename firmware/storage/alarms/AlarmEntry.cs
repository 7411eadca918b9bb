using System;

namespace Ipenergy.Probe.Storage.Alarms
{
    /// <summary>
    /// One alarm event as the journal stores it, and (reused) one row of the active-alarm table.
    /// A mutable holder: readers pass one in and the journal copies into it, so nothing is allocated.
    /// </summary>
    public sealed class AlarmEntry
    {
        /// <summary>Journal sequence number of this record (1, 2, ...; never reused, survives reboots).</summary>
        public uint Id;

        /// <summary>The alarm this event belongs to: the Id of its Raised record (= Id for Raised).</summary>
        public uint AlarmId;

        /// <summary>AlarmCodes.Event*.</summary>
        public int Kind;

        /// <summary>When it happened (UTC, the device clock; for an active row: when the alarm was raised).</summary>
        public DateTime TimestampUtc;

        /// <summary>AlarmCodes.Source*.</summary>
        public int Source;

        /// <summary>Device 0, phase 0..2, channel number 1..n, circuit 1..m.</summary>
        public int SourceIndex;

        /// <summary>AlarmCodes condition.</summary>
        public int Condition;

        /// <summary>AlarmCodes.Level* after the event (Normal for Cleared).</summary>
        public int Level;

        /// <summary>Level before the event.</summary>
        public int PreviousLevel;

        /// <summary>Measured value at the event, in the condition's unit (AlarmCodes.Unit).</summary>
        public double Value;

        /// <summary>Threshold crossed (or returned past), same unit.</summary>
        public double Threshold;

        /// <summary>The rule latches: the alarm stays until acknowledged.</summary>
        public bool Latching;

        /// <summary>Acknowledged (Acknowledged records; active rows once someone acknowledged).</summary>
        public bool Acknowledged;

        /// <summary>Who acknowledged (user name), or null.</summary>
        public string AckUser;

        /// <summary>When it was acknowledged (UTC); DateTime.MinValue when not.</summary>
        public DateTime AckTimeUtc;

        /// <summary>Active rows only: when the level last changed.</summary>
        public DateTime ChangedUtc;

        public void CopyFrom(AlarmEntry other)
        {
            Id = other.Id;
            AlarmId = other.AlarmId;
            Kind = other.Kind;
            TimestampUtc = other.TimestampUtc;
            Source = other.Source;
            SourceIndex = other.SourceIndex;
            Condition = other.Condition;
            Level = other.Level;
            PreviousLevel = other.PreviousLevel;
            Value = other.Value;
            Threshold = other.Threshold;
            Latching = other.Latching;
            Acknowledged = other.Acknowledged;
            AckUser = other.AckUser;
            AckTimeUtc = other.AckTimeUtc;
            ChangedUtc = other.ChangedUtc;
        }

        /// <summary>Same source and condition (the identity of an alarm slot).</summary>
        public bool SameSlot(int source, int sourceIndex, int condition)
        {
            return Source == source && SourceIndex == sourceIndex && Condition == condition;
        }
    }
}
