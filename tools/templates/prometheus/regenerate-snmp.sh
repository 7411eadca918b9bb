#!/bin/sh
# Regenerates snmp.yml (the snmp_exporter configuration) from generator.yml and the project's MIB.
# Needs prometheus-snmp-generator (Debian: apt-get install prometheus-snmp-exporter) and the IETF MIB
# modules our MIB imports (SNMPv2-SMI, SNMPv2-TC, SNMPv2-CONF, SNMPv2-MIB...): by default ../shared/mibs
# next to the repository, else give their folder as the first argument (e.g. /usr/share/snmp/mibs/ietf
# after `download-mibs` of Debian's snmp-mibs-downloader).
# Usage: tools/templates/prometheus/regenerate-snmp.sh [IETF-MIB-DIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
ietf=${1:-$root/../shared/mibs}
[ -f "$ietf/SNMPv2-SMI.txt" ] || [ -f "$ietf/SNMPv2-SMI" ] || { echo "no SNMPv2-SMI in $ietf: give the IETF MIB folder" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/generator.yml" "$work/"
# The generator reads generator.yml from the current folder.
(cd "$work" && MIBDIRS="$root/tools/mib:$ietf" prometheus-snmp-generator --fail-on-parse-errors generate -o "$work/snmp.yml")
{
  echo "# snmp_exporter 0.21 configuration for the IPenergy e-Probe: module \"eprobe\" (IPENERGY-EPROBE-MIB)."
  echo "# GENERATED from generator.yml, do not edit: change generator.yml and run"
  echo "#   tools/templates/prometheus/regenerate-snmp.sh [IETF-MIB-DIR]"
  echo "# i.e. MIBDIRS=tools/mib:<IETF MIBs> prometheus-snmp-generator generate (in the folder of generator.yml)."
  cat "$work/snmp.yml"
} > "$here/snmp.yml"
echo "wrote $here/snmp.yml"
