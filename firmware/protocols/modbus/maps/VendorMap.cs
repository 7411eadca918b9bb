using System;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Storage.Alarms;

namespace Ipenergy.Probe.Protocols.Modbus.Maps
{
    /// <summary>
    /// The flat vendor map laid out by VendorMapLayout (from 1000). A read must lie inside one region
    /// (else 2) and is filled from one snapshot; before the first snapshot floats read NaN and integers 0.
    /// Functions 03 and 04 read the same registers. Read-only: every write answers 2. Alarm registers
    /// (header 1004, 1016…1023 and the alarm rows) come from the alarm journal's active table, scanned once
    /// per read that touches them; without a journal they read 0.
    /// </summary>
    public sealed class VendorMap : IRegisterMap
    {
        private const int RegionHeader = 0;
        private const int RegionPhase = 1;
        private const int RegionChannel = 2;
        private const int RegionCircuit = 3;
        private const int RegionPhaseAlarm = 4;
        private const int RegionChannelAlarm = 5;
        private const int RegionCircuitAlarm = 6;
        private const int RegionIdentity = 7;

        private readonly IMeasurementSource _source;
        private readonly int _channelCount;
        private readonly int _circuitCount;
        private readonly ModbusAlarmState _alarms;
        private readonly int[] _regionAddress;
        private readonly int[] _regionStride;
        private readonly int[] _regionRecords;
        private readonly VendorField[][] _regionFields;
        private readonly ushort[] _record = new ushort[VendorMapLayout.IdentityLength];
        private readonly DeviceIdentity _identity;
        private readonly IModbusConfigStore _config;
        private readonly object _lock = new object();

        /// <param name="circuitCount">Configured circuits (more than VendorMapLayout.MaxCircuits are left out).</param>
        public VendorMap(IMeasurementSource source, int channelCount, int circuitCount)
            : this(source, channelCount, circuitCount, null)
        {
        }

        /// <param name="journal">Alarm journal whose active alarms the alarm registers show; null: they read 0.</param>
        public VendorMap(IMeasurementSource source, int channelCount, int circuitCount, AlarmJournal journal)
            : this(source, channelCount, circuitCount, journal, null, null)
        {
        }

        /// <param name="identity">Serial, model and firmware version for the identity block; null: empty text.</param>
        /// <param name="config">Whose Current snmp.sysName / sysLocation the identity block shows at each read; null: empty.</param>
        public VendorMap(IMeasurementSource source, int channelCount, int circuitCount, AlarmJournal journal,
            DeviceIdentity identity, IModbusConfigStore config)
        {
            _source = source;
            _identity = identity;
            _config = config;
            _channelCount = channelCount;
            _circuitCount = circuitCount > VendorMapLayout.MaxCircuits ? VendorMapLayout.MaxCircuits : circuitCount;
            int alarmChannels = channelCount > VendorMapLayout.MaxAlarmChannels ? VendorMapLayout.MaxAlarmChannels : channelCount;
            _alarms = new ModbusAlarmState(journal, alarmChannels, _circuitCount);
            int row = VendorMapLayout.AlarmRowStride;
            _regionAddress = new int[]
            {
                VendorMapLayout.HeaderAddress, VendorMapLayout.PhaseAddress, VendorMapLayout.ChannelAddress, VendorMapLayout.CircuitAddress,
                VendorMapLayout.PhaseAlarmAddress, VendorMapLayout.ChannelAlarmAddress, VendorMapLayout.CircuitAlarmAddress,
                VendorMapLayout.IdentityAddress,
            };
            _regionStride = new int[]
            {
                VendorMapLayout.HeaderLength, VendorMapLayout.PhaseStride, VendorMapLayout.ChannelStride, VendorMapLayout.CircuitStride, row, row, row,
                VendorMapLayout.IdentityLength,
            };
            _regionRecords = new int[] { 1, VendorMapLayout.PhaseCount, _channelCount, _circuitCount, VendorMapLayout.PhaseCount, alarmChannels, _circuitCount, 1 };
            _regionFields = new VendorField[][]
            {
                VendorMapLayout.Header, VendorMapLayout.Phase, VendorMapLayout.Channel, VendorMapLayout.Circuit,
                VendorMapLayout.AlarmRow, VendorMapLayout.AlarmRow, VendorMapLayout.AlarmRow, VendorMapLayout.Identity,
            };
        }

