#!/bin/sh
# Checks eprobe-snmp.yaml and eprobe-modbus.yaml with the Zabbix 6.0 frontend's import validator, expression
# parser and item key parser (check-import.php), offline.
#   ZABBIX_FRONTEND=/usr/share/zabbix tools/templates/zabbix/check-import.sh
# Needs php-cli, python3-yaml and the frontend's PHP sources: Debian's zabbix-frontend-php installed, or only
# unpacked: apt-get download zabbix-frontend-php && dpkg -x zabbix-frontend-php_*.deb DIR, then
# ZABBIX_FRONTEND=DIR/usr/share/zabbix.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
frontend=${ZABBIX_FRONTEND:-/usr/share/zabbix}
if [ ! -f "$frontend/include/classes/import/validators/C60XmlValidator.php" ]; then
    echo "no Zabbix 6.0 frontend at $frontend (set ZABBIX_FRONTEND; see the head of this script)" >&2
    exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for name in eprobe-snmp eprobe-modbus; do
    python3 -c 'import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1], encoding="utf-8")), open(sys.argv[2], "w"))' \
        "$here/$name.yaml" "$tmp/$name.json"
    php "$here/check-import.php" "$frontend" "$tmp/$name.json" || status=1
done
exit $status
