#!/usr/bin/env python3
"""What the manager-chain record rules cost the reads that matter, at N employees.

    python3 benchmarks/rules.py generate pm_chain_bench 10000 ADDONS_PATH
    python3 benchmarks/rules.py measure pm_chain_bench 10000 ADDONS_PATH [closure|child_of|live]

``generate`` fills a database where the addon is installed (no demo data) with N employees
in a manager tree (8 direct reports each, as ``steps.py``), and one review, one goal, one
feedback and one 1:1 per employee; users for four people: the top of the tree (everyone
below), a director (employee 1: an eighth of the company), a middle manager (employee 73:
73 people in three levels) and a plain employee (the last leaf).

``measure`` runs, as each of them, the reads of their screens: ``search`` (80 rows) and
``web_search_read`` (the list view's fields, 80 rows, with the count) on reviews, goals,
feedback and 1:1s, and the employee overview (``get_performance_overview`` of a direct
report, of himself for the plain employee). Median of 15 runs after two warm-ups, caches
of records emptied before each run (the rules' cache stays warm, as in a server worker).
``child_of`` first rewrites, in the measuring transaction only (rolled back), every rule
that reads a ``performance_chain_ids`` field into Odoo's ``child_of`` on the same field;
``live`` makes that field's search a recursive query on ``hr_employee.parent_id`` instead
of the closure table, on code that still has that table (``closure``, the default, measures
the rules as installed; on code without the table both read ``parent_id`` live).
"""

import json
import re
import statistics
import sys
import time
from datetime import date, timedelta

import odoo
from odoo import SUPERUSER_ID, api
from odoo.fields import Command
from odoo.modules.registry import Registry

FANOUT = 8
PEOPLE = {"top": 0, "director": 1, "middle": 73, "plain": -1}
MODELS = (
    ("reviews", "performance.review"),
    ("goals", "performance.goal"),
    ("feedback", "performance.feedback"),
    ("1:1s", "performance.coaching.log"),
)
QUIET = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "no_reset_password": True,
    "salary_simulation": True,  # no generated avatar nor onboarding note per employee
}
RUNS, WARMUP = 15, 2


def person_index(n, role):
    index = PEOPLE[role]
    return index if index >= 0 else n + index


