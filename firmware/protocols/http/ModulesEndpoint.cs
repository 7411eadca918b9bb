using Ipenergy.Probe.Common;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// GET /api/v1/modules: the bus modules the gateway polls, with their identity, state, power, energy and
    /// error counters, and "totals" (<see cref="SiteTotals"/>: the gateway's own channels plus every module).
    /// By default only addresses that ever answered are listed (a 1..31 scan is mostly empty); ?all=1 lists
    /// every polled address, unknown ones included. 404 {"error"} on a module that is not a bus gateway.
    /// Writes into the reused response buffer: nothing allocated per request.
    /// </summary>
    public sealed class ModulesEndpoint : ReadOnlyEndpoint
    {
        private static readonly string[] Known = { "all" };

        private readonly IMeasurementSource _local;
        private readonly SiteTotals _totals = new SiteTotals();

        /// <param name="local">The gateway's own measurements (in the totals).</param>
        public ModulesEndpoint(IMeasurementSource local)
            : base("/api/v1/modules")
        {
            _local = local;
        }

        /// <summary>The gateway's module directory; null (not a gateway): 404. Set by the app before serving.</summary>
        public IModuleDirectory Directory { get; set; }

        public override int Handle(HttpRequest request, HttpResponse response)
        {
            IModuleDirectory modules = Directory;
            if (modules == null)
            {
                return response.Error(HttpStatus.NotFound, "not a bus gateway (bus role is not gateway)");
            }

            HttpQuery q = request.Query;
            int unknown = q.FirstUnknown(Known);
            if (unknown >= 0)
            {
                return response.Error(HttpStatus.BadRequest, "unknown parameter '" + q.Name(unknown) + "' (all)");
            }

            bool all = false;
            int at = q.Find("all");
            if (at >= 0)
            {
                if (q.ValueIs(at, "1") || q.ValueIs(at, "true"))
                {
                    all = true;
                }
                else if (!q.ValueIs(at, "0") && !q.ValueIs(at, "false"))
                {
                    return response.Error(HttpStatus.BadRequest, "all: must be 0 or 1, got '" + q.Value(at) + "'");
                }
            }

            JsonWriter w = response.Json;
            w.WriteStartObject();
            w.WriteName("cycleS");
            w.WriteNumber(modules.LastCycleSeconds, 3);

            // One SiteTotals shared by the handler threads: computed and written under its lock.
            lock (_totals)
            {
                _totals.Compute(_local == null ? null : _local.Latest, modules);
                WriteTotals(w, _totals);
            }

            w.WriteName("modules");
            w.WriteStartArray();
            for (int i = 0; i < modules.Count; i++)
            {
                int address = modules.AddressAt(i);
                int status = modules.StatusOf(address);
                if (all || status != ModuleStatus.Unknown)
                {
                    WriteModule(w, modules, address, status);
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
            return HttpStatus.Ok;
        }

        private static void WriteTotals(JsonWriter w, SiteTotals t)
        {
            w.WriteName("totals");
            w.WriteStartObject();
            w.WriteName("activePowerW");
            w.WriteNumber(t.ActivePowerW, MeasurementsJson.PowerDecimals);
            w.WriteName("reactivePowerVar");
            w.WriteNumber(t.ReactivePowerVar, MeasurementsJson.PowerDecimals);
            w.WriteName("apparentPowerVA");
            w.WriteNumber(t.ApparentPowerVA, MeasurementsJson.PowerDecimals);
            w.WriteName("phaseCurrentA");
            w.WriteStartArray();
            for (int p = 0; p < 3; p++)
            {
                w.WriteNumber(t.PhaseCurrentA(p), MeasurementsJson.AmpereDecimals);
            }

            w.WriteEndArray();
            w.WriteName("importEnergyWh");
            w.WriteScaled(t.ImportEnergyMilliWh, MeasurementsJson.EnergyDecimals);
            w.WriteName("exportEnergyWh");
            w.WriteScaled(t.ExportEnergyMilliWh, MeasurementsJson.EnergyDecimals);
            w.WriteName("modulesCounted");
            w.WriteInteger(t.ModulesCounted);
            w.WriteName("modulesOffline");
            w.WriteInteger(t.ModulesOffline);
            w.WriteEndObject();
        }

        private static void WriteModule(JsonWriter w, IModuleDirectory modules, int address, int status)
        {
            DeviceIdentity identity = modules.IdentityOf(address);
            MeasurementSnapshot s = modules.LatestOf(address);
            w.WriteStartObject();
            w.WriteName("address");
            w.WriteInteger(address);
            w.WriteName("status");
            w.WriteString(ModuleStatus.Name(status));
            w.WriteName("model");
            w.WriteString(identity == null ? null : identity.Model);
            w.WriteName("serial");
            w.WriteString(identity == null ? null : identity.SerialNumber);
            w.WriteName("firmware");
            w.WriteString(identity == null ? null : identity.FirmwareVersion);
            w.WriteName("name");
            w.WriteString(modules.NameOf(address));
            w.WriteName("location");
            w.WriteString(modules.LocationOf(address));
            w.WriteName("channels");
            w.WriteInteger(s == null || s.Channels == null ? 0 : s.Channels.Length);
            w.WriteName("ageS");
            double age = modules.AgeSecondsOf(address);
            if (age < 0)
            {
                w.WriteNull();
            }
            else
            {
                w.WriteNumber(age, 1);
            }

            // Sums of the module's channels; null before its first good poll. An offline module keeps its last values.
            double power = 0;
            long import = 0;
            ChannelValues[] channels = s == null ? null : s.Channels;
            for (int c = 0; channels != null && c < channels.Length; c++)
            {
                if (channels[c] != null)
                {
                    power += channels[c].ActivePowerW;
                    import += channels[c].ImportEnergyMilliWh;
                }
            }

            w.WriteName("activePowerW");
            if (s == null)
            {
                w.WriteNull();
            }
            else
            {
                w.WriteNumber(power, MeasurementsJson.PowerDecimals);
            }

            w.WriteName("importEnergyWh");
            if (s == null)
            {
                w.WriteNull();
            }
            else
            {
                w.WriteScaled(import, MeasurementsJson.EnergyDecimals);
            }

            w.WriteName("counters");
            w.WriteStartObject();
            for (int k = 0; k < ModuleCounters.Count; k++)
            {
                w.WriteName(ModuleCounters.Name(k));
                w.WriteInteger(modules.CounterOf(address, k));
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }
    }
}
