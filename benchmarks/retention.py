#!/usr/bin/env python3
"""What the retention job costs at N departed employees (10,000 in the README's figures).

    python3 benchmarks/retention.py DB N ADDONS_PATH [BATCH_SIZE] [--measure]

DB is a database where the addon is installed (no demo data); the data is committed (the
cron runs in cursors of its own), so use a copy (``createdb -T``). It creates N employees in
SQL (the ORM draws an avatar per employee, a quarter of an hour at 10,000), then through
the ORM, for each of them, a review of a closed cycle (rated, with a manager summary, a text
answer and a chatter message), a goal with a check-in, a feedback and a performance issue,
and archives them with a departure four years ago. It prints what each default rule will
erase and times the preview an administrator opens (every rule: counts and the first records
listed). Then it runs the cron *Performance: apply retention rules* as the scheduler does
(``ir.cron.method_direct_trigger``: a fresh cursor, batches committed through
``_commit_progress``, the job called again while its time allows), again while records are
left as the scheduler would, and prints the time and queries of each run, per batch, the rows
touched a second (inserted, updated and deleted, from PostgreSQL's statistics), the records
left (0) and the rating distribution of the cycle before and after (equal). A second run, with
nothing left, prints its time too: the job is idempotent. ``--measure`` skips the generation
and erases what an earlier generation left.
"""

import sys
import time
from datetime import date

from dateutil.relativedelta import relativedelta

import odoo
from odoo import SUPERUSER_ID, api, sql_db
from odoo.fields import Command
from odoo.modules.registry import Registry
from odoo.tools import SQL

QUIET = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "no_reset_password": True,
    "salary_simulation": True,
}
CHUNK = 1000


