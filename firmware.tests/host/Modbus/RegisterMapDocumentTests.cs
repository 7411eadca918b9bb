using Ipenergy.Probe.Common;
using Ipenergy.Probe.Hal;
using System;
using System.IO;
using System.Text;
using Ipenergy.Probe.Protocols.Modbus.Maps;
using Ipenergy.Probe.Tests.CompileGate;
using Xunit;

namespace Ipenergy.Probe.Tests.Modbus
{
    /// <summary>
    /// tools/modbus/register-map.csv and register-map.md are generated from the C# tables (VendorMapLayout,
    /// ConfigRegisterMap, SunSpecLayout); this test fails when the committed documents differ. Regenerate with
    ///   IPENERGY_UPDATE_REGISTER_MAP=1 dotnet test firmware.tests/host --filter FullyQualifiedName~RegisterMapDocument
    /// </summary>
    public class RegisterMapDocumentTests
    {
        private const string UpdateVariable = "IPENERGY_UPDATE_REGISTER_MAP";
        private const int Channels = 18;

        [Fact]
        public void CsvMatchesTheCode()
        {
            Check("register-map.csv", Csv());
        }

        [Fact]
        public void MarkdownMatchesTheCode()
        {
            Check("register-map.md", Markdown());
        }

        private static void Check(string name, string expected)
        {
            string path = Path.Combine(RepoLayout.Root, "tools", "modbus", name);
            if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path));
                File.WriteAllText(path, expected);
            }

            Assert.True(File.Exists(path), path + " is missing: run with " + UpdateVariable + "=1");
            string actual = File.ReadAllText(path);
            Assert.True(expected == actual, "tools/modbus/" + name + " differs from the C# tables: regenerate with " + UpdateVariable
                + "=1 dotnet test firmware.tests/host --filter FullyQualifiedName~RegisterMapDocument");
        }

        internal static string Csv()
        {
            var csv = new StringBuilder();
            csv.Append("address,region,index,name,type,registers,unit,access,description\n");
            Rows(csv, VendorMapLayout.Header, VendorMapLayout.HeaderAddress, 0, 1, "header");
            Rows(csv, VendorMapLayout.Identity, VendorMapLayout.IdentityAddress, 0, 1, "identity");
            Rows(csv, VendorMapLayout.Phase, VendorMapLayout.PhaseAddress, VendorMapLayout.PhaseStride, VendorMapLayout.PhaseCount, "phase");
            Rows(csv, VendorMapLayout.AlarmRow, VendorMapLayout.PhaseAlarmAddress, VendorMapLayout.AlarmRowStride, VendorMapLayout.PhaseCount, "phase-alarm");
            Rows(csv, VendorMapLayout.AlarmRow, VendorMapLayout.ChannelAlarmAddress, VendorMapLayout.AlarmRowStride, Channels, "channel-alarm");
            Rows(csv, VendorMapLayout.Channel, VendorMapLayout.ChannelAddress, VendorMapLayout.ChannelStride, Channels, "channel");
            Rows(csv, VendorMapLayout.AlarmRow, VendorMapLayout.CircuitAlarmAddress, VendorMapLayout.AlarmRowStride, VendorMapLayout.MaxCircuits, "circuit-alarm");
            Rows(csv, VendorMapLayout.Circuit, VendorMapLayout.CircuitAddress, VendorMapLayout.CircuitStride, VendorMapLayout.MaxCircuits, "circuit");
            foreach (ConfigRow row in ConfigRows())
            {
                csv.Append(row.Address).Append(",config,,").Append(row.Name).Append(",uint16,1,").Append(row.Unit).Append(',')
                    .Append(row.Access).Append(',').Append(Quote(row.Description)).Append('\n');
            }

            csv.Append(SunSpecMap.BaseAddress).Append(",sunspec,,SunS,uint32,2,,R,\"Marker 0x5375 0x6E53\"\n");
            SunSpecRows(csv, "sunspec-common", SunSpecModel1.PointNames, SunSpecModel1.PointOffsets, SunSpecModel1.PointSizes,
                SunSpecModel1.PointTypes, SunSpecMap.BaseAddress + 2);
            SunSpecRows(csv, "sunspec-201", SunSpecModel201.PointNames, SunSpecModel201.PointOffsets, SunSpecModel201.PointSizes,
                SunSpecModel201.PointTypes, -1);
            SunSpecRows(csv, "sunspec-203", SunSpecModel203.PointNames, SunSpecModel203.PointOffsets, SunSpecModel203.PointSizes,
                SunSpecModel203.PointTypes, -1);
            return csv.ToString();
        }

        private static void Rows(StringBuilder csv, VendorField[] fields, int address, int stride, int records, string region)
        {
            for (int r = 0; r < records; r++)
            {
                foreach (VendorField f in fields)
                {
                    csv.Append(address + r * stride + f.Offset).Append(',').Append(region).Append(',')
                        .Append(records > 1 ? (r + 1).ToString() : "").Append(',').Append(f.Name).Append(',')
                        .Append(VendorRegisterType.Name(f.Type)).Append(',').Append(f.Registers).Append(',')
                        .Append(f.Unit).Append(",R,").Append(Quote(f.Description)).Append('\n');
                }
            }
        }

        /// <summary>Meter models have no fixed address: "M+offset" from the model's ID register.</summary>
        private static void SunSpecRows(StringBuilder csv, string region, string[] names, int[] offsets, int[] sizes, string[] types, int address)
        {
            for (int i = 0; i < names.Length; i++)
            {
                string at = address >= 0 ? (address + offsets[i]).ToString() : "M+" + offsets[i];
                csv.Append(at).Append(',').Append(region).Append(",,").Append(names[i]).Append(',').Append(types[i]).Append(',')
                    .Append(sizes[i]).Append(",,R,").Append('\n');
            }
        }

        private static string Quote(string text)
        {
            return "\"" + text.Replace("\"", "\"\"") + "\"";
        }

        private sealed class ConfigRow
        {
            public int Address;
            public string Name;
            public string Unit;
            public string Access;
            public string Description;
        }

        private static ConfigRow[] ConfigRows()
        {
            return new[]
            {
                new ConfigRow { Address = ConfigRegisterMap.UnlockAddress, Name = "unlock", Unit = "", Access = "RW",
                    Description = "Write 0x" + ConfigRegisterMap.UnlockCode.ToString("X4") + " to allow writes for "
                        + (ConfigRegisterMap.UnlockMilliseconds / 1000) + " s, 0 to lock; reads 1 while unlocked" },
                new ConfigRow { Address = ConfigRegisterMap.NominalVoltageAddress, Name = "nominalVoltageX10", Unit = "0.1 V", Access = "RW",
                    Description = "Nominal phase-to-neutral voltage, 1000-4800 (100-480 V)" },
                new ConfigRow { Address = ConfigRegisterMap.NominalFrequencyAddress, Name = "nominalFrequency", Unit = "Hz", Access = "RW",
                    Description = "Nominal frequency, 50 or 60" },
                new ConfigRow { Address = ConfigRegisterMap.UnlockRemainingAddress, Name = "unlockSecondsLeft", Unit = "s", Access = "R",
                    Description = "Seconds before writes lock again" },
            };
        }

        internal static string Markdown()
        {
            var md = new StringBuilder();
            md.Append("# e-Probe Modbus register map\n\n");
            md.Append("Generated from the firmware's C# tables (`firmware/protocols/modbus/maps/`) by\n");
            md.Append("`firmware.tests/host/Modbus/RegisterMapDocumentTests.cs`; do not edit. Regenerate with\n\n");
            md.Append("    " + UpdateVariable + "=1 dotnet test firmware.tests/host --filter FullyQualifiedName~RegisterMapDocument\n\n");
            md.Append("The same test fails when this file or `register-map.csv` differs from the code.\n\n");
            md.Append("## Conventions\n\n");
            md.Append("- Unit id 1 (configuration `modbus.unitId`, 1..247) and 255. Other unit ids answer exception 0x0B.\n");
            md.Append("- Addresses are the 0-based protocol addresses carried in the request (register 1000 here is\n");
            md.Append("  \"41001\"/\"31001\" in 1-based documentation; SunSpec's 40000 is \"40001\").\n");
            md.Append("- Function 03 (holding) and 04 (input) read the same registers.\n");
            md.Append("- 32- and 64-bit values are big-endian with the most significant word first. float32 is IEEE 754;\n");
            md.Append("  NaN (0x7FC0 0x0000) means \"no value yet\" (before the first measured second).\n");
            md.Append("- A read is filled from one 1-second snapshot, so multi-register values are never torn.\n");
            md.Append("- A read or write whose range touches an address that does not exist answers exception 02; a write to a\n");
            md.Append("  read-only register answers 02; a refused value 03; a configuration that could not be stored 04.\n\n");
            md.Append("## Regions\n\n");
            md.Append("| Addresses | Content | Record length |\n|---|---|---|\n");
            md.Append("| " + VendorMapLayout.HeaderAddress + "-" + (VendorMapLayout.HeaderAddress + VendorMapLayout.HeaderLength - 1) + " | Device header | " + VendorMapLayout.HeaderLength + " |\n");
            md.Append("| " + VendorMapLayout.IdentityAddress + "-" + (VendorMapLayout.IdentityAddress + VendorMapLayout.IdentityLength - 1) + " | Identity (text) | " + VendorMapLayout.IdentityLength + " |\n");
            md.Append("| " + VendorMapLayout.PhaseAddress + "-" + (VendorMapLayout.PhaseAddress + VendorMapLayout.PhaseCount * VendorMapLayout.PhaseStride - 1) + " | Phases L1, L2, L3 | " + VendorMapLayout.PhaseStride + " |\n");
            md.Append("| " + VendorMapLayout.PhaseAlarmAddress + "-" + (VendorMapLayout.PhaseAlarmAddress + VendorMapLayout.PhaseCount * VendorMapLayout.AlarmRowStride - 1)
                + " | Phase alarm rows L1, L2, L3 | " + VendorMapLayout.AlarmRowStride + " |\n");
            md.Append("| " + VendorMapLayout.ChannelAlarmAddress + "-" + (VendorMapLayout.ChannelAlarmAddress + 3 * VendorMapLayout.AlarmRowStride - 1) + " (MPP3), -"
                + (VendorMapLayout.ChannelAlarmAddress + 18 * VendorMapLayout.AlarmRowStride - 1) + " (MPP18) | Channel alarm rows, channel n at "
                + VendorMapLayout.ChannelAlarmAddress + " + " + VendorMapLayout.AlarmRowStride + " x (n - 1) | " + VendorMapLayout.AlarmRowStride + " |\n");
            md.Append("| " + VendorMapLayout.ChannelAddress + "-" + (VendorMapLayout.ChannelAddress + 3 * VendorMapLayout.ChannelStride - 1) + " (MPP3), -"
                + (VendorMapLayout.ChannelAddress + 18 * VendorMapLayout.ChannelStride - 1) + " (MPP18) | CT channels 1-N, channel n at "
                + VendorMapLayout.ChannelAddress + " + " + VendorMapLayout.ChannelStride + " x (n - 1) | " + VendorMapLayout.ChannelStride + " |\n");
            md.Append("| " + VendorMapLayout.CircuitAlarmAddress + "- | Circuit alarm rows (at most " + VendorMapLayout.MaxCircuits + "), circuit c at "
                + VendorMapLayout.CircuitAlarmAddress + " + " + VendorMapLayout.AlarmRowStride + " x (c - 1) | " + VendorMapLayout.AlarmRowStride + " |\n");
            md.Append("| " + VendorMapLayout.CircuitAddress + "- | Configured circuits in configuration order (at most " + VendorMapLayout.MaxCircuits
                + "), circuit c at " + VendorMapLayout.CircuitAddress + " + " + VendorMapLayout.CircuitStride + " x (c - 1) | " + VendorMapLayout.CircuitStride + " |\n");
            md.Append("| " + ConfigRegisterMap.BaseAddress + "-" + (ConfigRegisterMap.BaseAddress + ConfigRegisterMap.Length - 1) + " | Writable configuration block | |\n");
            md.Append("| " + SunSpecMap.BaseAddress + "- | SunSpec device map | |\n\n");
            md.Append("Everything between these ranges is a hole (exception 02). All vendor registers are read-only.\n\n");
            md.Append("Map version " + VendorMapLayout.Version + " (register " + VendorMapLayout.HeaderAddress + "): the version goes up whenever registers are added or\n");
            md.Append("change meaning; existing addresses never move. Version 2 added the alarm registers (header 1016-1023 and\n");
            md.Append("the alarm rows) and made the alarm bitfield at 1004 real. Version 3 added the identity block (1024-1083),\n");
            md.Append("which an RS-485 bus gateway reads to name its modules.\n\n");
            Table(md, "Device header", VendorMapLayout.Header, VendorMapLayout.HeaderAddress, "Address");
            Table(md, "Identity", VendorMapLayout.Identity, VendorMapLayout.IdentityAddress, "Address");
            md.Append("Identity text: 2 ASCII characters a register, the first in the high byte, NUL padded (a value that\n");
            md.Append("fills its registers has no NUL). The name and location follow the configuration in force.\n\n");
            Table(md, "Phase record (L1 at " + VendorMapLayout.PhaseAddress + ")", VendorMapLayout.Phase, 0, "Offset");
            Table(md, "Channel record (channel 1 at " + VendorMapLayout.ChannelAddress + ")", VendorMapLayout.Channel, 0, "Offset");
            Table(md, "Circuit record (circuit 1 at " + VendorMapLayout.CircuitAddress + ")", VendorMapLayout.Circuit, 0, "Offset");
            AlarmSections(md);
            md.Append("## Configuration block\n\n");
            md.Append("Writes are locked by default: functions 06 and 16 answer exception 01 until an administrator sets\n");
            md.Append("`modbus.writesUnlocked` to true (HTTP `PUT /api/v1/config`). Even then each writing client needs the\n");
            md.Append("unlock register first (Modbus has no authentication). Values are checked with the\n");
            md.Append("configuration rules (`ConfigValidator`), then saved and applied like `PUT /api/v1/config`. One write\n");
            md.Append("request may start with the unlock code and carry the values after it.\n\n");
            md.Append("| Address | Name | Unit | Access | Description |\n|---|---|---|---|---|\n");
            foreach (ConfigRow row in ConfigRows())
            {
                md.Append("| " + row.Address + " | " + row.Name + " | " + row.Unit + " | " + row.Access + " | " + row.Description + " |\n");
            }

            md.Append("\n## SunSpec\n\n");
            md.Append("From " + SunSpecMap.BaseAddress + ": the marker \"SunS\" (0x5375 0x6E53), common model 1 (" + SunSpecModel1.BlockLength
                + " registers: Mn \"" + DeviceIdentity.VendorName + "\", Md \"MPP3\"/\"MPP18\", Opt, Vr firmware version, SN serial number,\n");
            md.Append("DA unit id, read-only), then one meter model per configured circuit in configuration order - model 203\n");
            md.Append("(three-phase wye, " + SunSpecModel203.BlockLength + " registers) for a 3-phase circuit, model 201 (single phase, "
                + SunSpecModel201.BlockLength + " registers) for a 1-phase one;\n");
            md.Append("with no circuit configured, one model 201 per CT channel - then the end marker 0xFFFF, 0. Point layouts are\n");
            md.Append("generated from the official definitions in `tools/sunspec/` (`tools/sunspec/generate-layout`).\n\n");
            md.Append("Implemented points: A and AphA-C (sum of the conductors), PhV (mean) and PhVphA-C, Hz, W/VA/VAR/PF\n");
            md.Append("totals (the circuit's values) and per phase (the channels), TotWhImp/TotWhExp total and per phase\n");
            md.Append("(whole Wh from the integer counters, floored), Evt from the active alarms (see below). Each group shares a scale factor chosen per read\n");
            md.Append("as the smallest from 0.01 A, 0.1 V, 0.01 Hz, 0.1 W/VA/var, 0.01 % PF, 1 Wh at which the group's largest value\n");
            md.Append("fits. Line-to-line voltages, VAh and varh counters and unused phases read as \"not implemented\"\n");
            md.Append("(int16/sunssf 0x8000, uint16 0xFFFF, acc32 0, bitfield32 0xFFFFFFFF); before the first measured second\n");
            md.Append("every measured point does too.\n\n");
            md.Append("Offsets from a meter model's ID register (same for 201 and 203 except PPVphAB/BC/CA vs PhVphAB/BC/CA):\n\n");
            md.Append("| Offset | 201 point | 203 point | Type | Registers |\n|---|---|---|---|---|\n");
            for (int i = 0; i < SunSpecModel203.PointNames.Length; i++)
            {
                md.Append("| " + SunSpecModel203.PointOffsets[i] + " | " + SunSpecModel201.PointNames[i] + " | " + SunSpecModel203.PointNames[i]
                    + " | " + SunSpecModel203.PointTypes[i] + " | " + SunSpecModel203.PointSizes[i] + " |\n");
            }

            md.Append("\n### Evt (meter events)\n\n");
            md.Append("A meter's Evt (bitfield32) shows the alarms active at warning or above on the sources behind it: its\n");
            md.Append("circuit, its CT channels, the phases those channels use and the device itself (frequency, voltage\n");
            md.Append("unbalance); with no circuit configured, the meter's channel and its phase. Bit numbers are the symbols'\n");
            md.Append("values in `tools/sunspec/model_20x.json` (the same in models 201-204):\n\n");
            md.Append("| Bit | Symbol | Set while |\n|---|---|---|\n");
            md.Append("| " + SunSpecAlarmEvents.PowerFailureBit + " | M_EVENT_Power_Failure | phaseLost |\n");
            md.Append("| " + SunSpecAlarmEvents.UnderVoltageBit + " | M_EVENT_Under_Voltage | underVoltage |\n");
            md.Append("| " + SunSpecAlarmEvents.LowPfBit + " | M_EVENT_Low_PF | never: there is no power factor alarm rule |\n");
            md.Append("| " + SunSpecAlarmEvents.OverCurrentBit + " | M_EVENT_Over_Current | overCurrent (any level), or loadHigh at critical |\n");
            md.Append("| " + SunSpecAlarmEvents.OverVoltageBit + " | M_EVENT_Over_Voltage | overVoltage |\n");
            md.Append("| 7 | M_EVENT_Missing_Sensor | never |\n");
            for (int k = 0; k < SunSpecAlarmEvents.OemConditions.Length; k++)
            {
                md.Append("| " + (SunSpecAlarmEvents.FirstOemBit + k) + " | M_EVENT_OEM" + (k + 1).ToString("00") + " | "
                    + AlarmCodes.ConditionName(SunSpecAlarmEvents.OemConditions[k]) + " (any level) |\n");
            }

            md.Append("\nOther bits read 0.\n");
            return md.ToString();
        }

        private static void AlarmSections(StringBuilder md)
        {
            md.Append("## Alarm rows (phase L1 at " + VendorMapLayout.PhaseAlarmAddress + ", channel 1 at " + VendorMapLayout.ChannelAlarmAddress
                + ", circuit 1 at " + VendorMapLayout.CircuitAlarmAddress + ")\n\n");
            md.Append("The phase, channel and circuit records have no free register, so each source's alarm state is a\n");
            md.Append("row of its own in the hole next to its records. A row's level equals the highest level of the source's\n");
            md.Append("active alarms (the alarm journal's active table, as in HTTP and SNMP).\n\n");
            Table(md, "Alarm row layout", VendorMapLayout.AlarmRow, 0, "Offset");
            md.Append("## Alarm conditions\n\n");
            md.Append("Bit c of every alarm bitfield (1004, 1020, 1023 and the rows' `alarms`) is set while an alarm of\n");
            md.Append("condition c is active at warning or above (1020: at critical) on a source it covers. Active means raised\n");
            md.Append("and not yet cleared (a latching alarm stays until acknowledged). Alarms survive reboots, so the\n");
            md.Append("registers are filled before the first measured second too.\n\n");
            md.Append("| Bit | Condition | Source | Value unit |\n|---|---|---|---|\n");
            for (int c = 0; c < AlarmCodes.ConditionCount; c++)
            {
                md.Append("| " + c + " | " + AlarmCodes.ConditionName(c) + " | " + AlarmCodes.SourceName(AlarmCodes.SourceOf(c)) + " | "
                    + AlarmCodes.Unit(c) + " |\n");
            }

            md.Append('\n');
        }

        private static void Table(StringBuilder md, string title, VendorField[] fields, int baseAddress, string column)
        {
            md.Append("## " + title + "\n\n");
            md.Append("| " + column + " | Name | Type | Unit | Description |\n|---|---|---|---|---|\n");
            foreach (VendorField f in fields)
            {
                string type = f.Type == VendorRegisterType.Text ? "string[" + (2 * f.Registers) + "]" : VendorRegisterType.Name(f.Type);
                md.Append("| " + (baseAddress + f.Offset) + " | " + f.Name + " | " + type + " | " + f.Unit + " | "
                    + f.Description + " |\n");
            }

            md.Append('\n');
        }
    }
}