        public int ChannelCount { get { return _channelCount; } }

        public int CircuitCount { get { return _circuitCount; } }

        /// <summary>First address after the last region (the map spans BaseAddress … End − 1, with holes).</summary>
        public int End
        {
            get
            {
                return VendorMapLayout.CircuitAddress + VendorMapLayout.CircuitStride * _circuitCount;
            }
        }

        public int Read(bool holding, int start, int count, byte[] dest, int destOffset)
        {
            int region = -1;
            for (int r = 0; r < _regionAddress.Length; r++)
            {
                int regionEnd = _regionAddress[r] + _regionStride[r] * _regionRecords[r];
                if (start >= _regionAddress[r] && start < regionEnd)
                {
                    region = r;
                    if (start + count > regionEnd)
                    {
                        return 2;
                    }
                }
            }

            if (region < 0 || count < 1)
            {
                return 2;
            }

            MeasurementSnapshot snapshot = _source.Latest;
            int stride = _regionStride[region];
            int end = start + count;
            lock (_lock)
            {
                if (region == RegionHeader || region >= RegionPhaseAlarm)
                {
                    _alarms.Scan();
                }

                int at = start;
                while (at < end)
                {
                    int relative = at - _regionAddress[region];
                    int record = relative / stride;
                    int offset = relative % stride;
                    int take = stride - offset;
                    if (take > end - at)
                    {
                        take = end - at;
                    }

                    Render(region, record, snapshot);
                    RegisterWords.CopyOut(_record, offset, take, dest, destOffset + 2 * (at - start));
                    at += take;
                }
            }

            return 0;
        }

        public int Write(int start, int count, byte[] src, int srcOffset)
        {
            return 2;
        }

        private void Render(int region, int record, MeasurementSnapshot snapshot)
        {
            VendorField[] fields = _regionFields[region];
            for (int f = 0; f < fields.Length; f++)
            {
                VendorField field = fields[f];
                if (field.Type == VendorRegisterType.Text)
                {
                    RegisterWords.PutText(_record, field.Offset, field.Registers, TextValue(field.Quantity));
                }
                else if (field.Type == VendorRegisterType.Float32)
                {
                    RegisterWords.PutFloat32(_record, field.Offset, FloatValue(region, record, field.Quantity, snapshot));
                }
                else if (field.Type == VendorRegisterType.Int64)
                {
                    RegisterWords.PutInt64(_record, field.Offset, IntegerValue(region, record, field.Quantity, snapshot));
                }
                else if (field.Type == VendorRegisterType.UInt32)
                {
                    RegisterWords.PutUInt32(_record, field.Offset, (uint)IntegerValue(region, record, field.Quantity, snapshot));
                }
                else
                {
                    _record[field.Offset] = (ushort)IntegerValue(region, record, field.Quantity, snapshot);
                }
            }
        }

        private string TextValue(int quantity)
        {
            MeterConfig config = _config != null ? _config.Current : null;
            switch (quantity)
            {
                case VendorQuantity.SerialNumber: return _identity != null ? _identity.SerialNumber : "";
                case VendorQuantity.ModelName: return _identity != null ? _identity.Model : "";
                case VendorQuantity.FirmwareVersion: return _identity != null ? _identity.FirmwareVersion : "";
                case VendorQuantity.ModuleName: return config != null && config.Snmp != null ? config.Snmp.SysName : "";
                case VendorQuantity.ModuleLocation: return config != null && config.Snmp != null ? config.Snmp.SysLocation : "";
                default: return "";
            }
        }

