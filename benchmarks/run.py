#!/usr/bin/env python3
"""Scale benchmark of performance_management, side by side with Odoo's own batch work.

    python3 benchmarks/run.py --sizes 1000,10000

For each size N it creates the database ``pm_bench_N`` from a freshly installed template,
generates N employees (manager tree, departments, users for a share of them, goals with
key results, check-ins, a past cycle under calibration), then measures, each step in a
fresh Odoo process (so that the peak memory is the step's own):

- the references: N ``hr.employee`` created in one ``create()``, and Odoo's gamification
  challenge started (``action_start``) over the users of those employees;
- the addon: a cycle launched for everyone through its cron (batches, ``_commit_progress``),
  the reminder and scheduling crons, goal progress, the cycle evaluation, calibration and
  the performance issues;
- over HTTP, on a real multi-worker server on loopback: the manager's team views (JSON-RPC
  ``web_search_read``) and the portal overview (median of 20 requests), and the same launch
  done by the server's cron worker.

It prints a table (operation, N, seconds, queries, queries per employee, rows written per
second, peak memory) and the throughput ratios. ``--keep`` keeps the databases.
"""

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from http.cookiejar import CookieJar
from pathlib import Path

import psycopg2

ROOT = Path(__file__).resolve().parent.parent
STEPS = Path(__file__).resolve().parent / "steps.py"
TEMPLATE_DB = "pm_bench_template"
PASSWORD = "bench-password"


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def addons_path():
    if os.environ.get("PM_ADDONS_PATH"):
        return os.environ["PM_ADDONS_PATH"]
    import odoo.addons

    odoo_addons = [p for p in odoo.addons.__path__ if Path(p, "hr").is_dir()]
    return ",".join([str(ROOT), *odoo_addons])


def psql(db, query):
    with psycopg2.connect(dbname=db) as connection, connection.cursor() as cr:
        cr.execute(query)
        return cr.fetchall() if cr.description else None


@contextmanager
def autocommit_cursor(db):
    """A cursor outside any transaction block (statistics snapshots, VACUUM)."""
    connection = psycopg2.connect(dbname=db)
    connection.autocommit = True
    try:
        with connection.cursor() as cr:
            yield cr
    finally:
        connection.close()


def inserted_rows(db):
    """Rows ever inserted in the database (stats flushed when a backend exits)."""
    with autocommit_cursor(db) as cr:
        cr.execute("SELECT pg_stat_clear_snapshot()")
        cr.execute("SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_user_tables")
        return int(cr.fetchone()[0])


def vacuum(db):
    with autocommit_cursor(db) as cr:
        cr.execute("VACUUM ANALYZE")


def dropdb(db):
    subprocess.run(["dropdb", "--if-exists", "--force", db], check=True, capture_output=True)


