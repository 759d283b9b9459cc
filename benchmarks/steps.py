"""The steps of the scale benchmark that run inside Odoo, each in a fresh process.

``run.py`` starts ``python3 benchmarks/steps.py STEP DB N`` for every step, so that the
peak memory reported for a step is the peak of the process that ran it, and reads back the
JSON line the step prints. Nothing here is a test: it only measures.
"""

import json
import random
import resource
import sys
import time
from contextlib import contextmanager
from datetime import date, timedelta

import odoo
from odoo import SUPERUSER_ID, api, sql_db
from odoo.fields import Command, Domain
from odoo.modules.registry import Registry
from odoo.tools import SQL

FANOUT = 8  # direct reports per manager: employee i reports to (i - 1) // FANOUT
USER_SHARE = 0.2  # share of employees with an internal user (all managers have one)
PASSWORD = "bench-password"
QUIET = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "no_reset_password": True,
}
# Odoo creates employees one avatar at a time (about 0.1 s each here): the reference is
# measured on at most this many, its throughput (rows per second) does not depend on N.
REFERENCE_CAP = 1000
LOAD_MANAGERS = 6  # the load benchmark's simulated people
LOAD_EMPLOYEES = 8
STEPS = {}


def step(name):
    def register(function):
        STEPS[name] = function
        return function

    return register


def peak_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def inserted_rows(cr):
    """Rows inserted by the current transaction, in every table."""
    cr.execute("SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_xact_user_tables")
    return int(cr.fetchone()[0])


@contextmanager
def measure(results, operation, **extra):
    """Time a block and count its queries (every cursor of this process)."""
    row = {"operation": operation, **extra}
    queries = sql_db.sql_counter
    start = time.perf_counter()
    yield row
    row["seconds"] = time.perf_counter() - start
    row["queries"] = sql_db.sql_counter - queries
    row["peak_mib"] = peak_mib()
    results.append(row)


def list_specification(env, model, view_type="list"):
    """The web client's specification for a list view: every field the view shows."""
    views = env[model].get_views([(False, view_type)])
    fields_info = views["models"][model]["fields"]
    spec = {}
    for name, info in fields_info.items():
        if info["type"] in ("many2one", "many2many", "one2many"):
            spec[name] = {"fields": {"display_name": {}}}
        else:
            spec[name] = {}
    return spec


def bench_records(env):
    """The people and records the generator made, found by their fixed names."""
    Users = env["res.users"].with_context(active_test=False)
    return {
        "officer": Users.search([("login", "=", "bench_officer")]),
        "manager_user": Users.search([("login", "=", "bench1")]),
        "portal_user": Users.search([("login", "=", "bench_portal")]),
        "template": env["performance.review.template"].search(
            [("name", "=", "Bench Template")], limit=1
        ),
        "history": env["performance.cycle"].search([("name", "=", "Bench History")], limit=1),
    }


# Data ------------------------------------------------------------------------------------


