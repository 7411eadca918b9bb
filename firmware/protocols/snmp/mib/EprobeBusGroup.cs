using Ipenergy.Probe.Config;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// eprobeBus: the module's bus role, the gateway's last poll cycle and how many polled addresses are
    /// online / offline, and the site totals (this e-Probe plus the modules online; energies of all) as
    /// <see cref="SiteTotals"/> sums them. Without a module directory (not a gateway) the counts are 0 and
    /// the totals are this e-Probe's own. The totals are computed once per request, allocating nothing.
    /// </summary>
    public sealed class EprobeBusGroup : MibScalarGroup
    {
        private const int MaxPowerW = int.MaxValue;

        private readonly IMeasurementSource _source;
        private readonly ILiveConfig _live;
        private readonly IModuleDirectory _modules;
        private readonly SiteTotals _totals = new SiteTotals();
        private int _online;
        private int _offline;

        public EprobeBusGroup(IMeasurementSource source, ILiveConfig live, IModuleDirectory modules)
            : base(EprobeMibLayout.Bus, EprobeMibLayout.BusScalars)
        {
            _source = source;
            _live = live;
            _modules = modules;
        }

        public override void BeginRequest()
        {
            _totals.Compute(_source.Latest, _modules);
            _online = 0;
            _offline = 0;
            if (_modules == null)
            {
                return;
            }

            for (int i = 0; i < _modules.Count; i++)
            {
                int status = _modules.StatusOf(_modules.AddressAt(i));
                if (status == ModuleStatus.Online)
                {
                    _online++;
                }
                else if (status == ModuleStatus.Offline)
                {
                    _offline++;
                }
            }
        }

        protected override bool Read(uint scalar, SnmpValue value)
        {
            switch (scalar)
            {
                case EprobeMibLayout.BusRole:
                    value.SetInteger32(_live.Current.Bus.Role + EprobeMibLayout.BusRoleOffset);
                    return true;
                case EprobeMibLayout.BusLastCycle:
                    value.SetGauge32(_modules == null ? 0 : EprobeScale.Unsigned(_modules.LastCycleSeconds, 1000.0));
                    return true;
                case EprobeMibLayout.BusModulesPolled:
                    value.SetGauge32(_modules == null ? 0 : (uint)_modules.Count);
                    return true;
                case EprobeMibLayout.BusModulesOnline:
                    value.SetGauge32((uint)_online);
                    return true;
                case EprobeMibLayout.BusModulesOffline:
                    value.SetGauge32((uint)_offline);
                    return true;
                case EprobeMibLayout.SiteModulesCounted:
                    value.SetGauge32((uint)_totals.ModulesCounted);
                    return true;
                case EprobeMibLayout.SiteActivePower:
                    value.SetInteger32(EprobeScale.Signed(_totals.ActivePowerW, 1.0, -MaxPowerW, MaxPowerW));
                    return true;
                case EprobeMibLayout.SiteReactivePower:
                    value.SetInteger32(EprobeScale.Signed(_totals.ReactivePowerVar, 1.0, -MaxPowerW, MaxPowerW));
                    return true;
                case EprobeMibLayout.SiteApparentPower:
                    value.SetGauge32(EprobeScale.Unsigned(_totals.ApparentPowerVA, 1.0));
                    return true;
                case EprobeMibLayout.SiteEnergyImport:
                    value.SetCounter64(EprobeScale.WholeUnits(_totals.ImportEnergyMilliWh));
                    return true;
                case EprobeMibLayout.SiteEnergyExport:
                    value.SetCounter64(EprobeScale.WholeUnits(_totals.ExportEnergyMilliWh));
                    return true;
                case EprobeMibLayout.SiteCurrentL1:
                    value.SetGauge32(EprobeScale.Unsigned(_totals.PhaseCurrentA(0), 100.0));
                    return true;
                case EprobeMibLayout.SiteCurrentL2:
                    value.SetGauge32(EprobeScale.Unsigned(_totals.PhaseCurrentA(1), 100.0));
                    return true;
                case EprobeMibLayout.SiteCurrentL3:
                    value.SetGauge32(EprobeScale.Unsigned(_totals.PhaseCurrentA(2), 100.0));
                    return true;
                default:
                    return false;
            }
        }
    }
}