def odoo_module(paths, db, action):
    """Install (-i) or update (-u) the addon in db, as an administrator would."""
    subprocess.run(
        [
            "odoo",
            f"--addons-path={paths}",
            "-d",
            db,
            action,
            "performance_management",
            "--stop-after-init",
            "--log-level=warn",
            "--no-http",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def build_template(paths):
    log(f"installing performance_management in {TEMPLATE_DB}")
    dropdb(TEMPLATE_DB)
    odoo_module(paths, TEMPLATE_DB, "-i")


def run_step(name, db, n, paths):
    """Run one step in a fresh Odoo process; returns its result rows."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(STEPS), name, db, str(n), paths],
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if done.returncode or not lines:
        raise RuntimeError(f"step {name} failed:\n{done.stdout[-3000:]}\n{done.stderr[-5000:]}")
    log(f"step {name} on {db}: {time.perf_counter() - start:.1f} s {lines[-1][7:]}")
    return json.loads(lines[-1][len("RESULT ") :])


# HTTP --------------------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """Odoo with several workers on loopback, as production runs it."""

    def __init__(self, db, paths, workers, logfile, port=None, gevent_port=None, extra=()):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [
                "odoo",
                f"--addons-path={paths}",
                "-d",
                db,
                f"--db-filter=^{db}$",
                f"--workers={workers}",
                "--max-cron-threads=1",
                "--limit-time-real=600",
                "--limit-time-cpu=600",
                "--limit-memory-soft=2147483648",
                "--limit-memory-hard=4294967296",
                "--http-interface=127.0.0.1",
                f"--http-port={self.port}",
                f"--gevent-port={gevent_port or free_port()}",
                f"--logfile={logfile}",
                "--log-level=warn",
                *extra,
            ],
            # The cron worker wakes up on a trigger instead of its next minute.
            env=dict(os.environ, ODOO_NOTIFY_CRON_CHANGES="1"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/web/health", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        self.stop()
        raise RuntimeError("the Odoo server did not start")

    def children_peak_mib(self):
        """Peak resident memory (VmHWM) of each worker process, by process title."""
        peaks = {}
        out = subprocess.run(
            ["ps", "-o", "pid=,args=", "--ppid", str(self.process.pid)],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        for line in out.splitlines():
            pid, _sep, args = line.strip().partition(" ")
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            match = re.search(r"VmHWM:\s+(\d+) kB", status)
            if match:
                peaks[f"{pid} {args[:40]}"] = int(match.group(1)) / 1024.0
        return peaks

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()


class Session:
    """A logged-in browser session: cookies and JSON-RPC calls."""

    def __init__(self, server, db, login):
        self.server = server
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        self.rpc("/web/session/authenticate", {"db": db, "login": login, "password": PASSWORD})

    def rpc(self, path, params):
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params, "id": 1})
        request = urllib.request.Request(
            self.server.url + path, body.encode(), {"Content-Type": "application/json"}
        )
        with self.opener.open(request, timeout=600) as answer:
            reply = json.load(answer)
        if "error" in reply:
            raise RuntimeError(json.dumps(reply["error"])[:2000])
        return reply["result"]

    def call(self, model, method, *args, **kwargs):
        return self.rpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def get(self, path):
        with self.opener.open(self.server.url + path, timeout=600) as answer:
            answer.read()
            return answer.status


def list_spec(session, model):
    views = session.call(model, "get_views", [[False, "list"]])
    fields = views["models"][model]["fields"]
    return {
        name: {"fields": {"display_name": {}}}
        if info["type"] in ("many2one", "many2many", "one2many")
        else {}
        for name, info in fields.items()
    }


def median_ms(function, repeat=20):
    function()  # warm the worker's caches, as a user's second visit would
    timings = []
    for _index in range(repeat):
        start = time.perf_counter()
        function()
        timings.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(timings)


def http_measures(db, n, paths, workers, logdir):
    """Team views, portal overview and the launch by the cron worker of a real server."""
    prepared = run_step("prepare_server", db, n, paths)
    cycle_id = prepared[0]["cycle_id"]
    results = []
    server = Server(db, paths, workers, logdir / f"{db}-server.log")
    try:
        manager = Session(server, db, "bench1")
        for model, domain in (
            ("performance.review", []),
            ("performance.goal", [["is_template", "=", False], ["is_my_team", "=", True]]),
        ):
            spec = list_spec(manager, model)

            def team_view(model=model, domain=domain, spec=spec):
                manager.call(model, "web_search_read", domain, spec, limit=80, count_limit=10001)

            results.append(
                {
                    "operation": f"team view {model} (manager, HTTP median)",
                    "n": n,
                    "seconds": median_ms(team_view) / 1000.0,
                    "records": manager.call(model, "search_count", domain),
                }
            )
        portal = Session(server, db, "bench_portal")
        try:
            status = portal.get("/my/performance")
        except urllib.error.HTTPError as error:
            status = error.code
        if status == 200:
            results.append(
                {
                    "operation": "portal overview /my/performance (HTTP median)",
                    "n": n,
                    "seconds": median_ms(lambda: portal.get("/my/performance")) / 1000.0,
                }
            )
        else:
            log(f"/my/performance answered {status}: portal overview not measured")
        officer = Session(server, db, "bench_officer")
        rows_before = inserted_rows(db)
        start = time.perf_counter()
        officer.call("performance.cycle", "action_launch", [cycle_id])
        while True:
            state = officer.call("performance.cycle", "read", [cycle_id], ["launch_state"])
            if state[0]["launch_state"] == "done":
                break
            if time.perf_counter() - start > 1800:
                raise RuntimeError("the server's cron did not finish the launch in 30 minutes")
            time.sleep(0.25)
        seconds = time.perf_counter() - start
        peaks = server.children_peak_mib()
    finally:
        server.stop()
    time.sleep(1)
    results.append(
        {
            "operation": f"launch cycle (server, {workers} workers + cron worker)",
            "n": n,
            "seconds": seconds,
            "rows": inserted_rows(db) - rows_before,
            "peak_mib": max(peaks.values()) if peaks else None,
        }
    )
    return results


# Report ------------------------------------------------------------------------------------


def fmt(value, pattern):
    return "-" if value is None else pattern.format(value)


def print_table(rows):
    header = (
        f"{'operation':<52} {'N':>6} {'seconds':>9} {'queries':>8} {'q/empl.':>8} "
        f"{'rows/s':>9} {'peak MiB':>9}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        n = row.get("n") or 0
        count = row.get("count") or n  # what a reference actually created
        queries = row.get("queries")
        rows_written = row.get("rows")
        seconds = row.get("seconds")
        print(
            f"{row['operation'][:52]:<52} {n:>6} {fmt(seconds, '{:.3f}'):>9} "
            f"{fmt(queries, '{:d}'):>8} "
            f"{fmt(queries / count if queries is not None and count else None, '{:.2f}'):>8} "
            f"{fmt(rows_written / seconds if rows_written and seconds else None, '{:.0f}'):>9} "
            f"{fmt(row.get('peak_mib'), '{:.0f}'):>9}"
        )


def print_ratios(rows):
    by_name = {row["operation"]: row for row in rows}
    launch = by_name.get("launch cycle (cron, batches)")
    if not launch or not launch.get("rows"):
        return
    launch_speed = launch["rows"] / launch["seconds"]
    print(
        f"launch (N={launch['n']}): {launch['rows']} rows in {launch['seconds']:.1f} s = "
        f"{launch_speed:.0f} rows/s, {launch['queries'] / launch['n']:.2f} queries/employee"
    )
    for name in ("reference: gamification action_start", "reference: hr.employee batch create"):
        reference = by_name.get(name)
        if reference and reference.get("rows"):
            speed = reference["rows"] / reference["seconds"]
            print(
                f"{name} (N={reference['n']}, {reference.get('count', reference['n'])} "
                f"created): {reference['rows']} rows in "
                f"{reference['seconds']:.1f} s = {speed:.0f} rows/s; "
                f"launch / reference = {launch_speed / speed:.2f}"
            )


def benchmark(n, paths, args, logdir):
    db = f"pm_bench_{n}"
    dropdb(db)
    rows = []
    if args.data_from:
        # a database holding only generated data, brought up to date
        subprocess.run(["createdb", "-T", args.data_from.format(n=n), db], check=True)
        odoo_module(paths, db, "-u")
    else:
        subprocess.run(["createdb", "-T", TEMPLATE_DB, db], check=True)
    try:
        if not args.data_from:
            rows += run_step("generate", db, n, paths)
        rows += run_step("ref_employees", db, n, paths)
        rows += run_step("ref_gamification", db, n, paths)
        # The references roll back thousands of rows: vacuum now rather than have autovacuum
        # run in the middle of the timed launch.
        vacuum(db)
        before = inserted_rows(db)
        launch = run_step("launch", db, n, paths)
        time.sleep(1)
        launch[0]["rows"] = inserted_rows(db) - before
        rows += launch
        rows += run_step("crons", db, n, paths)
        rows += run_step("goals", db, n, paths)
        rows += run_step("officer_views", db, n, paths)
        if not args.no_http:
            rows += http_measures(db, n, paths, args.workers, logdir)
    finally:
        if not args.keep:
            dropdb(db)
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="numbers of employees")
    parser.add_argument("--workers", type=int, default=2, help="HTTP workers of the server")
    parser.add_argument("--keep", action="store_true", help="keep the pm_bench_N databases")
    parser.add_argument("--reuse-template", action="store_true", help=f"reuse {TEMPLATE_DB}")
    parser.add_argument("--no-http", action="store_true", help="skip the server measures")
    parser.add_argument("--json", help="also write the rows to this file")
    parser.add_argument(
        "--data-from",
        metavar="DB",
        help="copy the generated data of this database ({n} is the size) instead of generating",
    )
    args = parser.parse_args()
    paths = addons_path()
    logdir = Path(os.environ.get("TMPDIR", "/tmp")) / "pm_bench_logs"
    shutil.rmtree(logdir, ignore_errors=True)
    logdir.mkdir(parents=True)
    if not args.data_from and not (
        args.reuse_template
        and psql("postgres", f"SELECT 1 FROM pg_database WHERE datname = '{TEMPLATE_DB}'")
    ):
        build_template(paths)
    rows = []
    for n in [int(size) for size in args.sizes.split(",")]:
        rows += benchmark(n, paths, args, logdir)
    print_table([row for row in rows if row["operation"] != "prepare"])
    print()
    for n in sorted({row.get("n") for row in rows if row.get("n")}):
        print_ratios([row for row in rows if row.get("n") == n])
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
