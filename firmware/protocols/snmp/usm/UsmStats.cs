using System.Threading;

namespace Ipenergy.Probe.Protocols.Snmp.Usm
{
    /// <summary>
    /// The six usmStats counters (SNMP-USER-BASED-SM-MIB, RFC 3414 5), Counter32 values that wrap at 2^32. The USM
    /// counts, the report PDUs carry the one that applies (its OID and value), the MIB serves them all. Indexed
    /// by their sub-identifier under usmStats (1.3.6.1.6.3.15.1.1). Thread-safe increments, no allocation.
    /// </summary>
    public sealed class UsmStats
    {
        public const int UnsupportedSecLevels = 1;
        public const int NotInTimeWindows = 2;
        public const int UnknownUserNames = 3;
        public const int UnknownEngineIds = 4;
        public const int WrongDigests = 5;
        public const int DecryptionErrors = 6;

        /// <summary>Counters 1..Count.</summary>
        public const int Count = 6;

        /// <summary>usmStats = 1.3.6.1.6.3.15.1.1 (snmpUsmMIB.usmMIBObjects.usmStats).</summary>
        public static readonly uint[] Subtree = new uint[] { 1, 3, 6, 1, 6, 3, 15, 1, 1 };

        public static readonly uint[] UnsupportedSecLevelsInstance = new uint[] { 1, 3, 6, 1, 6, 3, 15, 1, 1, 1, 0 };
        public static readonly uint[] NotInTimeWindowsInstance = new uint[] { 1, 3, 6, 1, 6, 3, 15, 1, 1, 2, 0 };
        public static readonly uint[] UnknownUserNamesInstance = new uint[] { 1, 3, 6, 1, 6, 3, 15, 1, 1, 3, 0 };
        public static readonly uint[] UnknownEngineIdsInstance = new uint[] { 1, 3, 6, 1, 6, 3, 15, 1, 1, 4, 0 };
        public static readonly uint[] WrongDigestsInstance = new uint[] { 1, 3, 6, 1, 6, 3, 15, 1, 1, 5, 0 };
        public static readonly uint[] DecryptionErrorsInstance = new uint[] { 1, 3, 6, 1, 6, 3, 15, 1, 1, 6, 0 };

        private readonly int[] _values = new int[Count + 1];

        /// <summary>The instance OID (usmStats.n.0) of counter n (1..6), for a report's varbind; null otherwise.</summary>
        public static uint[] InstanceOf(int counter)
        {
            switch (counter)
            {
                case UnsupportedSecLevels: return UnsupportedSecLevelsInstance;
                case NotInTimeWindows: return NotInTimeWindowsInstance;
                case UnknownUserNames: return UnknownUserNamesInstance;
                case UnknownEngineIds: return UnknownEngineIdsInstance;
                case WrongDigests: return WrongDigestsInstance;
                case DecryptionErrors: return DecryptionErrorsInstance;
                default: return null;
            }
        }

        /// <summary>Adds one to counter n (1..6); Interlocked wraps int32, read as uint that is the Counter32 wrap.</summary>
        public void Increment(int counter)
        {
            Interlocked.Increment(ref _values[counter]);
        }

        /// <summary>Counter n's value as Counter32.</summary>
        public uint Read(int counter)
        {
            return (uint)Interlocked.CompareExchange(ref _values[counter], 0, 0);
        }

        /// <summary>Sets counter n (tests of the wrap; a MIB never sets a Counter32).</summary>
        public void Preset(int counter, uint value)
        {
            Interlocked.Exchange(ref _values[counter], unchecked((int)value));
        }
    }
}