def generate(env, n):
    env = env(context=dict(env.context, **QUIET))
    today = date.today()
    department = env["hr.department"].create({"name": "Retention bench"})
    scale = env["performance.rating.scale"].create(
        {
            "name": "Retention bench scale",
            "level_ids": [Command.create({"name": str(v), "value": v}) for v in range(1, 6)],
        }
    )
    levels = scale.level_ids.sorted("value")
    template = env["performance.review.template"].create(
        {
            "name": "Retention bench template",
            "scale_id": scale.id,
            "line_ids": [
                Command.create({"name": "Delivery", "question_type": "rating"}),
                Command.create({"name": "Highlights", "question_type": "text"}),
            ],
        }
    )
    start = today - relativedelta(years=5)
    cycle = env["performance.cycle"].create(
        {
            "name": "Retention bench cycle",
            "template_id": template.id,
            "date_start": start,
            "date_end": start + relativedelta(months=11),
            "date_self_deadline": start + relativedelta(months=10),
            "date_manager_deadline": start + relativedelta(months=10, days=10),
            "date_release": start + relativedelta(months=10, days=20),
        }
    )
    env.flush_all()
    # the employees in SQL (the ORM draws an avatar per employee: a quarter of an hour at
    # 10,000), active while their records are made, as the fairness benchmark does
    env.cr.execute(
        SQL(
            """
            CREATE TEMP TABLE retention_people ON COMMIT DROP AS
            SELECT g AS n, NULL::int AS resource_id, NULL::int AS employee_id
              FROM generate_series(0, %(last)s) g;
            WITH new AS (
                INSERT INTO resource_resource
                       (name, resource_type, tz, time_efficiency, company_id, calendar_id,
                        active, create_date, write_date, create_uid, write_uid)
                SELECT 'Leaver ' || lpad(p.n::text, 5, '0'), 'user', 'UTC', 100,
                       %(company)s, %(calendar)s, TRUE, now(), now(), %(uid)s, %(uid)s
                  FROM retention_people p ORDER BY p.n
             RETURNING id, name)
            UPDATE retention_people p SET resource_id = new.id
              FROM new WHERE new.name = 'Leaver ' || lpad(p.n::text, 5, '0');
            WITH new AS (
                INSERT INTO hr_employee
                       (resource_id, company_id, name, active, create_date, write_date,
                        create_uid, write_uid)
                SELECT p.resource_id, %(company)s, 'Leaver ' || lpad(p.n::text, 5, '0'),
                       TRUE, now(), now(), %(uid)s, %(uid)s
                  FROM retention_people p
             RETURNING id, resource_id)
            UPDATE retention_people p SET employee_id = new.id
              FROM new WHERE new.resource_id = p.resource_id;
            INSERT INTO hr_version
                   (employee_id, company_id, name, active, date_version, last_modified_uid,
                    last_modified_date, hr_responsible_id, distance_home_work_unit, marital,
                    employee_type, department_id, resource_calendar_id, create_date,
                    write_date, create_uid, write_uid)
            SELECT p.employee_id, %(company)s, 'Bench', TRUE, DATE '2015-01-01', %(uid)s,
                   now(), %(uid)s, 'kilometers', 'single', 'employee', %(department)s,
                   %(calendar)s, now(), now(), %(uid)s, %(uid)s
              FROM retention_people p;
            UPDATE hr_employee e SET current_version_id = v.id
              FROM hr_version v, retention_people p
             WHERE v.employee_id = e.id AND p.employee_id = e.id;
            """,
            last=n - 1,
            company=env.company.id,
            calendar=env.company.resource_calendar_id.id,
            department=department.id,
            uid=env.uid,
        )
    )
    env.cr.execute("SELECT employee_id FROM retention_people ORDER BY n")
    all_ids = [row[0] for row in env.cr.fetchall()]
    env.cr.commit()
    print(f"generated {n} employees (SQL)", flush=True)
    for offset in range(0, n, CHUNK):
        employees = env["hr.employee"].browse(all_ids[offset : offset + CHUNK])
        reviews = env["performance.review"].create(
            [
                {
                    "employee_id": employee.id,
                    "cycle_id": cycle.id,
                    "template_id": template.id,
                    "date_start": cycle.date_start,
                    "date_end": cycle.date_end,
                    "final_rating_id": levels[(offset + i) % 5].id,
                    "manager_summary": f"Summary of {employee.name}",
                }
                for i, employee in enumerate(employees)
            ]
        )
        reviews.line_ids.filtered(lambda line: line.kind == "text").write({"answer": "Secret"})
        reviews._message_log_batch(bodies=dict.fromkeys(reviews.ids, "<p>Secret note</p>"))
        goals = env["performance.goal"].create(
            [
                {"name": f"Goal of {e.name}", "employee_id": e.id, "state": "active"}
                for e in employees
            ]
        )
        env["performance.goal.checkin"].create(
            [{"goal_id": goal.id, "note": "<p>Secret</p>"} for goal in goals]
        )
        env["performance.feedback"].create(
            [
                {"employee_id": e.id, "message": "<p>Secret</p>", "visibility": "shared"}
                for e in employees
            ]
        )
        env["performance.issue"].create(
            [
                {
                    "employee_id": e.id,
                    "company_id": env.company.id,
                    "rule": "low_rating",
                    "reason": "Secret",
                }
                for e in employees
            ]
        )
        env.cr.commit()
        print(f"generated the records of {offset + len(employees)} employees", flush=True)
    # they left four years ago: archived, with a departure date (in SQL as well: archiving
    # through the ORM runs the host's departure flow, its activities and plans, per person)
    env.flush_all()
    env.cr.execute(
        SQL(
            """
            UPDATE hr_employee SET active = FALSE WHERE id = ANY(%(ids)s);
            UPDATE hr_version SET departure_date = %(departure)s WHERE employee_id = ANY(%(ids)s);
            UPDATE resource_resource r SET active = FALSE
              FROM hr_employee e WHERE e.resource_id = r.id AND e.id = ANY(%(ids)s);
            """,
            ids=all_ids,
            departure=today - relativedelta(years=4),
        )
    )
    env.invalidate_all()
    # sudo cycle close: the cycle of the reviews, closed long ago
    cycle.write({"state": "closed"})
    env.cr.commit()
    return cycle


def distribution(env, cycle):
    groups = (
        env["performance.review.assessment"]
        .with_context(active_test=False)
        ._read_group([("cycle_id", "=", cycle.id)], ["final_rating_id"], ["__count"])
    )
    return sorted((rating.value, count) for rating, count in groups)


def pending(env):
    """Records each rule's next run would erase, by rule."""
    return {
        rule.name: rule._get_model().search_count(rule._get_domain())
        for rule in env["performance.retention.rule"].search([])
    }


def rows_touched(registry):
    """Rows inserted, updated and deleted so far in the user tables (PostgreSQL's statistics,
    which an idle backend may keep for seconds, and reports when it exits: the pool's
    connections are closed first)."""
    sql_db.close_db(registry.db_name)
    time.sleep(1)
    with registry.cursor() as cr:
        cr.execute("SELECT pg_stat_clear_snapshot()")
        cr.execute(
            "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables"
        )
        return int(cr.fetchone()[0])


