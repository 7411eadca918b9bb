using Ipenergy.Probe.Bus;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Protocols.Modbus.Maps;

namespace Ipenergy.Probe.App
{
    /// <summary>
    /// The gateway's <see cref="IModuleDirectory"/>: every polled bus address with its status, counters and
    /// last values, read from the <see cref="ModuleCache"/> the <see cref="BusPoller"/> fills. A module's image
    /// is decoded lazily, when a reader asks and the cache holds a newer poll, into one of two snapshots made
    /// once per module (again only if its channel count changes): no allocation per call in steady state.
    /// Memory follows the modules that answer, not the scan range: a module's slot is made at its first good poll,
    /// and the images are decoded through one scratch copy shared by every module.
    /// </summary>
    public sealed class GatewayModules : IModuleDirectory
    {
        private readonly ModuleCache _cache;
        private readonly BusPoller _poller;
        private readonly RtuMaster _master;
        private readonly IBusClock _clock;
        private readonly ModuleImageDecoder _decoder;
        private readonly Slot[] _slots = new Slot[256];

        // The cached image copied out under the cache's lock, decoded outside it; one for all modules.
        private readonly byte[] _scratch;
        private readonly object _scratchLock = new object();

        public GatewayModules(BusPoller poller, IBusClock clock)
        {
            _poller = poller;
            _cache = poller.Cache;
            _master = poller.Master;
            _clock = clock;
            _decoder = new ModuleImageDecoder(_cache);
            _scratch = new byte[_cache.ImageBytes];
        }

        public int Count
        {
            get { return _cache.Count; }
        }

        public int AddressAt(int index)
        {
            return _cache.AddressAt(index);
        }

        public int StatusOf(int address)
        {
            if (!_cache.EverSeen(address))
            {
                return ModuleStatus.Unknown;
            }

            return _cache.IsOnline(address) ? ModuleStatus.Online : ModuleStatus.Offline;
        }

        public MeasurementSnapshot LatestOf(int address)
        {
            Slot slot = SlotOf(address);
            if (slot == null)
            {
                return null;
            }

            // One reader decodes at a time: two must not fill the same object.
            lock (slot)
            {
                return Refresh(slot, address) ? slot.Current : null;
            }
        }

        public DeviceIdentity IdentityOf(int address)
        {
            Slot slot = SlotOf(address);
            if (slot == null)
            {
                return null;
            }

            lock (slot)
            {
                return Refresh(slot, address) ? slot.Identity : null;
            }
        }

        public string NameOf(int address)
        {
            Slot slot = SlotOf(address);
            if (slot == null)
            {
                return "";
            }

            lock (slot)
            {
                Refresh(slot, address);
                return slot.Name;
            }
        }

        public string LocationOf(int address)
        {
            Slot slot = SlotOf(address);
            if (slot == null)
            {
                return "";
            }

            lock (slot)
            {
                Refresh(slot, address);
                return slot.Location;
            }
        }

        // Under the slot's lock: decodes the cached image when it is newer than the last decoded. False: none yet.
        private bool Refresh(Slot slot, int address)
        {
            long captured = _cache.CapturedUs(address);
            if (captured < 0)
            {
                return false;
            }

            if (captured == slot.DecodedUs)
            {
                return true;
            }

            lock (_scratchLock)
            {
                int present;
                byte[] image = _scratch;
                slot.DecodedUs = _cache.CopyImage(address, image, 0, out present);
                int channels = _decoder.ChannelsHeld(image, present);
                if (slot.Ring == null || slot.Channels != channels)
                {
                    slot.Ring = new MeasurementSnapshot[] { ModuleImageDecoder.NewSnapshot(channels), ModuleImageDecoder.NewSnapshot(channels) };
                    slot.Channels = channels;
                }

                // The other one: a reader of the previous second keeps consistent values for a cycle.
                slot.Next ^= 1;
                MeasurementSnapshot target = slot.Ring[slot.Next];
                _decoder.Decode(image, present, target);
                slot.Current = target;
                RefreshIdentity(slot, image, present);
            }

            return true;
        }

