using System;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// eprobeDevice: identity, nominal supply (eprobeNominalVoltage writable), clock state and the
    /// device-wide measurements. The measured scalars are absent until the first snapshot.
    /// </summary>
    public sealed class EprobeDeviceGroup : MibScalarGroup
    {
        private readonly IMeasurementSource _source;
        private readonly ILiveConfig _live;
        private readonly DeviceIdentity _identity;
        private readonly IClock _clock;
        private readonly ISettableClock _settableClock;
        private readonly EprobeConfigChange _change;
        private MeasurementSnapshot _snapshot;
        private MeterConfig _config;

        public EprobeDeviceGroup(IMeasurementSource source, ILiveConfig live, DeviceIdentity identity, IClock clock, EprobeConfigChange change)
            : base(EprobeMibLayout.Device, EprobeMibLayout.DeviceScalars)
        {
            _source = source;
            _live = live;
            _identity = identity;
            _clock = clock;

            // Only a clock that a time source sets knows whether it is synchronized; any other is not.
            _settableClock = clock as ISettableClock;
            _change = change;
            _config = live.Current;
        }

        public override void BeginRequest()
        {
            _snapshot = _source.Latest;
            _config = _live.Current;
        }

        protected override bool Read(uint scalar, SnmpValue value)
        {
            switch (scalar)
            {
                case EprobeMibLayout.DeviceModel:
                    value.SetText(_identity.Model);
                    return true;
                case EprobeMibLayout.DeviceSerialNumber:
                    value.SetText(_identity.SerialNumber);
                    return true;
                case EprobeMibLayout.DeviceFirmwareVersion:
                    value.SetText(_identity.FirmwareVersion);
                    return true;
                case EprobeMibLayout.DeviceChannelCount:
                    value.SetInteger32(_config.Channels.Length);
                    return true;
                case EprobeMibLayout.DeviceNominalVoltage:
                    value.SetInteger32(EprobeScale.Signed(_config.NominalVoltage, 10.0, 1000, 4800));
                    return true;
                case EprobeMibLayout.DeviceNominalFrequency:
                    value.SetInteger32(_config.NominalFrequencyHz > 55.0 ? 60 : 50);
                    return true;
                case EprobeMibLayout.DeviceCircuitCount:
                    value.SetInteger32(_config.Circuits.Length);
                    return true;
                case EprobeMibLayout.DeviceClockSynchronized:
                    value.SetInteger32(_settableClock != null && _settableClock.Synchronized ? EprobeMibLayout.True : EprobeMibLayout.False);
                    return true;
            }

            MeasurementSnapshot s = _snapshot;
            if (s == null)
            {
                return false;
            }

            switch (scalar)
            {
                case EprobeMibLayout.DeviceFrequency:
                    value.SetGauge32(EprobeScale.Unsigned(s.FrequencyHz, 100.0));
                    return true;
                case EprobeMibLayout.DeviceVoltageUnbalance:
                    value.SetGauge32(EprobeScale.Unsigned(s.VoltageUnbalancePercent, 10.0));
                    return true;
                case EprobeMibLayout.DeviceMeasurementSequence:
                    // Unsigned32 wraps like the 64-bit sequence's low half.
                    value.SetGauge32((uint)(s.Sequence & 0xFFFFFFFFL));
                    return true;
                case EprobeMibLayout.DeviceMeasurementAge:
                    value.SetGauge32(AgeSeconds(s.Timestamp));
                    return true;
                default:
                    return false;
            }
        }

        protected override int TestWrite(uint scalar, SnmpValue value)
        {
            if (scalar != EprobeMibLayout.DeviceNominalVoltage)
            {
                return SnmpErrorStatus.NotWritable;
            }

            if (value.Type != SnmpType.Integer)
            {
                return SnmpErrorStatus.WrongType;
            }

            if (value.Integer < 1000 || value.Integer > 4800)
            {
                return SnmpErrorStatus.WrongValue;
            }

            _change.BuildNominalVoltage(value.Integer / 10.0);
            return _change.Test();
        }

        protected override int CommitWrite(uint scalar, SnmpValue value)
        {
            _change.BuildNominalVoltage(value.Integer / 10.0);
            return _change.Commit();
        }

        // Whole seconds from the snapshot's end to the clock now; 0 when the clock was set back.
        private uint AgeSeconds(DateTime timestamp)
        {
            long ticks = (_clock.UtcNow - timestamp).Ticks;
            if (ticks <= 0)
            {
                return 0;
            }

            long seconds = ticks / TimeSpan.TicksPerSecond;
            return seconds >= uint.MaxValue ? uint.MaxValue : (uint)seconds;
        }
    }
}
