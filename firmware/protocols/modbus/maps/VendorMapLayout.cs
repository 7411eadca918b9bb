namespace Ipenergy.Probe.Protocols.Modbus.Maps
{
    /// <summary>
    /// The flat vendor map, the single source of truth for VendorMap and for tools/modbus/register-map.*
    /// (0-based protocol addresses; multi-register values most significant word first; all read-only).
    /// Regions, each a run of equal records with no gap inside; addresses between regions do not
    /// exist (exception 2):
    ///   1000…1023  device header (one record; 1016…1023 alarm summary since version 2)
    ///   1024…1083  identity (since version 3): serial, model, firmware version, name, location as ASCII text
    ///   1100…1135  phases L1, L2, L3 (12 registers each)
    ///   1140…1145  phase alarm rows (2 registers each: level, condition bits)
    ///   1150…      channel alarm rows 1…N (2 registers each: 1150…1155 on MPP3, 1150…1185 on MPP18)
    ///   1200…      CT channels 1…N (40 registers each: 1200…1319 on MPP3, 1200…1919 on MPP18)
    ///   1930…      circuit alarm rows 1…M (2 registers each, at most MaxCircuits: up to 1991)
    ///   2000…      configured circuits in configuration order (32 registers each, at most MaxCircuits)
    /// The phase, channel and circuit records have no free register left, so their alarm rows live in the
    /// holes next to them. Versioning: Version goes up whenever registers are added or change meaning;
    /// existing addresses never move (version 2 added the alarm registers and made 1004 real; version 3 the
    /// identity block, which the bus gateway reads to name its modules).
    /// Alarm condition bits: bit c = AlarmCodes condition c (loadHigh = bit 0 … neutralCurrent = bit 10).
    /// </summary>
    public static class VendorMapLayout
    {
        public const int BaseAddress = 1000;
        public const int Version = 3;

        public const int HeaderAddress = 1000;
        public const int HeaderLength = 24;

        /// <summary>Identity block (text, 2 ASCII characters a register, high byte first, NUL padded).</summary>
        public const int IdentityAddress = 1024;
        public const int IdentityLength = 60;

        public const int PhaseAddress = 1100;
        public const int PhaseStride = 12;
        public const int PhaseCount = 3;

        /// <summary>Alarm rows: level (0 normal, 1 warning, 2 critical) then the source's condition bits.</summary>
        public const int AlarmRowStride = 2;

        public const int PhaseAlarmAddress = 1140;

        public const int ChannelAlarmAddress = 1150;

        /// <summary>Channel alarm rows that fit below the channel region (1150…1199).</summary>
        public const int MaxAlarmChannels = 25;

        public const int CircuitAlarmAddress = 1930;

        public const int ChannelAddress = 1200;
        public const int ChannelStride = 40;

        public const int CircuitAddress = 2000;
        public const int CircuitStride = 32;

        /// <summary>Circuits beyond this many are not in the vendor map (the region stays below 3000).</summary>
        public const int MaxCircuits = 31;

        /// <summary>Header status bits.</summary>
        public const int StatusMeasuring = 1;

        public static readonly VendorField[] Header = new VendorField[]
        {
            new VendorField(0, VendorRegisterType.UInt16, VendorQuantity.MapVersion, "mapVersion", "", "Version of this register map (3); it goes up when registers are added, addresses never move"),
            new VendorField(1, VendorRegisterType.UInt16, VendorQuantity.ChannelCount, "channelCount", "", "CT channels (3 on MPP3, 18 on MPP18)"),
            new VendorField(2, VendorRegisterType.UInt16, VendorQuantity.CircuitCount, "circuitCount", "", "Circuits in the circuit region"),
            new VendorField(3, VendorRegisterType.UInt16, VendorQuantity.DeviceStatus, "status", "bits", "Bit 0: measurements available (0 until the first second)"),
            new VendorField(4, VendorRegisterType.UInt32, VendorQuantity.AlarmBits, "alarms", "bits", "Conditions active at warning or above on any source: bit c = alarm condition c (see Alarm conditions)"),
            new VendorField(6, VendorRegisterType.Int64, VendorQuantity.Sequence, "sequence", "", "Snapshot number (1, 2, 3 … per second since boot; 0 before the first)"),
            new VendorField(10, VendorRegisterType.UInt32, VendorQuantity.UnixTime, "timestamp", "s", "Device clock at the end of the second, Unix time (UTC)"),
            new VendorField(12, VendorRegisterType.Float32, VendorQuantity.SystemFrequency, "frequency", "Hz", "System frequency (reference phase)"),
            new VendorField(14, VendorRegisterType.Float32, VendorQuantity.VoltageUnbalance, "voltageUnbalance", "%", "Voltage unbalance u2 (negative / positive sequence)"),
            new VendorField(16, VendorRegisterType.UInt16, VendorQuantity.AlarmLevel, "alarmLevel", "", "Highest level of the active alarms: 0 normal, 1 warning, 2 critical"),
            new VendorField(17, VendorRegisterType.UInt16, VendorQuantity.ActiveAlarmCount, "activeAlarmCount", "", "Active alarms (warning or critical, all sources)"),
            new VendorField(18, VendorRegisterType.UInt16, VendorQuantity.CriticalAlarmCount, "criticalAlarmCount", "", "Active alarms at critical"),
            new VendorField(19, VendorRegisterType.UInt16, VendorQuantity.UnacknowledgedAlarmCount, "unacknowledgedAlarmCount", "", "Active alarms nobody has acknowledged"),
            new VendorField(20, VendorRegisterType.UInt32, VendorQuantity.CriticalAlarmBits, "criticalAlarms", "bits", "Conditions active at critical on any source: bit c = alarm condition c"),
            new VendorField(22, VendorRegisterType.UInt16, VendorQuantity.DeviceAlarmLevel, "deviceAlarmLevel", "", "Highest active level of the device's own alarms (frequency, voltage unbalance)"),
            new VendorField(23, VendorRegisterType.UInt16, VendorQuantity.DeviceAlarmBits, "deviceAlarms", "bits", "Conditions active on the device: bit c = alarm condition c"),
        };

        /// <summary>Who the module is: what the bus gateway shows for each module (read once a minute).</summary>
        public static readonly VendorField[] Identity = new VendorField[]
        {
            new VendorField(0, VendorRegisterType.Text, VendorQuantity.SerialNumber, "serialNumber", "", "Serial number, up to 32 characters", 16),
            new VendorField(16, VendorRegisterType.Text, VendorQuantity.ModelName, "model", "", "\"MPP3\" or \"MPP18\"", 4),
            new VendorField(20, VendorRegisterType.Text, VendorQuantity.FirmwareVersion, "firmwareVersion", "", "Firmware version, up to 16 characters", 8),
            new VendorField(28, VendorRegisterType.Text, VendorQuantity.ModuleName, "name", "", "The module's name (configuration snmp.sysName), up to 32 characters", 16),
            new VendorField(44, VendorRegisterType.Text, VendorQuantity.ModuleLocation, "location", "", "The module's location (configuration snmp.sysLocation), up to 32 characters", 16),
        };

        /// <summary>One alarm row of a phase, channel or circuit.</summary>
        public static readonly VendorField[] AlarmRow = new VendorField[]
        {
            new VendorField(0, VendorRegisterType.UInt16, VendorQuantity.SourceAlarmLevel, "alarmLevel", "", "Highest level of the source's active alarms: 0 normal, 1 warning, 2 critical"),
            new VendorField(1, VendorRegisterType.UInt16, VendorQuantity.SourceAlarmBits, "alarms", "bits", "Conditions active on the source at warning or above: bit c = alarm condition c"),
        };

        public static readonly VendorField[] Phase = new VendorField[]
        {
            new VendorField(0, VendorRegisterType.UInt16, VendorQuantity.PhaseNumber, "phase", "", "Phase number: 1 = L1, 2 = L2, 3 = L3"),
            new VendorField(1, VendorRegisterType.UInt16, VendorQuantity.PhasePresent, "present", "", "1 when the phase carries at least 10 % of the nominal voltage"),
            new VendorField(2, VendorRegisterType.Float32, VendorQuantity.Vrms, "voltage", "V", "True RMS phase-to-neutral voltage"),
            new VendorField(4, VendorRegisterType.Float32, VendorQuantity.FundamentalVrms, "fundamentalVoltage", "V", "RMS of the fundamental"),
            new VendorField(6, VendorRegisterType.Float32, VendorQuantity.PhaseFrequency, "frequency", "Hz", "Frequency from this phase's zero crossings"),
            new VendorField(8, VendorRegisterType.Float32, VendorQuantity.VoltageThd, "thd", "%", "Voltage THD-F"),
            new VendorField(10, VendorRegisterType.Float32, VendorQuantity.VoltageAngle, "angle", "deg", "Fundamental angle relative to L1"),
        };

        public static readonly VendorField[] Channel = new VendorField[]
        {
            new VendorField(0, VendorRegisterType.UInt16, VendorQuantity.ChannelNumber, "channel", "", "Channel number 1…N"),
            new VendorField(1, VendorRegisterType.UInt16, VendorQuantity.ChannelStatus, "status", "bits", "Bit 0: values available"),
            new VendorField(2, VendorRegisterType.UInt16, VendorQuantity.ChannelPhase, "phase", "", "Phase whose voltage the channel uses: 1 = L1, 2 = L2, 3 = L3"),
            new VendorField(3, VendorRegisterType.UInt16, VendorQuantity.CtLoadPercent, "ctLoadPercentX10", "0.1 %", "Irms as percent of the CT rating, times 10 (also as float32 at +12)"),
            new VendorField(4, VendorRegisterType.Float32, VendorQuantity.Irms, "current", "A", "True RMS current"),
            new VendorField(6, VendorRegisterType.Float32, VendorQuantity.ChannelActivePower, "activePower", "W", "Active power P, > 0 imported"),
            new VendorField(8, VendorRegisterType.Float32, VendorQuantity.ChannelReactivePower, "reactivePower", "var", "Fundamental reactive power Q1, > 0 inductive"),
            new VendorField(10, VendorRegisterType.Float32, VendorQuantity.ChannelApparentPower, "apparentPower", "VA", "Apparent power S"),
            new VendorField(12, VendorRegisterType.Float32, VendorQuantity.CtLoadPercent, "ctLoadPercent", "%", "Irms as percent of the CT rating"),
            new VendorField(14, VendorRegisterType.Float32, VendorQuantity.ChannelPowerFactor, "powerFactor", "", "P / S, signed like P"),
            new VendorField(16, VendorRegisterType.Float32, VendorQuantity.CosPhi, "cosPhi", "", "Displacement power factor"),
            new VendorField(18, VendorRegisterType.Float32, VendorQuantity.CurrentThd, "thd", "%", "Current THD-F"),
            new VendorField(20, VendorRegisterType.Float32, VendorQuantity.ChannelImportWh, "importEnergy", "Wh", "Active energy imported (float32: 24-bit resolution, use the int64 for billing)"),
            new VendorField(22, VendorRegisterType.Float32, VendorQuantity.ChannelExportWh, "exportEnergy", "Wh", "Active energy exported (float32)"),
            new VendorField(24, VendorRegisterType.Int64, VendorQuantity.ChannelImportMilliWh, "importEnergyMilliWh", "mWh", "Active energy imported since manufacture"),
            new VendorField(28, VendorRegisterType.Int64, VendorQuantity.ChannelExportMilliWh, "exportEnergyMilliWh", "mWh", "Active energy exported"),
            new VendorField(32, VendorRegisterType.Int64, VendorQuantity.ImportMilliVarh, "inductiveEnergyMilliVarh", "mvarh", "Reactive energy while Q > 0"),
            new VendorField(36, VendorRegisterType.Int64, VendorQuantity.ExportMilliVarh, "capacitiveEnergyMilliVarh", "mvarh", "Reactive energy while Q < 0"),
        };

        public static readonly VendorField[] Circuit = new VendorField[]
        {
            new VendorField(0, VendorRegisterType.UInt16, VendorQuantity.CircuitNumber, "circuit", "", "Circuit number 1…M in configuration order"),
            new VendorField(1, VendorRegisterType.UInt16, VendorQuantity.CircuitStatus, "status", "bits", "Bit 0: values available"),
            new VendorField(2, VendorRegisterType.UInt16, VendorQuantity.CircuitPhaseCount, "phaseCount", "", "1 or 3"),
            new VendorField(3, VendorRegisterType.UInt16, VendorQuantity.CircuitLoadPercent, "loadPercentX10", "0.1 %", "Highest conductor current as percent of the breaker rating, times 10"),
            new VendorField(4, VendorRegisterType.Float32, VendorQuantity.CircuitActivePower, "activePower", "W", "Total active power"),
            new VendorField(6, VendorRegisterType.Float32, VendorQuantity.CircuitReactivePower, "reactivePower", "var", "Total reactive power"),
            new VendorField(8, VendorRegisterType.Float32, VendorQuantity.CircuitApparentPower, "apparentPower", "VA", "Sum of the conductors' apparent powers"),
            new VendorField(10, VendorRegisterType.Float32, VendorQuantity.CircuitPowerFactor, "powerFactor", "", "Total P / total S"),
            new VendorField(12, VendorRegisterType.Float32, VendorQuantity.CircuitMaxIrms, "maxCurrent", "A", "Highest conductor current"),
            new VendorField(14, VendorRegisterType.Float32, VendorQuantity.CircuitLoadPercent, "loadPercent", "%", "Highest conductor current as percent of the breaker rating"),
            new VendorField(16, VendorRegisterType.Float32, VendorQuantity.BreakerRating, "breakerRating", "A", "Rated current of the breaker"),
            new VendorField(18, VendorRegisterType.Float32, VendorQuantity.CurrentUnbalance, "currentUnbalance", "%", "3-phase: largest deviation from the mean current"),
            new VendorField(20, VendorRegisterType.Float32, VendorQuantity.NeutralCurrent, "neutralCurrent", "A", "3-phase: RMS of iL1 + iL2 + iL3"),
            new VendorField(22, VendorRegisterType.Float32, VendorQuantity.CircuitImportWh, "importEnergy", "Wh", "Active energy imported (float32)"),
            new VendorField(24, VendorRegisterType.Int64, VendorQuantity.CircuitImportMilliWh, "importEnergyMilliWh", "mWh", "Active energy imported"),
            new VendorField(28, VendorRegisterType.Int64, VendorQuantity.CircuitExportMilliWh, "exportEnergyMilliWh", "mWh", "Active energy exported"),
        };
    }
}
