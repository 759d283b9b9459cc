#!/usr/bin/env python3
"""Load benchmark: a working day and a 10,000-employee launch at once, measured with Locust.

    PM_LOCUST=/path/to/venv/bin/locust python3 benchmarks/load.py   # 7 to 10 minutes on 2 cores

It copies ``pm_bench_10000`` (made by ``run.py --sizes 10000 --keep``) to ``pme_load``, brings
the addon up to date, gives known passwords to 20 people (``steps.py prepare_load``), serves
the copy with a real Odoo (``--workers=2 --max-cron-threads=1``, 127.0.0.1:8185) and runs
Locust headless with 20 users (``locustfile.py``) for a bounded time. In the middle of the
run the officer launches a cycle for everyone over JSON-RPC (done by the cron worker, in
batches) and the reminder crons are triggered, as ``ir.cron._trigger`` does. When Locust has
stopped, the same launch runs again with no traffic ("alone"). It prints, and writes to
``--json``, the requests, failures, p50/p95/p99 per kind of request, the launch durations,
the cron jobs' durations from the server log and the load average, and draws the latency over
time with the launch marked (``--chart``).

Not a test: it measures. All traffic goes to 127.0.0.1; every loop is bounded in time.
"""

import argparse
import csv
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
from datetime import datetime
from pathlib import Path

import psycopg2
from run import Server, Session, addons_path, dropdb, odoo_module, run_step

HERE = Path(__file__).resolve().parent
REMINDERS = (
    "performance_management.ir_cron_performance_review_reminder",
    "performance_management.ir_cron_goal_reminders",
    "performance_management.ir_cron_feedback_reminder",
)
TARGETS_MS = {"page": 500.0, "write": 1000.0}


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def loadavg():
    return Path("/proc/loadavg").read_text().split()[:3]


def trigger_crons(db, xmlids):
    """What ``ir.cron._trigger()`` does: a trigger row now, and the cron workers told."""
    with psycopg2.connect(dbname=db) as connection, connection.cursor() as cr:
        cr.execute(
            "INSERT INTO ir_cron_trigger (cron_id, call_at) "
            "SELECT res_id, now() at time zone 'UTC' FROM ir_model_data "
            "WHERE model = 'ir.cron' AND module || '.' || name IN %s",
            [tuple(xmlids)],
        )
        cr.execute("SELECT pg_notify('cron_trigger', %s)", [db])


def launch(server, db, cycle_id, timeout):
    """The officer launches over JSON-RPC; seconds until the cron worker has done it."""
    officer = Session(server, db, "bench_officer")
    start = time.time()
    officer.call("performance.cycle", "action_launch", [cycle_id])
    while time.time() - start < timeout:
        state = officer.call("performance.cycle", "read", [cycle_id], ["launch_state"])
        if state[0]["launch_state"] == "done":
            return start, time.time()
        time.sleep(1)
    raise RuntimeError(f"the launch of cycle {cycle_id} did not end in {timeout} s")


def portal_forms(server, db, repeat=10):
    """Bytes and median time of every portal form page of a portal employee."""
    session = Session(server, db, "bench_portal")
    with psycopg2.connect(dbname=db) as connection, connection.cursor() as cr:
        cr.execute(
            "SELECT e.id FROM hr_employee e JOIN res_users u ON u.id = e.user_id "
            "WHERE u.login = 'bench_portal'"
        )
        employee_id = cr.fetchone()[0]
        found = {}
        queries = {
            "goal": "SELECT id FROM performance_goal WHERE employee_id = %s AND state = 'active'",
            "review": "SELECT id FROM performance_review WHERE employee_id = %s "
            "AND state = 'self_review' ORDER BY id DESC",
            "request": "SELECT id FROM performance_feedback WHERE author_id = %s "
            "AND state = 'requested' ORDER BY id DESC",
        }
        for key, query in queries.items():
            cr.execute(query + " LIMIT 1", [employee_id])
            row = cr.fetchone()
            found[key] = row and row[0]
    pages = [
        ("overview", "/my/performance"),
        ("goal check-in form", found["goal"] and f"/my/performance/goals/{found['goal']}"),
        ("goal proposal form", "/my/performance/goals/new"),
        ("self review form", found["review"] and f"/my/performance/reviews/{found['review']}"),
        (
            "feedback answer form",
            found["request"] and f"/my/performance/feedback/{found['request']}",
        ),
        ("give feedback form", "/my/performance/feedback/give"),
        ("kudos form and wall", "/my/performance/kudos"),
        ("colleague search (20 names)", "/my/performance/colleagues?q=Bench+Employee+1"),
    ]
    table = []
    for label, path in pages:
        if not path:
            continue
        try:
            body = session.opener.open(server.url + path, timeout=120).read()
        except urllib.error.HTTPError as error:
            table.append({"form": label, "path": path, "status": error.code})
            continue
        timings = []
        for _index in range(repeat):
            start = time.perf_counter()
            session.opener.open(server.url + path, timeout=120).read()
            timings.append((time.perf_counter() - start) * 1000.0)
        table.append(
            {
                "form": label,
                "path": re.sub(r"/\d+", "/<id>", path),
                "bytes": len(body),
                "ms": statistics.median(timings),
                "options": body.count(b"<option"),
            }
        )
    return table


