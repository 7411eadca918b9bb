using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Storage.Alarms;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// GET /metrics: the last snapshot in the Prometheus text exposition format 0.0.4, base units
    /// (volts, amperes, watts, hertz, seconds; ratios instead of percent). Reactive power is in var and
    /// apparent power in volt-amperes (no SI base unit to reduce them to; the names say which). Active
    /// energy counters are joules, the base unit Prometheus asks for (`promtool check metrics` refuses
    /// "_watt_hours": use base unit "seconds"), exact from the meter's integer milli-Wh (1 mWh = 3.6 J, one
    /// decimal); divide by 3.6e6 for kWh. Reactive energy has no base unit (var·s is used by nobody), so its
    /// counters keep varh, the unit of every meter register (IEC 62053-23), exact with 3 decimals.
    /// Channel samples carry the configured labels (empty ones are left out: Prometheus treats an empty
    /// label as absent); circuits carry their name and customer. Should that not fit the largest response
    /// (an MPP18 with 18 circuits and every label at 32 characters needing escapes or UTF-8), values carry
    /// only channel and phase (circuit: its name) and the labels move to eprobe_channel_info and
    /// eprobe_circuit_info, to be joined with group_left. Before the first snapshot only the device
    /// families are written (eprobe_up 0). On a bus gateway (<see cref="Modules"/>) the eprobe_bus_* and eprobe_site_*
    /// families follow (<see cref="ModuleMetrics"/>); when they do not fit, the modules' per-channel families go first,
    /// then everything but the bus cycle and the site totals. Nothing is allocated per request.
    /// </summary>
    public sealed class MetricsEndpoint : ReadOnlyEndpoint
    {
        private const string Gauge = "gauge";

        /// <summary>1 mWh = 3.6 J = 36 tenths of a joule: energies stay exact integers with one decimal.</summary>
        private const long DeciJoulesPerMilliWh = 36;
        private const string Counter = "counter";

        /// <summary>A snapshot older than this (device seconds) makes eprobe_up 0: the metering stopped.</summary>
        public const double StaleAfterSeconds = 5.0;


        private static readonly byte[] UpHead = MetricsText.Head("eprobe_up", Gauge, "1 while the meter publishes a measurement every second, 0 before the first or when the last is stale.");
        private static readonly byte[] UpName = AsciiBytes.From("eprobe_up");
        private static readonly byte[] InfoHead = MetricsText.Head("eprobe_info", Gauge, "Device identity (always 1).");
        private static readonly byte[] InfoModel = AsciiBytes.From("eprobe_info{model=\"");
        private static readonly byte[] InfoSerial = AsciiBytes.From("\",serial=\"");
        private static readonly byte[] InfoFirmware = AsciiBytes.From("\",firmware=\"");
        private static readonly byte[] InfoEnd = AsciiBytes.From("\"} 1\n");
        private static readonly byte[] ClockHead = MetricsText.Head("eprobe_clock_synchronized", Gauge, "1 once a time server has set the device clock, else 0 (timestamps may be boot time).");
        private static readonly byte[] ClockName = AsciiBytes.From("eprobe_clock_synchronized");
        private static readonly byte[] AgeHead = MetricsText.Head("eprobe_measurement_age_seconds", Gauge, "Seconds since the end of the last published measurement second (device clock).");
        private static readonly byte[] AgeName = AsciiBytes.From("eprobe_measurement_age_seconds");
        private static readonly byte[] FrequencyHead = MetricsText.Head("eprobe_frequency_hertz", Gauge, "Line frequency.");
        private static readonly byte[] FrequencyName = AsciiBytes.From("eprobe_frequency_hertz");
        private static readonly byte[] UnbalanceHead = MetricsText.Head("eprobe_voltage_unbalance_ratio", Gauge, "Voltage unbalance (negative to positive sequence), as a ratio.");
        private static readonly byte[] UnbalanceName = AsciiBytes.From("eprobe_voltage_unbalance_ratio");

        private static readonly byte[] AlarmsHead = MetricsText.Head("eprobe_alarms_active", Gauge, "Active alarms by level (GET /api/v1/alarms lists them).");
        private static readonly byte[] AlarmsWarning = AsciiBytes.From("eprobe_alarms_active{level=\"warning\"}");
        private static readonly byte[] AlarmsCritical = AsciiBytes.From("eprobe_alarms_active{level=\"critical\"}");
        private static readonly byte[] UnacknowledgedHead = MetricsText.Head("eprobe_alarms_unacknowledged", Gauge, "Active alarms nobody has acknowledged yet.");
        private static readonly byte[] UnacknowledgedName = AsciiBytes.From("eprobe_alarms_unacknowledged");

        private static readonly byte[] PueFacilityHead = MetricsText.Head("eprobe_pue_facility_power_watts", Gauge, "Active power of the circuits whose role is facility-total (the PUE numerator).");
        private static readonly byte[] PueFacilityName = AsciiBytes.From("eprobe_pue_facility_power_watts");
        private static readonly byte[] PueItHead = MetricsText.Head("eprobe_pue_it_power_watts", Gauge, "Active power of the circuits whose role is it-load (the PUE denominator).");
        private static readonly byte[] PueItName = AsciiBytes.From("eprobe_pue_it_power_watts");
        private static readonly byte[] PueHead = MetricsText.Head("eprobe_pue_ratio", Gauge, "Power usage effectiveness now: facility-total power over it-load power (NaN while not measurable).");
        private static readonly byte[] PueName = AsciiBytes.From("eprobe_pue_ratio");
        private static readonly byte[] DcieHead = MetricsText.Head("eprobe_dcie_ratio", Gauge, "DCiE now: it-load power over facility-total power, a ratio (1 / PUE; NaN while not measurable).");
        private static readonly byte[] DcieName = AsciiBytes.From("eprobe_dcie_ratio");

        private const int PhaseVoltage = 0;
        private const int PhaseFundamentalVoltage = 1;
        private const int PhaseThd = 2;
        private const int PhasePresent = 3;
        private const int PhaseFamilies = 4;

        private static readonly byte[][] PhaseHeads =
        {
            MetricsText.Head("eprobe_phase_voltage_volts", Gauge, "RMS voltage of the phase (line to neutral)."),
            MetricsText.Head("eprobe_phase_fundamental_voltage_volts", Gauge, "RMS voltage of the fundamental of the phase."),
            MetricsText.Head("eprobe_phase_voltage_thd_ratio", Gauge, "Total harmonic distortion of the phase voltage, as a ratio."),
            MetricsText.Head("eprobe_phase_present", Gauge, "1 when voltage is present on the phase."),
        };

        private static readonly byte[][] PhaseNames =
        {
            AsciiBytes.From("eprobe_phase_voltage_volts{phase=\""),
            AsciiBytes.From("eprobe_phase_fundamental_voltage_volts{phase=\""),
            AsciiBytes.From("eprobe_phase_voltage_thd_ratio{phase=\""),
            AsciiBytes.From("eprobe_phase_present{phase=\""),
        };

        private const int ChannelCurrent = 0;
        private const int ChannelFundamentalCurrent = 1;
        private const int ChannelActive = 2;
        private const int ChannelReactive = 3;
        private const int ChannelApparent = 4;
        private const int ChannelPowerFactor = 5;
        private const int ChannelCosPhi = 6;
        private const int ChannelThd = 7;
        private const int ChannelCtLoad = 8;
        private const int ChannelImport = 9;
        private const int ChannelExport = 10;
        private const int ChannelImportReactive = 11;
        private const int ChannelExportReactive = 12;
        private const int ChannelFamilies = 13;

        private static readonly byte[][] ChannelHeads =
        {
            MetricsText.Head("eprobe_channel_current_amperes", Gauge, "RMS current of the CT channel."),
            MetricsText.Head("eprobe_channel_fundamental_current_amperes", Gauge, "RMS current of the fundamental of the CT channel."),
            MetricsText.Head("eprobe_channel_active_power_watts", Gauge, "Active power of the channel (positive: import)."),
            MetricsText.Head("eprobe_channel_reactive_power_var", Gauge, "Reactive power of the channel in var (positive: inductive)."),
            MetricsText.Head("eprobe_channel_apparent_power_voltamperes", Gauge, "Apparent power of the channel in volt-amperes."),
            MetricsText.Head("eprobe_channel_power_factor", Gauge, "Power factor of the channel (active / apparent), a ratio."),
            MetricsText.Head("eprobe_channel_displacement_power_factor", Gauge, "Cosine of the angle between fundamental voltage and current, a ratio."),
            MetricsText.Head("eprobe_channel_thd_ratio", Gauge, "Total harmonic distortion of the channel current, as a ratio."),
            MetricsText.Head("eprobe_channel_ct_load_ratio", Gauge, "Channel current over the CT rating, as a ratio."),
            MetricsText.Head("eprobe_channel_import_energy_joules_total", Counter, "Active energy imported through the channel."),
            MetricsText.Head("eprobe_channel_export_energy_joules_total", Counter, "Active energy exported through the channel."),
            MetricsText.Head("eprobe_channel_import_reactive_energy_varh_total", Counter, "Reactive energy, inductive quadrants, of the channel."),
            MetricsText.Head("eprobe_channel_export_reactive_energy_varh_total", Counter, "Reactive energy, capacitive quadrants, of the channel."),
        };

        private static readonly byte[][] ChannelNames =
        {
            AsciiBytes.From("eprobe_channel_current_amperes{channel=\""),
            AsciiBytes.From("eprobe_channel_fundamental_current_amperes{channel=\""),
            AsciiBytes.From("eprobe_channel_active_power_watts{channel=\""),
            AsciiBytes.From("eprobe_channel_reactive_power_var{channel=\""),
            AsciiBytes.From("eprobe_channel_apparent_power_voltamperes{channel=\""),
            AsciiBytes.From("eprobe_channel_power_factor{channel=\""),
            AsciiBytes.From("eprobe_channel_displacement_power_factor{channel=\""),
            AsciiBytes.From("eprobe_channel_thd_ratio{channel=\""),
            AsciiBytes.From("eprobe_channel_ct_load_ratio{channel=\""),
            AsciiBytes.From("eprobe_channel_import_energy_joules_total{channel=\""),
            AsciiBytes.From("eprobe_channel_export_energy_joules_total{channel=\""),
            AsciiBytes.From("eprobe_channel_import_reactive_energy_varh_total{channel=\""),
            AsciiBytes.From("eprobe_channel_export_reactive_energy_varh_total{channel=\""),
        };

        private const int CircuitCurrent = 0;
        private const int CircuitBreakerRating = 1;
        private const int CircuitLoad = 2;
        private const int CircuitActive = 3;
        private const int CircuitReactive = 4;
        private const int CircuitApparent = 5;
        private const int CircuitPowerFactor = 6;
        private const int CircuitUnbalance = 7;
        private const int CircuitNeutral = 8;
        private const int CircuitImport = 9;
        private const int CircuitExport = 10;
        private const int CircuitFamilies = 11;

        private static readonly byte[][] CircuitHeads =
        {
            MetricsText.Head("eprobe_circuit_current_amperes", Gauge, "Highest RMS phase current of the circuit."),
            MetricsText.Head("eprobe_circuit_breaker_rated_amperes", Gauge, "Rated current of the circuit's breaker."),
            MetricsText.Head("eprobe_circuit_breaker_load_ratio", Gauge, "Highest phase current over the breaker rating, as a ratio."),
            MetricsText.Head("eprobe_circuit_active_power_watts", Gauge, "Active power of the circuit."),
            MetricsText.Head("eprobe_circuit_reactive_power_var", Gauge, "Reactive power of the circuit in var."),
            MetricsText.Head("eprobe_circuit_apparent_power_voltamperes", Gauge, "Apparent power of the circuit in volt-amperes."),
            MetricsText.Head("eprobe_circuit_power_factor", Gauge, "Power factor of the circuit, a ratio."),
            MetricsText.Head("eprobe_circuit_current_unbalance_ratio", Gauge, "Current unbalance of a three-phase circuit, as a ratio."),
            MetricsText.Head("eprobe_circuit_neutral_current_amperes", Gauge, "Neutral current of a three-phase circuit (vector sum of the phase currents)."),
            MetricsText.Head("eprobe_circuit_import_energy_joules_total", Counter, "Active energy imported by the circuit."),
            MetricsText.Head("eprobe_circuit_export_energy_joules_total", Counter, "Active energy exported by the circuit."),
        };

        private static readonly byte[][] CircuitNames =
        {
            AsciiBytes.From("eprobe_circuit_current_amperes{circuit=\""),
            AsciiBytes.From("eprobe_circuit_breaker_rated_amperes{circuit=\""),
            AsciiBytes.From("eprobe_circuit_breaker_load_ratio{circuit=\""),
            AsciiBytes.From("eprobe_circuit_active_power_watts{circuit=\""),
            AsciiBytes.From("eprobe_circuit_reactive_power_var{circuit=\""),
            AsciiBytes.From("eprobe_circuit_apparent_power_voltamperes{circuit=\""),
            AsciiBytes.From("eprobe_circuit_power_factor{circuit=\""),
            AsciiBytes.From("eprobe_circuit_current_unbalance_ratio{circuit=\""),
            AsciiBytes.From("eprobe_circuit_neutral_current_amperes{circuit=\""),
            AsciiBytes.From("eprobe_circuit_import_energy_joules_total{circuit=\""),
            AsciiBytes.From("eprobe_circuit_export_energy_joules_total{circuit=\""),
        };

        private static readonly byte[] ChannelInfoHead = MetricsText.Head("eprobe_channel_info", Gauge, "Labels of a channel (always 1), written instead of labels on every sample when those would not fit.");
        private static readonly byte[] ChannelInfoName = AsciiBytes.From("eprobe_channel_info{channel=\"");
        private static readonly byte[] CircuitInfoHead = MetricsText.Head("eprobe_circuit_info", Gauge, "Labels of a circuit (always 1), written instead of labels on every sample when those would not fit.");
        private static readonly byte[] CircuitInfoName = AsciiBytes.From("eprobe_circuit_info{circuit=\"");
        private static readonly byte[] LabelsEndOne = AsciiBytes.From("\"} 1\n");
        private static readonly byte[] PhaseLabel = AsciiBytes.From("\",phase=\"");
        private static readonly byte[] LabelLabel = AsciiBytes.From("\",label=\"");
        private static readonly byte[] RackLabel = AsciiBytes.From("\",rack=\"");
        private static readonly byte[] CustomerLabel = AsciiBytes.From("\",customer=\"");
        private static readonly byte[] FeedLabel = AsciiBytes.From("\",feed=\"");
        private static readonly byte[] CircuitLabel = AsciiBytes.From("\",circuit=\"");
        private static readonly byte[] LabelsEnd = AsciiBytes.From("\"}");

        private readonly IMeasurementSource _source;
        private readonly ILiveConfig _config;
        private readonly DeviceIdentity _identity;
        private readonly ISettableClock _clock;

        /// <param name="config">Labels of channels and circuits (ConfigService); null: none.</param>
        /// <param name="identity">Model, serial and firmware for eprobe_info.</param>
        /// <param name="clock">Age and clock state; null: eprobe_measurement_age_seconds and eprobe_clock_synchronized left out.</param>
        public MetricsEndpoint(IMeasurementSource source, ILiveConfig config, DeviceIdentity identity, ISettableClock clock)
            : base("/metrics")
        {
            _source = source;
            _config = config;
            _identity = identity;
            _clock = clock;
        }

        /// <summary>The alarm journal for eprobe_alarms_active / _unacknowledged; null leaves them out (set before serving).</summary>
        public AlarmJournal Alarms { get; set; }

        /// <summary>
        /// On a bus gateway, its module directory: adds the eprobe_bus_* and eprobe_site_* families
        /// (<see cref="ModuleMetrics"/>); null (not a gateway) leaves them out. Set by the app before serving.
        /// </summary>
        public IModuleDirectory Modules { get; set; }

        /// <summary>
        /// PUE/DCiE now (the circuits' roles): adds the eprobe_pue_* and eprobe_dcie_ratio families once the
        /// configuration marks a facility-total and an it-load circuit; null leaves them out. Set before serving.
        /// </summary>
        public IPueSource Pue { get; set; }

        private readonly ModuleMetrics _moduleMetrics = new ModuleMetrics();

        public override int Handle(HttpRequest request, HttpResponse response)
        {
            Write(response, true, ModuleMetrics.Everything);
            if (Full(response))
            {
                Write(response, false, ModuleMetrics.Everything);
            }

            // A gateway with many MPP18 modules: their per-channel series go, then every per-module series but the
            // site totals (SNMP and the JSON API still have them all).
            if (Full(response) && Modules != null)
            {
                Write(response, false, ModuleMetrics.WithoutChannels);
            }

            if (Full(response) && Modules != null)
            {
                Write(response, false, ModuleMetrics.TotalsOnly);
            }

            return HttpStatus.Ok;
        }

        // The body overflowed the largest response buffer there is.
        private static bool Full(HttpResponse response)
        {
            return response.Overflowed && response.Capacity >= HttpConnectionHandler.MaxResponseLength - HttpResponseHead.MaxLength;
        }

        /// <param name="labelled">Labels on every sample; false: on the info families only.</param>
        /// <param name="moduleDetail">On a gateway, how much of the bus modules (ModuleMetrics.Everything...).</param>
        private void Write(HttpResponse response, bool labelled, int moduleDetail)
        {
            response.BeginText(HttpResponseHead.ContentPrometheus);
            MeasurementSnapshot snapshot = _source.Latest;
            MeterConfig config = _config == null ? null : _config.Current;

            double age = double.NaN;
            if (snapshot != null && _clock != null)
            {
                age = (_clock.UtcNow.Ticks - snapshot.Timestamp.Ticks) / 1e7;
            }

            bool up = snapshot != null && !(age > StaleAfterSeconds);
            response.Text(UpHead);
            response.Text(UpName);
            MetricsText.Value(response, up ? 1 : 0, 0);

            WriteInfo(response);
            if (_clock != null)
            {
                response.Text(ClockHead);
                response.Text(ClockName);
                MetricsText.Value(response, _clock.Synchronized ? 1 : 0, 0);
            }

            WriteAlarms(response);
            IModuleDirectory modules = Modules;
            if (modules != null)
            {
                _moduleMetrics.Write(response, modules, snapshot, moduleDetail);
            }

            if (snapshot == null)
            {
                return;
            }

            if (_clock != null)
            {
                response.Text(AgeHead);
                response.Text(AgeName);
                MetricsText.Value(response, age, 3);
            }

            response.Text(FrequencyHead);
            response.Text(FrequencyName);
            MetricsText.Value(response, snapshot.FrequencyHz, MeasurementsJson.FrequencyDecimals);
            response.Text(UnbalanceHead);
            response.Text(UnbalanceName);
            MetricsText.Value(response, snapshot.VoltageUnbalancePercent / 100.0, MeasurementsJson.PercentDecimals + 2);

            WritePhases(response, snapshot.Phases);
            WriteChannels(response, snapshot.Channels, config, labelled);
            WriteCircuits(response, snapshot.Circuits, config, labelled);
            WritePue(response);
        }

        // Written only when circuits have the roles: a series that is always NaN would only mislead a dashboard.
        private void WritePue(HttpResponse r)
        {
            IPueSource pue = Pue;
            if (pue == null)
            {
                return;
            }

            bool configured;
            double facilityW;
            double itW;
            double ratio;
            double dciePercent;
            pue.ReadInstantaneous(out configured, out facilityW, out itW, out ratio, out dciePercent);
            if (!configured)
            {
                return;
            }

            r.Text(PueFacilityHead);
            r.Text(PueFacilityName);
            MetricsText.Value(r, facilityW, MeasurementsJson.PowerDecimals);
            r.Text(PueItHead);
            r.Text(PueItName);
            MetricsText.Value(r, itW, MeasurementsJson.PowerDecimals);
            r.Text(PueHead);
            r.Text(PueName);
            MetricsText.Value(r, ratio, 4);
            r.Text(DcieHead);
            r.Text(DcieName);
            MetricsText.Value(r, dciePercent / 100.0, 4);
        }

        // Alarms live in the journal, not the snapshot: written even before the first measurement.
        private void WriteAlarms(HttpResponse r)
        {
            AlarmJournal journal = Alarms;
            if (journal == null)
            {
                return;
            }

            int warning = journal.CountActive(AlarmCodes.LevelWarning);
            int critical = journal.CountActive(AlarmCodes.LevelCritical);
            int unacknowledged = journal.CountUnacknowledged();
            r.Text(AlarmsHead);
            r.Text(AlarmsWarning);
            MetricsText.Value(r, warning, 0);
            r.Text(AlarmsCritical);
            MetricsText.Value(r, critical, 0);
            r.Text(UnacknowledgedHead);
            r.Text(UnacknowledgedName);
            MetricsText.Value(r, unacknowledged, 0);
        }

        private void WriteInfo(HttpResponse r)
        {
            if (_identity == null)
            {
                return;
            }

            r.Text(InfoHead);
            r.Text(InfoModel);
            MetricsText.LabelValue(r, _identity.Model);
            r.Text(InfoSerial);
            MetricsText.LabelValue(r, _identity.SerialNumber);
            r.Text(InfoFirmware);
            MetricsText.LabelValue(r, _identity.FirmwareVersion);
            r.Text(InfoEnd);
        }

        private static void WritePhases(HttpResponse r, PhaseValues[] phases)
        {
            if (phases == null)
            {
                return;
            }

            for (int family = 0; family < PhaseFamilies; family++)
            {
                r.Text(PhaseHeads[family]);
                for (int i = 0; i < phases.Length; i++)
                {
                    PhaseValues p = phases[i];
                    if (p == null)
                    {
                        continue;
                    }

                    r.Text(PhaseNames[family]);
                    r.Text(AsciiPhase(p.Phase));
                    r.Text(LabelsEnd);
                    switch (family)
                    {
                        case PhaseVoltage:
                            MetricsText.Value(r, p.Vrms, MeasurementsJson.VoltDecimals);
                            break;
                        case PhaseFundamentalVoltage:
                            MetricsText.Value(r, p.FundamentalVrms, MeasurementsJson.VoltDecimals);
                            break;
                        case PhaseThd:
                            MetricsText.Value(r, p.ThdPercent / 100.0, MeasurementsJson.PercentDecimals + 2);
                            break;
                        default:
                            MetricsText.Value(r, p.Present ? 1 : 0, 0);
                            break;
                    }
                }
            }
        }

        private static void WriteChannels(HttpResponse r, ChannelValues[] channels, MeterConfig config, bool labelled)
        {
            if (channels == null)
            {
                return;
            }

            if (!labelled)
            {
                r.Text(ChannelInfoHead);
                for (int i = 0; i < channels.Length; i++)
                {
                    ChannelValues c = channels[i];
                    if (c != null)
                    {
                        r.Text(ChannelInfoName);
                        r.TextInteger(c.Channel);
                        r.Text(PhaseLabel);
                        r.Text(AsciiPhase(c.Phase));
                        WriteChannelLabels(r, c.Channel, config);
                        r.Text(LabelsEndOne);
                    }
                }
            }

            for (int family = 0; family < ChannelFamilies; family++)
            {
                r.Text(ChannelHeads[family]);
                for (int i = 0; i < channels.Length; i++)
                {
                    ChannelValues c = channels[i];
                    if (c == null)
                    {
                        continue;
                    }

                    r.Text(ChannelNames[family]);
                    r.TextInteger(c.Channel);
                    r.Text(PhaseLabel);
                    r.Text(AsciiPhase(c.Phase));
                    if (labelled)
                    {
                        WriteChannelLabels(r, c.Channel, config);
                    }

                    r.Text(LabelsEnd);
                    WriteChannelValue(r, c, family);
                }
            }
        }

        private static void WriteChannelValue(HttpResponse r, ChannelValues c, int family)
        {
            switch (family)
            {
                case ChannelCurrent:
                    MetricsText.Value(r, c.Irms, MeasurementsJson.AmpereDecimals);
                    break;
                case ChannelFundamentalCurrent:
                    MetricsText.Value(r, c.FundamentalIrms, MeasurementsJson.AmpereDecimals);
                    break;
                case ChannelActive:
                    MetricsText.Value(r, c.ActivePowerW, MeasurementsJson.PowerDecimals);
                    break;
                case ChannelReactive:
                    MetricsText.Value(r, c.ReactivePowerVar, MeasurementsJson.PowerDecimals);
                    break;
                case ChannelApparent:
                    MetricsText.Value(r, c.ApparentPowerVA, MeasurementsJson.PowerDecimals);
                    break;
                case ChannelPowerFactor:
                    MetricsText.Value(r, c.PowerFactor, MeasurementsJson.PowerFactorDecimals);
                    break;
                case ChannelCosPhi:
                    MetricsText.Value(r, c.CosPhi, MeasurementsJson.PowerFactorDecimals);
                    break;
                case ChannelThd:
                    MetricsText.Value(r, c.ThdPercent / 100.0, MeasurementsJson.PercentDecimals + 2);
                    break;
                case ChannelCtLoad:
                    MetricsText.Value(r, c.LoadPercentOfCt / 100.0, MeasurementsJson.PercentDecimals + 2);
                    break;
                case ChannelImport:
                    MetricsText.Scaled(r, c.ImportEnergyMilliWh * DeciJoulesPerMilliWh, 1);
                    break;
                case ChannelExport:
                    MetricsText.Scaled(r, c.ExportEnergyMilliWh * DeciJoulesPerMilliWh, 1);
                    break;
                case ChannelImportReactive:
                    MetricsText.Scaled(r, c.ImportReactiveMilliVarh, MeasurementsJson.EnergyDecimals);
                    break;
                default:
                    MetricsText.Scaled(r, c.ExportReactiveMilliVarh, MeasurementsJson.EnergyDecimals);
                    break;
            }
        }

        /// <summary>label, rack, customer, feed and circuit of the channel from the configuration in force (empty ones left out).</summary>
        private static void WriteChannelLabels(HttpResponse r, int channel, MeterConfig config)
        {
            if (config == null || config.Channels == null)
            {
                return;
            }

            ChannelConfig[] channels = config.Channels;
            for (int i = 0; i < channels.Length; i++)
            {
                ChannelConfig c = channels[i];
                if (c != null && c.Number == channel)
                {
                    Label(r, LabelLabel, c.Label);
                    Label(r, RackLabel, c.Rack);
                    Label(r, CustomerLabel, c.Customer);
                    Label(r, FeedLabel, c.Feed);
                    break;
                }
            }

            CircuitConfig[] circuits = config.Circuits;
            for (int i = 0; circuits != null && i < circuits.Length; i++)
            {
                CircuitConfig circuit = circuits[i];
                if (circuit != null && Contains(circuit.Channels, channel))
                {
                    Label(r, CircuitLabel, circuit.Name);
                    break;
                }
            }
        }

        private static void WriteCircuits(HttpResponse r, CircuitValues[] circuits, MeterConfig config, bool labelled)
        {
            if (circuits == null || circuits.Length == 0)
            {
                return;
            }

            if (!labelled)
            {
                r.Text(CircuitInfoHead);
                for (int i = 0; i < circuits.Length; i++)
                {
                    CircuitValues c = circuits[i];
                    if (c != null)
                    {
                        r.Text(CircuitInfoName);
                        MetricsText.LabelValue(r, c.Name);
                        Label(r, CustomerLabel, CircuitCustomer(config, c));
                        r.Text(LabelsEndOne);
                    }
                }
            }

            for (int family = 0; family < CircuitFamilies; family++)
            {
                r.Text(CircuitHeads[family]);
                for (int i = 0; i < circuits.Length; i++)
                {
                    CircuitValues c = circuits[i];
                    if (c == null)
                    {
                        continue;
                    }

                    r.Text(CircuitNames[family]);
                    MetricsText.LabelValue(r, c.Name);
                    if (labelled)
                    {
                        Label(r, CustomerLabel, CircuitCustomer(config, c));
                    }

                    r.Text(LabelsEnd);
                    WriteCircuitValue(r, c, family);
                }
            }
        }

        private static void WriteCircuitValue(HttpResponse r, CircuitValues c, int family)
        {
            switch (family)
            {
                case CircuitCurrent:
                    MetricsText.Value(r, c.MaxIrms, MeasurementsJson.AmpereDecimals);
                    break;
                case CircuitBreakerRating:
                    MetricsText.Value(r, c.BreakerRatedAmps, MeasurementsJson.AmpereDecimals);
                    break;
                case CircuitLoad:
                    MetricsText.Value(r, c.LoadPercent / 100.0, MeasurementsJson.PercentDecimals + 2);
                    break;
                case CircuitActive:
                    MetricsText.Value(r, c.ActivePowerW, MeasurementsJson.PowerDecimals);
                    break;
                case CircuitReactive:
                    MetricsText.Value(r, c.ReactivePowerVar, MeasurementsJson.PowerDecimals);
                    break;
                case CircuitApparent:
                    MetricsText.Value(r, c.ApparentPowerVA, MeasurementsJson.PowerDecimals);
                    break;
                case CircuitPowerFactor:
                    MetricsText.Value(r, c.PowerFactor, MeasurementsJson.PowerFactorDecimals);
                    break;
                case CircuitUnbalance:
                    MetricsText.Value(r, c.CurrentUnbalancePercent / 100.0, MeasurementsJson.PercentDecimals + 2);
                    break;
                case CircuitNeutral:
                    MetricsText.Value(r, c.NeutralCurrentA, MeasurementsJson.AmpereDecimals);
                    break;
                case CircuitImport:
                    MetricsText.Scaled(r, c.ImportEnergyMilliWh * DeciJoulesPerMilliWh, 1);
                    break;
                default:
                    MetricsText.Scaled(r, c.ExportEnergyMilliWh * DeciJoulesPerMilliWh, 1);
                    break;
            }
        }

        /// <summary>The customer of the configured circuit the snapshot's circuit came from (matched by index and name).</summary>
        private static string CircuitCustomer(MeterConfig config, CircuitValues c)
        {
            if (config == null || config.Circuits == null || c.Index < 0 || c.Index >= config.Circuits.Length)
            {
                return null;
            }

            CircuitConfig circuit = config.Circuits[c.Index];
            return circuit != null && circuit.Name == c.Name ? circuit.Customer : null;
        }

        private static void Label(HttpResponse r, byte[] prefix, string value)
        {
            if (value == null || value.Length == 0)
            {
                return;
            }

            r.Text(prefix);
            MetricsText.LabelValue(r, value);
        }

        private static bool Contains(int[] values, int value)
        {
            for (int i = 0; values != null && i < values.Length; i++)
            {
                if (values[i] == value)
                {
                    return true;
                }
            }

            return false;
        }

        private static readonly byte[][] PhaseBytes = { AsciiBytes.From("L1"), AsciiBytes.From("L2"), AsciiBytes.From("L3") };
        private static readonly byte[] UnknownPhase = AsciiBytes.From("unknown");

        private static byte[] AsciiPhase(int phase)
        {
            return phase >= 0 && phase < PhaseBytes.Length ? PhaseBytes[phase] : UnknownPhase;
        }
    }
}
