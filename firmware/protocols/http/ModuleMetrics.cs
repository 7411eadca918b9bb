using Ipenergy.Probe.Common;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// The gateway's part of GET /metrics: the bus cycle, every module that ever answered (up, age, phase
    /// voltages, channel current / power / energy, error counters by kind) and the site totals
    /// (<see cref="SiteTotals"/>: the gateway itself plus the modules). Same units as the local families:
    /// energy counters in joules (exact, 1 mWh = 3.6 J). Addresses that never answered are left out (a 1..31
    /// scan is mostly empty). Allocates nothing: one SiteTotals, computed under its lock. About 0.7 KB per module
    /// plus 0.1 KB per channel: when the exposition does not fit the largest response (64 KiB), MetricsEndpoint
    /// writes the modules without their per-channel families, and at worst the cycle and site totals only.
    /// </summary>
    public sealed class ModuleMetrics
    {
        private const string Gauge = "gauge";
        private const string Counter = "counter";
        private const long DeciJoulesPerMilliWh = 36;

        private static readonly byte[] CycleHead = MetricsText.Head("eprobe_bus_cycle_seconds", Gauge, "Duration of the gateway's last complete poll cycle over the bus (0 before the first).");
        private static readonly byte[] CycleName = AsciiBytes.From("eprobe_bus_cycle_seconds");
        private static readonly byte[] UpHead = MetricsText.Head("eprobe_bus_module_up", Gauge, "1 while the bus module answers its polls, 0 once it missed 3 in a row.");
        private static readonly byte[] UpName = AsciiBytes.From("eprobe_bus_module_up{address=\"");
        private static readonly byte[] AgeHead = MetricsText.Head("eprobe_bus_module_age_seconds", Gauge, "Seconds since the bus module's last good poll.");
        private static readonly byte[] AgeName = AsciiBytes.From("eprobe_bus_module_age_seconds{address=\"");
        private static readonly byte[] VoltageHead = MetricsText.Head("eprobe_bus_module_phase_voltage_volts", Gauge, "RMS voltage of a phase of the bus module.");
        private static readonly byte[] VoltageName = AsciiBytes.From("eprobe_bus_module_phase_voltage_volts{address=\"");
        private static readonly byte[] CurrentHead = MetricsText.Head("eprobe_bus_module_channel_current_amperes", Gauge, "RMS current of a CT channel of the bus module.");
        private static readonly byte[] CurrentName = AsciiBytes.From("eprobe_bus_module_channel_current_amperes{address=\"");
        private static readonly byte[] PowerHead = MetricsText.Head("eprobe_bus_module_channel_active_power_watts", Gauge, "Active power of a channel of the bus module.");
        private static readonly byte[] PowerName = AsciiBytes.From("eprobe_bus_module_channel_active_power_watts{address=\"");
        private static readonly byte[] ImportHead = MetricsText.Head("eprobe_bus_module_channel_import_energy_joules_total", Counter, "Active energy imported through a channel of the bus module.");
        private static readonly byte[] ImportName = AsciiBytes.From("eprobe_bus_module_channel_import_energy_joules_total{address=\"");
        private static readonly byte[] PollsHead = MetricsText.Head("eprobe_bus_polls_total", Counter, "Poll cycles that addressed the bus module.");
        private static readonly byte[] PollsName = AsciiBytes.From("eprobe_bus_polls_total{address=\"");
        private static readonly byte[] OfflineHead = MetricsText.Head("eprobe_bus_module_offline_transitions_total", Counter, "Times the bus module went offline since the gateway started.");
        private static readonly byte[] OfflineName = AsciiBytes.From("eprobe_bus_module_offline_transitions_total{address=\"");
        private static readonly byte[] ErrorsHead = MetricsText.Head("eprobe_bus_errors_total", Counter, "Bus errors of the module by kind: missedPolls, timeouts, crcErrors, exceptions, unexpected.");
        private static readonly byte[] ErrorsName = AsciiBytes.From("eprobe_bus_errors_total{address=\"");

        private static readonly byte[] SitePowerHead = MetricsText.Head("eprobe_site_active_power_watts", Gauge, "Active power of the gateway and every bus module online.");
        private static readonly byte[] SitePowerName = AsciiBytes.From("eprobe_site_active_power_watts");
        private static readonly byte[] SiteReactiveHead = MetricsText.Head("eprobe_site_reactive_power_var", Gauge, "Reactive power of the gateway and every bus module online, in var.");
        private static readonly byte[] SiteReactiveName = AsciiBytes.From("eprobe_site_reactive_power_var");
        private static readonly byte[] SiteApparentHead = MetricsText.Head("eprobe_site_apparent_power_voltamperes", Gauge, "Apparent power of the gateway and every bus module online.");
        private static readonly byte[] SiteApparentName = AsciiBytes.From("eprobe_site_apparent_power_voltamperes");
        private static readonly byte[] SiteCurrentHead = MetricsText.Head("eprobe_site_phase_current_amperes", Gauge, "Sum of the channel currents on a phase over the gateway and every bus module online.");
        private static readonly byte[] SiteCurrentName = AsciiBytes.From("eprobe_site_phase_current_amperes{phase=\"");
        private static readonly byte[] SiteImportHead = MetricsText.Head("eprobe_site_import_energy_joules_total", Counter, "Active energy imported, gateway and every bus module (last known values).");
        private static readonly byte[] SiteImportName = AsciiBytes.From("eprobe_site_import_energy_joules_total");
        private static readonly byte[] SiteExportHead = MetricsText.Head("eprobe_site_export_energy_joules_total", Counter, "Active energy exported, gateway and every bus module (last known values).");
        private static readonly byte[] SiteExportName = AsciiBytes.From("eprobe_site_export_energy_joules_total");
        private static readonly byte[] SiteCountedHead = MetricsText.Head("eprobe_site_modules_counted", Gauge, "Modules whose live values are in the site power sums (the gateway included).");
        private static readonly byte[] SiteCountedName = AsciiBytes.From("eprobe_site_modules_counted");
        private static readonly byte[] SiteOfflineHead = MetricsText.Head("eprobe_site_modules_offline", Gauge, "Bus modules that answered before but are offline now (missing from the power sums).");
        private static readonly byte[] SiteOfflineName = AsciiBytes.From("eprobe_site_modules_offline");

        private static readonly byte[] SerialLabel = AsciiBytes.From("\",serial=\"");
        private static readonly byte[] PhaseLabel = AsciiBytes.From("\",phase=\"");
        private static readonly byte[] ChannelLabel = AsciiBytes.From("\",channel=\"");
        private static readonly byte[] KindLabel = AsciiBytes.From("\",kind=\"");
        private static readonly byte[] LabelsEnd = AsciiBytes.From("\"}");
        private static readonly byte[][] PhaseBytes = { AsciiBytes.From("L1"), AsciiBytes.From("L2"), AsciiBytes.From("L3") };
        private static readonly byte[] UnknownPhase = AsciiBytes.From("unknown");
        private static readonly int[] ErrorKinds =
        {
            ModuleCounters.MissedPolls, ModuleCounters.Timeouts, ModuleCounters.CrcErrors, ModuleCounters.Exceptions, ModuleCounters.Unexpected,
        };

        private static readonly byte[][] KindBytes = KindNames();

        private const int Up = 0;
        private const int Age = 1;
        private const int Voltage = 2;
        private const int Current = 3;
        private const int Power = 4;
        private const int Import = 5;
        private const int Polls = 6;
        private const int Offline = 7;
        private const int Errors = 8;
        private const int Families = 9;

        private static readonly byte[][] Heads = { UpHead, AgeHead, VoltageHead, CurrentHead, PowerHead, ImportHead, PollsHead, OfflineHead, ErrorsHead };
        private static readonly byte[][] Names = { UpName, AgeName, VoltageName, CurrentName, PowerName, ImportName, PollsName, OfflineName, ErrorsName };

        /// <summary>Every family.</summary>
        public const int Everything = 2;

        /// <summary>Without the modules' per-channel families.</summary>
        public const int WithoutChannels = 1;

        /// <summary>The bus cycle and the site totals only.</summary>
        public const int TotalsOnly = 0;

        private readonly SiteTotals _totals = new SiteTotals();

        /// <summary>Writes the bus and site families for <paramref name="modules"/>, the gateway's own snapshot in the totals.</summary>
        /// <param name="detail"><see cref="Everything"/>, <see cref="WithoutChannels"/> or <see cref="TotalsOnly"/>: less
        /// when the whole exposition would not fit the largest response.</param>
        public void Write(HttpResponse r, IModuleDirectory modules, MeasurementSnapshot local, int detail)
        {
            r.Text(CycleHead);
            r.Text(CycleName);
            MetricsText.Value(r, modules.LastCycleSeconds, 3);
            for (int family = 0; family < Families && detail != TotalsOnly; family++)
            {
                if (detail == WithoutChannels && (family == Current || family == Power || family == Import))
                {
                    continue;
                }

                r.Text(Heads[family]);
                for (int i = 0; i < modules.Count; i++)
                {
                    int address = modules.AddressAt(i);
                    int status = modules.StatusOf(address);
                    if (status != ModuleStatus.Unknown)
                    {
                        WriteFamily(r, family, modules, address, status);
                    }
                }
            }

            lock (_totals)
            {
                _totals.Compute(local, modules);
                WriteTotals(r, _totals);
            }
        }

        private static void WriteFamily(HttpResponse r, int family, IModuleDirectory modules, int address, int status)
        {
            MeasurementSnapshot s = modules.LatestOf(address);
            switch (family)
            {
                case Up:
                    DeviceIdentity identity = modules.IdentityOf(address);
                    Start(r, family, address);
                    if (identity != null && identity.SerialNumber != null && identity.SerialNumber.Length > 0)
                    {
                        r.Text(SerialLabel);
                        MetricsText.LabelValue(r, identity.SerialNumber);
                    }

                    r.Text(LabelsEnd);
                    MetricsText.Value(r, status == ModuleStatus.Online ? 1 : 0, 0);
                    break;
                case Age:
                    Start(r, family, address);
                    r.Text(LabelsEnd);
                    MetricsText.Value(r, modules.AgeSecondsOf(address), 1);
                    break;
                case Voltage:
                    PhaseValues[] phases = s == null ? null : s.Phases;
                    for (int p = 0; phases != null && p < phases.Length; p++)
                    {
                        if (phases[p] != null)
                        {
                            Start(r, family, address);
                            r.Text(PhaseLabel);
                            r.Text(AsciiPhase(phases[p].Phase));
                            r.Text(LabelsEnd);
                            MetricsText.Value(r, phases[p].Vrms, MeasurementsJson.VoltDecimals);
                        }
                    }

                    break;
                case Current:
                case Power:
                case Import:
                    WriteChannels(r, family, address, s);
                    break;
                case Polls:
                    Start(r, family, address);
                    r.Text(LabelsEnd);
                    MetricsText.Value(r, modules.CounterOf(address, ModuleCounters.Polls), 0);
                    break;
                case Offline:
                    Start(r, family, address);
                    r.Text(LabelsEnd);
                    MetricsText.Value(r, modules.CounterOf(address, ModuleCounters.WentOffline), 0);
                    break;
                default:
                    for (int k = 0; k < ErrorKinds.Length; k++)
                    {
                        Start(r, family, address);
                        r.Text(KindLabel);
                        r.Text(KindBytes[k]);
                        r.Text(LabelsEnd);
                        MetricsText.Value(r, modules.CounterOf(address, ErrorKinds[k]), 0);
                    }

                    break;
            }
        }

        private static void WriteChannels(HttpResponse r, int family, int address, MeasurementSnapshot s)
        {
            ChannelValues[] channels = s == null ? null : s.Channels;
            for (int c = 0; channels != null && c < channels.Length; c++)
            {
                ChannelValues ch = channels[c];
                if (ch == null)
                {
                    continue;
                }

                Start(r, family, address);
                r.Text(ChannelLabel);
                r.TextInteger(ch.Channel);
                r.Text(PhaseLabel);
                r.Text(AsciiPhase(ch.Phase));
                r.Text(LabelsEnd);
                if (family == Current)
                {
                    MetricsText.Value(r, ch.Irms, MeasurementsJson.AmpereDecimals);
                }
                else if (family == Power)
                {
                    MetricsText.Value(r, ch.ActivePowerW, MeasurementsJson.PowerDecimals);
                }
                else
                {
                    MetricsText.Scaled(r, ch.ImportEnergyMilliWh * DeciJoulesPerMilliWh, 1);
                }
            }
        }

        private static void WriteTotals(HttpResponse r, SiteTotals t)
        {
            r.Text(SitePowerHead);
            r.Text(SitePowerName);
            MetricsText.Value(r, t.ActivePowerW, MeasurementsJson.PowerDecimals);
            r.Text(SiteReactiveHead);
            r.Text(SiteReactiveName);
            MetricsText.Value(r, t.ReactivePowerVar, MeasurementsJson.PowerDecimals);
            r.Text(SiteApparentHead);
            r.Text(SiteApparentName);
            MetricsText.Value(r, t.ApparentPowerVA, MeasurementsJson.PowerDecimals);
            r.Text(SiteCurrentHead);
            for (int p = 0; p < 3; p++)
            {
                r.Text(SiteCurrentName);
                r.Text(PhaseBytes[p]);
                r.Text(LabelsEnd);
                MetricsText.Value(r, t.PhaseCurrentA(p), MeasurementsJson.AmpereDecimals);
            }

            r.Text(SiteImportHead);
            r.Text(SiteImportName);
            MetricsText.Scaled(r, t.ImportEnergyMilliWh * DeciJoulesPerMilliWh, 1);
            r.Text(SiteExportHead);
            r.Text(SiteExportName);
            MetricsText.Scaled(r, t.ExportEnergyMilliWh * DeciJoulesPerMilliWh, 1);
            r.Text(SiteCountedHead);
            r.Text(SiteCountedName);
            MetricsText.Value(r, t.ModulesCounted, 0);
            r.Text(SiteOfflineHead);
            r.Text(SiteOfflineName);
            MetricsText.Value(r, t.ModulesOffline, 0);
        }

        // "name{address=\"N" of the family: the caller adds further labels and the closing "\"}".
        private static void Start(HttpResponse r, int family, int address)
        {
            r.Text(Names[family]);
            r.TextInteger(address);
        }

        private static byte[] AsciiPhase(int phase)
        {
            return phase >= 0 && phase < PhaseBytes.Length ? PhaseBytes[phase] : UnknownPhase;
        }

        private static byte[][] KindNames()
        {
            byte[][] names = new byte[ErrorKinds.Length][];
            for (int k = 0; k < ErrorKinds.Length; k++)
            {
                names[k] = AsciiBytes.From(ModuleCounters.Name(ErrorKinds[k]));
            }

            return names;
        }
    }
}
