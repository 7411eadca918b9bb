using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading;

namespace Ipenergy.Probe.Cli
{
    /// <summary>
    /// Reads one probe for `read` and `watch`: GET /api/v1/info (who it is), /api/v1/measurements (its last
    /// second), then, best effort, /api/v1/alarms?log=0 (the active alarm counts) and the name (discovery's, else
    /// the configuration's snmp.sysName, read once per probe and kept). Info and measurements are required: a
    /// failure there is the probe's error; the best-effort parts only leave their columns empty.
    /// </summary>
    public sealed class MeasurementWork : IProbeWork
    {
        private readonly ConcurrentDictionary<string, string> _names = new ConcurrentDictionary<string, string>();
        private readonly bool _alarms;

        /// <param name="alarms">Whether to ask for the alarm counts (the summary shows them).</param>
        public MeasurementWork(bool alarms)
        {
            _alarms = alarms;
        }

        public object Run(ProbeClient client, CancellationToken cancel)
        {
            var info = client.GetJson("/api/v1/info", cancel) as JsonObject;
            if (info == null || info["model"] == null || info["serial"] == null)
            {
                throw new ProbeException("bad answer to /api/v1/info: no model and serial (not an e-Probe?)");
            }

            var measurements = client.GetJson("/api/v1/measurements", cancel) as JsonObject;
            if (measurements == null || !(measurements["phases"] is JsonArray) || !(measurements["channels"] is JsonArray))
            {
                throw new ProbeException("bad answer to /api/v1/measurements: no phases and channels");
            }

            var reading = new MeasurementReading { Info = info, Measurements = measurements, Name = NameOf(client, cancel) };
            if (_alarms)
            {
                try
                {
                    var alarms = client.GetJson("/api/v1/alarms?log=0", cancel) as JsonObject;
                    if (alarms != null && alarms["active"] is JsonArray active)
                    {
                        reading.AlarmsKnown = true;
                        reading.AlarmsActive = active.Count;
                        reading.AlarmsWarning = ReadJson.Integer(alarms, "warning", 0);
                        reading.AlarmsCritical = ReadJson.Integer(alarms, "critical", 0);
                    }
                }
                catch (ProbeException)
                {
                    // An older firmware without alarms, or alarms not readable anonymously: the column stays empty.
                }
            }

            return reading;
        }

        private string NameOf(ProbeClient client, CancellationToken cancel)
        {
            DiscoveredProbe discovered = client.Target.Discovered;
            if (discovered != null && !string.IsNullOrEmpty(discovered.Name))
            {
                return discovered.Name;
            }

            string name;
            if (_names.TryGetValue(client.Target.Name, out name))
            {
                return name;
            }

            try
            {
                var config = client.GetJson("/api/v1/config", cancel) as JsonObject;
                name = ReadJson.Text(config == null ? null : config["snmp"], "sysName");
            }
            catch (ProbeException)
            {
                return ""; // e.g. the configuration is not readable without a login: try again next time
            }

            _names[client.Target.Name] = name;
            return name;
        }
    }
}
