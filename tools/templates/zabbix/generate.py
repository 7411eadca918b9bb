#!/usr/bin/env python3
"""Generates the Zabbix 6.0 templates of the e-Probe (eprobe-snmp.yaml, eprobe-modbus.yaml).

The SNMP OIDs are the columns of tools/mib/IPENERGY-EPROBE-MIB.txt (checked by name against that file by
firmware.tests/host/Templates/ZabbixTemplateTests.cs); the Modbus addresses are looked up by name in
tools/modbus/register-map.csv, so a register that moves breaks the generation instead of the template.
The trigger macros' defaults are the firmware's alarm defaults (firmware/config/AlarmConfig.cs), which
the same tests compare with `new AlarmConfig()`.

    python3 tools/templates/zabbix/generate.py          # rewrite both files
    python3 tools/templates/zabbix/generate.py --check  # exit 1 if a file differs from what it would write

Needs python3-yaml. UUIDs are derived from stable names (UUID v4 layout), so a regeneration is
byte-identical and Zabbix matches the objects of an updated template on re-import.
"""
import csv
import hashlib
import os
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
DATE = "2026-11-25T00:00:00Z"
GROUP = "Templates/Power"

SNMP_T = "IPenergy e-Probe SNMP"
MB_T = "IPenergy e-Probe Modbus"
MB18_T = "IPenergy e-Probe Modbus MPP18"

# M.1 = eprobeObjects (enterprises.32473.1.1)
OBJ = "1.3.6.1.4.1.32473.1.1"
DEV = OBJ + ".1"
PHASE_COL = OBJ + ".2.1."
CHANNEL_COL = OBJ + ".3.1."
CIRCUIT_COL = OBJ + ".4.1."
ALARM_STATUS = OBJ + ".7"
BUS = OBJ + ".8"

MB_ENDPOINT = "{$MODBUS.ENDPOINT}"
MB_SLAVE = "{$MODBUS.SLAVEID}"


def uid(*parts):
    """32 hex digits in the UUID v4 layout, derived from a stable name."""
    h = hashlib.md5(("ipenergy-eprobe-zabbix/" + "/".join(parts)).encode()).hexdigest()
    return h[:12] + "4" + h[13:16] + "89ab"[int(h[16], 16) % 4] + h[17:]


# ---------------------------------------------------------------- macros (firmware alarm defaults)

# (macro, default, description). Defaults = firmware/config/AlarmConfig.cs; the tests compare them.
ALARM_MACROS = [
    ("{$EPROBE.CIRCUIT.LOAD.WARN}", "80", "loadHigh warning: circuit's highest conductor current, % of its breaker"),
    ("{$EPROBE.CIRCUIT.LOAD.CRIT}", "90", "loadHigh critical, % of the breaker"),
    ("{$EPROBE.CIRCUIT.LOAD.HYST}", "5", "loadHigh hysteresis, %"),
    ("{$EPROBE.CHANNEL.LOAD.WARN}", "100", "overCurrent warning: channel Irms, % of the CT rating"),
    ("{$EPROBE.CHANNEL.LOAD.CRIT}", "120", "overCurrent critical, % of the CT rating"),
    ("{$EPROBE.CHANNEL.LOAD.HYST}", "5", "overCurrent hysteresis, %"),
    ("{$EPROBE.CIRCUIT.LOWLOAD.WARN}", "0.2", "lowLoad warning: circuit's highest current at or below, A (no critical level by default)"),
    ("{$EPROBE.CIRCUIT.LOWLOAD.HYST}", "0.1", "lowLoad hysteresis, A"),
    ("{$EPROBE.VOLTAGE.UNDER.WARN}", "90", "underVoltage warning: phase Vrms at or below, % of nominal"),
    ("{$EPROBE.VOLTAGE.UNDER.CRIT}", "85", "underVoltage critical, % of nominal"),
    ("{$EPROBE.VOLTAGE.UNDER.HYST}", "1", "underVoltage hysteresis, % of nominal"),
    ("{$EPROBE.VOLTAGE.OVER.WARN}", "110", "overVoltage warning: phase Vrms at or above, % of nominal"),
    ("{$EPROBE.VOLTAGE.OVER.CRIT}", "115", "overVoltage critical, % of nominal"),
    ("{$EPROBE.VOLTAGE.OVER.HYST}", "1", "overVoltage hysteresis, % of nominal"),
    ("{$EPROBE.PHASE.LOST.CRIT}", "50", "phaseLost critical: phase Vrms at or below, % of nominal (or phase not present)"),
    ("{$EPROBE.PHASE.LOST.HYST}", "5", "phaseLost hysteresis, % of nominal"),
    ("{$EPROBE.FREQ.LOW.WARN}", "0.5", "frequencyLow warning: Hz below nominal"),
    ("{$EPROBE.FREQ.LOW.CRIT}", "1", "frequencyLow critical: Hz below nominal"),
    ("{$EPROBE.FREQ.LOW.HYST}", "0.05", "frequencyLow hysteresis, Hz"),
    ("{$EPROBE.FREQ.HIGH.WARN}", "0.5", "frequencyHigh warning: Hz above nominal"),
    ("{$EPROBE.FREQ.HIGH.CRIT}", "1", "frequencyHigh critical: Hz above nominal"),
    ("{$EPROBE.FREQ.HIGH.HYST}", "0.05", "frequencyHigh hysteresis, Hz"),
    ("{$EPROBE.VOLTAGE.UNBALANCE.WARN}", "2", "voltageUnbalance warning: u2, %"),
    ("{$EPROBE.VOLTAGE.UNBALANCE.CRIT}", "3", "voltageUnbalance critical: u2, %"),
    ("{$EPROBE.VOLTAGE.UNBALANCE.HYST}", "0.5", "voltageUnbalance hysteresis, %"),
    ("{$EPROBE.CIRCUIT.UNBALANCE.WARN}", "20", "currentUnbalance warning (3-phase circuits), % of the mean"),
    ("{$EPROBE.CIRCUIT.UNBALANCE.CRIT}", "40", "currentUnbalance critical, % of the mean"),
    ("{$EPROBE.CIRCUIT.UNBALANCE.HYST}", "5", "currentUnbalance hysteresis, %"),
    ("{$EPROBE.CIRCUIT.UNBALANCE.MINLOAD}", "10", "currentUnbalance is evaluated only from this circuit load, % of the breaker (firmware AlarmEngine.UnbalanceMinLoadPercent)"),
    ("{$EPROBE.CIRCUIT.NEUTRAL.WARN}", "80", "neutralCurrent warning (3-phase circuits): computed neutral, % of the breaker"),
    ("{$EPROBE.CIRCUIT.NEUTRAL.CRIT}", "100", "neutralCurrent critical, % of the breaker"),
    ("{$EPROBE.CIRCUIT.NEUTRAL.HYST}", "5", "neutralCurrent hysteresis, %"),
]

# Macros the Modbus template uses (no circuits there).
MODBUS_ALARM_MACROS = [m for m in ALARM_MACROS if ".CIRCUIT." not in m[0]]


