#!/usr/bin/env python3
"""What the retention job costs at N departed employees.

    python3 benchmarks/retention.py DB N ADDONS_PATH [BATCH_SIZE] [--measure]

On a database where the addon is installed (no demo data), it creates N employees who left
four years ago, each with a review of a closed cycle (rated, with a manager summary, a text
answer and a chatter message), a goal with a check-in, a feedback and a performance issue,
and commits them. Then it runs the cron *Performance: apply retention rules* as the scheduler
does (``ir.cron.method_direct_trigger``: a fresh cursor, batches committed through
``_commit_progress``, the job called again while something remains) and prints the run time,
the records left to erase (0) and the rating distribution of the cycle before and after
(equal). A second run, with nothing left, prints its time too: the job is idempotent.
``--measure`` skips the generation and erases what an earlier generation left (the
generation is the slow part: Odoo creates an employee in about a tenth of a second).
"""

import sys
import time
from datetime import date

from dateutil.relativedelta import relativedelta

import odoo
from odoo import SUPERUSER_ID, api
from odoo.fields import Command
from odoo.modules.registry import Registry

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
    for offset in range(0, n, CHUNK):
        size = min(CHUNK, n - offset)
        employees = env["hr.employee"].create(
            [
                {
                    "name": f"Leaver {offset + i:05d}",
                    "department_id": department.id,
                    "company_id": env.company.id,
                }
                for i in range(size)
            ]
        )
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
        employees.write({"active": False})
        employees.write({"departure_date": today - relativedelta(years=4)})
        env.cr.commit()
        print(f"generated {offset + size} employees", flush=True)
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
    return sum(
        rule._get_model().search_count(rule._get_domain())
        for rule in env["performance.retention.rule"].search([])
    )


def run_cron(registry, batch_size):
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        cron = env.ref("performance_management.ir_cron_retention")
        cron.code = f"model._cron_apply(batch_size={batch_size})"
        cr.commit()
        started = time.perf_counter()
        cron.method_direct_trigger()
        return time.perf_counter() - started


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
    print(f"records to erase: {todo}")
    elapsed = run_cron(registry, batch_size)
    print(f"retention run at {leavers} departed employees (batch {batch_size}): {elapsed:.1f} s")
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        print(f"records left: {pending(env)}")
        after = distribution(env, cycle)
        print(f"rating distribution before {before}")
        print(f"rating distribution after  {after}  equal: {before == after}")
    elapsed = run_cron(registry, batch_size)
    print(f"second run (nothing left): {elapsed:.2f} s")


if __name__ == "__main__":
    main()
