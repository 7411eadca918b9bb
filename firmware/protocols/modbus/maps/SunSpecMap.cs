using Ipenergy.Probe.Hal;
using System;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Storage.Alarms;

namespace Ipenergy.Probe.Protocols.Modbus.Maps
{
    /// <summary>
    /// The SunSpec device map at register 40000 (0-based protocol address, the one SunSpec clients use;
    /// "40001" in 1-based documentation): "SunS", common model 1, one meter model per configured circuit
    /// (203 three-phase wye for 3-phase circuits, 201 single phase for 1-phase ones; without circuits one
    /// 201 per CT channel), then the end marker 0xFFFF, 0. Point offsets come from SunSpecLayout, generated
    /// from the official model definitions. Integer points carry per-read scale factors chosen so the
    /// largest value of a group fits; points we do not measure read as SunSpec "not implemented".
    /// Read-only (DA included): every write answers 2. Functions 03 and 04 read the same registers.
    /// Each meter's Evt shows the active alarms behind it (SunSpecAlarmEvents), from the alarm journal.
    /// </summary>
    public sealed class SunSpecMap : IRegisterMap
    {
        public const int BaseAddress = 40000;

        private const int MarkerLength = 2;
        private const int EndLength = 2;

        private readonly IMeasurementSource _source;
        private readonly ushort[] _image;
        private readonly int[] _meterModel;
        private readonly int[][] _meterChannels;
        private readonly int[] _meterCircuit;
        private readonly int[] _meterStart;
        private readonly int[] _meterPhases;
        private readonly ModbusAlarmState _alarms;
        private readonly SunSpecMeterRenderer _renderer = new SunSpecMeterRenderer();
        private readonly object _lock = new object();

        /// <param name="unitId">Reported in the common model's DA point.</param>
        public SunSpecMap(IMeasurementSource source, MeterConfig config, DeviceIdentity identity, int unitId)
            : this(source, config, identity, unitId, null)
        {
        }

        /// <param name="journal">Alarm journal for the meters' Evt points; null: Evt reads 0.</param>
        public SunSpecMap(IMeasurementSource source, MeterConfig config, DeviceIdentity identity, int unitId, AlarmJournal journal)
        {
            _source = source;
            _alarms = new ModbusAlarmState(journal, config.Channels.Length, config.Circuits.Length);
            int meters = config.Circuits.Length > 0 ? config.Circuits.Length : config.Channels.Length;
            _meterModel = new int[meters];
            _meterChannels = new int[meters][];
            _meterCircuit = new int[meters];
            _meterStart = new int[meters];
            _meterPhases = new int[meters];
            int at = MarkerLength + SunSpecModel1.BlockLength;
            for (int m = 0; m < meters; m++)
            {
                if (config.Circuits.Length > 0)
                {
                    CircuitConfig circuit = config.Circuits[m];
                    _meterModel[m] = circuit.IsThreePhase ? SunSpecModel203.ModelId : SunSpecModel201.ModelId;
                    _meterChannels[m] = circuit.Channels;
                    _meterCircuit[m] = m;
                }
                else
                {
                    _meterModel[m] = SunSpecModel201.ModelId;
                    _meterChannels[m] = new int[] { config.Channels[m].Number };
                    _meterCircuit[m] = -1;
                }

                _meterPhases[m] = PhaseMask(config, _meterChannels[m]);
                _meterStart[m] = at;
                at += _meterModel[m] == SunSpecModel203.ModelId ? SunSpecModel203.BlockLength : SunSpecModel201.BlockLength;
            }

            _image = new ushort[at + EndLength];
            _image[0] = 0x5375; // "Su"
            _image[1] = 0x6E53; // "nS"
            int common = MarkerLength;
            Array.Copy(SunSpecModel1.Unimplemented, 0, _image, common, SunSpecModel1.BlockLength);
            RegisterWords.PutText(_image, common + SunSpecModel1.Mn, 16, identity.Manufacturer);
            RegisterWords.PutText(_image, common + SunSpecModel1.Md, 16, identity.Model);
            RegisterWords.PutText(_image, common + SunSpecModel1.Opt, 8, identity.Options);
            RegisterWords.PutText(_image, common + SunSpecModel1.Vr, 8, identity.FirmwareVersion);
            RegisterWords.PutText(_image, common + SunSpecModel1.SN, 16, identity.SerialNumber);
            _image[common + SunSpecModel1.DA] = (ushort)unitId;
            for (int m = 0; m < meters; m++)
            {
                _renderer.Render(null, _meterModel[m], _meterChannels[m], _meterCircuit[m], _image, _meterStart[m]);
            }

            _image[at] = 0xFFFF;
            _image[at + 1] = 0;
        }

        /// <summary>Registers from 40000 through the end marker.</summary>
        public int Length { get { return _image.Length; } }

        public int MeterCount { get { return _meterModel.Length; } }

        /// <summary>Protocol address of meter m's ID register.</summary>
        public int MeterAddress(int meter)
        {
            return BaseAddress + _meterStart[meter];
        }

        /// <summary>201 or 203.</summary>
        public int MeterModel(int meter)
        {
            return _meterModel[meter];
        }

        public int Read(bool holding, int start, int count, byte[] dest, int destOffset)
        {
            int from = start - BaseAddress;
            if (count < 1 || from < 0 || from + count > _image.Length)
            {
                return 2;
            }

            MeasurementSnapshot snapshot = _source.Latest;
            lock (_lock)
            {
                _alarms.Scan();
                for (int m = 0; m < _meterStart.Length; m++)
                {
                    int blockStart = _meterStart[m];
                    int blockEnd = m + 1 < _meterStart.Length ? _meterStart[m + 1] : _image.Length - EndLength;
                    if (blockStart < from + count && blockEnd > from)
                    {
                        uint evt = SunSpecAlarmEvents.ForMeter(_alarms, _meterCircuit[m] + 1, _meterChannels[m], _meterPhases[m]);
                        _renderer.Render(snapshot, _meterModel[m], _meterChannels[m], _meterCircuit[m], evt, _image, blockStart);
                    }
                }

                RegisterWords.CopyOut(_image, from, count, dest, destOffset);
            }

            return 0;
        }

        public int Write(int start, int count, byte[] src, int srcOffset)
        {
            return 2;
        }

        /// <summary>Bit p set when one of the channels measures on phase p (its voltage alarms concern the meter).</summary>
        private static int PhaseMask(MeterConfig config, int[] channels)
        {
            int mask = 0;
            for (int i = 0; i < channels.Length; i++)
            {
                for (int c = 0; c < config.Channels.Length; c++)
                {
                    int phase = config.Channels[c].Phase;
                    if (config.Channels[c].Number == channels[i] && phase >= 0 && phase < 3)
                    {
                        mask |= 1 << phase;
                    }
                }
            }

            return mask;
        }
    }
}