def macro_list(extra, alarm_macros):
    out = [{"macro": m, "value": v, "description": d} for (m, v, d) in extra + alarm_macros]
    return sorted(out, key=lambda m: m["macro"])


# ---------------------------------------------------------------- value maps

def valuemap(template, name, pairs):
    return {
        "uuid": uid(template, "valuemap", name),
        "name": name,
        "mappings": [{"value": str(v), "newvalue": n} for (v, n) in pairs],
    }


# ---------------------------------------------------------------- items and triggers

def item(template, key, name, value_type="FLOAT", units=None, oid=None, mult=None, valuemap_name=None,
         description=None, delay=None, history="7d", tags=(), master=None, jsonpath=None, kind="SNMP_AGENT",
         heartbeat=None, extra_pre=None, proto=False):
    d = {"uuid": uid(template, "item", key), "name": name}
    if master is not None:
        d["type"] = "DEPENDENT"
    elif kind != "ZABBIX_PASSIVE":
        d["type"] = kind
    if oid is not None:
        d["snmp_oid"] = oid
    d["key"] = key
    if master is not None:
        d["delay"] = "0"
    elif delay is not None:
        d["delay"] = delay
    d["history"] = history
    if value_type in ("CHAR", "TEXT", "LOG"):
        d["trends"] = "0"
    if value_type != "UNSIGNED":
        d["value_type"] = value_type
    if units:
        d["units"] = units
    if description:
        d["description"] = description
    if valuemap_name:
        d["valuemap"] = {"name": valuemap_name}
    pre = []
    if jsonpath is not None:
        pre.append({"type": "JSONPATH", "parameters": [jsonpath]})
    if mult is not None:
        pre.append({"type": "MULTIPLIER", "parameters": [mult]})
    if extra_pre:
        pre.extend(extra_pre)
    if heartbeat:
        pre.append({"type": "DISCARD_UNCHANGED_HEARTBEAT", "parameters": [heartbeat]})
    if pre:
        d["preprocessing"] = pre
    if master is not None:
        d["master_item"] = {"key": master}
    if tags:
        d["tags"] = [{"tag": t, "value": v} for (t, v) in tags]
    return d


def trigger(template, name, expression, priority, recovery=None, description=None, opdata=None, depends=None):
    t = {"uuid": uid(template, "trigger", name), "expression": expression, "name": name}
    if recovery is not None:
        t["recovery_mode"] = "RECOVERY_EXPRESSION"
        t["recovery_expression"] = recovery
    if opdata:
        t["opdata"] = opdata
    t["priority"] = priority
    if description:
        t["description"] = description
    if depends is not None:
        t["dependencies"] = [depends]
    return t


def dep(t):
    d = {"name": t["name"], "expression": t["expression"]}
    if "recovery_expression" in t:
        d["recovery_expression"] = t["recovery_expression"]
    return d


def rising_pair(template, label, value_expr, macro, opdata, guard="", description=None):
    """Warning + critical triggers for a value that alarms upward (>= threshold), cleared below threshold - hysteresis."""
    crit = trigger(template, label + " (critical)",
                   guard + value_expr + ">=" + "{$" + macro + ".CRIT}", "HIGH",
                   recovery=value_expr + "<" + "{$" + macro + ".CRIT}-{$" + macro + ".HYST}",
                   opdata=opdata, description=description)
    warn = trigger(template, label + " (warning)",
                   guard + value_expr + ">=" + "{$" + macro + ".WARN}", "WARNING",
                   recovery=value_expr + "<" + "{$" + macro + ".WARN}-{$" + macro + ".HYST}",
                   opdata=opdata, description=description, depends=dep(crit))
    return [crit, warn]


def voltage_triggers(template, label, v, present, nominal, opdata):
    """phaseLost (critical), underVoltage and overVoltage (warning/critical) of one phase, in % of nominal."""
    pct = "(" + v + "*100/" + nominal + ")"
    lost = trigger(template, label + ": phase lost",
                   present + "<>1 or " + pct + "<={$EPROBE.PHASE.LOST.CRIT}", "HIGH",
                   recovery=present + "=1 and " + pct + ">{$EPROBE.PHASE.LOST.CRIT}+{$EPROBE.PHASE.LOST.HYST}",
                   opdata=opdata,
                   description="firmware alarm phaseLost: the phase is not present (below 10 % of nominal) or at/below "
                               "{$EPROBE.PHASE.LOST.CRIT} % of the nominal voltage.")
    not_lost = " and " + pct + ">{$EPROBE.PHASE.LOST.CRIT}"
    under_c = trigger(template, label + ": under-voltage (critical)",
                      pct + "<={$EPROBE.VOLTAGE.UNDER.CRIT}" + not_lost, "HIGH",
                      recovery=pct + ">{$EPROBE.VOLTAGE.UNDER.CRIT}+{$EPROBE.VOLTAGE.UNDER.HYST} or "
                               + pct + "<={$EPROBE.PHASE.LOST.CRIT}",
                      opdata=opdata, description="firmware alarm underVoltage, critical level (% of nominal).",
                      depends=dep(lost))
    under_w = trigger(template, label + ": under-voltage (warning)",
                      pct + "<={$EPROBE.VOLTAGE.UNDER.WARN}" + not_lost, "WARNING",
                      recovery=pct + ">{$EPROBE.VOLTAGE.UNDER.WARN}+{$EPROBE.VOLTAGE.UNDER.HYST} or "
                               + pct + "<={$EPROBE.PHASE.LOST.CRIT}",
                      opdata=opdata, description="firmware alarm underVoltage, warning level (% of nominal).",
                      depends=dep(under_c))
    over = rising_pair(template, label + ": over-voltage", pct, "EPROBE.VOLTAGE.OVER", opdata,
                       description="firmware alarm overVoltage (% of nominal).")
    return [lost, under_c, under_w] + over


def frequency_triggers(template, f, nominal):
    opdata = "Frequency: {ITEM.LASTVALUE1}"
    low_c = trigger(template, "Frequency low (critical)",
                    f + ">0 and " + f + "<=" + nominal + "-{$EPROBE.FREQ.LOW.CRIT}", "HIGH",
                    recovery=f + ">" + nominal + "-{$EPROBE.FREQ.LOW.CRIT}+{$EPROBE.FREQ.LOW.HYST}",
                    opdata=opdata, description="firmware alarm frequencyLow: Hz below the nominal frequency.")
    low_w = trigger(template, "Frequency low (warning)",
                    f + ">0 and " + f + "<=" + nominal + "-{$EPROBE.FREQ.LOW.WARN}", "WARNING",
                    recovery=f + ">" + nominal + "-{$EPROBE.FREQ.LOW.WARN}+{$EPROBE.FREQ.LOW.HYST}",
                    opdata=opdata, depends=dep(low_c))
    high_c = trigger(template, "Frequency high (critical)",
                     f + ">=" + nominal + "+{$EPROBE.FREQ.HIGH.CRIT}", "HIGH",
                     recovery=f + "<" + nominal + "+{$EPROBE.FREQ.HIGH.CRIT}-{$EPROBE.FREQ.HIGH.HYST}",
                     opdata=opdata, description="firmware alarm frequencyHigh: Hz above the nominal frequency.")
    high_w = trigger(template, "Frequency high (warning)",
                     f + ">=" + nominal + "+{$EPROBE.FREQ.HIGH.WARN}", "WARNING",
                     recovery=f + "<" + nominal + "+{$EPROBE.FREQ.HIGH.WARN}-{$EPROBE.FREQ.HIGH.HYST}",
                     opdata=opdata, depends=dep(high_c))
    return [low_c, low_w, high_c, high_w]


