# Shared by the project's scripts: where things are, and a running PostgreSQL.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VAR="$ROOT/var"
mkdir -p "$VAR"

require_odoo() {
    if ! python3 -c "import odoo.release" 2>/dev/null; then
        echo "error: Odoo 19 is not importable (python3 -c 'import odoo' fails)." >&2
        echo "Install Odoo 19.0 from source first (its requirements.txt, then 'pip install -e .')." >&2
        exit 2
    fi
    ODOO_VERSION=$(python3 -c "import odoo.release as r; print(r.serie)")
    if [ "$ODOO_VERSION" != "19.0" ]; then
        echo "error: this addon needs Odoo 19.0, found $ODOO_VERSION." >&2
        exit 2
    fi
}

# The addons path: this repository, then Odoo's own addons (found next to the odoo package).
addons_path() {
    python3 - "$ROOT" <<'PY'
import os, sys
import odoo.addons.base as base
base_dir = os.path.dirname(os.path.abspath(base.__path__[0]))
paths = [sys.argv[1], base_dir]
community = os.path.join(os.path.dirname(os.path.dirname(base_dir)), "addons")
if os.path.isdir(os.path.join(community, "hr")):
    paths.append(community)
print(",".join(paths))
PY
}

# PostgreSQL from Debian, installed when absent, started, with a superuser role for us.
ensure_postgres() {
    if ! command -v pg_ctlcluster >/dev/null 2>&1; then
        echo "Installing PostgreSQL from Debian..."
        local sudo=""
        [ "$(id -u)" = 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
    fi
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    if ! pg_lsclusters -h 2>/dev/null | grep -q online; then
        local cluster
        cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
        if [ -z "$cluster" ]; then
            $sudo pg_createcluster 15 main >/dev/null
            cluster="15 main"
        fi
        # shellcheck disable=SC2086
        $sudo pg_ctlcluster $cluster start
    fi
    local me
    me=$(id -un)
    if ! psql -d postgres -tAc "select 1" >/dev/null 2>&1; then
        $sudo -u postgres createuser -s "$me" 2>/dev/null || su postgres -c "createuser -s $me"
    fi
}

# Installs the addon on a fresh database DB, logging to FILE; fails when the install fails
# or when it logs a WARNING or ERROR about the addon.
install_fresh() {
    local db=$1 log=$2
    shift 2
    dropdb --if-exists "$db" >/dev/null 2>&1
    if ! odoo -d "$db" --addons-path="$(addons_path)" -i performance_management \
        --stop-after-init --log-level=info --http-interface=127.0.0.1 "$@" >"$log" 2>&1; then
        tail -40 "$log" >&2
        echo "error: installing performance_management on $db failed (log: $log)" >&2
        return 1
    fi
    if ! python3 "$ROOT/scripts/check_log.py" "$log"; then
        echo "error: installing performance_management on $db logged warnings (log: $log)" >&2
        return 1
    fi
}

# A loopback TCP port that nobody listens on (for an Odoo started by a script).
free_port() {
    python3 -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"
}