def generate(env, n):
    env = env(context=dict(env.context, **QUIET))
    today = date.today()
    ids = [0] * n
    first, size = 0, 1
    while first < n:
        level = range(first, min(n, first + size))
        employees = env["hr.employee"].create(
            [
                {
                    "name": f"Chain Employee {i}",
                    "parent_id": ids[(i - 1) // FANOUT] if i else False,
                }
                for i in level
            ]
        )
        for i, employee_id in zip(level, employees.ids, strict=True):
            ids[i] = employee_id
        first, size = first + size, size * FANOUT
    env.cr.commit()
    print(f"{time.strftime('%H:%M:%S')} employees", file=sys.stderr)
    group_user = env.ref("base.group_user")
    for role in PEOPLE:
        index = person_index(n, role)
        user = env["res.users"].create(
            {
                "name": f"Chain {role}",
                "login": f"chain_{role}",
                "group_ids": [Command.set(group_user.ids)],
            }
        )
        env["hr.employee"].browse(ids[index]).user_id = user
    scale = env["performance.rating.scale"].create(
        {
            "name": "Chain Scale",
            "level_ids": [Command.create({"value": v, "name": f"L{v}"}) for v in range(1, 6)],
        }
    )
    template = env["performance.review.template"].create(
        {
            "name": "Chain Template",
            "scale_id": scale.id,
            "line_ids": [Command.create({"name": "Delivery"})],
        }
    )
    start, end = date(today.year, 1, 1), date(today.year, 12, 31)
    for chunk in range(0, n, 1000):
        part = ids[chunk : chunk + 1000]
        env["performance.review"].create(
            [
                {
                    "employee_id": employee_id,
                    "template_id": template.id,
                    "date_start": start,
                    "date_end": end,
                }
                for employee_id in part
            ]
        )
        env["performance.goal"].create(
            [
                {
                    "name": f"Chain Goal {employee_id}",
                    "employee_id": employee_id,
                    "date_start": start,
                    "date_deadline": end,
                }
                for employee_id in part
            ]
        )
        # the top manager hears from his first report (nobody gives feedback to himself)
        parents = [
            parent or ids[1]
            for parent in env["hr.employee"].browse(part).mapped(lambda e: e.parent_id.id)
        ]
        env["performance.feedback"].create(
            [
                {
                    "employee_id": employee_id,
                    "author_id": author_id,
                    "message": "<p>Well done</p>",
                }
                for employee_id, author_id in zip(part, parents, strict=True)
            ]
        )
        env["performance.coaching.log"].create(
            [
                {
                    "employee_id": employee_id,
                    "coach_id": coach_id,
                    "date_start": today + timedelta(days=7),
                }
                for employee_id, coach_id in zip(part, parents, strict=True)
            ]
        )
        env.flush_all()
        env.invalidate_all()
        env.cr.commit()
        print(f"{time.strftime('%H:%M:%S')} records of {chunk + len(part)}", file=sys.stderr)
    env.cr.execute("ANALYZE")
    env.cr.commit()


def list_specification(env, model):
    view = env[model].get_view(view_type="list")
    fields = set(re.findall(r'<field name="([a-z_0-9]+)"', view["arch"]))
    Model = env[model]
    spec = {}
    for name in sorted(fields & set(Model._fields)):
        field = Model._fields[name]
        if field.type in ("many2one", "one2many", "many2many"):
            spec[name] = {"fields": {"display_name": {}}}
        else:
            spec[name] = {}
    return spec


def to_child_of(env):
    """Every rule reading X.performance_chain_ids in ids, rewritten as X child_of ids."""
    pattern = re.compile(r"\('([a-z_.]+?)\.performance_chain_ids', 'in',")
    rules = env["ir.rule"].search([("domain_force", "like", "performance_chain_ids")])
    for rule in rules:
        rule.domain_force = pattern.sub(r"('\1', 'child_of',", rule.domain_force)
    left = env["ir.rule"].search_count([("domain_force", "like", "performance_chain_ids")])
    assert not left, left
    return len(rules)


class Counter:
    def __init__(self, cr):
        self.cr, self.count = cr, 0
        self.execute = cr.execute

    def __enter__(self):
        def counting(query, params=None, log_exceptions=True):
            self.count += 1
            return self.execute(query, params, log_exceptions)

        self.cr.execute = counting
        return self

    def __exit__(self, *exc):
        self.cr.execute = self.execute


def timed(env, function):
    for _ in range(WARMUP):
        env.invalidate_all()
        function()
    times, queries = [], 0
    for _ in range(RUNS):
        env.invalidate_all()
        with Counter(env.cr) as counter:
            began = time.perf_counter()
            function()
            times.append((time.perf_counter() - began) * 1000)
        queries = counter.count
    return round(statistics.median(times), 1), queries


LIVE_SQL = """
    WITH RECURSIVE below(id) AS (
        SELECT id FROM hr_employee WHERE id = ANY(%s)
        UNION
        SELECT employee.id FROM hr_employee employee JOIN below ON employee.parent_id = below.id
    )
    SELECT id FROM below
"""


def use_live_query(env):
    """The chain's subquery read from hr_employee.parent_id itself (a recursive CTE)."""
    from odoo.tools import SQL

    Chain = type(env["performance.employee.chain"])

    def _subordinates_query(self, manager_ids, strict=False):
        assert not strict
        return SQL(LIVE_SQL, list(manager_ids))

    Chain._subordinates_query = _subordinates_query


def measure(env, n, mode):
    rows = []
    if mode == "child_of":
        rows.append({"rules rewritten": to_child_of(env)})
        env.flush_all()
    elif mode == "live" and "performance.employee.chain" in env:
        use_live_query(env)  # on code that still has the closure table
    specs = {model: list_specification(env, model) for _label, model in MODELS}
    employees = env["hr.employee"].with_context(active_test=False)
    for role in PEOPLE:
        user = env["res.users"].search([("login", "=", f"chain_{role}")])
        employee = employees.search([("user_id", "=", user.id)])
        uenv = env(user=user.id, context={"lang": "en_US", "tz": "UTC"})
        for label, model in MODELS:
            Model = uenv[model]
            ms, queries = timed(uenv, lambda M=Model: M.search([], limit=80).ids)
            found = len(Model.search([], limit=80))
            rows.append(
                {"role": role, "read": f"search {label}", "ms": ms, "q": queries, "rows": found}
            )
            spec = specs[model]
            ms, queries = timed(
                uenv,
                lambda M=Model, s=spec: M.web_search_read([], s, limit=80, count_limit=10001),
            )
            total = Model.web_search_read([], {}, limit=1, count_limit=10001)["length"]
            rows.append(
                {
                    "role": role,
                    "read": f"web_search_read {label}",
                    "ms": ms,
                    "q": queries,
                    "rows": total,
                }
            )
        subject = employees.search([("parent_id", "=", employee.id)], limit=1) or employee
        public = uenv["hr.employee.public"].browse(subject.id)
        ms, queries = timed(uenv, lambda p=public: p.get_performance_overview())
        rows.append({"role": role, "read": "employee overview", "ms": ms, "q": queries})
    env.cr.rollback()
    return rows


def main():
    name, db, n, addons = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    odoo.tools.config.parse_config(
        [f"--addons-path={addons}", "--log-level=warn", "--no-http", f"--database={db}"]
    )
    registry = Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        if name == "generate":
            generate(env, n)
        else:
            mode = sys.argv[5] if len(sys.argv) > 5 else "closure"
            for row in measure(env, n, mode):
                print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