def last(template, key):
    return "last(/" + template + "/" + key + ")"


# ---------------------------------------------------------------- SNMP template

def snmp_template():
    T = SNMP_T
    L = lambda k: last(T, k)
    items = []
    triggers = []

    def dev(key, name, oid, **kw):
        kw.setdefault("tags", (("component", "device"),))
        items.append(item(T, key, name, oid=oid, **kw))

    ident = (("component", "identity"),)
    dev("eprobe.sysdescr", "System description", "1.3.6.1.2.1.1.1.0", value_type="CHAR", delay="1h", tags=ident,
        description="SNMPv2-MIB::sysDescr: model, firmware version and channel count.")
    dev("eprobe.sysname", "System name", "1.3.6.1.2.1.1.5.0", value_type="CHAR", delay="1h", tags=ident,
        description="SNMPv2-MIB::sysName (configuration snmp.sysName).")
    dev("eprobe.syslocation", "System location", "1.3.6.1.2.1.1.6.0", value_type="CHAR", delay="1h", tags=ident,
        description="SNMPv2-MIB::sysLocation (configuration snmp.sysLocation).")
    dev("eprobe.uptime", "Uptime", "1.3.6.1.2.1.1.3.0", units="uptime", mult="0.01", value_type="FLOAT", tags=ident,
        description="SNMPv2-MIB::sysUpTime (hundredths of a second), in seconds.")
    dev("eprobe.model", "Model", DEV + ".1.0", value_type="CHAR", delay="1h", tags=ident,
        description="IPENERGY-EPROBE-MIB::eprobeModel: MPP3 or MPP18.")
    dev("eprobe.serial", "Serial number", DEV + ".2.0", value_type="CHAR", delay="1h", tags=ident,
        description="IPENERGY-EPROBE-MIB::eprobeSerialNumber.")
    dev("eprobe.firmware", "Firmware version", DEV + ".3.0", value_type="CHAR", delay="1h", tags=ident,
        description="IPENERGY-EPROBE-MIB::eprobeFirmwareVersion.")
    dev("eprobe.channels", "CT channels", DEV + ".4.0", value_type="UNSIGNED", delay="1h", tags=ident,
        description="IPENERGY-EPROBE-MIB::eprobeChannelCount: 3 or 18.")
    dev("eprobe.nominal.voltage", "Nominal voltage", DEV + ".5.0", units="V", mult="0.1", delay="10m",
        description="IPENERGY-EPROBE-MIB::eprobeNominalVoltage (0.1 V): the voltage triggers are % of it, as in the firmware.")
    dev("eprobe.nominal.frequency", "Nominal frequency", DEV + ".6.0", units="Hz", delay="10m",
        description="IPENERGY-EPROBE-MIB::eprobeNominalFrequency: 50 or 60 Hz.")
    dev("eprobe.frequency", "Frequency", DEV + ".7.0", units="Hz", mult="0.01",
        description="IPENERGY-EPROBE-MIB::eprobeFrequency (0.01 Hz).")
    dev("eprobe.voltage.unbalance", "Voltage unbalance", DEV + ".8.0", units="%", mult="0.1",
        description="IPENERGY-EPROBE-MIB::eprobeVoltageUnbalance (0.1 %): u2, negative / positive sequence.")
    dev("eprobe.measurement.age", "Measurement age", DEV + ".10.0", units="s", value_type="UNSIGNED",
        description="IPENERGY-EPROBE-MIB::eprobeMeasurementAge: seconds since the last published second.")
    dev("eprobe.circuits", "Configured circuits", DEV + ".11.0", value_type="UNSIGNED", delay="10m",
        description="IPENERGY-EPROBE-MIB::eprobeCircuitCount: rows of the circuit table.")
    dev("eprobe.clock.synchronized", "Clock synchronized", DEV + ".12.0", value_type="UNSIGNED", delay="10m",
        valuemap_name="TruthValue", description="IPENERGY-EPROBE-MIB::eprobeClockSynchronized: SNTP confirmed the clock.")
    alarms = (("component", "alarms"),)
    dev("eprobe.alarms.active", "Active alarms", ALARM_STATUS + ".1.0", value_type="UNSIGNED", tags=alarms,
        description="IPENERGY-EPROBE-MIB::eprobeActiveAlarmCount: the e-Probe's own active alarms.")
    dev("eprobe.alarms.warning", "Active alarms at warning", ALARM_STATUS + ".2.0", value_type="UNSIGNED", tags=alarms,
        description="IPENERGY-EPROBE-MIB::eprobeActiveWarningCount.")
    dev("eprobe.alarms.critical", "Active alarms at critical", ALARM_STATUS + ".3.0", value_type="UNSIGNED", tags=alarms,
        description="IPENERGY-EPROBE-MIB::eprobeActiveCriticalCount.")
    dev("eprobe.alarms.events", "Alarm log events", ALARM_STATUS + ".4.0", value_type="UNSIGNED", tags=alarms,
        description="IPENERGY-EPROBE-MIB::eprobeAlarmEventsTotal: the alarm log's newest record number.")
    bus = (("component", "bus"),)
    dev("eprobe.bus.role", "Bus role", BUS + ".1.0", value_type="UNSIGNED", delay="10m", tags=bus,
        valuemap_name="IPENERGY-EPROBE-MIB::eprobeBusRole", description="IPENERGY-EPROBE-MIB::eprobeBusRole.")
    dev("eprobe.bus.modules.polled", "Bus modules polled", BUS + ".3.0", value_type="UNSIGNED", tags=bus,
        description="IPENERGY-EPROBE-MIB::eprobeBusModulesPolled (gateway; 0 otherwise).")
    dev("eprobe.bus.modules.online", "Bus modules online", BUS + ".4.0", value_type="UNSIGNED", tags=bus,
        description="IPENERGY-EPROBE-MIB::eprobeBusModulesOnline.")
    dev("eprobe.bus.modules.offline", "Bus modules offline", BUS + ".5.0", value_type="UNSIGNED", tags=bus,
        description="IPENERGY-EPROBE-MIB::eprobeBusModulesOffline: answered before, missed 3 polls in a row.")
    site = (("component", "site"),)
    dev("eprobe.site.power.active", "Site active power", BUS + ".7.0", units="W", tags=site,
        description="IPENERGY-EPROBE-MIB::eprobeSiteActivePower: this e-Probe + the bus modules online, signed.")
    dev("eprobe.site.power.apparent", "Site apparent power", BUS + ".9.0", units="VA", tags=site,
        description="IPENERGY-EPROBE-MIB::eprobeSiteApparentPower.")
    dev("eprobe.site.energy.import", "Site energy imported", BUS + ".10.0", units="Wh", value_type="UNSIGNED",
        tags=site, heartbeat="1h", description="IPENERGY-EPROBE-MIB::eprobeSiteEnergyImport (Counter64, Wh).")
    dev("eprobe.site.energy.export", "Site energy exported", BUS + ".11.0", units="Wh", value_type="UNSIGNED",
        tags=site, heartbeat="1h", description="IPENERGY-EPROBE-MIB::eprobeSiteEnergyExport (Counter64, Wh).")
    for p in (1, 2, 3):
        dev("eprobe.site.current[L%d]" % p, "Site current L%d" % p, BUS + ".%d.0" % (11 + p), units="A", mult="0.01",
            tags=site, description="IPENERGY-EPROBE-MIB::eprobeSiteCurrentL%d (0.01 A): sum of the channel currents on L%d." % (p, p))
    items.append(item(T, 'snmptrap["32473\\.1\\.2\\.0\\.[12]|eprobeAlarm(Raised|Cleared)"]', "Alarm notifications (SNMP traps)",
                      kind="SNMP_TRAP", value_type="LOG", tags=alarms,
                      description="eprobeAlarmRaised / eprobeAlarmCleared as logged by the Zabbix SNMP trap receiver "
                                  "(snmptrapd + zabbix_trap_receiver, StartSNMPTrapper=1); set the e-Probe's "
                                  "snmp.trapTargets to the Zabbix server or proxy."))

    # Device triggers
    triggers += frequency_triggers(T, L("eprobe.frequency"), L("eprobe.nominal.frequency"))
    triggers += rising_pair(T, "Voltage unbalance", L("eprobe.voltage.unbalance"), "EPROBE.VOLTAGE.UNBALANCE",
                            "Unbalance: {ITEM.LASTVALUE1}", description="firmware alarm voltageUnbalance (u2, %).")
    triggers.append(trigger(T, "Bus module offline", L("eprobe.bus.modules.offline") + ">0", "HIGH",
                            opdata="Offline: {ITEM.LASTVALUE1}",
                            description="firmware alarm moduleOffline (critical): the gateway missed 3 polls in a row of a module "
                                        "that answered before. Which one: the e-Probe's page, /api/v1/alarms or the alarm traps."))
    triggers.append(trigger(T, "No fresh measurement", L("eprobe.measurement.age") + ">{$EPROBE.MEASUREMENT.AGE.MAX}",
                            "AVERAGE", opdata="Age: {ITEM.LASTVALUE1}",
                            description="The e-Probe answers but has not published a measured second for {$EPROBE.MEASUREMENT.AGE.MAX} s."))
    triggers.append(trigger(T, "No SNMP data", "nodata(/" + T + "/eprobe.frequency,{$EPROBE.NODATA.TIME})=1", "AVERAGE",
                            description="No answer to SNMP for {$EPROBE.NODATA.TIME}: the e-Probe is unreachable, or the community is wrong."))

    # Phases
    pk = lambda c: "eprobe.phase.%s[{#SNMPINDEX}]" % c
    ptags = (("component", "phase"), ("phase", "{#PHASE}"))
    phase_items = [
        item(T, pk("present"), "Phase {#PHASE}: present", oid=PHASE_COL + "3.{#SNMPINDEX}", value_type="UNSIGNED",
             valuemap_name="TruthValue", tags=ptags, description="eprobePhasePresent: at least 10 % of the nominal voltage."),
        item(T, pk("voltage"), "Phase {#PHASE}: voltage", oid=PHASE_COL + "4.{#SNMPINDEX}", units="V", mult="0.1",
             tags=ptags, description="eprobePhaseVoltage (0.1 V): true RMS phase-to-neutral voltage."),
        item(T, pk("voltage.fundamental"), "Phase {#PHASE}: fundamental voltage", oid=PHASE_COL + "5.{#SNMPINDEX}",
             units="V", mult="0.1", tags=ptags, description="eprobePhaseFundamentalVoltage (0.1 V)."),
        item(T, pk("frequency"), "Phase {#PHASE}: frequency", oid=PHASE_COL + "6.{#SNMPINDEX}", units="Hz", mult="0.01",
             tags=ptags, description="eprobePhaseFrequency (0.01 Hz)."),
        item(T, pk("thd"), "Phase {#PHASE}: voltage THD", oid=PHASE_COL + "7.{#SNMPINDEX}", units="%", mult="0.1",
             tags=ptags, description="eprobePhaseThd (0.1 %, THD-F)."),
        item(T, pk("angle"), "Phase {#PHASE}: angle", oid=PHASE_COL + "8.{#SNMPINDEX}", units="°", mult="0.1",
             tags=ptags, description="eprobePhaseAngle (0.1 degree), relative to L1."),
    ]
    phase_triggers = voltage_triggers(T, "Phase {#PHASE}", L(pk("voltage")), L(pk("present")),
                                      L("eprobe.nominal.voltage"), "Voltage: {ITEM.LASTVALUE1}")

    # Channels
    ck = lambda c: "eprobe.channel.%s[{#SNMPINDEX}]" % c
    ctags = (("component", "channel"), ("channel", "{#SNMPINDEX}"))
    cname = "Channel {#SNMPINDEX} {#CHANNEL.LABEL}"
    channel_items = [
        item(T, ck("rack"), cname + ": rack", oid=CHANNEL_COL + "3.{#SNMPINDEX}", value_type="CHAR", delay="1h",
             tags=ctags, description="eprobeChannelRack."),
        item(T, ck("customer"), cname + ": customer", oid=CHANNEL_COL + "4.{#SNMPINDEX}", value_type="CHAR", delay="1h",
             tags=ctags, description="eprobeChannelCustomer."),
        item(T, ck("feed"), cname + ": feed", oid=CHANNEL_COL + "5.{#SNMPINDEX}", value_type="CHAR", delay="1h",
             tags=ctags, description="eprobeChannelFeed."),
        item(T, ck("phase"), cname + ": phase", oid=CHANNEL_COL + "6.{#SNMPINDEX}", value_type="UNSIGNED", delay="1h",
             valuemap_name="IPENERGY-EPROBE-MIB::eprobeChannelPhase", tags=ctags, description="eprobeChannelPhase."),
        item(T, ck("ct.rating"), cname + ": CT rating", oid=CHANNEL_COL + "7.{#SNMPINDEX}", units="A",
             value_type="UNSIGNED", delay="1h", tags=ctags, description="eprobeChannelCtRating (A)."),
        item(T, ck("current"), cname + ": current", oid=CHANNEL_COL + "8.{#SNMPINDEX}", units="A", mult="0.001",
             tags=ctags, description="eprobeChannelCurrent (mA): true RMS."),
        item(T, ck("power.active"), cname + ": active power", oid=CHANNEL_COL + "9.{#SNMPINDEX}", units="W",
             tags=ctags, description="eprobeChannelActivePower (W), > 0 imported."),
        item(T, ck("power.reactive"), cname + ": reactive power", oid=CHANNEL_COL + "10.{#SNMPINDEX}", units="var",
             tags=ctags, description="eprobeChannelReactivePower (var), > 0 inductive."),
        item(T, ck("power.apparent"), cname + ": apparent power", oid=CHANNEL_COL + "11.{#SNMPINDEX}", units="VA",
             tags=ctags, description="eprobeChannelApparentPower (VA)."),
        item(T, ck("pf"), cname + ": power factor", oid=CHANNEL_COL + "12.{#SNMPINDEX}", mult="0.001",
             tags=ctags, description="eprobeChannelPowerFactor (0.001): P / S, signed like P."),
        item(T, ck("cosphi"), cname + ": cos phi", oid=CHANNEL_COL + "13.{#SNMPINDEX}", mult="0.001",
             tags=ctags, description="eprobeChannelCosPhi (0.001): displacement power factor."),
        item(T, ck("thd"), cname + ": current THD", oid=CHANNEL_COL + "14.{#SNMPINDEX}", units="%", mult="0.1",
             tags=ctags, description="eprobeChannelThd (0.1 %)."),
        item(T, ck("load"), cname + ": load of the CT", oid=CHANNEL_COL + "15.{#SNMPINDEX}", units="%", mult="0.1",
             tags=ctags, description="eprobeChannelLoad (0.1 %): Irms as % of the CT rating."),
        item(T, ck("energy.import"), cname + ": energy imported", oid=CHANNEL_COL + "16.{#SNMPINDEX}", units="Wh",
             value_type="UNSIGNED", heartbeat="1h", tags=ctags, description="eprobeChannelEnergyImport (Counter64, Wh)."),
        item(T, ck("energy.export"), cname + ": energy exported", oid=CHANNEL_COL + "17.{#SNMPINDEX}", units="Wh",
             value_type="UNSIGNED", heartbeat="1h", tags=ctags, description="eprobeChannelEnergyExport (Counter64, Wh)."),
        item(T, ck("energy.reactive.import"), cname + ": inductive energy", oid=CHANNEL_COL + "18.{#SNMPINDEX}",
             units="varh", value_type="UNSIGNED", heartbeat="1h", tags=ctags,
             description="eprobeChannelReactiveEnergyImport (Counter64, varh)."),
        item(T, ck("energy.reactive.export"), cname + ": capacitive energy", oid=CHANNEL_COL + "19.{#SNMPINDEX}",
             units="varh", value_type="UNSIGNED", heartbeat="1h", tags=ctags,
             description="eprobeChannelReactiveEnergyExport (Counter64, varh)."),
        item(T, ck("power.average"), cname + ": average active power (from the energy counter)", master=ck("energy.import"),
             units="W", extra_pre=[{"type": "CHANGE_PER_SECOND", "parameters": [""]},
                                   {"type": "MULTIPLIER", "parameters": ["3600"]}],
             tags=ctags, description="Imported Wh per second x 3600 between two polls: the mean power over the interval."),
    ]
    channel_triggers = rising_pair(T, cname + ": over-current", L(ck("load")), "EPROBE.CHANNEL.LOAD",
                                   "Load: {ITEM.LASTVALUE1}",
                                   description="firmware alarm overCurrent: Irms as % of the CT rating.")

    # Circuits
    kk = lambda c: "eprobe.circuit.%s[{#SNMPINDEX}]" % c
    ktags = (("component", "circuit"), ("circuit", "{#CIRCUIT}"))
    kname = "Circuit {#CIRCUIT}"
    circuit_items = [
        item(T, kk("customer"), kname + ": customer", oid=CIRCUIT_COL + "3.{#SNMPINDEX}", value_type="CHAR",
             delay="1h", tags=ktags, description="eprobeCircuitCustomer."),
        item(T, kk("phases"), kname + ": phases", oid=CIRCUIT_COL + "4.{#SNMPINDEX}", value_type="UNSIGNED",
             delay="10m", tags=ktags, description="eprobeCircuitPhaseCount: 1 or 3."),
        item(T, kk("breaker"), kname + ": breaker rating", oid=CIRCUIT_COL + "5.{#SNMPINDEX}", units="A",
             value_type="UNSIGNED", delay="10m", tags=ktags, description="eprobeCircuitBreakerRating (A)."),
        item(T, kk("current.max"), kname + ": highest conductor current", oid=CIRCUIT_COL + "6.{#SNMPINDEX}",
             units="A", mult="0.001", tags=ktags, description="eprobeCircuitMaxCurrent (mA)."),
        item(T, kk("load"), kname + ": load of the breaker", oid=CIRCUIT_COL + "7.{#SNMPINDEX}", units="%",
             mult="0.1", tags=ktags, description="eprobeCircuitLoad (0.1 %): highest conductor current, % of the breaker."),
        item(T, kk("power.active"), kname + ": active power", oid=CIRCUIT_COL + "8.{#SNMPINDEX}", units="W",
             tags=ktags, description="eprobeCircuitActivePower (W), signed."),
        item(T, kk("power.reactive"), kname + ": reactive power", oid=CIRCUIT_COL + "9.{#SNMPINDEX}", units="var",
             tags=ktags, description="eprobeCircuitReactivePower (var), signed."),
        item(T, kk("power.apparent"), kname + ": apparent power", oid=CIRCUIT_COL + "10.{#SNMPINDEX}", units="VA",
             tags=ktags, description="eprobeCircuitApparentPower (VA)."),
        item(T, kk("pf"), kname + ": power factor", oid=CIRCUIT_COL + "11.{#SNMPINDEX}", mult="0.001",
             tags=ktags, description="eprobeCircuitPowerFactor (0.001)."),
        item(T, kk("current.unbalance"), kname + ": current unbalance", oid=CIRCUIT_COL + "12.{#SNMPINDEX}", units="%",
             mult="0.1", tags=ktags, description="eprobeCircuitCurrentUnbalance (0.1 %; 0 for 1-phase)."),
        item(T, kk("current.neutral"), kname + ": neutral current", oid=CIRCUIT_COL + "13.{#SNMPINDEX}", units="A",
             mult="0.001", tags=ktags, description="eprobeCircuitNeutralCurrent (mA, computed; 0 for 1-phase)."),
        item(T, kk("energy.import"), kname + ": energy imported", oid=CIRCUIT_COL + "14.{#SNMPINDEX}", units="Wh",
             value_type="UNSIGNED", heartbeat="1h", tags=ktags, description="eprobeCircuitEnergyImport (Counter64, Wh)."),
        item(T, kk("energy.export"), kname + ": energy exported", oid=CIRCUIT_COL + "15.{#SNMPINDEX}", units="Wh",
             value_type="UNSIGNED", heartbeat="1h", tags=ktags, description="eprobeCircuitEnergyExport (Counter64, Wh)."),
    ]
    three = L(kk("phases")) + "=3 and "
    neutral_pct = "(" + L(kk("current.neutral")) + "*100/" + L(kk("breaker")) + ")"
    circuit_triggers = rising_pair(T, kname + ": load of the breaker", L(kk("load")), "EPROBE.CIRCUIT.LOAD",
                                   "Load: {ITEM.LASTVALUE1}",
                                   description="firmware alarm loadHigh: highest conductor current, % of the breaker.")
    circuit_triggers.append(trigger(
        T, kname + ": low load", L(kk("current.max")) + "<={$EPROBE.CIRCUIT.LOWLOAD.WARN}", "WARNING",
        recovery=L(kk("current.max")) + ">{$EPROBE.CIRCUIT.LOWLOAD.WARN}+{$EPROBE.CIRCUIT.LOWLOAD.HYST}",
        opdata="Current: {ITEM.LASTVALUE1}",
        description="firmware alarm lowLoad: a tripped breaker or an unplugged PDU (highest current, A)."))
    circuit_triggers += rising_pair(
        T, kname + ": current unbalance", L(kk("current.unbalance")), "EPROBE.CIRCUIT.UNBALANCE",
        "Unbalance: {ITEM.LASTVALUE1}",
        guard=three + L(kk("load")) + ">={$EPROBE.CIRCUIT.UNBALANCE.MINLOAD} and ",
        description="firmware alarm currentUnbalance (3-phase circuits loaded at least {$EPROBE.CIRCUIT.UNBALANCE.MINLOAD} % of the breaker).")
    circuit_triggers += rising_pair(
        T, kname + ": neutral current", neutral_pct, "EPROBE.CIRCUIT.NEUTRAL", "Neutral: {ITEM.LASTVALUE1}",
        guard=three, description="firmware alarm neutralCurrent (3-phase circuits): computed neutral, % of the breaker.")

    discovery = [
        {"uuid": uid(T, "discovery", "phases"), "name": "Phases", "type": "SNMP_AGENT",
         "snmp_oid": "discovery[{#PHASE}," + PHASE_COL + "2]", "key": "eprobe.phase.discovery", "delay": "1h",
         "description": "eprobePhaseTable: L1, L2, L3 ({#SNMPINDEX} 1..3).",
         "item_prototypes": phase_items, "trigger_prototypes": phase_triggers},
        {"uuid": uid(T, "discovery", "channels"), "name": "CT channels", "type": "SNMP_AGENT",
         "snmp_oid": "discovery[{#CHANNEL.LABEL}," + CHANNEL_COL + "2,{#CHANNEL.PHASE}," + CHANNEL_COL + "6]",
         "key": "eprobe.channel.discovery", "delay": "1h",
         "description": "eprobeChannelTable: one row per CT channel (3 on an MPP3, 18 on an MPP18); "
                        "{#CHANNEL.LABEL} is the channel's label (may be empty).",
         "item_prototypes": channel_items, "trigger_prototypes": channel_triggers},
        {"uuid": uid(T, "discovery", "circuits"), "name": "Circuits", "type": "SNMP_AGENT",
         "snmp_oid": "discovery[{#CIRCUIT}," + CIRCUIT_COL + "2,{#CIRCUIT.PHASES}," + CIRCUIT_COL + "4]",
         "key": "eprobe.circuit.discovery", "delay": "10m",
         "lifetime": "7d",
         "description": "eprobeCircuitTable: the circuits of the configuration, in order ({#SNMPINDEX} = position). "
                        "A circuit added or removed in the configuration appears or goes at the next discovery.",
         "item_prototypes": circuit_items, "trigger_prototypes": circuit_triggers},
    ]
    for d in discovery:
        d["item_prototypes"] = sorted(d["item_prototypes"], key=lambda i: i["key"])

    extra = [
        ("{$SNMP_COMMUNITY}", "public", "SNMP v2c read community (the e-Probe's snmp.readCommunity); use it in the host's SNMP interface"),
        ("{$EPROBE.MEASUREMENT.AGE.MAX}", "10", "Seconds without a new measured second before 'No fresh measurement'"),
        ("{$EPROBE.NODATA.TIME}", "5m", "Time without SNMP answers before 'No SNMP data'"),
    ]
    template = {
        "uuid": uid(T, "template"),
        "template": T,
        "name": T,
        "description": "IPenergy e-Probe (MPP3 / MPP18) over SNMP v2c: IPENERGY-EPROBE-MIB (tools/mib) and SNMPv2-MIB.\n"
                       "Phases, CT channels and circuits by low-level discovery; triggers = the firmware's alarm rules "
                       "with its default levels as macros (warning -> WARNING, critical -> HIGH, hysteresis as recovery).\n"
                       "Generated by tools/templates/zabbix/generate.py; see tools/templates/zabbix/README.md.",
        "groups": [{"name": GROUP}],
        "items": sorted(items, key=lambda i: i["key"]),
        "discovery_rules": discovery,
        "tags": [{"tag": "class", "value": "power"}, {"tag": "target", "value": "ipenergy-eprobe"}],
        "macros": macro_list(extra, ALARM_MACROS),
        "valuemaps": [
            valuemap(T, "IPENERGY-EPROBE-MIB::eprobeBusRole", [(1, "standalone"), (2, "slave"), (3, "gateway")]),
            valuemap(T, "IPENERGY-EPROBE-MIB::eprobeChannelPhase", [(1, "L1"), (2, "L2"), (3, "L3")]),
            valuemap(T, "TruthValue", [(1, "true"), (2, "false")]),
        ],
    }
    return export([template], triggers)


