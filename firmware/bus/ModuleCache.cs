using System.Collections;

namespace Ipenergy.Probe.Bus
{
    /// <summary>
    /// The gateway's copy of every module's registers: for each address the image of the configured
    /// <see cref="RegisterRange"/>s from the last poll that read them all, with its time, and whether the
    /// module is online. The poller stores whole images under the lock; readers copy under the same lock,
    /// so an answer never mixes two polls. Lookups allocate nothing (the per-module state is made when an
    /// address is added).
    /// </summary>
    public sealed class ModuleCache
    {
        /// <summary>Register read answered.</summary>
        public const int Ok = 0;

        /// <summary>Registers outside the cached ranges (Modbus exception 02).</summary>
        public const int NotCached = 0x02;

        /// <summary>No image of that module yet, or not a known module (Modbus exception 0B, gateway target failed).</summary>
        public const int NoImage = 0x0B;

        private readonly RegisterRange[] _ranges;
        private readonly int[] _rangeOffsets;
        private readonly ModuleState[] _byAddress = new ModuleState[256];
        private readonly ArrayList _modules = new ArrayList();
        private readonly object _lock = new object();
        private readonly int _imageBytes;

        /// <param name="ranges">At most 31 (one bit each in the per-module masks).</param>
        public ModuleCache(RegisterRange[] ranges)
        {
            if (ranges.Length > 31)
            {
                throw new System.ArgumentException("at most 31 ranges");
            }

            _ranges = ranges;
            _rangeOffsets = new int[ranges.Length];
            int offset = 0;
            for (int i = 0; i < ranges.Length; i++)
            {
                _rangeOffsets[i] = offset;
                offset += 2 * ranges[i].Count;
            }

            _imageBytes = offset;
        }

        public RegisterRange[] Ranges
        {
            get { return _ranges; }
        }

        /// <summary>Bytes in one image: the ranges in order, 2 bytes a register, big-endian.</summary>
        public int ImageBytes
        {
            get { return _imageBytes; }
        }

        /// <summary>Where range i starts in an image.</summary>
        public int RangeOffset(int rangeIndex)
        {
            return _rangeOffsets[rangeIndex];
        }

        /// <summary>Known addresses, in the order added.</summary>
        public int Count
        {
            get { return _modules.Count; }
        }

        public int AddressAt(int index)
        {
            return ((ModuleState)_modules[index]).Address;
        }

        /// <summary>Adds a module (1..247); nothing if already there.</summary>
        public void Add(int address)
        {
            lock (_lock)
            {
                if (_byAddress[address] == null)
                {
                    ModuleState state = new ModuleState(address);
                    _byAddress[address] = state;
                    _modules.Add(state);
                }
            }
        }

        public bool Contains(int address)
        {
            return address > 0 && address < 256 && _byAddress[address] != null;
        }

        public bool IsOnline(int address)
        {
            ModuleState state = Find(address);
            return state != null && state.Online;
        }

        /// <summary>
        /// Copies the module's last image into dest[destOffset..+ImageBytes). Returns the bus clock time
        /// (us) it was read, or -1 when there is none (dest untouched).
        /// </summary>
        public long CopyImage(int address, byte[] dest, int destOffset)
        {
            int present;
            return CopyImage(address, dest, destOffset, out present);
        }

        /// <summary>
        /// As <see cref="CopyImage(int, byte[], int)"/>, with the ranges the image holds for this module
        /// (bit r = range r; optional ranges the module does not have are clear), taken under the same lock.
        /// </summary>
        public long CopyImage(int address, byte[] dest, int destOffset, out int present)
        {
            present = 0;
            ModuleState state = Find(address);
            if (state == null)
            {
                return -1;
            }

            lock (_lock)
            {
                if (state.CapturedUs < 0)
                {
                    return -1;
                }

                System.Array.Copy(state.Image, 0, dest, destOffset, _imageBytes);
                present = state.Present;
                return state.CapturedUs;
            }
        }

        /// <summary>
        /// Copies count registers from start (holding or input space) out of the module's image, 2 bytes
        /// each, when one cached range covers them all: what a Modbus-TCP gateway answers for unit id =
        /// address. Returns Ok, NotCached or NoImage.
        /// </summary>
        public int ReadRegisters(int address, bool holding, int start, int count, byte[] dest, int destOffset)
        {
            ModuleState state = Find(address);
            if (state == null)
            {
                return NoImage;
            }

            for (int i = 0; i < _ranges.Length; i++)
            {
                RegisterRange range = _ranges[i];
                if (range.Holding == holding && start >= range.Start && start + count <= range.Start + range.Count)
                {
                    lock (_lock)
                    {
                        if (state.CapturedUs < 0)
                        {
                            return NoImage;
                        }

                        if ((state.Present & (1 << i)) == 0)
                        {
                            // An optional range this module does not have (e.g. MPP18 channels on an MPP3).
                            return NotCached;
                        }

                        System.Array.Copy(state.Image, _rangeOffsets[i] + 2 * (start - range.Start), dest, destOffset, 2 * count);
                        return Ok;
                    }
                }
            }

            return NotCached;
        }

        /// <summary>Bus clock time (us) of the module's image, -1 for none.</summary>
        public long CapturedUs(int address)
        {
            ModuleState state = Find(address);
            if (state == null)
            {
                return -1;
            }

            // A long is two words on the device: read it under the writer's lock.
            lock (_lock)
            {
                return state.CapturedUs;
            }
        }

        /// <summary>Ranges the module's image holds (bit r = range r), 0 before its first good poll.</summary>
        public int PresentOf(int address)
        {
            ModuleState state = Find(address);
            if (state == null)
            {
                return 0;
            }

            lock (_lock)
            {
                return state.Present;
            }
        }

        public int PollsOf(int address) { ModuleState s = Find(address); return s == null ? 0 : s.Polls; }

        public int GoodPollsOf(int address) { ModuleState s = Find(address); return s == null ? 0 : s.GoodPolls; }

        public int MissedPollsOf(int address) { ModuleState s = Find(address); return s == null ? 0 : s.MissedPolls; }

        public int MissedInARowOf(int address) { ModuleState s = Find(address); return s == null ? 0 : s.MissedInARow; }

        /// <summary>Times the module went from online to offline.</summary>
        public int WentOfflineOf(int address) { ModuleState s = Find(address); return s == null ? 0 : s.WentOffline; }

        /// <summary>True once the module has answered a poll (it may be offline since).</summary>
        public bool EverSeen(int address) { return CapturedUs(address) >= 0; }

        // The poller's side.
        internal ModuleState Find(int address)
        {
            return address > 0 && address < 256 ? _byAddress[address] : null;
        }

        /// <summary>Stores the ranges read this poll (bit r of readMask) and which optional ranges the module lacks.</summary>
        internal void Store(ModuleState state, byte[] image, long capturedUs, int readMask, int absentMask)
        {
            lock (_lock)
            {
                if (state.Image == null)
                {
                    state.Image = new byte[_imageBytes];
                }

                for (int r = 0; r < _ranges.Length; r++)
                {
                    if ((readMask & (1 << r)) != 0)
                    {
                        System.Array.Copy(image, _rangeOffsets[r], state.Image, _rangeOffsets[r], 2 * _ranges[r].Count);
                    }
                }

                state.Present = (state.Present | readMask) & ~absentMask;
                state.Absent = absentMask;
                state.CapturedUs = capturedUs;
            }
        }
    }
}
