"""Manager scorecards at scale: the time to list them over N employees (target < 1 s).

    python3 benchmarks/scorecard.py DB ADDONS_PATH [N] [--explain] [--keep]   # N = 10000

DB is a database with performance_management installed (no demo data needed). Inside one
transaction, rolled back at the end, it writes in SQL: N employees in a tree of eight reports
per manager; for each employee six fortnightly 1:1s with his manager over the last 84 days
(one cancelled, the last one planned, in a biweekly series), two talking points per 1:1
(carried over from the third on), an action item per 1:1 (a third of them open and
overdue), and one feedback from the manager. Then it times the scorecard list as an
officer (every manager), as the top manager (his whole chain), and as a manager at the
bottom (his own row), and one form read. Not a test: it prints figures.
"""

import sys
import time

import odoo
from odoo import SUPERUSER_ID, api
from odoo.fields import Command
from odoo.modules.registry import Registry
from odoo.tools import SQL

PREFIX = "Scorecard Bench "
LIST_FIELDS = [
    "display_name",
    "department_id",
    "report_count",
    "score",
    "one_on_one_rate",
    "one_on_one_missed",
    "stale_topic_count",
    "overdue_action_count",
    "feedback_count",
    "kudos_count",
    "review_on_time_rate",
    "checkin_rate",
    "team_enps",
]


def timed(label, function):
    start = time.perf_counter()
    value = function()
    print(f"{label:<60} {time.perf_counter() - start:8.3f} s", flush=True)
    return value


def generate(env, n):
    cr = env.cr
    department = env["hr.department"].create({"name": f"{PREFIX}Department"})
    env.flush_all()
    cr.execute(
        SQL(
            """
            CREATE TEMP TABLE bench_people ON COMMIT DROP AS
            SELECT g AS n, NULL::int AS resource_id, NULL::int AS employee_id
              FROM generate_series(0, %(n)s - 1) g;
            WITH new AS (
                INSERT INTO resource_resource
                       (name, resource_type, tz, time_efficiency, company_id, active,
                        create_date, write_date, create_uid, write_uid)
                SELECT %(prefix)s || p.n, 'user', 'UTC', 100, %(company)s, TRUE,
                       now(), now(), %(uid)s, %(uid)s
                  FROM bench_people p ORDER BY p.n
             RETURNING id, name)
            UPDATE bench_people p SET resource_id = new.id
              FROM new WHERE new.name = %(prefix)s || p.n;
            WITH new AS (
                INSERT INTO hr_employee
                       (resource_id, company_id, name, active, create_date, write_date,
                        create_uid, write_uid)
                SELECT p.resource_id, %(company)s, %(prefix)s || p.n, TRUE, now(), now(),
                       %(uid)s, %(uid)s
                  FROM bench_people p
             RETURNING id, resource_id)
            UPDATE bench_people p SET employee_id = new.id
              FROM new WHERE new.resource_id = p.resource_id;
            CREATE INDEX ON bench_people (n);
            INSERT INTO hr_version
                   (employee_id, company_id, name, active, date_version, last_modified_uid,
                    last_modified_date, hr_responsible_id, distance_home_work_unit, marital,
                    employee_type, department_id, create_date, write_date, create_uid,
                    write_uid)
            SELECT p.employee_id, %(company)s, 'Bench', TRUE, DATE '2020-01-01', %(uid)s,
                   now(), %(uid)s, 'kilometers', 'single', 'employee', %(department)s,
                   now(), now(), %(uid)s, %(uid)s
              FROM bench_people p;
            UPDATE hr_employee e SET current_version_id = v.id
              FROM hr_version v, bench_people p
             WHERE v.employee_id = e.id AND p.employee_id = e.id;
            -- eight reports per manager: n reports to n / 8
            UPDATE hr_employee e SET parent_id = boss.employee_id
              FROM bench_people p, bench_people boss
             WHERE p.employee_id = e.id AND p.n > 0 AND boss.n = p.n / 8;
            INSERT INTO performance_coaching_log
                   (name, company_id, employee_id, coach_id, kind, state, cadence, duration,
                    date_start, create_date, write_date, create_uid, write_uid)
            SELECT '1:1', %(company)s, e.id, e.parent_id, 'one_on_one',
                   CASE k WHEN 0 THEN 'planned' WHEN 3 THEN 'cancelled' ELSE 'done' END,
                   CASE k WHEN 0 THEN 'biweekly' ELSE 'none' END, 0.5,
                   now() - make_interval(days => 14 * k - 3), now(), now(), %(uid)s, %(uid)s
              FROM hr_employee e JOIN bench_people p ON p.employee_id = e.id,
                   generate_series(0, 5) k
             WHERE e.parent_id IS NOT NULL;
            UPDATE performance_coaching_log l SET previous_id = prev.id
              FROM (SELECT id, LAG(id) OVER (PARTITION BY employee_id ORDER BY date_start)
                           AS prev_id
                      FROM performance_coaching_log WHERE name = '1:1') chain
              JOIN performance_coaching_log prev ON prev.id = chain.prev_id
             WHERE l.id = chain.id;
            INSERT INTO performance_coaching_talking_point
                   (log_id, company_id, sequence, name, carried_over, resolved, create_date,
                    write_date, create_uid, write_uid)
            SELECT l.id, l.company_id, 10, 'Topic ' || t, l.previous_id IS NOT NULL, FALSE,
                   now(), now(), %(uid)s, %(uid)s
              FROM performance_coaching_log l, generate_series(1, 2) t
             WHERE l.name = '1:1';
            INSERT INTO performance_coaching_action_item
                   (log_id, company_id, name, owner_id, date_deadline, done, create_date,
                    write_date, create_uid, write_uid)
            SELECT l.id, l.company_id, 'Follow up', %(uid)s, l.date_start::date + 7,
                   l.id %% 3 <> 0, now(), now(), %(uid)s, %(uid)s
              FROM performance_coaching_log l WHERE l.name = '1:1';
            INSERT INTO performance_feedback
                   (name, company_id, employee_id, author_id, feedback_type, visibility, state,
                    date, create_date, write_date, create_uid, write_uid)
            SELECT 'Feedback', %(company)s, e.id, e.parent_id, 'praise', 'shared', 'done',
                   CURRENT_DATE - (e.id %% 60), now(), now(), %(uid)s, %(uid)s
              FROM hr_employee e JOIN bench_people p ON p.employee_id = e.id
             WHERE e.parent_id IS NOT NULL;
            ANALYZE hr_employee; ANALYZE hr_version; ANALYZE performance_coaching_log;
            ANALYZE performance_coaching_talking_point; ANALYZE performance_coaching_action_item;
            ANALYZE performance_feedback;
            """,
            n=n,
            prefix=PREFIX,
            company=env.company.id,
            department=department.id,
            uid=env.uid,
        )
    )
    cr.execute(
        SQL(
            "SELECT employee_id FROM bench_people WHERE n IN (0, %s) ORDER BY n",
            (n - 1) // 8,
        )
    )
    top, bottom = (row[0] for row in cr.fetchall())
    env.invalidate_all()
    return env["hr.employee"].browse(top), env["hr.employee"].browse(bottom)