def export(templates, triggers):
    doc = {
        "version": "6.0",
        "date": DATE,
        "groups": [{"uuid": uid("group", GROUP), "name": GROUP}],
        "templates": templates,
    }
    if triggers:
        doc["triggers"] = triggers
    return {"zabbix_export": doc}


# ---------------------------------------------------------------- Modbus template

def register_map():
    rows = {}
    with open(os.path.join(ROOT, "tools", "modbus", "register-map.csv"), newline="") as f:
        for r in csv.DictReader(f):
            rows[(r["region"], r["index"], r["name"])] = r
    return rows


class Modbus:
    def __init__(self, regs):
        self.regs = regs

    def addr(self, region, index, name, expect_type):
        r = self.regs[(region, str(index) if index else "", name)]
        if r["type"] != expect_type:
            raise SystemExit("register %s/%s/%s is %s, not %s" % (region, index, name, r["type"], expect_type))
        return int(r["address"])

    @staticmethod
    def key(address, count, typ):
        return "modbus.get[%s,%s,3,%d,%d,%s,be,0]" % (MB_ENDPOINT, MB_SLAVE, address, count, typ)

    def block(self, region, index, names, typ, zbx_type):
        """Reads consecutive registers `names` (all of `typ`) in one request; checks they are adjacent."""
        first = self.addr(region, index, names[0], typ)
        width = {"float32": 2, "uint16": 1, "int64": 4, "uint64": 4}[typ]
        for i, n in enumerate(names):
            a = self.addr(region, index, n, typ)
            if a != first + i * width:
                raise SystemExit("register %s/%s/%s at %d does not follow %s" % (region, index, n, a, names[0]))
        return self.key(first, len(names), zbx_type)


