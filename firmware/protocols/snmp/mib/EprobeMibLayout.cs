namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// Every OID and column number of IPENERGY-EPROBE-MIB (tools/mib/IPENERGY-EPROBE-MIB.txt) the agent
    /// serves, in this one place. A host test checks each against the MIB file (OID, SMI type, access).
    /// </summary>
    public static class EprobeMibLayout
    {
        /// <summary>eprobeDevice = objects.1: scalars device.s.0.</summary>
        public static readonly uint[] Device = ObjectId.Append(EprobeOids.Objects, 1);

        public const uint DeviceModel = 1;
        public const uint DeviceSerialNumber = 2;
        public const uint DeviceFirmwareVersion = 3;
        public const uint DeviceChannelCount = 4;
        public const uint DeviceNominalVoltage = 5;
        public const uint DeviceNominalFrequency = 6;
        public const uint DeviceFrequency = 7;
        public const uint DeviceVoltageUnbalance = 8;
        public const uint DeviceMeasurementSequence = 9;
        public const uint DeviceMeasurementAge = 10;
        public const uint DeviceCircuitCount = 11;
        public const uint DeviceClockSynchronized = 12;

        /// <summary>The device group's scalars, ascending.</summary>
        public static readonly uint[] DeviceScalars = new uint[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };

        /// <summary>eprobePhaseEntry = objects.2.1 (index column 1 is not-accessible).</summary>
        public static readonly uint[] PhaseEntry = ObjectId.Append(ObjectId.Append(EprobeOids.Objects, 2), 1);

        public const uint PhaseName = 2;
        public const uint PhasePresent = 3;
        public const uint PhaseVoltage = 4;
        public const uint PhaseFundamentalVoltage = 5;
        public const uint PhaseFrequency = 6;
        public const uint PhaseThd = 7;
        public const uint PhaseAngle = 8;

        public static readonly uint[] PhaseColumns = new uint[] { 2, 3, 4, 5, 6, 7, 8 };

        /// <summary>eprobeChannelEntry = objects.3.1.</summary>
        public static readonly uint[] ChannelEntry = ObjectId.Append(ObjectId.Append(EprobeOids.Objects, 3), 1);

        public const uint ChannelLabel = 2;
        public const uint ChannelRack = 3;
        public const uint ChannelCustomer = 4;
        public const uint ChannelFeed = 5;
        public const uint ChannelPhase = 6;
        public const uint ChannelCtRating = 7;
        public const uint ChannelCurrent = 8;
        public const uint ChannelActivePower = 9;
        public const uint ChannelReactivePower = 10;
        public const uint ChannelApparentPower = 11;
        public const uint ChannelPowerFactor = 12;
        public const uint ChannelCosPhi = 13;
        public const uint ChannelThd = 14;
        public const uint ChannelLoad = 15;
        public const uint ChannelEnergyImport = 16;
        public const uint ChannelEnergyExport = 17;
        public const uint ChannelReactiveEnergyImport = 18;
        public const uint ChannelReactiveEnergyExport = 19;

        public static readonly uint[] ChannelColumns = new uint[] { 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19 };

        /// <summary>eprobeCircuitEntry = objects.4.1.</summary>
        public static readonly uint[] CircuitEntry = ObjectId.Append(ObjectId.Append(EprobeOids.Objects, 4), 1);

        public const uint CircuitName = 2;
        public const uint CircuitCustomer = 3;
        public const uint CircuitPhaseCount = 4;
        public const uint CircuitBreakerRating = 5;
        public const uint CircuitMaxCurrent = 6;
        public const uint CircuitLoad = 7;
        public const uint CircuitActivePower = 8;
        public const uint CircuitReactivePower = 9;
        public const uint CircuitApparentPower = 10;
        public const uint CircuitPowerFactor = 11;
        public const uint CircuitCurrentUnbalance = 12;
        public const uint CircuitNeutralCurrent = 13;
        public const uint CircuitEnergyImport = 14;
        public const uint CircuitEnergyExport = 15;

        public static readonly uint[] CircuitColumns = new uint[] { 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 };

        /// <summary>eprobeAlarmObjects = objects.5: accessible-for-notify objects of the notifications.</summary>
        public static readonly uint[] AlarmObjects = ObjectId.Append(EprobeOids.Objects, 5);

        public const uint AlarmSourceKind = 1;
        public const uint AlarmSourceIndex = 2;
        public const uint AlarmSourceName = 3;
        public const uint AlarmQuantity = 4;
        public const uint AlarmLevel = 5;
        public const uint AlarmValue = 6;
        public const uint AlarmThreshold = 7;
        public const uint AlarmCondition = 8;
        public const uint AlarmId = 9;

        /// <summary>eprobeActiveAlarmEntry = objects.6.1 (index column 1, eprobeActiveAlarmId, is not-accessible).</summary>
        public static readonly uint[] ActiveAlarmEntry = ObjectId.Append(ObjectId.Append(EprobeOids.Objects, 6), 1);

        public const uint ActiveAlarmSourceKind = 2;
        public const uint ActiveAlarmSourceIndex = 3;
        public const uint ActiveAlarmSourceName = 4;
        public const uint ActiveAlarmCondition = 5;
        public const uint ActiveAlarmQuantity = 6;
        public const uint ActiveAlarmLevel = 7;
        public const uint ActiveAlarmValue = 8;
        public const uint ActiveAlarmThreshold = 9;
        public const uint ActiveAlarmRaisedTime = 10;
        public const uint ActiveAlarmAcknowledged = 11;
        public const uint ActiveAlarmAckUser = 12;

        public static readonly uint[] ActiveAlarmColumns = new uint[] { 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };

        /// <summary>eprobeAlarmStatus = objects.7: scalars status.s.0.</summary>
        public static readonly uint[] AlarmStatus = ObjectId.Append(EprobeOids.Objects, 7);

        public const uint ActiveAlarmCount = 1;
        public const uint ActiveWarningCount = 2;
        public const uint ActiveCriticalCount = 3;
        public const uint AlarmEventsTotal = 4;

        public static readonly uint[] AlarmStatusScalars = new uint[] { 1, 2, 3, 4 };

        /// <summary>eprobeBus = objects.8: the RS-485 bus and the site totals, scalars bus.s.0.</summary>
        public static readonly uint[] Bus = ObjectId.Append(EprobeOids.Objects, 8);

        public const uint BusRole = 1;
        public const uint BusLastCycle = 2;
        public const uint BusModulesPolled = 3;
        public const uint BusModulesOnline = 4;
        public const uint BusModulesOffline = 5;
        public const uint SiteModulesCounted = 6;
        public const uint SiteActivePower = 7;
        public const uint SiteReactivePower = 8;
        public const uint SiteApparentPower = 9;
        public const uint SiteEnergyImport = 10;
        public const uint SiteEnergyExport = 11;
        public const uint SiteCurrentL1 = 12;
        public const uint SiteCurrentL2 = 13;
        public const uint SiteCurrentL3 = 14;

        public static readonly uint[] BusScalars = new uint[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14 };

        /// <summary>eprobeBusRole values = BusRoles + this (standalone(1), slave(2), gateway(3)).</summary>
        public const int BusRoleOffset = 1;

        /// <summary>eprobeModuleEntry = objects.9.1, index = bus address (column 1, not-accessible).</summary>
        public static readonly uint[] ModuleEntry = ObjectId.Append(ObjectId.Append(EprobeOids.Objects, 9), 1);

        public const uint ModuleStatusColumn = 2;
        public const uint ModuleModel = 3;
        public const uint ModuleSerialNumber = 4;
        public const uint ModuleFirmwareVersion = 5;
        public const uint ModuleName = 6;
        public const uint ModuleLocation = 7;
        public const uint ModuleChannelCount = 8;
        public const uint ModuleAge = 9;
        public const uint ModuleActivePower = 10;
        public const uint ModuleEnergyImport = 11;
        public const uint ModuleEnergyExport = 12;
        public const uint ModuleFrequency = 13;
        public const uint ModuleVoltageUnbalance = 14;

        /// <summary>Columns 15..21: the ModuleCounters (Polls .. WentOffline) in their order, Counter32.</summary>
        public const uint ModuleFirstCounter = 15;

        public static readonly uint[] ModuleColumns = new uint[] { 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21 };

        /// <summary>eprobeModuleStatus values = ModuleStatus + this (unknown(1), online(2), offline(3)).</summary>
        public const int ModuleStatusOffset = 1;

        /// <summary>eprobeModulePhaseEntry = objects.10.1, index = bus address, phase 1..3.</summary>
        public static readonly uint[] ModulePhaseEntry = ObjectId.Append(ObjectId.Append(EprobeOids.Objects, 10), 1);

        public const uint ModulePhaseVoltage = 2;
        public const uint ModulePhaseFrequency = 3;
        public const uint ModulePhaseThd = 4;

        public static readonly uint[] ModulePhaseColumns = new uint[] { 2, 3, 4 };

        /// <summary>eprobeModuleChannelEntry = objects.11.1, index = bus address, channel 1..N.</summary>
        public static readonly uint[] ModuleChannelEntry = ObjectId.Append(ObjectId.Append(EprobeOids.Objects, 11), 1);

        public const uint ModuleChannelCurrent = 2;
        public const uint ModuleChannelActivePower = 3;
        public const uint ModuleChannelReactivePower = 4;
        public const uint ModuleChannelApparentPower = 5;
        public const uint ModuleChannelPowerFactor = 6;
        public const uint ModuleChannelLoad = 7;
        public const uint ModuleChannelEnergyImport = 8;
        public const uint ModuleChannelEnergyExport = 9;

        public static readonly uint[] ModuleChannelColumns = new uint[] { 2, 3, 4, 5, 6, 7, 8, 9 };

        /// <summary>eprobeAlarmCondition values = AlarmCodes condition + this.</summary>
        public const int ConditionOffset = 1;

        /// <summary>eprobeAlarmSourceKind values.</summary>
        public const int SourceDevice = 1;
        public const int SourcePhase = 2;
        public const int SourceChannel = 3;
        public const int SourceCircuit = 4;

        /// <summary>A module on the RS-485 bus (gateway only), index = bus address.</summary>
        public const int SourceModule = 5;

        /// <summary>eprobeAlarmQuantity values (the value and threshold use the matching column's scale).</summary>
        public const int QuantityVoltage = 1;
        public const int QuantityCurrent = 2;
        public const int QuantityActivePower = 3;
        public const int QuantityLoad = 4;
        public const int QuantityThd = 5;
        public const int QuantityFrequency = 6;
        public const int QuantityVoltageUnbalance = 7;
        public const int QuantityCurrentUnbalance = 8;
        public const int QuantityNeutralCurrent = 9;
        public const int QuantityPowerFactor = 10;

        /// <summary>Polls in a row a bus module did not answer (moduleOffline), in polls.</summary>
        public const int QuantityMissedPolls = 11;

        /// <summary>eprobeAlarmLevel values.</summary>
        public const int LevelWarning = 1;
        public const int LevelCritical = 2;

        /// <summary>eprobeChannelPhase values: l1(1), l2(2), l3(3) = phase index + 1.</summary>
        public const int ChannelPhaseL1 = 1;

        /// <summary>eprobeAlarmRaised = notifications.0.1.</summary>
        public static readonly uint[] AlarmRaised = ObjectId.Append(ObjectId.Append(EprobeOids.Notifications, 0), 1);

        /// <summary>eprobeAlarmCleared = notifications.0.2.</summary>
        public static readonly uint[] AlarmCleared = ObjectId.Append(ObjectId.Append(EprobeOids.Notifications, 0), 2);

        /// <summary>TruthValue (SNMPv2-TC).</summary>
        public const int True = 1;
        public const int False = 2;

        /// <summary>Longest channel/circuit text (DisplayString (SIZE (0..32)), ConfigValidator.MaxLabelLength).</summary>
        public const int MaxLabelLength = 32;
    }
}
