using System;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Storage;

namespace Ipenergy.Probe.Protocols.Snmp.Usm
{
    /// <summary>
    /// snmpEngineBoots on a flash partition of its own, as a 4-byte record in a <see cref="RecordLog"/> (2 sectors
    /// are enough: one 256-byte slot per start, an erase every 16 starts on 4 KiB sectors). RecordLog already
    /// survives a power cut at any byte (CRC, commit marker written last, newest by sequence): a torn save
    /// leaves the previous value, never an older one, and the clock only uses a value once Save returned true,
    /// so a value an engine ran with is never lost and boots never goes back. Values lower than the stored
    /// one are refused for the same reason. When the scan finds a written but invalid slot right where the next
    /// record after the newest would be (a torn save, or a committed record that went bad later: the two look
    /// alike), Load answers one more than the newest valid value: a record there can only have held newest + 1
    /// (the clock saves one step at a time), so the next start still lands above every value ever used; after
    /// a torn save that merely skips one value. Not thread-safe (used at start and on a 68-year time wrap).
    /// </summary>
    public sealed class FlashEngineBootsStore : IEngineBootsStore
    {
        /// <summary>The partition the boards and the simulator provide for it (2 sectors).</summary>
        public const string PartitionName = Ipenergy.Probe.Hal.FlashPartitionNames.SnmpEngine;

        /// <summary>Payload: boots as a little-endian int32.</summary>
        private const int PayloadLength = 4;

        private readonly RecordLog _log;
        private readonly byte[] _payload = new byte[PayloadLength];
        private bool _opened;

        // The newest valid value on flash (what an equal Save need not rewrite) and the value Load answered
        // (no Save may go below it).
        private int _stored;
        private int _floor;

        /// <summary>A store over the whole partition (at least 2 sectors of whole pages).</summary>
        public FlashEngineBootsStore(IFlashPartition partition)
        {
            _log = new RecordLog(partition, PayloadLength);
        }

        /// <summary>The log underneath (diagnostics and tests).</summary>
        public RecordLog Log { get { return _log; } }

        /// <summary>
        /// Scans the partition; the newest complete record's value (+1 when an invalid written slot follows it,
        /// see the class comment), 0 on a blank partition. A complete record that is not a valid boots value
        /// (foreign data with a valid CRC: another layout) or a flash error gives the maximum: the engine then
        /// latches and must be reconfigured rather than restart at a lower value.
        /// </summary>
        public int Load()
        {
            try
            {
                _log.Open();
                _opened = true;
                _stored = 0;
                if (_log.HasRecord)
                {
                    if (_log.ReadNewest(_payload, 0) != PayloadLength)
                    {
                        return Latch();
                    }

                    _stored = _payload[0] | (_payload[1] << 8) | (_payload[2] << 16) | (_payload[3] << 24);
                    if (_stored < 0)
                    {
                        return Latch();
                    }
                }

                _floor = _stored;
                bool badSlotAfterNewest = _log.HasRecord ? _log.InterruptedAppendFound : _log.InvalidSlotsFound > 0;
                if (badSlotAfterNewest && _floor < SnmpEngineClock.MaxBoots)
                {
                    _floor++;
                }

                return _floor;
            }
            catch (Exception)
            {
                _opened = false;
                return SnmpEngineClock.MaxBoots;
            }
        }

        /// <summary>
        /// Appends the value; true once its record is complete on flash. Refuses (false) a negative value or one
        /// below what Load answered; an equal value is not rewritten (no wear). Loads first if Load was not called.
        /// </summary>
        public bool Save(int boots)
        {
            if (boots < 0)
            {
                return false;
            }

            if (!_opened)
            {
                Load();
                if (!_opened)
                {
                    return false;
                }
            }

            if (boots < _floor)
            {
                return false;
            }

            if (boots == _stored && _log.HasRecord)
            {
                return true;
            }

            _payload[0] = (byte)boots;
            _payload[1] = (byte)(boots >> 8);
            _payload[2] = (byte)(boots >> 16);
            _payload[3] = (byte)(boots >> 24);
            try
            {
                _log.Append(_payload, 0, PayloadLength);
            }
            catch (Exception)
            {
                // Where the log stands after a failed program is unknown: scan again before the next save.
                _opened = false;
                return false;
            }

            _stored = boots;
            _floor = boots;
            return true;
        }

        private int Latch()
        {
            _stored = SnmpEngineClock.MaxBoots;
            _floor = SnmpEngineClock.MaxBoots;
            return _floor;
        }
    }
}