def modbus_channel(T, mb, n, items, triggers):
    tags = (("component", "channel"), ("channel", str(n)))
    names = ["current", "activePower", "reactivePower", "apparentPower", "ctLoadPercent", "powerFactor", "cosPhi", "thd"]
    raw = mb.block("channel", n, names, "float32", "float")
    items.append(item(T, raw, "Channel %d: measurement registers" % n, kind="ZABBIX_PASSIVE", value_type="TEXT",
                      history="0", tags=tags,
                      description="Channel record %d, offsets 4-19: current, P, Q, S, load %%, PF, cos phi, THD (float32, big-endian)." % n))
    spec = [("current", "current", "A", "True RMS current"), ("power.active", "active power", "W", "> 0 imported"),
            ("power.reactive", "reactive power", "var", "> 0 inductive"), ("power.apparent", "apparent power", "VA", ""),
            ("load", "load of the CT", "%", "Irms as % of the CT rating"), ("pf", "power factor", "", "P / S, signed like P"),
            ("cosphi", "cos phi", "", "displacement power factor"), ("thd", "current THD", "%", "THD-F")]
    for i, (k, label, unit, desc) in enumerate(spec):
        items.append(item(T, "eprobe.channel.%s[%d]" % (k, n), "Channel %d: %s" % (n, label), master=raw,
                          jsonpath="$[%d]" % i, units=unit, tags=tags, description=desc or None))
    # int64 in the register map: mWh since manufacture, never negative, read as uint64 (modbus.get has no int64).
    energy = mb.block("channel", n, ["importEnergyMilliWh", "exportEnergyMilliWh"], "int64", "uint64")
    items.append(item(T, energy, "Channel %d: energy registers" % n, kind="ZABBIX_PASSIVE", value_type="TEXT",
                      history="0", tags=tags, description="Channel record %d, offsets 24-31: import and export energy, mWh (64-bit)." % n))
    for i, (k, label) in enumerate([("energy.import", "energy imported"), ("energy.export", "energy exported")]):
        items.append(item(T, "eprobe.channel.%s[%d]" % (k, n), "Channel %d: %s" % (n, label), master=energy,
                          jsonpath="$[%d]" % i, mult="0.001", units="Wh", heartbeat="1h", tags=tags,
                          description="mWh register x 0.001"))
    triggers += rising_pair(T, "Channel %d: over-current" % n, last(T, "eprobe.channel.load[%d]" % n),
                            "EPROBE.CHANNEL.LOAD", "Load: {ITEM.LASTVALUE1}",
                            description="firmware alarm overCurrent: Irms as % of the CT rating.")