        private long IntegerValue(int region, int record, int quantity, MeasurementSnapshot s)
        {
            switch (quantity)
            {
                case VendorQuantity.MapVersion: return VendorMapLayout.Version;
                case VendorQuantity.ChannelCount: return _channelCount;
                case VendorQuantity.CircuitCount: return _circuitCount;
                case VendorQuantity.PhaseNumber:
                case VendorQuantity.ChannelNumber:
                case VendorQuantity.CircuitNumber:
                    return record + 1;

                // Alarms are known without a measurement (the journal survives reboots).
                case VendorQuantity.AlarmBits: return (uint)_alarms.Bits;
                case VendorQuantity.CriticalAlarmBits: return (uint)_alarms.CriticalBits;
                case VendorQuantity.AlarmLevel: return _alarms.HighestLevel;
                case VendorQuantity.ActiveAlarmCount: return _alarms.ActiveCount;
                case VendorQuantity.CriticalAlarmCount: return _alarms.CriticalCount;
                case VendorQuantity.UnacknowledgedAlarmCount: return _alarms.UnacknowledgedCount;
                case VendorQuantity.DeviceAlarmLevel: return _alarms.SourceLevel(AlarmCodes.SourceDevice, 0);
                case VendorQuantity.DeviceAlarmBits: return _alarms.SourceBits(AlarmCodes.SourceDevice, 0);
                case VendorQuantity.SourceAlarmLevel: return _alarms.SourceLevel(AlarmSource(region), AlarmSourceIndex(region, record));
                case VendorQuantity.SourceAlarmBits: return _alarms.SourceBits(AlarmSource(region), AlarmSourceIndex(region, record));
            }

            if (s == null)
            {
                return 0;
            }

            PhaseValues phase = region == RegionPhase && record < s.Phases.Length ? s.Phases[record] : null;
            ChannelValues channel = region == RegionChannel && record < s.Channels.Length ? s.Channels[record] : null;
            CircuitValues circuit = region == RegionCircuit && record < s.Circuits.Length ? s.Circuits[record] : null;
            switch (quantity)
            {
                case VendorQuantity.DeviceStatus: return VendorMapLayout.StatusMeasuring;
                case VendorQuantity.Sequence: return s.Sequence;
                case VendorQuantity.UnixTime: return UnixSeconds(s.Timestamp);
                case VendorQuantity.PhasePresent: return phase != null && phase.Present ? 1 : 0;
                case VendorQuantity.ChannelStatus: return channel != null ? 1 : 0;
                case VendorQuantity.ChannelPhase: return channel != null ? channel.Phase + 1 : 0;
                case VendorQuantity.CtLoadPercent: return channel != null ? Tenths(channel.LoadPercentOfCt) : 0;
                case VendorQuantity.ChannelImportMilliWh: return channel != null ? channel.ImportEnergyMilliWh : 0;
                case VendorQuantity.ChannelExportMilliWh: return channel != null ? channel.ExportEnergyMilliWh : 0;
                case VendorQuantity.ImportMilliVarh: return channel != null ? channel.ImportReactiveMilliVarh : 0;
                case VendorQuantity.ExportMilliVarh: return channel != null ? channel.ExportReactiveMilliVarh : 0;
                case VendorQuantity.CircuitStatus: return circuit != null ? 1 : 0;
                case VendorQuantity.CircuitPhaseCount: return circuit != null ? circuit.PhaseCount : 0;
                case VendorQuantity.CircuitLoadPercent: return circuit != null ? Tenths(circuit.LoadPercent) : 0;
                case VendorQuantity.CircuitImportMilliWh: return circuit != null ? circuit.ImportEnergyMilliWh : 0;
                case VendorQuantity.CircuitExportMilliWh: return circuit != null ? circuit.ExportEnergyMilliWh : 0;
                default: return 0;
            }
        }

