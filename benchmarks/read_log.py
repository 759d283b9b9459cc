"""What the read log costs a page of reviews: the list an officer opens, with and without it.

    python3 benchmarks/read_log.py DB ADDONS_PATH [--rows 80] [--repeat 30]

DB is a database with the addon installed (no demo data needed). The script creates N
employees, a template and a cycle of reviews for them, as an officer (not the superuser,
whose reads are not logged) reads one page of the reviews with ``web_search_read`` (the list
view's call), then flushes the request (the log's one insert), ``--repeat`` times with the
log and as many without it (the logger made a no-op), and prints the median times and
query counts. Everything is rolled back. Not a test: it only measures.
"""

import argparse
import statistics
import time
from datetime import date

import odoo
from odoo import SUPERUSER_ID, api
from odoo.fields import Command
from odoo.modules.registry import Registry
from odoo.tests import new_test_user

QUIET = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}
SPEC = {
    "name": {},
    "employee_id": {"fields": {"display_name": {}}},
    "manager_id": {"fields": {"display_name": {}}},
    "cycle_id": {"fields": {"display_name": {}}},
    "state": {},
    "final_rating_id": {"fields": {"display_name": {}}},
    "date_end": {},
}


def prepare(env, rows):
    company = env.company
    employees = env["hr.employee"].create(
        [{"name": f"Read Log Bench {i}", "company_id": company.id} for i in range(rows)]
    )
    scale = env["performance.rating.scale"].create(
        {
            "name": "Read Log Bench Scale",
            "level_ids": [
                Command.create({"value": value, "name": str(value)}) for value in range(1, 6)
            ],
        }
    )
    template = env["performance.review.template"].create(
        {
            "name": "Read Log Bench Template",
            "scale_id": scale.id,
            "line_ids": [Command.create({"name": "Delivery"})],
        }
    )
    year = date.today().year
    cycle = env["performance.cycle"].create(
        {
            "name": "Read Log Bench",
            "template_id": template.id,
            "date_start": date(year, 1, 1),
            "date_end": date(year, 12, 31),
            "state": "running",
        }
    )
    cycle._launch_batch(employees)
    officer = new_test_user(
        env,
        login="read_log_bench_officer",
        groups="performance_management.group_performance_officer",
    )
    env.flush_all()
    return officer, cycle


def page(env, officer, cycle, rows):
    """One request: the page read, then the request's end (the log's insert runs there)."""
    Review = env["performance.review"].with_user(officer)
    env.invalidate_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    result = Review.web_search_read([("cycle_id", "=", cycle.id)], SPEC, limit=rows)
    read = time.perf_counter()
    env.cr.flush()
    end = time.perf_counter()
    assert result["length"] == rows, result["length"]
    return end - start, end - read, env.cr.sql_log_count - queries


def measure(env, officer, cycle, rows, repeat):
    """Requests with and without the log, alternated (the machine's load hits both)."""
    Log = type(env["performance.read.log"])
    log_reads = Log._log_reads
    runs = {"without": [], "with": []}
    try:
        for index in range(repeat + 1):
            for label in ("without", "with"):
                Log._log_reads = log_reads if label == "with" else lambda *args: None
                run = page(env, officer, cycle, rows)
                if index:  # the first round warms up
                    runs[label].append(run)
    finally:
        Log._log_reads = log_reads
    return {
        label: (
            statistics.median(run[0] for run in values) * 1000,
            statistics.median(run[1] for run in values) * 1000,
            max(run[2] for run in values),
        )
        for label, values in runs.items()
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("addons_path")
    parser.add_argument("--rows", type=int, default=80)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    odoo.tools.config.parse_config(
        [f"--addons-path={args.addons_path}", "--log-level=warn", f"--database={args.db}"]
    )
    registry = Registry(args.db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, QUIET)
        officer, cycle = prepare(env, args.rows)
        results = measure(env, officer, cycle, args.rows, args.repeat)
        written = env["performance.read.log"].search_count([("user_id", "=", officer.id)])
        print(f"page of {args.rows} reviews, web_search_read then the request's end,")
        print(f"median of {args.repeat} requests each way, alternated:")
        for label, (total, flush, queries) in results.items():
            print(
                f"  {label:7} the read log: {total:7.1f} ms "
                f"(request end {flush:5.1f} ms), {queries} queries"
            )
        (with_ms, _w, with_q), (without_ms, _wo, without_q) = (
            results["with"],
            results["without"],
        )
        print(f"  difference: {with_ms - without_ms:+.1f} ms, {with_q - without_q:+d} queries")
        print(f"  log rows written: {written}")
        cr.rollback()


if __name__ == "__main__":
    main()
