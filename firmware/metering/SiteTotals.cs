namespace Ipenergy.Probe.Metering
{
    /// <summary>
    /// The gateway's sums over itself and the bus modules: the switchboard's total power, the current on each
    /// phase and the energy, as the page, the JSON API, SNMP and /metrics show them. Power and current add only
    /// modules online now; energy counters (cumulative) add every module's last known value, and
    /// <see cref="ModulesOffline"/> says when a sum is missing someone. Reused by its owner: Compute overwrites
    /// every field and allocates nothing.
    /// </summary>
    public sealed class SiteTotals
    {
        private readonly double[] _phaseCurrent = new double[3];

        /// <summary>Modules whose live values are in the power sums (the local one included).</summary>
        public int ModulesCounted { get; private set; }

        /// <summary>Polled addresses that answered before but are offline now.</summary>
        public int ModulesOffline { get; private set; }

        public double ActivePowerW { get; private set; }

        public double ReactivePowerVar { get; private set; }

        public double ApparentPowerVA { get; private set; }

        public long ImportEnergyMilliWh { get; private set; }

        public long ExportEnergyMilliWh { get; private set; }

        /// <summary>Sum of the channel currents measured on a phase (index 0..2 = L1..L3), amperes.</summary>
        public double PhaseCurrentA(int phase)
        {
            return _phaseCurrent[phase];
        }

        /// <summary>Sums the local snapshot (may be null before the first second) and every module of the
        /// directory (may be null: not a gateway).</summary>
        public void Compute(MeasurementSnapshot local, IModuleDirectory modules)
        {
            ModulesCounted = 0;
            ModulesOffline = 0;
            ActivePowerW = 0;
            ReactivePowerVar = 0;
            ApparentPowerVA = 0;
            ImportEnergyMilliWh = 0;
            ExportEnergyMilliWh = 0;
            _phaseCurrent[0] = 0;
            _phaseCurrent[1] = 0;
            _phaseCurrent[2] = 0;
            Add(local, true);
            if (modules == null)
            {
                return;
            }

            for (int i = 0; i < modules.Count; i++)
            {
                int address = modules.AddressAt(i);
                int status = modules.StatusOf(address);
                if (status == ModuleStatus.Offline)
                {
                    ModulesOffline++;
                }

                Add(modules.LatestOf(address), status == ModuleStatus.Online);
            }
        }

        private void Add(MeasurementSnapshot s, bool live)
        {
            if (s == null)
            {
                return;
            }

            ChannelValues[] channels = s.Channels;
            for (int c = 0; c < channels.Length; c++)
            {
                ChannelValues ch = channels[c];
                ImportEnergyMilliWh += ch.ImportEnergyMilliWh;
                ExportEnergyMilliWh += ch.ExportEnergyMilliWh;
                if (live)
                {
                    ActivePowerW += ch.ActivePowerW;
                    ReactivePowerVar += ch.ReactivePowerVar;
                    ApparentPowerVA += ch.ApparentPowerVA;
                    if (ch.Phase >= 0 && ch.Phase < 3)
                    {
                        _phaseCurrent[ch.Phase] += ch.Irms;
                    }
                }
            }

            if (live)
            {
                ModulesCounted++;
            }
        }
    }
}