        private static double FloatValue(int region, int record, int quantity, MeasurementSnapshot s)
        {
            if (s == null)
            {
                return double.NaN;
            }

            if (region == RegionHeader)
            {
                return quantity == VendorQuantity.SystemFrequency ? s.FrequencyHz : s.VoltageUnbalancePercent;
            }

            if (region == RegionPhase)
            {
                if (record >= s.Phases.Length)
                {
                    return double.NaN;
                }

                PhaseValues p = s.Phases[record];
                switch (quantity)
                {
                    case VendorQuantity.Vrms: return p.Vrms;
                    case VendorQuantity.FundamentalVrms: return p.FundamentalVrms;
                    case VendorQuantity.PhaseFrequency: return p.FrequencyHz;
                    case VendorQuantity.VoltageThd: return p.ThdPercent;
                    case VendorQuantity.VoltageAngle: return p.AngleDeg;
                    default: return double.NaN;
                }
            }

            if (region == RegionChannel)
            {
                if (record >= s.Channels.Length)
                {
                    return double.NaN;
                }

                ChannelValues c = s.Channels[record];
                switch (quantity)
                {
                    case VendorQuantity.Irms: return c.Irms;
                    case VendorQuantity.FundamentalIrms: return c.FundamentalIrms;
                    case VendorQuantity.ChannelActivePower: return c.ActivePowerW;
                    case VendorQuantity.ChannelReactivePower: return c.ReactivePowerVar;
                    case VendorQuantity.ChannelApparentPower: return c.ApparentPowerVA;
                    case VendorQuantity.ChannelPowerFactor: return c.PowerFactor;
                    case VendorQuantity.CosPhi: return c.CosPhi;
                    case VendorQuantity.CurrentThd: return c.ThdPercent;
                    case VendorQuantity.CtLoadPercent: return c.LoadPercentOfCt;
                    case VendorQuantity.ChannelImportWh: return c.ImportEnergyMilliWh / 1000.0;
                    case VendorQuantity.ChannelExportWh: return c.ExportEnergyMilliWh / 1000.0;
                    default: return double.NaN;
                }
            }

            if (record >= s.Circuits.Length)
            {
                return double.NaN;
            }

            CircuitValues k = s.Circuits[record];
            switch (quantity)
            {
                case VendorQuantity.CircuitActivePower: return k.ActivePowerW;
                case VendorQuantity.CircuitReactivePower: return k.ReactivePowerVar;
                case VendorQuantity.CircuitApparentPower: return k.ApparentPowerVA;
                case VendorQuantity.CircuitPowerFactor: return k.PowerFactor;
                case VendorQuantity.CircuitMaxIrms: return k.MaxIrms;
                case VendorQuantity.CircuitLoadPercent: return k.LoadPercent;
                case VendorQuantity.BreakerRating: return k.BreakerRatedAmps;
                case VendorQuantity.CurrentUnbalance: return k.CurrentUnbalancePercent;
                case VendorQuantity.NeutralCurrent: return k.NeutralCurrentA;
                case VendorQuantity.CircuitImportWh: return k.ImportEnergyMilliWh / 1000.0;
                case VendorQuantity.CircuitExportWh: return k.ExportEnergyMilliWh / 1000.0;
                default: return double.NaN;
            }
        }

        private static int AlarmSource(int region)
        {
            if (region == RegionPhaseAlarm)
            {
                return AlarmCodes.SourcePhase;
            }

            return region == RegionChannelAlarm ? AlarmCodes.SourceChannel : AlarmCodes.SourceCircuit;
        }

        /// <summary>Phases count from 0 in the journal; channel and circuit numbers from 1.</summary>
        private static int AlarmSourceIndex(int region, int record)
        {
            return region == RegionPhaseAlarm ? record : record + 1;
        }

        /// <summary>value × 10 rounded half up, clamped to 0…65535 for a uint16 register.</summary>
        private static long Tenths(double value)
        {
            if (!(value > 0))
            {
                return 0;
            }

            double tenths = Math.Floor(value * 10.0 + 0.5);
            return tenths > 65535.0 ? 65535 : (long)tenths;
        }

        private static long UnixSeconds(DateTime utc)
        {
            long seconds = (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond;
            return seconds < 0 ? 0 : seconds;
        }
    }
}