def percentile(values, share):
    values = sorted(values)
    if not values:
        return None
    index = min(len(values) - 1, max(0, round(share * len(values) + 0.5) - 1))
    return values[index]


def kind_of(name):
    return "write" if name.startswith("write") else "login" if name == "login" else "page"


def request_stats(rows):
    by_name = {}
    for row in rows:
        by_name.setdefault(row["name"], []).append(row)
    stats = []
    for name, items in sorted(by_name.items()):
        ms = [item["ms"] for item in items]
        stats.append(
            {
                "name": name,
                "kind": kind_of(name),
                "requests": len(items),
                "failed": sum(item["failed"] for item in items),
                "p50": percentile(ms, 0.50),
                "p95": percentile(ms, 0.95),
                "p99": percentile(ms, 0.99),
                "max": max(ms),
                "bytes": statistics.median(item["bytes"] for item in items),
            }
        )
    return stats


def log_time(stamp):
    return datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S,%f").timestamp()


def server_requests(logfile):
    """Per route: what the server spent on each request (Odoo's werkzeug log: queries, SQL
    seconds, other seconds), without the time the request waited for a free worker."""
    pattern = re.compile(r'"(GET|POST) ([^ ?"]+)[^"]*" (\d{3}) - (\d+) ([\d.]+) ([\d.]+)')
    routes = {}
    for line in Path(logfile).read_text(errors="replace").splitlines():
        match = pattern.search(line)
        if not match or "/web/assets/" in match.group(2) or "/web/static/" in match.group(2):
            continue
        route = re.sub(r"/\d+", "/<id>", match.group(2).split("#")[0])
        routes.setdefault(f"{match.group(1)} {route}", []).append(
            (int(match.group(4)), float(match.group(5)) * 1000, float(match.group(6)) * 1000)
        )
    table = []
    for route, items in sorted(routes.items()):
        totals = [sql + other for _count, sql, other in items]
        table.append(
            {
                "route": route,
                "requests": len(items),
                "queries": statistics.median(count for count, _sql, _other in items),
                "sql_ms": statistics.median(sql for _count, sql, _other in items),
                "python_ms": statistics.median(other for _count, _sql, other in items),
                "server_p50": percentile(totals, 0.5),
                "server_p95": percentile(totals, 0.95),
            }
        )
    return table


def phase_stats(rows, result):
    """Pages and writes before the launch (logins done) and while it runs."""
    start = result["launch_under_load"]["start"]
    end = min(result["launch_under_load"]["end"], result["started"] + result["run_seconds"])
    logged_in = max((row["time"] for row in rows if row["name"] == "login"), default=start)
    # 20 s after the last login: the requests queued behind the logins are answered
    phases = {"before the launch": (logged_in + 20, start), "during the launch": (start, end)}
    table = []
    for phase, (begin, finish) in phases.items():
        for kind in ("page", "write"):
            ms = [
                row["ms"]
                for row in rows
                if kind_of(row["name"]) == kind and begin <= row["time"] < finish
            ]
            if ms:
                table.append(
                    {
                        "phase": phase,
                        "kind": kind,
                        "requests": len(ms),
                        "p50": percentile(ms, 0.5),
                        "p95": percentile(ms, 0.95),
                        "p99": percentile(ms, 0.99),
                        "seconds": finish - begin,
                    }
                )
    return table