@step("generate")
def generate(env, n, results):
    """N employees in a manager tree, departments, users, goals, check-ins and a past cycle."""
    env = env(context=dict(env.context, **QUIET))
    today = date.today()
    rng = random.Random(42)
    company = env.company
    managers = [i for i in range(n) if FANOUT * i + 1 < n]
    leaves = [i for i in range(n - 1) if FANOUT * i + 1 >= n]
    with_user = set(managers) | set(leaves[: max(int(n * USER_SHARE) - len(managers), 0)])

    with measure(results, "generate: users", n=n) as row:
        group_user = env.ref("base.group_user")
        group_portal = env.ref("base.group_portal")
        officer_group = env.ref("performance_management.group_performance_officer")
        Users = env["res.users"]
        vals_list = [
            {"name": f"Bench Employee {i}", "login": f"bench{i}", "email": f"bench{i}@example.com"}
            for i in sorted(with_user)
        ]
        users = dict(zip(sorted(with_user), Users.create(vals_list).ids, strict=True))
        Users.create(
            {
                "name": "Bench Officer",
                "login": "bench_officer",
                "password": PASSWORD,
                "group_ids": [Command.set((group_user | officer_group).ids)],
            }
        )
        portal = Users.create(
            {
                "name": f"Bench Employee {n - 1}",
                "login": "bench_portal",
                "password": PASSWORD,
                "group_ids": [Command.set(group_portal.ids)],
            }
        )
        users[n - 1] = portal.id
        Users.browse(users[1]).password = PASSWORD
        env.flush_all()
        row["rows"] = inserted_rows(env.cr)

    with measure(results, "generate: employees", n=n) as row:
        departments = env["hr.department"].create(
            [{"name": f"Bench Department {d}"} for d in range(max(4, n // 100))]
        )
        skill_type = env["hr.skill.type"].create(
            {
                "name": "Bench Skills",
                "skill_ids": [Command.create({"name": f"Bench Skill {s}"}) for s in range(5)],
                "skill_level_ids": [
                    Command.create({"name": name, "level_progress": progress})
                    for name, progress in (("Basic", 0), ("Good", 50), ("Expert", 100))
                ],
            }
        )
        jobs = env["hr.job"].create(
            [
                {
                    "name": f"Bench Job {j}",
                    "job_skill_ids": [
                        Command.create(
                            {
                                "skill_id": skill.id,
                                "skill_type_id": skill_type.id,
                                "skill_level_id": skill_type.skill_level_ids[1].id,
                            }
                        )
                        for skill in skill_type.skill_ids[j : j + 2]
                    ],
                }
                for j in range(5)
            ]
        )
        ids = [0] * n
        first, size = 0, 1
        while first < n:
            level = range(first, min(n, first + size))
            # salary_simulation: no generated avatar nor onboarding note per employee
            # (Odoo loops per record for them); the reference step measures Odoo's own.
            employees = (
                env["hr.employee"]
                .with_context(salary_simulation=True)
                .create(
                    [
                        {
                            "name": f"Bench Employee {i}",
                            "parent_id": ids[(i - 1) // FANOUT] if i else False,
                            "department_id": departments[i % len(departments)].id,
                            "job_id": jobs[i % len(jobs)].id,
                            "work_email": f"bench{i}@example.com",
                            "user_id": users.get(i, False),
                            "contract_date_start": today
                            - timedelta(days=100 if i % 20 == 7 else 700),
                        }
                        for i in level
                    ]
                )
            )
            for i, employee_id in zip(level, employees.ids, strict=True):
                ids[i] = employee_id
            first, size = first + size, size * FANOUT
        env.flush_all()
        row["rows"] = inserted_rows(env.cr)

    with measure(results, "generate: goals", n=n) as row:
        Goal = env["performance.goal"]
        start = today - timedelta(days=200)
        end = date(today.year, 12, 31)
        top = Goal.create(
            {
                "name": "Bench Company Goal",
                "scope": "company",
                "progress_mode": "children",
                "state": "active",
                "date_start": start,
                "date_deadline": end,
            }
        )
        team_goals = Goal.create(
            [
                {
                    "name": f"Bench Team Goal {department.name}",
                    "scope": "department",
                    "department_id": department.id,
                    "parent_id": top.id,
                    "progress_mode": "children",
                    "state": "active",
                    "date_start": start,
                    "date_deadline": end,
                }
                for department in departments
            ]
        )
        by_department = dict(zip(departments.ids, team_goals.ids, strict=True))
        goals = Goal.create(
            [
                {
                    "name": f"Bench Goal {i}",
                    "employee_id": ids[i],
                    "parent_id": by_department[departments[i % len(departments)].id],
                    "state": "active",
                    "date_start": start,
                    # One goal in ten is past its deadline: the issue list has work.
                    "date_deadline": today - timedelta(days=5) if i % 10 == 3 else end,
                    "key_result_ids": [
                        Command.create(
                            {
                                "name": "Deals",
                                "target_value": 100,
                                "current_value": rng.randint(0, 90),
                            }
                        ),
                        Command.create({"name": "Demo", "kind": "milestone", "target_value": 1}),
                    ],
                }
                for i in range(n)
            ]
        )
        # History: one goal in ten checked in two months ago.
        env["performance.goal.checkin"].create(
            [
                {
                    "goal_id": goal.id,
                    "date": today - timedelta(days=60),
                    "confidence": "off_track" if index % 3 == 0 else "on_track",
                }
                for index, goal in enumerate(goals[::10])
            ]
        )
        env.flush_all()
        row["rows"] = inserted_rows(env.cr)

    with measure(results, "generate: past cycle in calibration", n=n) as row:
        scale = env["performance.rating.scale"].create(
            {
                "name": "Bench Scale",
                "level_ids": [
                    Command.create({"value": value, "name": name, "target_percent": target})
                    for value, name, target in (
                        (1, "Needs Improvement", 5),
                        (2, "Partially Meets", 15),
                        (3, "Meets", 50),
                        (4, "Exceeds", 20),
                        (5, "Outstanding", 10),
                    )
                ],
            }
        )
        template = env["performance.review.template"].create(
            {
                "name": "Bench Template",
                "scale_id": scale.id,
                "line_ids": [
                    Command.create({"name": "Results", "display_type": "line_section"}),
                    Command.create({"name": "Delivery", "weight": 2}),
                    Command.create({"name": "Collaboration"}),
                    Command.create({"name": "Highlights", "question_type": "text"}),
                    Command.create({"name": "Leadership", "answered_by": "manager"}),
                ],
            }
        )
        company.write(
            {
                "performance_review_template_id": template.id,
                "performance_probation_review_days": 90,
            }
        )
        last_year = today.year - 1
        history = env["performance.cycle"].create(
            {
                "name": "Bench History",
                "template_id": template.id,
                "date_start": date(last_year, 1, 1),
                "date_end": date(last_year, 12, 31),
                "state": "running",
            }
        )
        employees = env["hr.employee"].browse(ids)
        for chunk in range(0, n, 1000):
            history._launch_batch(employees[chunk : chunk + 1000])
            env.flush_all()
            env.invalidate_all()
        levels = scale.level_ids.sorted("value")
        assessments = env["performance.review.assessment"].search([("cycle_id", "=", history.id)])
        for index, level in enumerate(levels):
            assessments[index::5].write({"final_rating_id": level.id})
        for index, potential in enumerate(("low", "medium", "high")):
            assessments[index::3].write({"potential": potential})
        history.review_ids.write({"state": "calibration"})
        history.state = "calibration"
        # The past invitations are not the benchmark's business: no SMTP here.
        env["mail.mail"].search([]).unlink()
        env.flush_all()
        row["rows"] = inserted_rows(env.cr)
    env.cr.commit()


# References: Odoo's own batch work on the same people --------------------------------------


@step("ref_employees")
def ref_employees(env, n, results):
    """N hr.employee (at most REFERENCE_CAP) created in one create() call, rolled back."""
    size, n = n, min(n, REFERENCE_CAP)
    env = env(context=dict(env.context, tracking_disable=True, mail_create_nolog=True))
    department = env["hr.department"].search([], limit=1)
    env.cr.commit()
    before = inserted_rows(env.cr)
    with measure(results, "reference: hr.employee batch create", n=size, count=n) as row:
        env["hr.employee"].create(
            [
                {
                    "name": f"Reference Employee {i}",
                    "department_id": department.id,
                    "work_email": f"ref{i}@example.com",
                }
                for i in range(n)
            ]
        )
        env.flush_all()
    row["rows"] = inserted_rows(env.cr) - before
    env.cr.rollback()


@step("ref_gamification")
def ref_gamification(env, n, results):
    """A gamification challenge over the users of the N employees, started, rolled back."""
    users = (
        env["hr.employee"]
        .search([("user_id", "!=", False)])
        .user_id.filtered(lambda user: not user.share)
    )
    definition = env["gamification.goal.definition"].create(
        {"name": "Bench Definition", "computation_mode": "manually"}
    )
    challenge = env["gamification.challenge"].create(
        {
            "name": "Bench Challenge",
            "user_ids": [Command.set(users.ids)],
            "period": "once",
            "line_ids": [Command.create({"definition_id": definition.id, "target_goal": 10})],
        }
    )
    env.flush_all()
    before = inserted_rows(env.cr)
    with measure(results, "reference: gamification action_start", n=n, count=len(users)) as row:
        challenge.action_start()
        env.flush_all()
    row["rows"] = inserted_rows(env.cr) - before
    row["users"] = len(users)
    row["goals"] = env["gamification.goal"].search_count([("challenge_id", "=", challenge.id)])
    env.cr.rollback()


# The addon's heavy operations --------------------------------------------------------------


def new_cycle(env, name, template):
    today = date.today()
    return env["performance.cycle"].create(
        {
            "name": name,
            "template_id": template.id,
            "date_start": date(today.year, 1, 1),
            "date_end": date(today.year, 12, 31),
            "date_self_deadline": today + timedelta(days=2),
            "date_peer_deadline": today + timedelta(days=10),
            "date_manager_deadline": today + timedelta(days=20),
            "peer_count": 2,
        }
    )


def run_cron(env, xmlid, done=None, rounds=50):
    """Run a cron job as the cron worker does (its own transactions, _commit_progress)."""
    cron = env.ref(xmlid)
    for _round in range(rounds):
        cron.method_direct_trigger()
        env.cr.commit()  # a new snapshot: see what the job's transactions committed
        env.invalidate_all()
        if done is None or done():
            return
    raise RuntimeError(f"{xmlid} did not finish in {rounds} runs")


@step("launch")
def launch(env, n, results):
    """Launch a cycle for everyone: queued, then done by the cron in batches."""
    records = bench_records(env)
    cycle = new_cycle(env, "Bench Launch", records["template"])
    env.cr.commit()
    with measure(results, "launch cycle (cron, batches)", n=n) as row:
        cycle.with_user(records["officer"]).action_launch()
        env.cr.commit()
        run_cron(
            env,
            "performance_management.ir_cron_performance_cycle_launch",
            done=lambda: cycle.launch_state == "done",
        )
    row["reviews"] = len(cycle.review_ids)
    row["cycle_id"] = cycle.id


@step("crons")
def crons(env, n, results):
    """The reminder and scheduling crons, after the launch."""
    Review = env["performance.review"]
    with measure(results, "cron: review reminders", n=n) as row:
        run_cron(
            env,
            "performance_management.ir_cron_performance_review_reminder",
            done=lambda: not Review.search_count(Review._get_reminder_domain()),
        )
    row["mails"] = env["mail.mail"].search_count([])
    with measure(results, "cron: schedule probation reviews", n=n) as row:
        run_cron(env, "performance_management.ir_cron_performance_review_schedule")
    row["reviews"] = Review.search_count([("review_type", "=", "probation")])
    with measure(results, "cron: goal check-in reminders", n=n) as row:
        run_cron(env, "performance_management.ir_cron_goal_reminders")
    env["mail.mail"].search([]).unlink()
    env.cr.commit()


@step("goals")
def goals(env, n, results):
    """Every key result moves: goal progress is recomputed up the alignment tree."""
    krs = env["performance.key.result"].search([("kind", "=", "number")])
    krs.fetch(["current_value"])
    env.invalidate_all()
    with measure(results, "recompute goal progress", n=n) as row:
        krs.write({"current_value": 55.0})
        env.flush_all()
    row["key_results"] = len(krs)
    env.cr.rollback()


@step("officer_views")
def officer_views(env, n, results):
    """What the officer opens: the cycle evaluation, calibration and performance issues."""
    records = bench_records(env)
    officer_env = env(user=records["officer"].id)
    history = records["history"].with_env(officer_env)
    env.invalidate_all()
    with measure(results, "cycle evaluation", n=n):
        history.read(
            [
                "review_count",
                "self_done_count",
                "manager_done_count",
                "released_count",
                "no_manager_count",
                "distribution_data",
            ]
        )
        if "performance.report" in env:
            Report = officer_env["performance.report"]
            groupby = [name for name in ("department_id", "manager_id") if name in Report._fields]
            if "cycle_id" in Report._fields and groupby:
                Report._read_group([("cycle_id", "=", history.id)], groupby[:1], ["__count"])
    Assessment = officer_env["performance.review.assessment"]
    spec = list_specification(officer_env, Assessment._name)
    env.invalidate_all()
    with measure(results, "calibration view (list, 80 rows)", n=n):
        Assessment.web_search_read([("cycle_id", "=", history.id)], spec, limit=80)
    env.invalidate_all()
    with measure(results, "calibration 9-box (read_group)", n=n):
        Assessment.web_read_group([("cycle_id", "=", history.id)], ["nine_box"], ["__count"])
    env.invalidate_all()
    with measure(results, "performance issues: detect", n=n) as row:
        env["performance.issue"]._compute_issues(env.company)
        env.flush_all()
    row["issues"] = env["performance.issue"].search_count([("state", "=", "open")])
    Issue = officer_env["performance.issue"]
    spec = list_specification(officer_env, Issue._name)
    env.invalidate_all()
    with measure(results, "performance issues: list (80 rows)", n=n):
        Issue.web_search_read([("state", "=", "open")], spec, limit=80)
    env.cr.commit()


@step("prepare_server")
def prepare_server(env, n, results):
    """Only the launch runs on the server's cron worker: nothing else is due."""
    env.cr.execute(
        SQL(
            "UPDATE ir_cron SET nextcall = now() + interval '30 days' WHERE id != %s",
            env.ref("performance_management.ir_cron_performance_cycle_launch").id,
        )
    )
    records = bench_records(env)
    cycle = new_cycle(env, "Bench Server Launch", records["template"])
    results.append({"operation": "prepare", "cycle_id": cycle.id})
    env.cr.commit()


@step("prepare_load")
def prepare_load(env, n, results):
    """People with known passwords for the load benchmark, each with work to do.

    Managers (each with eight reports who have a login): four reviews of their team in the
    manager phase, a planned 1:1 with each report. Employees: one of those reports each, in
    the self-review phase, with their goal. Portal users: employees without a login get a
    portal one. Two draft cycles for everyone (the launch under load, the launch alone). Only
    the launch cron may run by itself; the driver triggers the reminders.
    """
    env = env(context=dict(env.context, **QUIET))
    records = bench_records(env)
    Users = env["res.users"].with_context(active_test=False)
    Employee = env["hr.employee"].with_context(active_test=False)
    env.cr.execute(
        SQL(
            "UPDATE ir_cron SET nextcall = now() + interval '30 days' WHERE id != %s",
            env.ref("performance_management.ir_cron_performance_cycle_launch").id,
        )
    )
    env.cr.execute(SQL("DELETE FROM ir_cron_trigger"))  # nothing left over from earlier runs
    env.company.performance_recognition_quota = 0  # kudos without a monthly cap
    cycle = env["performance.cycle"].search(
        [("state", "=", "running"), ("id", "!=", records["history"].id)], order="id desc", limit=1
    )
    levels = records["template"].scale_id.level_ids.sorted("value").ids
    people = {"officer": ["bench_officer"], "manager": [], "employee": [], "portal": []}
    data = {"levels": levels, "cycle_id": cycle.id, "users": {}}
    first_manager = 200  # employees 1601 to 1648 report to bench200 to bench205; all have users
    for index in range(LOAD_MANAGERS):
        manager = Employee.search([("name", "=", f"Bench Employee {first_manager + index}")])
        reports = Employee.search([("parent_id", "=", manager.id)], order="id")
        reviews = env["performance.review"].search(
            [("cycle_id", "=", cycle.id), ("employee_id", "in", reports.ids)], order="employee_id"
        )
        to_review = reviews[:4]
        to_review.sudo().write({"state": "manager_review"})
        logs = env["performance.coaching.log"].create(
            [{"employee_id": report.id, "coach_id": manager.id} for report in reports]
        )
        people["manager"].append(manager.user_id.login)
        data["users"][manager.user_id.login] = {
            "uid": manager.user_id.id,
            "reviews": [
                {
                    "id": review.id,
                    "lines": [
                        [line.id, line.kind]
                        for line in review.line_ids
                        if line.role == "manager" and line.kind in ("rating", "text")
                    ],
                }
                for review in to_review
            ],
            "logs": logs.ids,
        }
        for report in (reviews - to_review)[:2]:
            if len(people["employee"]) >= LOAD_EMPLOYEES:
                break
            user = report.employee_id.user_id
            goals = env["performance.goal"].search([("employee_id", "=", report.employee_id.id)])
            people["employee"].append(user.login)
            data["users"][user.login] = {
                "uid": user.id,
                "review": report.id,
                "lines": [
                    [line.id, line.kind]
                    for line in report.line_ids
                    if line.role == "employee" and line.kind in ("rating", "text")
                ],
                "goals": goals.ids,
            }
    portal = records["portal_user"]
    portal_employees = Employee.search([("user_id", "=", False)], order="id desc", limit=4)
    for employee in portal_employees:
        employee.user_id = Users.create(
            {
                "name": employee.name,
                "login": f"bench_portal_{employee.id}",
                "group_ids": [Command.set(env.ref("base.group_portal").ids)],
            }
        )
    for user in portal | portal_employees.user_id:
        goals = env["performance.goal"].search([("employee_id", "in", user.employee_ids.ids)])
        people["portal"].append(user.login)
        data["users"][user.login] = {"uid": user.id, "goals": goals.ids}
    data["users"]["bench_officer"] = {"uid": records["officer"].id}
    for login in [login for logins in people.values() for login in logins]:
        Users.search([("login", "=", login)]).password = PASSWORD
    data["people"] = people
    data["history_id"] = records["history"].id
    data["colleague_id"] = Employee.search([("name", "=", "Bench Employee 12")]).id
    data["launch_ids"] = [
        new_cycle(env, name, records["template"]).id for name in ("Load Launch", "Load Alone")
    ]
    env["mail.mail"].search([]).unlink()
    results.append({"operation": "prepare", **data})
    env.cr.commit()


def profiled(env, results, operation, function):
    """Run function under cProfile, counting its queries by table; print the profile."""
    import cProfile
    import pstats
    import re
    from collections import Counter

    tables = Counter()
    original = sql_db.Cursor.execute
    verbs = re.compile(r'\s*(INSERT INTO|UPDATE|DELETE FROM)\s+"?(\w+)', re.IGNORECASE)
    source = re.compile(r'\bFROM\s+"?(\w+)', re.IGNORECASE)

    def counting(self, query, params=None, log_exceptions=True):
        text = str(query.code if isinstance(query, SQL) else query)
        match = verbs.match(text)
        if match:
            tables[f"{match.group(1).split()[0].upper()} {match.group(2)}"] += 1
        else:
            found = source.search(text)
            tables[f"SELECT {found.group(1) if found else text.strip()[:30]}"] += 1
        return original(self, query, params, log_exceptions)

    sql_db.Cursor.execute = counting
    profiler = cProfile.Profile()
    try:
        with measure(results, operation) as row:
            profiler.enable()
            function()
            env.flush_all()
            profiler.disable()
    finally:
        sql_db.Cursor.execute = original
    row["top_queries"] = tables.most_common(20)
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(40)
    stats.sort_stats("tottime").print_stats(25)
    env.cr.rollback()


@step("profile_launch")
def profile_launch(env, n, results):
    """One launch batch under cProfile, with its queries by table; rolled back.

    ``python3 benchmarks/steps.py profile_launch pm_bench_10000 10000 ADDONS_PATH``
    """
    records = bench_records(env)
    cycle = new_cycle(env, "Bench Profile", records["template"])
    employees = cycle._get_pending_participants()[: cycle._launch_batch_size()]
    env.invalidate_all()
    label = f"launch batch ({len(employees)} employees, profiled)"
    profiled(env, results, label, lambda: cycle._launch_batch(employees))


@step("profile_goal_reminders")
def profile_goal_reminders(env, n, results):
    """One batch of goal check-in reminders (as the cron sends them) under cProfile."""
    Goal = env["performance.goal"]
    domain = Domain.OR(
        Goal._get_checkin_reminder_domain(company) for company in env["res.company"].search([])
    )
    goals = Goal.search(domain, limit=50)
    template = env.ref("performance_management.mail_template_goal_checkin_reminder")
    env.invalidate_all()
    label = f"goal check-in reminders ({len(goals)} goals, profiled)"
    profiled(env, results, label, lambda: goals._send_template(template, "owner_partner_id"))


@step("profile_cycle_form")
def profile_cycle_form(env, n, results):
    """Each field of the cycle form read alone by the officer: seconds and queries."""
    records = bench_records(env)
    officer_env = env(user=records["officer"].id)
    cycle = (
        officer_env["performance.cycle"]
        .search([("state", "=", "running")], order="id", limit=1)
        .with_env(officer_env)
    )
    fields_info = cycle.get_views([(False, "form")])["models"]["performance.cycle"]["fields"]
    for name in fields_info:
        env.invalidate_all()
        with measure(results, f"cycle form field {name}", n=n) as row:
            cycle.read([name])
        row["reviews"] = cycle.review_count
    results.sort(key=lambda row: -row["seconds"])
    del results[12:]


def main():
    name, db, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    odoo.tools.config.parse_config(
        [f"--addons-path={sys.argv[4]}", "--log-level=warn", "--no-http", f"--database={db}"]
    )
    registry = Registry(db)
    results = []
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        STEPS[name](env, n, results)
    print("RESULT " + json.dumps(results), flush=True)


if __name__ == "__main__":
    main()
