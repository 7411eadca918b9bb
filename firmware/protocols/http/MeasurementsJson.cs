using Ipenergy.Probe.Common;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// The body of GET /api/v1/measurements (docs: shared/spec/virtual-probe.md, "Read API"): one
    /// MeasurementSnapshot as JSON, every channel of the model, field names as the contract says.
    /// Decimals are fixed per quantity (resolution well below the meter's accuracy, so rounding never
    /// hides information). A value that is NaN or infinite is written as null, never as 0: a reader
    /// can tell "not measurable" from a real zero. Energies are exact: integer milli-units as units
    /// with 3 decimals.
    /// </summary>
    public static class MeasurementsJson
    {
        public const int VoltDecimals = 2;
        public const int AmpereDecimals = 3;
        public const int PowerDecimals = 1;
        public const int PowerFactorDecimals = 4;
        public const int FrequencyDecimals = 3;
        public const int PercentDecimals = 2;
        public const int AngleDecimals = 2;

        /// <summary>Energy counters are milli-Wh / milli-varh: written as Wh / varh with 3 decimals, exact.</summary>
        public const int EnergyDecimals = 3;

        /// <summary>The document of the contract without the clock state (as issue 3 served it).</summary>
        public static void Write(JsonWriter w, MeasurementSnapshot s)
        {
            Write(w, s, false, false);
        }

        /// <summary>
        /// The document with "clockSynchronized" after "sequence": false until SNTP has confirmed the device
        /// clock, so a reader knows the timestamp may carry the RTC or boot time.
        /// </summary>
        public static void Write(JsonWriter w, MeasurementSnapshot s, bool clockSynchronized)
        {
            Write(w, s, true, clockSynchronized);
        }

        /// <summary>
        /// A bus module's snapshot as the gateway holds it (GET /api/v1/modules/{address}/measurements): the same
        /// document with "address", "status" (ModuleStatus name) and "ageS" (seconds since its last good poll)
        /// after "sequence". The timestamp is the module's own.
        /// </summary>
        public static void WriteModule(JsonWriter w, MeasurementSnapshot s, int address, int status, double ageSeconds)
        {
            WriteHead(w, s);
            w.WriteName("address");
            w.WriteInteger(address);
            w.WriteName("status");
            w.WriteString(ModuleStatus.Name(status));
            Number(w, "ageS", ageSeconds, 1);
            WriteBody(w, s);
        }

        private static void Write(JsonWriter w, MeasurementSnapshot s, bool withClock, bool clockSynchronized)
        {
            WriteHead(w, s);
            if (withClock)
            {
                w.WriteName("clockSynchronized");
                w.WriteBoolean(clockSynchronized);
            }

            WriteBody(w, s);
        }

        private static void WriteHead(JsonWriter w, MeasurementSnapshot s)
        {
            w.WriteStartObject();
            w.WriteName("timestamp");
            w.WriteTimestamp(s.Timestamp);
            w.WriteName("sequence");
            w.WriteInteger(s.Sequence);
        }

        // Everything after the head, up to the closing brace.
        private static void WriteBody(JsonWriter w, MeasurementSnapshot s)
        {

            Number(w, "frequencyHz", s.FrequencyHz, FrequencyDecimals);
            Number(w, "voltageUnbalancePercent", s.VoltageUnbalancePercent, PercentDecimals);

            w.WriteName("phases");
            w.WriteStartArray();
            PhaseValues[] phases = s.Phases;
            for (int i = 0; phases != null && i < phases.Length; i++)
            {
                WritePhase(w, phases[i]);
            }

            w.WriteEndArray();

            w.WriteName("channels");
            w.WriteStartArray();
            ChannelValues[] channels = s.Channels;
            for (int i = 0; channels != null && i < channels.Length; i++)
            {
                WriteChannel(w, channels[i]);
            }

            w.WriteEndArray();

            w.WriteName("circuits");
            w.WriteStartArray();
            CircuitValues[] circuits = s.Circuits;
            for (int i = 0; circuits != null && i < circuits.Length; i++)
            {
                WriteCircuit(w, circuits[i]);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        private static void WritePhase(JsonWriter w, PhaseValues p)
        {
            if (p == null)
            {
                w.WriteNull();
                return;
            }

            w.WriteStartObject();
            w.WriteName("phase");
            w.WriteString(PhaseName(p.Phase));
            Number(w, "vrms", p.Vrms, VoltDecimals);
            Number(w, "fundamentalVrms", p.FundamentalVrms, VoltDecimals);
            Number(w, "frequencyHz", p.FrequencyHz, FrequencyDecimals);
            Number(w, "thdPercent", p.ThdPercent, PercentDecimals);
            Number(w, "angleDeg", p.AngleDeg, AngleDecimals);
            w.WriteName("present");
            w.WriteBoolean(p.Present);
            w.WriteEndObject();
        }

        private static void WriteChannel(JsonWriter w, ChannelValues c)
        {
            if (c == null)
            {
                w.WriteNull();
                return;
            }

            w.WriteStartObject();
            w.WriteName("channel");
            w.WriteInteger(c.Channel);
            w.WriteName("phase");
            w.WriteString(PhaseName(c.Phase));
            Number(w, "irms", c.Irms, AmpereDecimals);
            Number(w, "fundamentalIrms", c.FundamentalIrms, AmpereDecimals);
            Number(w, "thdPercent", c.ThdPercent, PercentDecimals);
            Number(w, "activePowerW", c.ActivePowerW, PowerDecimals);
            Number(w, "reactivePowerVar", c.ReactivePowerVar, PowerDecimals);
            Number(w, "apparentPowerVA", c.ApparentPowerVA, PowerDecimals);
            Number(w, "powerFactor", c.PowerFactor, PowerFactorDecimals);
            Number(w, "cosPhi", c.CosPhi, PowerFactorDecimals);
            Number(w, "loadPercentOfCt", c.LoadPercentOfCt, PercentDecimals);
            Energy(w, "importEnergyWh", c.ImportEnergyMilliWh);
            Energy(w, "exportEnergyWh", c.ExportEnergyMilliWh);
            Energy(w, "importReactiveVarh", c.ImportReactiveMilliVarh);
            Energy(w, "exportReactiveVarh", c.ExportReactiveMilliVarh);
            w.WriteEndObject();
        }

        private static void WriteCircuit(JsonWriter w, CircuitValues c)
        {
            if (c == null)
            {
                w.WriteNull();
                return;
            }

            w.WriteStartObject();
            w.WriteName("name");
            w.WriteString(c.Name);
            w.WriteName("phases");
            w.WriteInteger(c.PhaseCount);
            Number(w, "breakerRatedA", c.BreakerRatedAmps, AmpereDecimals);
            Number(w, "maxIrms", c.MaxIrms, AmpereDecimals);
            Number(w, "loadPercent", c.LoadPercent, PercentDecimals);
            Number(w, "activePowerW", c.ActivePowerW, PowerDecimals);
            Number(w, "reactivePowerVar", c.ReactivePowerVar, PowerDecimals);
            Number(w, "apparentPowerVA", c.ApparentPowerVA, PowerDecimals);
            Number(w, "powerFactor", c.PowerFactor, PowerFactorDecimals);
            Number(w, "currentUnbalancePercent", c.CurrentUnbalancePercent, PercentDecimals);
            Number(w, "neutralCurrentA", c.NeutralCurrentA, AmpereDecimals);
            Energy(w, "importEnergyWh", c.ImportEnergyMilliWh);
            Energy(w, "exportEnergyWh", c.ExportEnergyMilliWh);
            w.WriteEndObject();
        }

        private static void Number(JsonWriter w, string name, double value, int decimals)
        {
            w.WriteName(name);
            w.WriteNumber(value, decimals);
        }

        private static void Energy(JsonWriter w, string name, long milliUnits)
        {
            w.WriteName(name);
            w.WriteScaled(milliUnits, EnergyDecimals);
        }

        // "L1"…"L3"; null for an index that is not a phase (a reader sees null, the server does not throw).
        private static string PhaseName(int phase)
        {
            return phase >= 0 && phase < PhaseNames.Count ? PhaseNames.Name(phase) : null;
        }
    }
}
