using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// eprobeModuleTable (bus gateway): one row per polled bus address, index = the address. Status, name,
    /// location and the bus counters are there for every row; identity once the module answered; age and
    /// the measured columns once a snapshot of it exists (an offline module keeps its last values). No
    /// directory (not a gateway): no rows.
    /// </summary>
    public sealed class EprobeModuleTable : MibTable
    {
        private const int MaxPowerW = int.MaxValue;

        private readonly IModuleDirectory _modules;

        public EprobeModuleTable(IModuleDirectory modules)
            : base(EprobeMibLayout.ModuleEntry, EprobeMibLayout.ModuleColumns)
        {
            _modules = modules;
        }

        protected override int RowCount { get { return _modules == null ? 0 : _modules.Count; } }

        protected override uint RowIndex(int row)
        {
            return (uint)_modules.AddressAt(row);
        }

        protected override bool ReadCell(uint column, int row, SnmpValue value)
        {
            int address = _modules.AddressAt(row);
            if (column >= EprobeMibLayout.ModuleFirstCounter)
            {
                long count = _modules.CounterOf(address, (int)(column - EprobeMibLayout.ModuleFirstCounter));

                // Counter32 wraps like the 64-bit count's low half.
                value.SetCounter32((uint)(count & 0xFFFFFFFFL));
                return true;
            }

            switch (column)
            {
                case EprobeMibLayout.ModuleStatusColumn:
                    value.SetInteger32(_modules.StatusOf(address) + EprobeMibLayout.ModuleStatusOffset);
                    return true;
                case EprobeMibLayout.ModuleName:
                    SetText(value, _modules.NameOf(address));
                    return true;
                case EprobeMibLayout.ModuleLocation:
                    SetText(value, _modules.LocationOf(address));
                    return true;
                case EprobeMibLayout.ModuleAge:
                    double age = _modules.AgeSecondsOf(address);
                    if (age < 0)
                    {
                        return false;
                    }

                    value.SetGauge32(EprobeScale.Unsigned(age, 10.0));
                    return true;
            }

            DeviceIdentity identity = _modules.IdentityOf(address);
            switch (column)
            {
                case EprobeMibLayout.ModuleModel:
                    return identity != null && SetText(value, identity.Model);
                case EprobeMibLayout.ModuleSerialNumber:
                    return identity != null && SetText(value, identity.SerialNumber);
                case EprobeMibLayout.ModuleFirmwareVersion:
                    return identity != null && SetText(value, identity.FirmwareVersion);
            }

            MeasurementSnapshot s = _modules.LatestOf(address);
            if (s == null)
            {
                return false;
            }

            switch (column)
            {
                case EprobeMibLayout.ModuleChannelCount:
                    value.SetInteger32(s.Channels.Length);
                    return true;
                case EprobeMibLayout.ModuleActivePower:
                    value.SetInteger32(EprobeScale.Signed(ActivePowerW(s), 1.0, -MaxPowerW, MaxPowerW));
                    return true;
                case EprobeMibLayout.ModuleEnergyImport:
                    value.SetCounter64(EprobeScale.WholeUnits(ImportMilliWh(s)));
                    return true;
                case EprobeMibLayout.ModuleEnergyExport:
                    value.SetCounter64(EprobeScale.WholeUnits(ExportMilliWh(s)));
                    return true;
                case EprobeMibLayout.ModuleFrequency:
                    value.SetGauge32(EprobeScale.Unsigned(s.FrequencyHz, 100.0));
                    return true;
                case EprobeMibLayout.ModuleVoltageUnbalance:
                    value.SetGauge32(EprobeScale.Unsigned(s.VoltageUnbalancePercent, 10.0));
                    return true;
                default:
                    return false;
            }
        }

        // DisplayString (SIZE (0..255)): SnmpValue keeps at most 255 octets.
        private static bool SetText(SnmpValue value, string text)
        {
            value.SetText(text);
            return true;
        }

        private static double ActivePowerW(MeasurementSnapshot s)
        {
            double sum = 0;
            for (int c = 0; c < s.Channels.Length; c++)
            {
                sum += s.Channels[c].ActivePowerW;
            }

            return sum;
        }

        private static long ImportMilliWh(MeasurementSnapshot s)
        {
            long sum = 0;
            for (int c = 0; c < s.Channels.Length; c++)
            {
                sum += s.Channels[c].ImportEnergyMilliWh;
            }

            return sum;
        }

        private static long ExportMilliWh(MeasurementSnapshot s)
        {
            long sum = 0;
            for (int c = 0; c < s.Channels.Length; c++)
            {
                sum += s.Channels[c].ExportEnergyMilliWh;
            }

            return sum;
        }
    }
}
