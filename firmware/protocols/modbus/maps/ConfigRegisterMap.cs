using System.Text;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Protocols.Modbus.Maps
{
    /// <summary>
    /// A small writable configuration block behind an unlock register (0-based addresses, uint16 each):
    ///   3000  unlock: write UnlockCode to allow writes for UnlockMilliseconds, 0 to lock at once (any
    ///         other value answers 3); reads 1 while unlocked, else 0
    ///   3001  nominal phase-to-neutral voltage in 0.1 V (1000…4800 = 100…480 V)
    ///   3002  nominal frequency in Hz (50 or 60)
    ///   3003  seconds left before writes lock again (read-only)
    /// Writes to 3001/3002 while locked, or to 3003, answer 2; a value ConfigValidator refuses answers 3;
    /// a store that fails to save answers 4. Accepted values are saved and applied through the
    /// configuration store (like PUT /api/v1/config). A multi-register write that starts with the unlock
    /// code unlocks for the registers after it in the same request.
    /// </summary>
    public sealed class ConfigRegisterMap : IRegisterMap
    {
        public const int BaseAddress = 3000;
        public const int UnlockAddress = 3000;
        public const int NominalVoltageAddress = 3001;
        public const int NominalFrequencyAddress = 3002;
        public const int UnlockRemainingAddress = 3003;
        public const int Length = 4;

        /// <summary>Value to write to the unlock register.</summary>
        public const int UnlockCode = 0x5AFE;

        public const long UnlockMilliseconds = 60000;

        private readonly IModbusConfigStore _store;
        private readonly IClock _clock;
        private readonly ushort[] _image = new ushort[Length];
        private readonly object _lock = new object();
        private long _unlockedUntil = 0;

        public ConfigRegisterMap(IModbusConfigStore store, IClock clock)
        {
            _store = store;
            _clock = clock;
        }

        public bool Unlocked
        {
            get
            {
                return _clock.MonotonicMilliseconds < _unlockedUntil;
            }
        }

        public int Read(bool holding, int start, int count, byte[] dest, int destOffset)
        {
            int from = start - BaseAddress;
            if (count < 1 || from < 0 || from + count > Length)
            {
                return 2;
            }

            MeterConfig config = _store.Current;
            lock (_lock)
            {
                long left = _unlockedUntil - _clock.MonotonicMilliseconds;
                _image[0] = (ushort)(left > 0 ? 1 : 0);
                _image[1] = (ushort)System.Math.Round(config.NominalVoltage * 10.0);
                _image[2] = (ushort)System.Math.Round(config.NominalFrequencyHz);
                _image[3] = (ushort)(left > 0 ? (left + 999) / 1000 : 0);
                RegisterWords.CopyOut(_image, from, count, dest, destOffset);
            }

            return 0;
        }

        public int Write(int start, int count, byte[] src, int srcOffset)
        {
            int from = start - BaseAddress;
            if (count < 1 || from < 0 || from + count > Length || from + count > UnlockRemainingAddress - BaseAddress)
            {
                return 2;
            }

            lock (_lock)
            {
                long now = _clock.MonotonicMilliseconds;
                bool unlocked = now < _unlockedUntil;
                int first = 0;
                if (from == 0)
                {
                    int code = RegisterWords.ReadUInt16(src, srcOffset);
                    if (code == 0 && count == 1)
                    {
                        _unlockedUntil = 0;
                        return 0;
                    }

                    if (code != UnlockCode)
                    {
                        return 3;
                    }

                    unlocked = true;
                    first = 1;
                }

                if (first == count)
                {
                    _unlockedUntil = now + UnlockMilliseconds;
                    return 0;
                }

                if (!unlocked)
                {
                    return 2;
                }

                MeterConfig next = _store.Current.Clone();
                for (int i = first; i < count; i++)
                {
                    int value = RegisterWords.ReadUInt16(src, srcOffset + 2 * i);
                    if (from + i == NominalVoltageAddress - BaseAddress)
                    {
                        next.NominalVoltage = value / 10.0;
                    }
                    else
                    {
                        next.NominalFrequencyHz = value;
                    }
                }

                if (ConfigValidator.Validate(next) != null)
                {
                    return 3;
                }

                byte[] json = Encoding.UTF8.GetBytes(Json(next));
                if (_store.Apply(json, 0, json.Length) != null)
                {
                    return 4;
                }

                if (first == 1)
                {
                    _unlockedUntil = now + UnlockMilliseconds;
                }

                return 0;
            }
        }

        /// <summary>The partial configuration document carrying the two settings (writes are rare: allocation is fine).</summary>
        private static string Json(MeterConfig config)
        {
            int tenths = (int)System.Math.Round(config.NominalVoltage * 10.0);
            return "{\"nominalVoltage\":" + (tenths / 10).ToString() + "." + (tenths % 10).ToString()
                + ",\"nominalFrequency\":" + ((int)config.NominalFrequencyHz).ToString() + "}";
        }
    }
}