        // Strings are made only when the identity registers change (or the model when the block is missing).
        private void RefreshIdentity(Slot slot, byte[] image, int present)
        {
            int at = _decoder.OffsetOf(VendorMapLayout.IdentityAddress, VendorMapLayout.IdentityLength, present);
            int headerChannels = _decoder.ChannelCountOf(image, present);
            if (at < 0)
            {
                // An older slave without the identity block: the model follows from its channel count.
                if (slot.Identity == null || slot.IdentityPresent || slot.IdentityChannels != headerChannels)
                {
                    slot.Identity = new DeviceIdentity(DeviceIdentity.ModelForChannels(headerChannels), "", "", "");
                    slot.Name = "";
                    slot.Location = "";
                    slot.IdentityPresent = false;
                    slot.IdentityChannels = headerChannels;
                }

                return;
            }

            int length = 2 * VendorMapLayout.IdentityLength;
            if (slot.Identity != null && slot.IdentityPresent && Same(image, at, slot.IdentityBytes, length))
            {
                return;
            }

            System.Array.Copy(image, at, slot.IdentityBytes, 0, length);
            slot.Identity = new DeviceIdentity(
                Text(VendorQuantity.ModelName, slot.IdentityBytes),
                "",
                Text(VendorQuantity.FirmwareVersion, slot.IdentityBytes),
                Text(VendorQuantity.SerialNumber, slot.IdentityBytes));
            slot.Name = Text(VendorQuantity.ModuleName, slot.IdentityBytes);
            slot.Location = Text(VendorQuantity.ModuleLocation, slot.IdentityBytes);
            slot.IdentityPresent = true;
            slot.IdentityChannels = headerChannels;
        }

        private static bool Same(byte[] a, int aOffset, byte[] b, int length)
        {
            for (int i = 0; i < length; i++)
            {
                if (a[aOffset + i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }

        // The identity field of that quantity as a string, up to its first NUL.
        private static string Text(int quantity, byte[] identity)
        {
            VendorField[] fields = VendorMapLayout.Identity;
            for (int f = 0; f < fields.Length; f++)
            {
                if (fields[f].Quantity == quantity)
                {
                    int from = 2 * fields[f].Offset;
                    int max = 2 * fields[f].Registers;
                    int length = 0;
                    while (length < max && identity[from + length] != 0)
                    {
                        length++;
                    }

                    char[] chars = new char[length];
                    for (int i = 0; i < length; i++)
                    {
                        chars[i] = (char)(identity[from + i] & 0x7F);
                    }

                    return new string(chars);
                }
            }

            return "";
        }

        public double AgeSecondsOf(int address)
        {
            long captured = _cache.CapturedUs(address);
            if (captured < 0)
            {
                return -1;
            }

            return (_clock.Microseconds - captured) / 1000000.0;
        }

        public long CounterOf(int address, int counter)
        {
            if (!_cache.Contains(address))
            {
                return 0;
            }

            switch (counter)
            {
                case ModuleCounters.Polls: return _cache.PollsOf(address);
                case ModuleCounters.MissedPolls: return _cache.MissedPollsOf(address);
                case ModuleCounters.Timeouts: return _master.TimeoutsOf(address);
                case ModuleCounters.CrcErrors: return _master.CrcErrorsOf(address);
                case ModuleCounters.Exceptions: return _master.ExceptionsOf(address);
                case ModuleCounters.Unexpected: return _master.UnexpectedOf(address);
                case ModuleCounters.WentOffline: return _cache.WentOfflineOf(address);
                default: return 0;
            }
        }

        public double LastCycleSeconds
        {
            get { return _poller.LastCycleUs / 1000000.0; }
        }

        // Made when an address that has answered is first asked for (the scan range is fixed at start); null before.
        private Slot SlotOf(int address)
        {
            if (!_cache.Contains(address) || !_cache.EverSeen(address))
            {
                return null;
            }

            Slot slot = _slots[address];
            if (slot == null)
            {
                lock (_slots)
                {
                    slot = _slots[address];
                    if (slot == null)
                    {
                        slot = new Slot();
                        _slots[address] = slot;
                    }
                }
            }

            return slot;
        }

        /// <summary>One module's decoding state; its own lock.</summary>
        private sealed class Slot
        {
            public Slot()
            {
                DecodedUs = -1;
            }

            public readonly byte[] IdentityBytes = new byte[2 * VendorMapLayout.IdentityLength];
            public long DecodedUs;
            public DeviceIdentity Identity;
            public string Name = "";
            public string Location = "";
            public bool IdentityPresent;
            public int IdentityChannels;
            public int Channels;
            public int Next;
            public MeasurementSnapshot[] Ring;
            public MeasurementSnapshot Current;
        }
    }
}