def cron_jobs(logfile):
    """The cron jobs the server ran, from its log: name, status, duration."""
    pattern = re.compile(
        r"^(\S+ \S+) .*Job '(.+?)' \(\d+\) (\S+ ?\S*) \(#loop (\d+); done (\d+); "
        r"remaining (\d+); duration ([\d.]+)s\)"
    )
    jobs = []
    started = {}
    begin = re.compile(r"^(\S+ \S+) .*Job '(.+?)' \(\d+\) starting")
    for line in Path(logfile).read_text(errors="replace").splitlines():
        if match := begin.search(line):
            started[match.group(2)] = log_time(match.group(1))
        match = pattern.search(line)
        if match:
            jobs.append(
                {
                    "start": started.get(match.group(2)),
                    "end": log_time(match.group(1)),
                    "at": match.group(1),
                    "job": match.group(2),
                    "status": match.group(3),
                    "loops": int(match.group(4)),
                    "done": int(match.group(5)),
                    "remaining": int(match.group(6)),
                    "seconds": float(match.group(7)),
                }
            )
    return jobs


def chart(rows, result, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    t0 = result["started"]
    fig, ax = plt.subplots(figsize=(11, 5.5), dpi=100)
    colours = {"page": "tab:blue", "write": "tab:orange", "login": "tab:gray"}
    for kind in ("page", "write"):
        points = [row for row in rows if kind_of(row["name"]) == kind]
        ax.scatter(
            [row["time"] - t0 for row in points],
            [row["ms"] for row in points],
            s=4,
            alpha=0.35,
            color=colours[kind],
            label=f"{kind}s (each request)",
        )
        # p95 over 10-second windows
        windows = {}
        for row in points:
            windows.setdefault(int((row["time"] - t0) // 10), []).append(row["ms"])
        xs = sorted(windows)
        ax.plot(
            [x * 10 + 5 for x in xs],
            [percentile(windows[x], 0.95) for x in xs],
            color=colours[kind],
            linewidth=2,
            label=f"{kind}s p95 (10 s windows)",
        )
        ax.axhline(TARGETS_MS[kind], color=colours[kind], linestyle=":", linewidth=1)
    start, end = result["launch_under_load"]["start"], result["launch_under_load"]["end"]
    ax.axvspan(start - t0, end - t0, color="tab:red", alpha=0.12, label="launch of 10,000")
    ax.axvline(
        result["reminders_triggered"] - t0,
        color="tab:green",
        linestyle="--",
        label="reminder crons triggered",
    )
    labelled = set()
    for job in result["cron_jobs"]:
        if job["start"] is None or job["seconds"] < 1:
            continue
        launch_job = "launch" in job["job"]
        label = "cron worker: launch batches" if launch_job else "cron worker: other jobs"
        ax.axvspan(
            job["start"] - t0,
            job["end"] - t0,
            ymin=0,
            ymax=0.04,
            color="tab:red" if launch_job else "tab:green",
            alpha=0.8,
            label=None if label in labelled else label,
        )
        labelled.add(label)
    ax.set_yscale("log")
    ax.set_xlabel("seconds since the start of the run")
    ax.set_ylabel("latency (ms, log scale)")
    ax.set_title(
        f"{result['users']} users, {result['workers']} HTTP workers + "
        f"{result.get('cron_threads', 1)} cron worker(s), "
        f"{result['employees']} employees"
    )
    ax.legend(loc="upper right", fontsize=8)
    ax.grid(True, which="both", alpha=0.2)
    fig.tight_layout()
    fig.savefig(path)


def print_report(result):
    print(
        f"\nrequests {result['requests']}, failed {result['failed']}, "
        f"{result['users']} users for {result['run_seconds']} s"
    )
    header = f"{'request':<48} {'n':>6} {'fail':>5} {'p50':>7} {'p95':>7} {'p99':>7} {'bytes':>9}"
    print(header)
    print("-" * len(header))
    for row in result["stats"]:
        print(
            f"{row['name'][:48]:<48} {row['requests']:>6} {row['failed']:>5} "
            f"{row['p50']:>7.0f} {row['p95']:>7.0f} {row['p99']:>7.0f} {row['bytes']:>9.0f}"
        )
    under, alone = result["launch_under_load"], result.get("launch_alone")
    print(f"launch of {result['employees']} under load: {under['seconds']:.1f} s")
    if alone:
        print(f"launch of {result['employees']} alone: {alone['seconds']:.1f} s")
    for job in result["cron_jobs"]:
        print(f"cron {job['job']}: {job['status']}, {job['seconds']:.1f} s, done {job['done']}")
    print(f"load average: {result['loadavg']}")
    for row in result["phases"]:
        print(
            f"{row['phase']:<20} {row['kind']:<6} {row['requests']:>5} requests "
            f"p50 {row['p50']:.0f} p95 {row['p95']:.0f} p99 {row['p99']:.0f} ms"
        )
    print(
        f"\n{'server side, per route (no queue)':<62} {'n':>5} {'q':>5} "
        f"{'sql':>6} {'py':>6} {'p95':>6}"
    )
    for row in result["server"]:
        print(
            f"{row['route'][:62]:<62} {row['requests']:>5} {row['queries']:>5.0f} "
            f"{row['sql_ms']:>6.0f} {row['python_ms']:>6.0f} {row['server_p95']:>6.0f}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", default="pm_bench_10000", help="database to copy")
    parser.add_argument("--db", default="pme_load")
    parser.add_argument("--port", type=int, default=8185)
    parser.add_argument("--gevent-port", type=int, default=8285)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--cron-threads", type=int, default=1, help="cron workers of the server (1 by default)"
    )
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--run-time", type=int, default=360, help="seconds of traffic")
    parser.add_argument("--launch-at", type=int, default=120, help="seconds into the run")
    parser.add_argument(
        "--forms-only", action="store_true", help="only the portal forms' weight and time"
    )
    parser.add_argument("--no-alone", action="store_true", help="skip the launch alone")
    parser.add_argument("--json", default=str(HERE / "load_results.json"))
    parser.add_argument("--chart", default=str(HERE / "load_latency.png"))
    parser.add_argument(
        "--locust",
        default=os.environ.get("PM_LOCUST", "locust"),
        help="the locust command (of a virtualenv with benchmarks/requirements.txt)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the copied database")
    parser.add_argument("--markdown", metavar="JSON", help="print the README tables of a result")
    args = parser.parse_args()
    if args.markdown:
        markdown(json.loads(Path(args.markdown).read_text()))
        return
    paths = addons_path()
    workdir = Path(os.environ.get("TMPDIR", "/tmp")) / "pm_load"
    workdir.mkdir(parents=True, exist_ok=True)

    log(f"copying {args.source} to {args.db}")
    dropdb(args.db)
    subprocess.run(["createdb", "-T", args.source, args.db], check=True)
    odoo_module(paths, args.db, "-u")
    data = run_step("prepare_load", args.db, 10000, paths)[0]
    employees = psql_count(args.db, "SELECT count(*) FROM hr_employee WHERE active")
    data_file = workdir / "people.json"
    data_file.write_text(json.dumps(data))
    request_log = workdir / "requests.csv"
    server_log = workdir / "server.log"
    server_log.unlink(missing_ok=True)

    log(
        f"serving {args.db} on 127.0.0.1:{args.port} "
        f"({args.workers} workers + {args.cron_threads} cron worker(s))"
    )
    server = Server(
        args.db,
        paths,
        args.workers,
        server_log,
        port=args.port,
        gevent_port=args.gevent_port,
        extra=[
            "--log-handler=odoo.addons.base.models.ir_cron:INFO",
            "--log-handler=werkzeug:INFO",
            f"--max-cron-threads={args.cron_threads}",
        ],
    )
    result = {
        "users": args.users,
        "workers": args.workers,
        "cron_threads": args.cron_threads,
        "employees": employees,
        "run_seconds": args.run_time,
        "loadavg_before": loadavg(),
    }
    try:
        result["portal_forms"] = portal_forms(server, args.db)
        print_forms(result["portal_forms"])
        if not args.forms_only:
            run_load(args, server, data, data_file, request_log, workdir, result)
    finally:
        server.stop()
    if args.forms_only:
        if not args.keep:
            dropdb(args.db)
        return
    rows = []
    with request_log.open() as handle:
        for row in csv.DictReader(handle):
            rows.append(
                {
                    "time": float(row["time"]),
                    "name": row["name"],
                    "ms": float(row["ms"]),
                    "failed": int(row["failed"]),
                    "bytes": int(row["bytes"] or 0),
                }
            )
    result["stats"] = request_stats(rows)
    result["requests"] = len(rows)
    result["failed"] = sum(row["failed"] for row in rows)
    result["cron_jobs"] = cron_jobs(server_log)
    result["server"] = server_requests(server_log)
    result["phases"] = phase_stats(rows, result)
    result["targets_missed"] = [
        row["name"]
        for row in result["stats"]
        if row["kind"] in TARGETS_MS and row["p95"] > TARGETS_MS[row["kind"]]
    ]
    Path(args.json).write_text(json.dumps(result, indent=1))
    chart(rows, result, args.chart)
    print_report(result)
    if not args.keep:
        dropdb(args.db)


def run_load(args, server, data, data_file, request_log, workdir, result):
    """Locust for the run time; the launch and the reminders in the middle; then alone."""
    locust = subprocess.Popen(
        [
            args.locust, "-f", str(HERE / "locustfile.py"), "--headless",
            "-u", str(args.users), "-r", "5", "-t", f"{args.run_time}s",
            "--stop-timeout", "20", "--host", server.url, "--only-summary",
            "--csv", str(workdir / "locust"),
        ],
        env=dict(os.environ, PM_LOAD_DATA=str(data_file), PM_LOAD_LOG=str(request_log),
                 PM_LOAD_DB=args.db),
    )  # fmt: skip
    result["started"] = time.time()
    time.sleep(args.launch_at)
    log("the officer launches the cycle for everyone")
    result["loadavg_at_launch"] = loadavg()
    launch_done = {}

    def launch_and_wait():
        launch_done["span"] = launch(server, args.db, data["launch_ids"][0], 1200)

    thread = threading.Thread(target=launch_and_wait)
    thread.start()
    time.sleep(5)
    trigger_crons(args.db, REMINDERS)
    result["reminders_triggered"] = time.time()
    thread.join(1300)
    start, end = launch_done["span"]
    result["launch_under_load"] = {"start": start, "end": end, "seconds": end - start}
    result["loadavg_after_launch"] = loadavg()
    log(f"launch under load: {end - start:.1f} s")
    if locust.wait(args.run_time + 120) != 0:
        log("locust reported failures")
    result["loadavg"] = loadavg()
    if not args.no_alone:
        time.sleep(10)  # let the reminder crons end
        result["loadavg_before_alone"] = loadavg()
        start, end = launch(server, args.db, data["launch_ids"][1], 1200)
        result["launch_alone"] = {"start": start, "end": end, "seconds": end - start}
        log(f"launch alone: {end - start:.1f} s")


def markdown(result):
    """The README's tables, from a result file: ``load.py --markdown load_results.json``."""
    lines = [
        (
            f"{result['requests']} requests, {result['failed']} failed; "
            f"{result['users']} users for {result['run_seconds']} s; "
            f"load average at the launch {' / '.join(result['loadavg_at_launch'])}."
        ),
        "",
        "| request | kind | n | failed | p50 ms | p95 ms | p99 ms | target p95 |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in result["stats"]:
        target = TARGETS_MS.get(row["kind"])
        verdict = "-" if target is None else ("met" if row["p95"] <= target else "**missed**")
        lines.append(
            f"| {row['name']} | {row['kind']} | {row['requests']} | {row['failed']} | "
            f"{row['p50']:.0f} | {row['p95']:.0f} | {row['p99']:.0f} | {verdict} |"
        )
    lines += [
        "",
        "| phase | kind | requests | p50 ms | p95 ms | p99 ms |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for row in result.get("phases", []):
        lines.append(
            f"| {row['phase']} ({row['seconds']:.0f} s) | {row['kind']} | {row['requests']} | "
            f"{row['p50']:.0f} | {row['p95']:.0f} | {row['p99']:.0f} |"
        )
    lines += [
        "",
        "| cron job (server log) | status | seconds | started at |",
        "| --- | --- | ---: | --- |",
    ]
    for job in result["cron_jobs"]:
        lines.append(
            f"| {job['job']} | {job['status']} | {job['seconds']:.1f} | {job['at'][11:19]} |"
        )
    lines += [
        "",
        "| route, server side (Odoo's request log) | n | queries | SQL ms | Python ms | p95 ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in result["server"]:
        lines.append(
            f"| `{row['route']}` | {row['requests']} | {row['queries']:.0f} | "
            f"{row['sql_ms']:.0f} | {row['python_ms']:.0f} | {row['server_p95']:.0f} |"
        )
    lines += [
        "",
        "| portal form | bytes | ms (median of 10) | `<option>`s |",
        "| --- | ---: | ---: | ---: |",
    ]
    for row in result["portal_forms"]:
        if "bytes" in row:
            lines.append(
                f"| {row['form']} `{row['path']}` | {row['bytes']} | {row['ms']:.0f} | "
                f"{row['options']} |"
            )
    print("\n".join(lines))


def print_forms(forms):
    print(f"\n{'portal form':<30} {'path':<40} {'bytes':>9} {'ms':>7} {'<option>':>8}")
    for row in forms:
        if "bytes" not in row:
            print(f"{row['form']:<30} {row['path']:<40} HTTP {row['status']}")
            continue
        print(
            f"{row['form']:<30} {row['path']:<40} {row['bytes']:>9} {row['ms']:>7.0f} "
            f"{row['options']:>8}"
        )


def psql_count(db, query):
    with psycopg2.connect(dbname=db) as connection, connection.cursor() as cr:
        cr.execute(query)
        return cr.fetchone()[0]


if __name__ == "__main__":
    main()
