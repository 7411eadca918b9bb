using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Config
{
    /// <summary>
    /// The configuration in two slots of the "config" flash partition (each half of its sectors;
    /// one sector each on the boards). A save erases and writes the slot NOT holding the newest
    /// valid record, with the sequence one higher, then reads it back: a power cut at any byte of
    /// it leaves a slot whose CRC fails (or the old bytes), so the previous configuration stays in
    /// force. Load takes the valid record (magic, length, CRC) with the highest sequence.
    /// Not thread-safe: the composition root calls it from one place.
    /// </summary>
    public sealed class ConfigStore
    {
        private const int VerifyChunk = 64;

        private readonly IFlashPartition _flash;
        private readonly int _channelCount;
        private readonly int _sectorsPerSlot;
        private readonly int _slotSize;
        private readonly byte[] _record;
        private readonly byte[] _verify = new byte[VerifyChunk];
        private bool _scanned;
        private int _newestSlot;
        private uint _newestSequence;
        private int _newestLength;

        public ConfigStore(IFlashPartition flash, int channelCount)
        {
            _flash = flash;
            _channelCount = channelCount;
            _sectorsPerSlot = flash.SectorCount / 2;
            _slotSize = _sectorsPerSlot * flash.SectorSize;
            _record = new byte[_slotSize];
            _newestSlot = -1;
        }

        /// <summary>Bytes a record (header + payload) may take.</summary>
        public int SlotSize { get { return _slotSize; } }

        /// <summary>Reads both slots and returns the configuration in force (never null).</summary>
        public ConfigLoadResult Load()
        {
            if (_sectorsPerSlot < 1)
            {
                _scanned = true;
                return Factory("config partition has fewer than 2 sectors: factory defaults in force");
            }

            Scan();
            if (_newestSlot < 0)
            {
                return Factory("no configuration saved: factory defaults in force");
            }

            ReadRecord(_newestSlot, _newestLength);
            int version = _record[ConfigLayout.VersionOffset] | (_record[ConfigLayout.VersionOffset + 1] << 8);
            int minReader = _record[ConfigLayout.MinReaderVersionOffset] | (_record[ConfigLayout.MinReaderVersionOffset + 1] << 8);
            string where = "slot " + _newestSlot.ToString() + " (sequence " + _newestSequence.ToString() + ")";
            if (minReader > ConfigLayout.CurrentVersion)
            {
                return Factory(where + " holds layout version " + version.ToString() + ", this firmware reads up to "
                    + ConfigLayout.CurrentVersion.ToString() + ": factory defaults in force, stored configuration kept");
            }

            MeterConfig config = ConfigLayout.DecodePayload(_record, ConfigLayout.HeaderSize, _newestLength - ConfigLayout.HeaderSize,
                version, _channelCount);
            if (config == null)
            {
                return Factory(where + " is not a configuration for " + _channelCount.ToString() + " channels: factory defaults in force");
            }

            string error = ConfigValidator.Validate(config);
            if (error != null)
            {
                return Factory(where + " breaks a rule (" + error + "): factory defaults in force");
            }

            return new ConfigLoadResult(config, _newestSlot, _newestSequence, "configuration loaded from " + where);
        }

        /// <summary>Validates and stores <paramref name="config"/>; null on success, else why it was not saved.</summary>
        public string Save(MeterConfig config)
        {
            if (config.Channels.Length != _channelCount)
            {
                return "channels: this e-Probe has " + _channelCount.ToString() + " channels, got " + config.Channels.Length.ToString();
            }

            string error = ConfigValidator.Validate(config);
            if (error != null)
            {
                return error;
            }

            if (_sectorsPerSlot < 1)
            {
                return "config partition has fewer than 2 sectors";
            }

            if (!_scanned)
            {
                Scan();
            }

            uint sequence = _newestSequence + 1;
            int length = ConfigLayout.Encode(config, sequence, _record, 0, _slotSize);
            if (length < 0)
            {
                return "configuration does not fit in a " + _slotSize.ToString() + "-byte slot (shorter labels needed)";
            }

            int target = _newestSlot == 0 ? 1 : 0;
            int start = target * _slotSize;
            for (int s = 0; s < _sectorsPerSlot; s++)
            {
                _flash.Erase(target * _sectorsPerSlot + s);
            }

            int pageSize = _flash.PageSize;
            for (int done = 0; done < length;)
            {
                // Slots start on a sector boundary, so page boundaries fall at multiples of pageSize.
                int count = pageSize - done % pageSize;
                if (count > length - done)
                {
                    count = length - done;
                }

                _flash.Program(start + done, _record, done, count);
                done += count;
            }

            if (!Verify(start, length))
            {
                return "flash verify failed in config slot " + target.ToString() + ": previous configuration kept";
            }

            _newestSlot = target;
            _newestSequence = sequence;
            _newestLength = length;
            return null;
        }

        /// <summary>
        /// Stores the factory defaults as the newest configuration (as safe against a power cut as
        /// any save), then erases the older slot so no old secret stays on the flash.
        /// </summary>
        public string FactoryReset()
        {
            string error = Save(new MeterConfig(_channelCount));
            if (error != null)
            {
                return error;
            }

            int older = _newestSlot == 0 ? 1 : 0;
            for (int s = 0; s < _sectorsPerSlot; s++)
            {
                _flash.Erase(older * _sectorsPerSlot + s);
            }

            return null;
        }

        private ConfigLoadResult Factory(string message)
        {
            return new ConfigLoadResult(new MeterConfig(_channelCount), -1, 0, message);
        }

        // Finds the valid record with the highest sequence (any layout version).
        private void Scan()
        {
            _scanned = true;
            _newestSlot = -1;
            _newestSequence = 0;
            _newestLength = 0;
            for (int slot = 0; slot < 2; slot++)
            {
                int length = ValidRecordLength(slot);
                if (length < 0)
                {
                    continue;
                }

                uint sequence = ReadUInt32(_record, ConfigLayout.SequenceOffset);
                if (_newestSlot < 0 || sequence > _newestSequence)
                {
                    _newestSlot = slot;
                    _newestSequence = sequence;
                    _newestLength = length;
                }
            }
        }

        // Reads the slot's record into _record; its total length when magic, length and CRC hold, else −1.
        private int ValidRecordLength(int slot)
        {
            ReadRecord(slot, ConfigLayout.HeaderSize);
            if (ReadUInt32(_record, ConfigLayout.MagicOffset) != ConfigLayout.Magic)
            {
                return -1;
            }

            uint payloadLength = ReadUInt32(_record, ConfigLayout.LengthOffset);
            if (payloadLength > (uint)(_slotSize - ConfigLayout.HeaderSize))
            {
                return -1;
            }

            int length = ConfigLayout.HeaderSize + (int)payloadLength;
            ReadRecord(slot, length);
            uint crc = ConfigLayout.RecordCrc(_record, 0, (int)payloadLength);
            return crc == ReadUInt32(_record, ConfigLayout.CrcOffset) ? length : -1;
        }

        private void ReadRecord(int slot, int length)
        {
            _flash.Read(slot * _slotSize, _record, 0, length);
        }

        private bool Verify(int start, int length)
        {
            for (int done = 0; done < length; done += VerifyChunk)
            {
                int count = length - done < VerifyChunk ? length - done : VerifyChunk;
                _flash.Read(start + done, _verify, 0, count);
                for (int i = 0; i < count; i++)
                {
                    if (_verify[i] != _record[done + i])
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private static uint ReadUInt32(byte[] buffer, int offset)
        {
            return (uint)(buffer[offset] | (buffer[offset + 1] << 8) | (buffer[offset + 2] << 16) | (buffer[offset + 3] << 24));
        }
    }
}