def preview(registry):
    """The preview an administrator opens (every rule): its time and queries, rolled back."""
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        env["performance.retention.rule"].search([]).mapped("name")
        queries = sql_db.sql_counter
        started = time.perf_counter()
        action = env["performance.retention.preview"]._open()
        env.flush_all()
        elapsed = time.perf_counter() - started
        queries = sql_db.sql_counter - queries
        shown = len(env["performance.retention.preview"].browse(action["res_id"]).line_ids)
        cr.rollback()
    return elapsed, queries, shown


def run_cron(registry, batch_size):
    """One run of the cron as the scheduler makes it: time, queries, the cron's status."""
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        cron = env.ref("performance_management.ir_cron_retention")
        cron.code = f"model._cron_apply(batch_size={batch_size})"
        cr.execute("SELECT coalesce(max(id), 0) FROM ir_cron_progress")
        last_progress = cr.fetchone()[0]
        cr.commit()
        queries = sql_db.sql_counter
        started = time.perf_counter()
        cron.method_direct_trigger()
        elapsed = time.perf_counter() - started
        queries = sql_db.sql_counter - queries
        cr.commit()  # a new snapshot: the job committed in a cursor of its own
        # each call of the job in this run has its progress row: what it erased, what it left
        cr.execute(
            "SELECT coalesce(sum(done), 0), count(*) FROM ir_cron_progress"
            " WHERE cron_id = %s AND id > %s",
            [cron.id, last_progress],
        )
        done, calls = cr.fetchone()
        cr.execute(
            "SELECT remaining FROM ir_cron_progress WHERE cron_id = %s AND id > %s"
            " ORDER BY id DESC LIMIT 1",
            [cron.id, last_progress],
        )
        remaining = (cr.fetchone() or (0,))[0]
        return elapsed, queries, done, remaining, calls


def main():
    db, n, addons_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    args = [arg for arg in sys.argv[4:] if not arg.startswith("--")]
    batch_size = int(args[0]) if args else 500
    odoo.tools.config.parse_config(["--addons-path", addons_path, "-d", db])
    registry = Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        if "--measure" in sys.argv:
            cycle = env["performance.cycle"].search([("name", "=", "Retention bench cycle")])
        else:
            started = time.perf_counter()
            cycle = generate(env, n)
            print(f"generation: {time.perf_counter() - started:.1f} s")
        leavers = (
            env["hr.employee"]
            .with_context(active_test=False)
            .search_count([("name", "=like", "Leaver %")])
        )
        print(f"departed employees: {leavers}")
        before = distribution(env, cycle)
        todo = pending(env)
    for name, count in todo.items():
        if count:
            print(f"  {name}: {count} to erase")
    total = sum(todo.values())
    batches = sum(-(-count // batch_size) for count in todo.values())
    print(f"records to erase: {total}, in {batches} batches of at most {batch_size}")
    elapsed, queries, shown = preview(registry)
    print(f"preview of every rule: {elapsed:.2f} s, {queries} queries, {shown} lines listed")
    rows = rows_touched(registry)
    runs = []
    while True:
        runs.append(run_cron(registry, batch_size))
        elapsed, queries, done, remaining, calls = runs[-1]
        print(
            f"cron run {len(runs)}: {elapsed:.1f} s, {queries} queries, {calls} calls of the "
            f"job, {done} erased, {remaining} left",
            flush=True,
        )
        if not remaining or len(runs) > 50:
            break
    rows = rows_touched(registry) - rows
    seconds = sum(run[0] for run in runs)
    queries = sum(run[1] for run in runs)
    print(
        f"retention at {leavers} departed employees (batch {batch_size}): {len(runs)} cron "
        f"runs, {seconds:.1f} s, {queries} queries ({queries / max(batches, 1):.0f} a batch, "
        f"{seconds / max(batches, 1):.2f} s a batch)"
    )
    print(
        f"rows touched: {rows} ({rows / seconds:.0f} a second); records erased "
        f"{total / seconds:.0f} a second"
    )
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        print(f"records left: {sum(pending(env).values())}")
        after = distribution(env, cycle)
        print(f"rating distribution before {before}")
        print(f"rating distribution after  {after}  equal: {before == after}")
    elapsed, queries, _done, _remaining, _calls = run_cron(registry, batch_size)
    print(f"second run (nothing left): {elapsed:.2f} s, {queries} queries")


if __name__ == "__main__":
    main()
