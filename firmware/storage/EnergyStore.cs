using System;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Storage
{
    /// <summary>
    /// The energy counters of every channel as one record in a <see cref="RecordLog"/> on the "energy"
    /// partition: 4 registers per channel (import/export Wh, import/export varh, milli-units) plus the
    /// device time of the save. Open at boot, then read Saved*; Save writes a new newest record.
    ///
    /// Payload (little-endian): format (1) = 1, reason (1), channels (2), uptime ms (8), UTC ticks (8),
    /// then channels x 4 registers (8 each). An MPP18 record is 20 + 576 = 596 bytes, 612 with the header.
    /// </summary>
    public sealed class EnergyStore
    {
        public const int RegistersPerChannel = 4;

        /// <summary>Save reasons, kept in the record (diagnostics: was the last stop clean?).</summary>
        public const int ReasonPeriodic = 1;
        public const int ReasonShutdown = 2;

        private const byte Format = 1;
        private const int FixedPart = 20;

        private readonly RecordLog _log;
        private readonly byte[] _payload;
        private readonly long[] _saved;

        /// <summary>A store for channels channels on the energy partition.</summary>
        public EnergyStore(IFlashPartition partition, int channels)
        {
            if (channels < 1 || channels > 0x7FFF)
            {
                throw new ArgumentOutOfRangeException("channels");
            }

            Channels = channels;
            _payload = new byte[PayloadLength(channels)];
            _saved = new long[channels * RegistersPerChannel];
            _log = new RecordLog(partition, _payload.Length);
        }

        public int Channels { get; private set; }

        /// <summary>The log underneath (slot size, diagnostics of the boot scan).</summary>
        public RecordLog Log { get { return _log; } }

        /// <summary>Bytes of one record on flash before page rounding (header + payload).</summary>
        public int RecordBytes { get { return RecordLog.HeaderSize + _payload.Length; } }

        /// <summary>True after Open when a saved record was found.</summary>
        public bool HasSaved { get; private set; }

        /// <summary>Saved registers, [channel * 4 + register]; channels the record did not hold read 0.</summary>
        public long[] SavedMilliUnits { get { return _saved; } }

        /// <summary>Channels the saved record held (a record from another model may hold more or fewer).</summary>
        public int SavedChannels { get; private set; }

        public long SavedUptimeMilliseconds { get; private set; }

        public long SavedUtcTicks { get; private set; }

        public int SavedReason { get; private set; }

        public uint SavedSequence { get { return _log.NewestSequence; } }

        /// <summary>Payload bytes for a number of channels.</summary>
        public static int PayloadLength(int channels)
        {
            return FixedPart + channels * RegistersPerChannel * 8;
        }

        /// <summary>Boot: scans the log and loads the newest record into the Saved* properties.</summary>
        public void Open()
        {
            _log.Open();
            Load();
        }

        /// <summary>
        /// Writes the registers ([channel * 4 + register], milli-units) with the device time as the newest
        /// record; allocates nothing. Returns once the record is complete on flash.
        /// </summary>
        public void Save(long[] milliUnits, long uptimeMilliseconds, DateTime utc, int reason)
        {
            byte[] p = _payload;
            p[0] = Format;
            p[1] = (byte)reason;
            p[2] = (byte)Channels;
            p[3] = (byte)(Channels >> 8);
            WriteInt64(p, 4, uptimeMilliseconds);
            WriteInt64(p, 12, utc.Ticks);
            int n = Channels * RegistersPerChannel;
            for (int i = 0; i < n; i++)
            {
                WriteInt64(p, FixedPart + 8 * i, milliUnits[i]);
            }

            _log.Append(p, 0, p.Length);
            for (int i = 0; i < n; i++)
            {
                _saved[i] = milliUnits[i];
            }

            HasSaved = true;
            SavedChannels = Channels;
            SavedUptimeMilliseconds = uptimeMilliseconds;
            SavedUtcTicks = utc.Ticks;
            SavedReason = reason;
        }

        private void Load()
        {
            for (int i = 0; i < _saved.Length; i++)
            {
                _saved[i] = 0;
            }

            HasSaved = false;
            SavedChannels = 0;
            SavedUptimeMilliseconds = 0;
            SavedUtcTicks = 0;
            SavedReason = 0;
            if (!_log.HasRecord || _log.NewestLength < FixedPart)
            {
                return;
            }

            // A record of another channel count (another model) restores the channels both have.
            byte[] p = _payload;
            int length = _log.NewestLength;
            _log.ReadNewest(p, 0);
            if (p[0] != Format)
            {
                return;
            }

            int channels = p[2] | (p[3] << 8);
            if (PayloadLength(channels) != length)
            {
                return;
            }

            int used = channels < Channels ? channels : Channels;
            for (int i = 0; i < used * RegistersPerChannel; i++)
            {
                _saved[i] = ReadInt64(p, FixedPart + 8 * i);
            }

            HasSaved = true;
            SavedChannels = channels;
            SavedReason = p[1];
            SavedUptimeMilliseconds = ReadInt64(p, 4);
            SavedUtcTicks = ReadInt64(p, 12);
        }

        private static void WriteInt64(byte[] b, int at, long v)
        {
            for (int i = 0; i < 8; i++)
            {
                b[at + i] = (byte)(v >> (8 * i));
            }
        }

        private static long ReadInt64(byte[] b, int at)
        {
            long v = 0;
            for (int i = 7; i >= 0; i--)
            {
                v = (v << 8) | b[at + i];
            }

            return v;
        }
    }
}
