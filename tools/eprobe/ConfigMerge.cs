using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Ipenergy.Probe.Cli
{
    /// <summary>
    /// How a configuration file is laid over a probe's own configuration (push, config import), field by field
    /// as the probe's PUT /api/v1/config does (firmware/config/README.md): fields the file has replace, fields it
    /// lacks keep the probe's value; channels[i] merges into channel i+1 (a file with more channels than the
    /// probe: the extra ones are ignored, said in a note); other lists (circuits, voltageGain, snmp.trapTargets,
    /// history.ntpServers) replace the whole list; a secret sent as "***" keeps the probe's.
    /// Some fields are never taken from the file (Never), and the per-device ones (Identity) only when asked.
    /// </summary>
    public static class ConfigMerge
    {
        /// <summary>
        /// Per-device fields kept as each probe has them unless --include-identity: its addressing and name
        /// (network.*: dhcp, address, mask, gateway, dns, hostname), its SNMP name and place (snmp.sysName,
        /// snmp.sysLocation) and its place on the internal bus (bus.role, bus.address).
        /// </summary>
        public static readonly string[] Identity =
        {
            "network", "snmp.sysName", "snmp.sysLocation", "bus.role", "bus.address",
        };

        /// <summary>
        /// Credentials, never pushed so a push can never lock anyone out: users (names and roles: passwords are
        /// set only with PUT /api/v1/users/NAME), the obsolete adminPasswordHash, the front-panel PIN.
        /// </summary>
        public static readonly string[] Never =
        {
            "users", "adminPasswordHash", "panel.pin", "panel.pinHash",
        };

        /// <summary>Secrets the probe shows as "***" (set) or "" (unset): masked in diffs, checked as set/unset.</summary>
        public static readonly string[] Secrets =
        {
            "snmp.readCommunity", "snmp.writeCommunity", "adminPasswordHash",
        };

        public const string SecretMask = "***";

        public static bool IsSecret(JsonPath path)
        {
            return Matches(path, Secrets);
        }

        public static bool IsNever(JsonPath path)
        {
            return Matches(path, Never);
        }

        public static bool IsIdentity(JsonPath path)
        {
            return Matches(path, Identity);
        }

        /// <summary>
        /// The probe's configuration with the file laid over it. kept: the fields of the file left out (with
        /// the reason) where the file's value differs from the probe's; notes: anything else worth saying.
        /// </summary>
        public static JsonNode Apply(JsonNode current, JsonNode file, bool includeIdentity, IList<JsonPath> excluded,
            List<string> kept, List<string> notes)
        {
            if (!(file is JsonObject))
            {
                throw new UsageException("a configuration file must hold a JSON object (as eprobe config export writes)");
            }

            JsonNode result = current.DeepClone();
            MergeObject((JsonObject)result, (JsonObject)file, JsonPath.FromSteps(new object[0]), includeIdentity, excluded, kept, notes);
            return result;
        }

        private static void MergeObject(JsonObject target, JsonObject file, JsonPath path, bool includeIdentity,
            IList<JsonPath> excluded, List<string> kept, List<string> notes)
        {
            foreach (KeyValuePair<string, JsonNode> member in file)
            {
                JsonPath child = path.Child(member.Key);
                string reason = Reason(child, includeIdentity, excluded);
                JsonNode mine = target.ContainsKey(member.Key) ? target[member.Key] : null;
                if (reason != null)
                {
                    if (!target.ContainsKey(member.Key) || !JsonDiff.Same(mine, member.Value))
                    {
                        kept.Add(child.Text + " (" + reason + ")");
                    }

                    continue;
                }

                if (IsSecret(child) && member.Value != null && member.Value.GetValueKind() == System.Text.Json.JsonValueKind.String
                    && member.Value.GetValue<string>() == SecretMask)
                {
                    continue;
                }

                if (path.Steps.Count == 0 && member.Key == "channels" && member.Value is JsonArray fileChannels && mine is JsonArray myChannels)
                {
                    MergeChannels(myChannels, fileChannels, child, includeIdentity, excluded, kept, notes);
                    continue;
                }

                if (member.Value is JsonObject fileObj && mine is JsonObject myObj)
                {
                    MergeObject(myObj, fileObj, child, includeIdentity, excluded, kept, notes);
                    continue;
                }

                // A plain value, a whole list, or a field this probe does not know (its PUT will say so).
                target[member.Key] = member.Value == null ? null : member.Value.DeepClone();
            }
        }

        private static void MergeChannels(JsonArray mine, JsonArray file, JsonPath path, bool includeIdentity,
            IList<JsonPath> excluded, List<string> kept, List<string> notes)
        {
            if (file.Count > mine.Count)
            {
                notes.Add("the file has " + file.Count + " channels, this probe " + mine.Count + ": "
                    + (file.Count == mine.Count + 1 ? "channel " + file.Count : "channels " + (mine.Count + 1) + ".." + file.Count) + " ignored");
            }

            for (int i = 0; i < file.Count && i < mine.Count; i++)
            {
                var fileChannel = file[i] as JsonObject;
                var myChannel = mine[i] as JsonObject;
                if (fileChannel == null || myChannel == null)
                {
                    throw new ConfigPlanException(path.Child(i).Text + " in the file must be an object");
                }

                // "channel" is the channel's number, read-only: the probe's stays.
                var copy = (JsonObject)fileChannel.DeepClone();
                copy.Remove("channel");
                MergeObject(myChannel, copy, path.Child(i), includeIdentity, excluded, kept, notes);
            }
        }

        private static string Reason(JsonPath path, bool includeIdentity, IList<JsonPath> excluded)
        {
            if (IsNever(path))
            {
                return "credentials are never pushed";
            }

            if (!includeIdentity && IsIdentity(path))
            {
                return "per-device, kept: --include-identity to push it";
            }

            if (excluded != null)
            {
                foreach (JsonPath e in excluded)
                {
                    if (path.IsUnder(e))
                    {
                        return "--exclude " + e.Text;
                    }
                }
            }

            return null;
        }

        private static bool Matches(JsonPath path, string[] list)
        {
            foreach (string text in list)
            {
                if (path.IsUnder(JsonPath.Parse(text)))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
