#!/usr/bin/env python3
"""Writes eprobe-clapi.txt (Centreon CLAPI import) from the Nagios templates in ../nagios.

Centreon runs Nagios-format commands; only the host macros differ: Centreon hosts carry the SNMP
community and version in their own fields ($_HOSTSNMPCOMMUNITY$, $_HOSTSNMPVERSION$), the port is
the custom host macro SNMPPORT ($_HOSTSNMPPORT$). Every example service of services.cfg becomes a
service template linked to the host template eprobe-mpp18, so a host created from that template
gets the 97 services (CLAPI HOST applytpl). Run again after changing ../nagios/*.cfg:
    python3 tools/templates/centreon/generate-clapi.py [--output FILE]
(the file has no comment lines: CLAPI imports every line as OBJECT;ACTION;values).
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NAGIOS = os.path.join(HERE, "..", "nagios")


def definitions(path):
    """(type, {directive: value}) of each 'define type { ... }' block."""
    blocks, current, kind = [], None, None
    for raw in open(path, encoding="ascii"):
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if current is None:
            m = re.match(r"define (\w+)\s*\{$", line)
            kind, current = m.group(1), {}
        elif line == "}":
            blocks.append((kind, current))
            current = None
        else:
            key, _, value = line.partition(" ")
            current[key] = value.strip()
    return blocks


def centreon_command_line(nagios_line):
    return (nagios_line
            .replace("$_HOSTSNMP_COMMUNITY$", "$_HOSTSNMPCOMMUNITY$")
            .replace("$_HOSTSNMP_PORT$", "$_HOSTSNMPPORT$")
            .replace(" -P 2c ", " -P $_HOSTSNMPVERSION$ "))


def template_name(description):
    return "eprobe-" + re.sub(r"[^a-z0-9]+", "-", description.lower()).strip("-")


def main():
    commands = [d for t, d in definitions(os.path.join(NAGIOS, "commands.cfg")) if t == "command"]
    services = [d for t, d in definitions(os.path.join(NAGIOS, "services.cfg")) if t == "service"]
    out = []
    for c in commands:
        out.append("CMD;ADD;%s;check;%s" % (c["command_name"], centreon_command_line(c["command_line"])))

    # Host templates: eprobe (SNMP v2c, host check), eprobe-mpp18 (eprobe + the example's services).
    out += [
        "HTPL;ADD;eprobe;IPenergy e-Probe (SNMP v2c);;;;",
        "HTPL;setparam;eprobe;check_command;check_eprobe_host",
        "HTPL;setparam;eprobe;snmp_community;public",
        "HTPL;setparam;eprobe;snmp_version;2c",
        "HTPL;setparam;eprobe;max_check_attempts;3",
        "HTPL;setparam;eprobe;check_interval;1",
        "HTPL;setparam;eprobe;retry_check_interval;1",
        "HTPL;setparam;eprobe;check_period;24x7",
        "HTPL;setmacro;eprobe;SNMPPORT;161",
        "HTPL;ADD;eprobe-mpp18;IPenergy e-Probe MPP18, six 3-phase circuits;;eprobe;;",
    ]

    # Service templates: a base with the intervals, a graph variant, then one per example service.
    out += [
        "STPL;ADD;eprobe-service;eprobe-service;",
        "STPL;setparam;eprobe-service;max_check_attempts;3",
        "STPL;setparam;eprobe-service;normal_check_interval;1",
        "STPL;setparam;eprobe-service;retry_check_interval;1",
        "STPL;setparam;eprobe-service;check_period;24x7",
        "STPL;ADD;eprobe-graph-service;eprobe-graph-service;eprobe-service",
        "STPL;setparam;eprobe-graph-service;normal_check_interval;5",
        "STPL;setparam;eprobe-graph-service;notifications_enabled;0",
    ]
    for s in services:
        name = template_name(s["service_description"])
        command, _, arguments = s["check_command"].partition("!")
        out.append("STPL;ADD;%s;%s;%s" % (name, s["service_description"], s["use"]))
        out.append("STPL;setparam;%s;check_command;%s" % (name, command))
        if arguments:
            out.append("STPL;setparam;%s;check_command_arguments;!%s" % (name, arguments))
        out.append("STPL;addhosttemplate;%s;eprobe-mpp18" % name)

    target = os.path.join(HERE, "eprobe-clapi.txt")
    if len(sys.argv) == 3 and sys.argv[1] == "--output":
        target = sys.argv[2]
    elif len(sys.argv) != 1:
        sys.exit("usage: generate-clapi.py [--output FILE]")
    with open(target, "w", encoding="ascii") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