def measure(env, top, bottom):
    def user(login, employee, groups=()):
        new = env["res.users"].create(
            {
                "name": f"{PREFIX}{login}",
                "login": f"scorecard_bench_{login}",
                "group_ids": [Command.link(env.ref(group).id) for group in groups],
            }
        )
        if employee:
            employee.user_id = new
        return new

    officer = user("officer", None, ["performance_management.group_performance_officer"])
    users = [
        ("officer: every manager, first 80", officer),
        ("top manager: his whole chain, first 80", user("top", top, ["base.group_user"])),
        ("bottom manager: his own row", user("bottom", bottom, ["base.group_user"])),
    ]
    env.flush_all()
    Scorecard = env["performance.manager.scorecard"]
    print(f"{Scorecard.search_count([])} scorecards in all")
    for label, reader in users:
        env.invalidate_all()
        rows = timed(
            f"list, {label}",
            lambda reader=reader: Scorecard.with_user(reader).search_read(
                [], LIST_FIELDS, limit=80
            ),
        )
        print(f"    {len(rows)} rows")
    env.invalidate_all()
    card = Scorecard.with_user(users[2][1]).search([], limit=1)
    timed("form: one scorecard with its hints", lambda: card.read(LIST_FIELDS + ["next_steps"]))


def main():
    db, addons_path = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3].isdigit() else 10000
    odoo.tools.config.parse_config(
        [f"--addons-path={addons_path}", "--log-level=warn", "--no-http", f"--database={db}"]
    )
    registry = Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        start = time.perf_counter()
        top, bottom = generate(env, n)
        print(f"generated {n} employees and their 1:1s in {time.perf_counter() - start:.1f} s")
        if "--keep" in sys.argv:  # keep the data (a throw-away database) and measure nothing
            cr.commit()
            return
        try:
            if "--explain" in sys.argv:  # the plan of the whole view, nothing timed
                cr.execute("EXPLAIN ANALYZE SELECT * FROM performance_manager_scorecard")
                print("\n".join(row[0] for row in cr.fetchall()))
                return
            measure(env, top, bottom)
        finally:
            cr.rollback()


if __name__ == "__main__":
    main()
