namespace Ipenergy.Probe.Protocols.Modbus.Maps
{
    /// <summary>What fills a vendor map field (VendorMapRenderer switches on these).</summary>
    public static class VendorQuantity
    {
        // Header
        public const int MapVersion = 1;
        public const int ChannelCount = 2;
        public const int CircuitCount = 3;
        public const int DeviceStatus = 4;
        public const int AlarmBits = 5;
        public const int Sequence = 6;
        public const int UnixTime = 7;
        public const int SystemFrequency = 8;
        public const int VoltageUnbalance = 9;
        public const int Windows = 10;
        public const int AlarmLevel = 11;
        public const int ActiveAlarmCount = 12;
        public const int CriticalAlarmCount = 13;
        public const int UnacknowledgedAlarmCount = 14;
        public const int CriticalAlarmBits = 15;
        public const int DeviceAlarmLevel = 16;
        public const int DeviceAlarmBits = 17;

        // Phase
        public const int PhaseNumber = 20;
        public const int PhasePresent = 21;
        public const int Vrms = 22;
        public const int FundamentalVrms = 23;
        public const int PhaseFrequency = 24;
        public const int VoltageThd = 25;
        public const int VoltageAngle = 26;

        // Channel
        public const int ChannelNumber = 40;
        public const int ChannelStatus = 41;
        public const int ChannelPhase = 42;
        public const int Irms = 43;
        public const int FundamentalIrms = 44;
        public const int ChannelActivePower = 45;
        public const int ChannelReactivePower = 46;
        public const int ChannelApparentPower = 47;
        public const int ChannelPowerFactor = 48;
        public const int CosPhi = 49;
        public const int CurrentThd = 50;
        public const int CtLoadPercent = 51;
        public const int ChannelImportWh = 52;
        public const int ChannelExportWh = 53;
        public const int ChannelImportMilliWh = 54;
        public const int ChannelExportMilliWh = 55;
        public const int ImportMilliVarh = 56;
        public const int ExportMilliVarh = 57;

        // Circuit
        public const int CircuitNumber = 70;
        public const int CircuitStatus = 71;
        public const int CircuitPhaseCount = 72;
        public const int CircuitActivePower = 73;
        public const int CircuitReactivePower = 74;
        public const int CircuitApparentPower = 75;
        public const int CircuitPowerFactor = 76;
        public const int CircuitMaxIrms = 77;
        public const int CircuitLoadPercent = 78;
        public const int BreakerRating = 79;
        public const int CurrentUnbalance = 80;
        public const int NeutralCurrent = 81;
        public const int CircuitImportWh = 82;
        public const int CircuitExportWh = 83;
        public const int CircuitImportMilliWh = 84;
        public const int CircuitExportMilliWh = 85;

        // Alarm rows (phase, channel, circuit)
        public const int SourceAlarmLevel = 90;
        public const int SourceAlarmBits = 91;

        // Identity block (map version 3)
        public const int SerialNumber = 100;
        public const int ModelName = 101;
        public const int FirmwareVersion = 102;
        public const int ModuleName = 103;
        public const int ModuleLocation = 104;
    }
}
