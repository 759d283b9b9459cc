#!/usr/bin/env bash
# Starts Odoo on http://localhost:8069 with the addon and its demo data (database created on
# the first run; PM_DB names it, PM_RESET=1 recreates it).
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
require_odoo
ensure_postgres

DB=${PM_DB:-performance_demo}
if [ "${PM_RESET:-0}" = 1 ]; then
    dropdb --if-exists "$DB"
fi
if ! psql -d "$DB" -tAc "select 1 from ir_module_module where name='performance_management' and state='installed'" 2>/dev/null | grep -q 1; then
    echo "Creating database $DB with the addon and demo data (about two minutes)..."
    install_fresh "$DB" "$VAR/install-$DB.log" --with-demo
fi
cat <<INFO

Performance Management is starting on http://localhost:8069 (database $DB)
  administrator:        login admin   password admin
  manager (Marc Demo):  login demo    password demo
  portal employee:      login portal  password portal   (then open http://localhost:8069/my)
Stop it with Ctrl+C.

INFO
exec odoo -d "$DB" --addons-path="$(addons_path)" --db-filter="^${DB}\$" \
    --http-interface=127.0.0.1 --http-port=8069 "$@"