def modbus_channel_alarms(T, mb, first, last_channel, items):
    start = mb.addr("channel-alarm", first, "alarmLevel", "uint16")
    if mb.addr("channel-alarm", last_channel, "alarms", "uint16") != start + 2 * (last_channel - first) + 1:
        raise SystemExit("channel alarm rows are not contiguous")
    raw = Modbus.key(start, 2 * (last_channel - first + 1), "uint16")
    tags = (("component", "alarms"),)
    items.append(item(T, raw, "Channel alarm rows %d-%d" % (first, last_channel), kind="ZABBIX_PASSIVE",
                      value_type="TEXT", history="0", tags=tags,
                      description="Alarm rows of channels %d-%d: level and condition bits of each." % (first, last_channel)))
    for n in range(first, last_channel + 1):
        items.append(item(T, "eprobe.channel.alarm.level[%d]" % n, "Channel %d: alarm level" % n, master=raw,
                          jsonpath="$[%d]" % (2 * (n - first)), value_type="UNSIGNED", valuemap_name="Alarm level",
                          tags=(("component", "channel"), ("channel", str(n)))))


def modbus_templates():
    mb = Modbus(register_map())
    T = MB_T
    items, triggers = [], []
    dtags = (("component", "device"),)

    header = mb.block("header", "", ["mapVersion", "channelCount", "circuitCount", "status"], "uint16", "uint16")
    items.append(item(T, header, "Header registers", kind="ZABBIX_PASSIVE", value_type="TEXT", history="0", delay="10m",
                      tags=dtags, description="Registers 1000-1003: map version, channel count, circuit count, status."))
    for i, (k, label) in enumerate([("map.version", "Register map version"), ("channels", "CT channels"),
                                    ("circuits", "Configured circuits"), ("status", "Status bits")]):
        items.append(item(T, "eprobe.%s" % k, label, master=header, jsonpath="$[%d]" % i, value_type="UNSIGNED", tags=dtags))

    meas = mb.block("header", "", ["frequency", "voltageUnbalance"], "float32", "float")
    items.append(item(T, meas, "Device measurement registers", kind="ZABBIX_PASSIVE", value_type="TEXT", history="0",
                      tags=dtags, description="Registers 1012-1015: frequency and voltage unbalance (float32)."))
    items.append(item(T, "eprobe.frequency", "Frequency", master=meas, jsonpath="$[0]", units="Hz", tags=dtags))
    items.append(item(T, "eprobe.voltage.unbalance", "Voltage unbalance", master=meas, jsonpath="$[1]", units="%", tags=dtags))

    atags = (("component", "alarms"),)
    alarm = mb.block("header", "", ["alarmLevel", "activeAlarmCount", "criticalAlarmCount", "unacknowledgedAlarmCount"],
                     "uint16", "uint16")
    items.append(item(T, alarm, "Alarm summary registers", kind="ZABBIX_PASSIVE", value_type="TEXT", history="0",
                      tags=atags, description="Registers 1016-1019: highest level, active, critical and unacknowledged alarms."))
    for i, (k, label, vm) in enumerate([("alarms.level", "Highest alarm level", "Alarm level"),
                                        ("alarms.active", "Active alarms", None), ("alarms.critical", "Active alarms at critical", None),
                                        ("alarms.unacknowledged", "Unacknowledged alarms", None)]):
        items.append(item(T, "eprobe.%s" % k, label, master=alarm, jsonpath="$[%d]" % i, value_type="UNSIGNED",
                          valuemap_name=vm, tags=atags))

    nominal = Modbus.key(mb.addr("config", "", "nominalVoltageX10", "uint16"), 2, "uint16")
    if mb.addr("config", "", "nominalFrequency", "uint16") != mb.addr("config", "", "nominalVoltageX10", "uint16") + 1:
        raise SystemExit("nominal frequency does not follow the nominal voltage")
    items.append(item(T, nominal, "Nominal values registers", kind="ZABBIX_PASSIVE", value_type="TEXT", history="0",
                      delay="10m", tags=dtags, description="Registers 3001-3002: nominal voltage (0.1 V) and frequency (Hz)."))
    items.append(item(T, "eprobe.nominal.voltage", "Nominal voltage", master=nominal, jsonpath="$[0]", mult="0.1", units="V", tags=dtags))
    items.append(item(T, "eprobe.nominal.frequency", "Nominal frequency", master=nominal, jsonpath="$[1]", units="Hz", tags=dtags))

    for p in (1, 2, 3):
        ph = "L%d" % p
        ptags = (("component", "phase"), ("phase", ph))
        st = mb.block("phase", p, ["phase", "present"], "uint16", "uint16")
        items.append(item(T, st, "Phase %s: state registers" % ph, kind="ZABBIX_PASSIVE", value_type="TEXT",
                          history="0", tags=ptags, description="Phase record %s, offsets 0-1: phase number, present." % ph))
        items.append(item(T, "eprobe.phase.present[%s]" % ph, "Phase %s: present" % ph, master=st, jsonpath="$[1]",
                          value_type="UNSIGNED", valuemap_name="Present", tags=ptags))
        raw = mb.block("phase", p, ["voltage", "fundamentalVoltage", "frequency", "thd", "angle"], "float32", "float")
        items.append(item(T, raw, "Phase %s: measurement registers" % ph, kind="ZABBIX_PASSIVE", value_type="TEXT",
                          history="0", tags=ptags, description="Phase record %s, offsets 2-11 (float32)." % ph))
        for i, (k, label, unit) in enumerate([("voltage", "voltage", "V"), ("voltage.fundamental", "fundamental voltage", "V"),
                                              ("frequency", "frequency", "Hz"), ("thd", "voltage THD", "%"), ("angle", "angle", "°")]):
            items.append(item(T, "eprobe.phase.%s[%s]" % (k, ph), "Phase %s: %s" % (ph, label), master=raw,
                              jsonpath="$[%d]" % i, units=unit, tags=ptags))
        triggers += voltage_triggers(T, "Phase " + ph, last(T, "eprobe.phase.voltage[%s]" % ph),
                                     last(T, "eprobe.phase.present[%s]" % ph), last(T, "eprobe.nominal.voltage"),
                                     "Voltage: {ITEM.LASTVALUE1}")

    rows = mb.block("phase-alarm", 1, ["alarmLevel", "alarms"], "uint16", "uint16")
    rows = Modbus.key(mb.addr("phase-alarm", 1, "alarmLevel", "uint16"), 6, "uint16")
    if mb.addr("phase-alarm", 3, "alarms", "uint16") != mb.addr("phase-alarm", 1, "alarmLevel", "uint16") + 5:
        raise SystemExit("phase alarm rows are not contiguous")
    items.append(item(T, rows, "Phase alarm rows", kind="ZABBIX_PASSIVE", value_type="TEXT", history="0", tags=atags,
                      description="Registers 1140-1145: level and condition bits of L1, L2, L3."))
    for p in (1, 2, 3):
        items.append(item(T, "eprobe.phase.alarm.level[L%d]" % p, "Phase L%d: alarm level" % p, master=rows,
                          jsonpath="$[%d]" % (2 * (p - 1)), value_type="UNSIGNED", valuemap_name="Alarm level",
                          tags=(("component", "phase"), ("phase", "L%d" % p))))

    for n in (1, 2, 3):
        modbus_channel(T, mb, n, items, triggers)
    modbus_channel_alarms(T, mb, 1, 3, items)

    triggers += frequency_triggers(T, last(T, "eprobe.frequency"), last(T, "eprobe.nominal.frequency"))
    triggers += rising_pair(T, "Voltage unbalance", last(T, "eprobe.voltage.unbalance"), "EPROBE.VOLTAGE.UNBALANCE",
                            "Unbalance: {ITEM.LASTVALUE1}", description="firmware alarm voltageUnbalance (u2, %).")
    crit = trigger(T, "e-Probe reports a critical alarm", last(T, "eprobe.alarms.level") + "=2", "HIGH",
                   opdata="Critical alarms: {ITEM.LASTVALUE1}",
                   description="The e-Probe's own alarm engine has an alarm at critical (any source, circuits included; "
                               "register 1016). Details: the e-Probe's page or /api/v1/alarms.")
    triggers.append(crit)
    triggers.append(trigger(T, "e-Probe reports a warning alarm", last(T, "eprobe.alarms.level") + "=1", "WARNING",
                            description="The e-Probe's own alarm engine has an alarm at warning (register 1016).",
                            depends=dep(crit)))
    triggers.append(trigger(T, "No Modbus data", "nodata(/" + T + "/eprobe.frequency,{$EPROBE.NODATA.TIME})=1", "AVERAGE",
                            description="No answer over Modbus for {$EPROBE.NODATA.TIME}."))

    alarm_vm = valuemap(T, "Alarm level", [(0, "normal"), (1, "warning"), (2, "critical")])
    base = {
        "uuid": uid(T, "template"),
        "template": T,
        "name": T,
        "description": "IPenergy e-Probe over Modbus-TCP, vendor registers (tools/modbus/register-map.md), read by the "
                       "Zabbix agent's modbus.get: device, phases L1-L3 and CT channels 1-3 (the MPP3 layout; on an "
                       "MPP18 link 'IPenergy e-Probe Modbus MPP18' for channels 4-18). No circuits: use the SNMP template.\n"
                       "Generated by tools/templates/zabbix/generate.py; see tools/templates/zabbix/README.md.",
        "groups": [{"name": GROUP}],
        "items": sorted(items, key=lambda i: i["key"]),
        "tags": [{"tag": "class", "value": "power"}, {"tag": "target", "value": "ipenergy-eprobe"}],
        "macros": macro_list([
            ("{$MODBUS.ENDPOINT}", "tcp://127.0.0.1:502", "Modbus-TCP endpoint of the e-Probe as the Zabbix agent reaches it: set it on each host, e.g. tcp://192.0.2.10:502 (modbus.port, 502 on the device)"),
            ("{$MODBUS.SLAVEID}", "1", "Unit id (configuration modbus.unitId)"),
            ("{$EPROBE.NODATA.TIME}", "5m", "Time without Modbus answers before 'No Modbus data'"),
        ], MODBUS_ALARM_MACROS),
        "valuemaps": [alarm_vm, valuemap(T, "Present", [(0, "absent"), (1, "present")])],
    }

    T18 = MB18_T
    items18, triggers18 = [], []
    for n in range(4, 19):
        modbus_channel(T18, mb, n, items18, triggers18)
    modbus_channel_alarms(T18, mb, 4, 18, items18)
    mpp18 = {
        "uuid": uid(T18, "template"),
        "template": T18,
        "name": T18,
        "description": "CT channels 4-18 of an MPP18 over Modbus-TCP; links 'IPenergy e-Probe Modbus' (device, phases, "
                       "channels 1-3). Link this one to an MPP18, the base one to an MPP3.",
        "templates": [{"name": T}],
        "groups": [{"name": GROUP}],
        "items": sorted(items18, key=lambda i: i["key"]),
        "tags": [{"tag": "class", "value": "power"}, {"tag": "target", "value": "ipenergy-eprobe"}],
        "valuemaps": [valuemap(T18, "Alarm level", [(0, "normal"), (1, "warning"), (2, "critical")])],
    }
    return export([base, mpp18], triggers + triggers18)


# ---------------------------------------------------------------- output

HEADER = "# Generated by tools/templates/zabbix/generate.py from tools/mib and tools/modbus: do not edit by hand.\n"


def render(doc):
    return HEADER + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100000, default_flow_style=False)


def main(argv):
    check = "--check" in argv
    outputs = {"eprobe-snmp.yaml": render(snmp_template()), "eprobe-modbus.yaml": render(modbus_templates())}
    stale = []
    for name, text in outputs.items():
        path = os.path.join(HERE, name)
        if check:
            with open(path, encoding="utf-8") as f:
                if f.read() != text:
                    stale.append(name)
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
    if stale:
        print("out of date (run tools/templates/zabbix/generate.py): " + ", ".join(stale))
        return 1
    print(("checked " if check else "wrote ") + ", ".join(outputs))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
