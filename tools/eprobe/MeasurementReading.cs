using System.Text.Json.Nodes;

namespace Ipenergy.Probe.Cli
{
    /// <summary>
    /// What `read` and `watch` got from one probe: its identity (/api/v1/info), its last measured second
    /// (/api/v1/measurements, as the probe sent it) and, when the probe gave them, its name and alarm counts.
    /// </summary>
    public sealed class MeasurementReading
    {
        public JsonObject Info { get; set; }

        public JsonObject Measurements { get; set; }

        /// <summary>The probe's name (SNMP sysName, as discovery shows it), "" when unknown.</summary>
        public string Name { get; set; } = "";

        /// <summary>Whether /api/v1/alarms answered (the counts below are then known).</summary>
        public bool AlarmsKnown { get; set; }

        public int AlarmsActive { get; set; }

        public int AlarmsWarning { get; set; }

        public int AlarmsCritical { get; set; }

        public string Model { get { return ReadJson.Text(Info, "model"); } }

        public string Serial { get { return ReadJson.Text(Info, "serial"); } }

        public string Firmware { get { return ReadJson.Text(Info, "firmware"); } }

        public string Timestamp { get { return ReadJson.Text(Measurements, "timestamp"); } }

        public JsonArray Phases { get { return Measurements["phases"] as JsonArray ?? new JsonArray(); } }

        public JsonArray Channels { get { return Measurements["channels"] as JsonArray ?? new JsonArray(); } }

        /// <summary>The configured circuits (empty until circuits are configured on the probe).</summary>
        public JsonArray Circuits { get { return Measurements["circuits"] as JsonArray ?? new JsonArray(); } }

        /// <summary>The probe has no total in its document: the sum of its channels' active power, W.</summary>
        public double? TotalActivePowerW
        {
            get
            {
                double total = 0;
                bool any = false;
                foreach (JsonNode channel in Channels)
                {
                    double? p = ReadJson.Number(channel, "activePowerW");
                    if (p.HasValue)
                    {
                        total += p.Value;
                        any = true;
                    }
                }

                return any ? total : (double?)null;
            }
        }

        /// <summary>The Vrms of phase "L1".."L3", null when the probe does not report it.</summary>
        public double? PhaseVoltage(string phase)
        {
            foreach (JsonNode p in Phases)
            {
                if (ReadJson.Text(p, "phase") == phase)
                {
                    return ReadJson.Number(p, "vrms");
                }
            }

            return null;
        }

        /// <summary>The most loaded circuit (highest % of its breaker rating), or null without circuits.</summary>
        public JsonNode MostLoadedCircuit()
        {
            JsonNode best = null;
            double bestLoad = double.NegativeInfinity;
            foreach (JsonNode circuit in Circuits)
            {
                double? load = ReadJson.Number(circuit, "loadPercent");
                if (load.HasValue && load.Value > bestLoad)
                {
                    best = circuit;
                    bestLoad = load.Value;
                }
            }

            return best;
        }

        /// <summary>The active power of the channels on one phase, W (null when none reports it).</summary>
        public double? PhaseActivePowerW(string phase)
        {
            double total = 0;
            bool any = false;
            foreach (JsonNode channel in Channels)
            {
                double? p = ReadJson.Number(channel, "activePowerW");
                if (ReadJson.Text(channel, "phase") == phase && p.HasValue)
                {
                    total += p.Value;
                    any = true;
                }
            }

            return any ? total : (double?)null;
        }
    }
}
