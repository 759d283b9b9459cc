"""Fairness analytics at scale: the time of each report over N employees (target < 1 s).

    python3 benchmarks/fairness.py DB ADDONS_PATH [N] [--keep]   # N = 10000 by default

DB is a database with performance_management installed (no demo data needed). Inside one
transaction, rolled back at the end, it writes in SQL (the ORM's employee creation draws an
avatar per person, a quarter of an hour at 10,000): N employees with a gender, a birthday, a
department (one per hundred people), a job, a working time and a work location; three closed
cycles with a rated review each (self and manager ratings, a gap between genders and a
rating inflation across cycles); three 360 answers on one review in ten; a submitted raise
per employee in the last cycle. Then, as a performance officer, it times each report of
the fairness analysis and the reward gap, once per attribute, and a drill-down. Not a
test: it prints figures.
"""

import sys
import time

import odoo
from odoo import SUPERUSER_ID, api
from odoo.fields import Command
from odoo.modules.registry import Registry
from odoo.tools import SQL

PREFIX = "Fairness Bench "
# what the fairness form reads when it opens (its fields and its lists' columns)
LINE_FIELDS = [
    "name",
    "count",
    "top_count",
    "top_share",
    "ratio",
    "flagged",
    "mean_score",
    "has_self_gap",
    "self_gap",
    "has_rater_spread",
    "rater_spread",
    "share",
    "mean_delta",
    "top_delta",
    "rater_count",
    "raise_count",
    "raise_mean",
    "amount_mean",
]
NAMED = {"fields": {"display_name": {}}}
FORM_SPEC = {
    "mode": {},
    "company_id": NAMED,
    "cycle_id": NAMED,
    "attribute": {},
    "min_group_size": {},
    "summary": {},
    "reward_count": {},
    **{
        field: {"fields": {**{name: {} for name in LINE_FIELDS}, "level_id": NAMED}}
        for field in (
            "group_line_ids",
            "distribution_line_ids",
            "drift_line_ids",
            "agreement_line_ids",
            "reward_line_ids",
        )
    },
}


def timed(label, function, results):
    start = time.perf_counter()
    value = function()
    seconds = time.perf_counter() - start
    results.append((label, seconds))
    print(f"{label:<55} {seconds:8.3f} s", flush=True)
    return value


def generate(env, n):
    cr = env.cr
    company = env.company
    uid = env.uid
    departments = env["hr.department"].create(
        [{"name": f"{PREFIX}Department {i}"} for i in range(max(n // 100, 1))]
    )
    jobs = env["hr.job"].create([{"name": f"{PREFIX}Job {i}"} for i in range(10)])
    calendars = env.company.resource_calendar_id | env["resource.calendar"].create(
        {"name": f"{PREFIX}Part Time", "hours_per_day": 4}
    )
    locations = env["hr.work.location"].create(
        [
            {"name": f"{PREFIX}{kind}", "location_type": kind, "address_id": company.partner_id.id}
            for kind in ("office", "home", "other")
        ]
    )
    scale = env["performance.rating.scale"].create(
        {
            "name": f"{PREFIX}Scale",
            "level_ids": [
                Command.create({"value": value, "name": f"Level {value}"}) for value in range(1, 6)
            ],
        }
    )
    template = env["performance.review.template"].create(
        {
            "name": f"{PREFIX}Template",
            "scale_id": scale.id,
            "question_weight": 100,
            "competency_weight": 0,
            "goal_weight": 0,
            "line_ids": [Command.create({"name": "Delivery", "question_type": "rating"})],
        }
    )
    cycles = env["performance.cycle"].create(
        [
            {
                "name": f"{PREFIX}{year}",
                "template_id": template.id,
                "date_start": f"{year}-01-01",
                "date_end": f"{year}-12-31",
                "date_self_deadline": f"{year}-11-15",
                "date_manager_deadline": f"{year}-11-30",
                "date_release": f"{year}-12-15",
            }
            for year in (2023, 2024, 2025)
        ]
    )
    env.flush_all()
    cr.execute(SQL("UPDATE performance_cycle SET state = 'closed' WHERE id IN %s", cycles._ids))
    ids = lambda records: SQL("ARRAY[%s]", SQL(", ").join(records.ids))
    cr.execute(
        SQL(
            """
            CREATE TEMP TABLE fair_people ON COMMIT DROP AS
            SELECT g AS n,
                   (ARRAY['female', 'male', 'male', 'female', 'other'])[1 + g %% 5] AS sex,
                   DATE '1960-01-01' + (g * 7919) %% 15000 AS birthday,
                   (%(departments)s)[1 + g %% %(ndep)s] AS department_id,
                   (%(jobs)s)[1 + (g / 7) %% 10] AS job_id,
                   (%(calendars)s)[1 + (g / 3) %% 2] AS calendar_id,
                   (%(locations)s)[1 + (g / 11) %% 3] AS location_id
              FROM generate_series(1, %(n)s) g;
            ALTER TABLE fair_people ADD COLUMN resource_id int, ADD COLUMN employee_id int;
            CREATE INDEX ON fair_people (n);
            WITH new AS (
                INSERT INTO resource_resource
                       (name, resource_type, tz, time_efficiency, company_id, calendar_id,
                        active, create_date, write_date, create_uid, write_uid)
                SELECT %(prefix)s || p.n, 'user', 'UTC', 100, %(company)s, p.calendar_id,
                       TRUE, now(), now(), %(uid)s, %(uid)s
                  FROM fair_people p ORDER BY p.n
             RETURNING id, name)
            UPDATE fair_people p SET resource_id = new.id
              FROM new WHERE new.name = %(prefix)s || p.n;
            WITH new AS (
                INSERT INTO hr_employee
                       (resource_id, company_id, name, active, birthday, create_date,
                        write_date, create_uid, write_uid)
                SELECT p.resource_id, %(company)s, %(prefix)s || p.n, TRUE, p.birthday,
                       now(), now(), %(uid)s, %(uid)s
                  FROM fair_people p
             RETURNING id, resource_id)
            UPDATE fair_people p SET employee_id = new.id
              FROM new WHERE new.resource_id = p.resource_id;
            INSERT INTO hr_version
                   (employee_id, company_id, name, active, date_version, last_modified_uid,
                    last_modified_date, hr_responsible_id, distance_home_work_unit, marital,
                    employee_type, sex, department_id, job_id, resource_calendar_id,
                    work_location_id, create_date, write_date, create_uid, write_uid)
            SELECT p.employee_id, %(company)s, 'Bench', TRUE, DATE '2020-01-01', %(uid)s,
                   now(), %(uid)s, 'kilometers', 'single', 'employee', p.sex,
                   p.department_id, p.job_id, p.calendar_id, p.location_id, now(), now(),
                   %(uid)s, %(uid)s
              FROM fair_people p;
            UPDATE hr_employee e SET current_version_id = v.id
              FROM hr_version v, fair_people p
             WHERE v.employee_id = e.id AND p.employee_id = e.id;
            CREATE INDEX ON fair_people (employee_id);
            ANALYZE fair_people;
            """,
            departments=ids(departments),
            ndep=len(departments),
            jobs=ids(jobs),
            calendars=ids(calendars),
            locations=ids(locations),
            n=n,
            prefix=PREFIX,
            company=company.id,
            uid=uid,
        )
    )
    levels = scale.level_ids.sorted("value")
    cr.execute(
        SQL(
            """
            INSERT INTO performance_review
                   (name, company_id, employee_id, manager_id, department_id, job_id,
                    cycle_id, template_id, date_start, date_end, review_type, state, active,
                    create_date, write_date, create_uid, write_uid)
            SELECT %(prefix)s || p.n || ' ' || c.name, %(company)s, p.employee_id,
                   NULL, p.department_id, p.job_id, c.id, %(template)s, c.date_start,
                   c.date_end, 'cycle', 'done', TRUE, now(), now(), %(uid)s, %(uid)s
              FROM fair_people p CROSS JOIN performance_cycle c
             WHERE c.id = ANY(%(cycles)s);
            -- a top rating for 15 %% of women and 30 %% of the others, 5 points more each
            -- year (inflation); then "meets" for half, "partially meets" for the rest
            CREATE TEMP TABLE fair_ratings ON COMMIT DROP AS
            SELECT r.id AS review_id, r.employee_id, r.cycle_id,
                   CASE WHEN h < top THEN 5 WHEN h < top + 50 THEN 3 ELSE 2 END AS value
              FROM (
                SELECT r.id, r.employee_id, r.cycle_id,
                       (r.id * 2654435761) %% 100 AS h,
                       (CASE p.sex WHEN 'female' THEN 15 ELSE 30 END)
                       + 5 * (array_position(%(cycles)s, r.cycle_id) - 1) AS top
                  FROM performance_review r JOIN fair_people p ON p.employee_id = r.employee_id
                 WHERE r.cycle_id = ANY(%(cycles)s)
              ) r;
            CREATE INDEX ON fair_ratings (review_id);
            ANALYZE fair_ratings;
            INSERT INTO performance_review_assessment
                   (review_id, company_id, cycle_id, employee_id, department_id,
                    final_rating_id, final_rating, performance_tier, review_state,
                    create_date, write_date, create_uid, write_uid)
            SELECT f.review_id, %(company)s, f.cycle_id, f.employee_id, r.department_id,
                   (%(levels)s)[f.value], f.value,
                   CASE WHEN f.value >= 4 THEN 'high' WHEN f.value = 3 THEN 'medium'
                        ELSE 'low' END,
                   'done', now(), now(), %(uid)s, %(uid)s
              FROM fair_ratings f JOIN performance_review r ON r.id = f.review_id;
            -- the employee rates one level above the manager, who rates the final level
            INSERT INTO performance_review_line
                   (review_id, company_id, employee_id, name, kind, role, weight, rating_id,
                    score, create_date, write_date, create_uid, write_uid)
            SELECT f.review_id, %(company)s, f.employee_id, 'Delivery', 'rating', role.name,
                   1.0, (%(levels)s)[value.v], (value.v - 1) * 25.0, now(), now(),
                   %(uid)s, %(uid)s
              FROM fair_ratings f
             CROSS JOIN LATERAL (VALUES ('employee', LEAST(f.value + 1, 5)),
                                        ('manager', f.value)) role(name, v)
             CROSS JOIN LATERAL (SELECT role.v AS v) value;
            """,
            prefix=PREFIX,
            company=company.id,
            template=template.id,
            cycles=ids(cycles),
            levels=ids(levels),
            uid=uid,
        )
    )
    survey = env["survey.survey"].create(
        {
            "title": f"{PREFIX}360",
            "survey_type": "performance",
            "access_mode": "token",
            "question_and_page_ids": [
                Command.create(
                    {"title": "Overall", "question_type": "scale", "scale_min": 0, "scale_max": 10}
                )
            ],
        }
    )
    env.flush_all()
    cr.execute(
        SQL(
            """
            WITH answers AS (
                INSERT INTO survey_user_input
                       (survey_id, access_token, state, performance_review_id,
                        performance_cycle_id, performance_role, performance_anonymous,
                        test_entry, create_date, write_date, create_uid, write_uid)
                SELECT %(survey)s, md5(r.id || '-' || k), 'done', r.id, r.cycle_id, 'peer',
                       FALSE, FALSE, now(), now(), %(uid)s, %(uid)s
                  FROM performance_review r CROSS JOIN generate_series(1, 3) k
                 WHERE r.cycle_id = ANY(%(cycles)s) AND r.id %% 10 = 0
             RETURNING id)
            INSERT INTO survey_user_input_line
                   (user_input_id, survey_id, question_id, answer_type, value_scale, skipped,
                    create_date, write_date, create_uid, write_uid)
            SELECT a.id, %(survey)s, %(question)s, 'scale', (a.id * 7) %% 11, FALSE,
                   now(), now(), %(uid)s, %(uid)s
              FROM answers a;
            INSERT INTO performance_reward
                   (name, employee_id, department_id, company_id, source, kind,
                    raise_percent, recommender_id, state, cycle_id, create_date,
                    write_date, create_uid, write_uid)
            SELECT 'Raise', f.employee_id, r.department_id, %(company)s, 'review', 'raise',
                   f.value * 0.8, f.employee_id, 'submitted', f.cycle_id, now(), now(),
                   %(uid)s, %(uid)s
              FROM fair_ratings f JOIN performance_review r ON r.id = f.review_id
             WHERE f.cycle_id = %(last)s;
            ANALYZE hr_employee; ANALYZE hr_version; ANALYZE performance_review;
            ANALYZE performance_review_assessment; ANALYZE performance_review_line;
            ANALYZE survey_user_input; ANALYZE survey_user_input_line;
            ANALYZE performance_reward;
            """,
            survey=survey.id,
            question=survey.question_ids.id,
            cycles=ids(cycles),
            last=cycles[-1].id,
            company=company.id,
            uid=uid,
        )
    )
    env.invalidate_all()
    return cycles[-1]


def measure(env, cycle, results):
    officer = env["res.users"].create(
        {
            "name": f"{PREFIX}Officer",
            "login": "fairness_bench_officer",
            "group_ids": [
                Command.link(env.ref("performance_management.group_performance_officer").id)
            ],
        }
    )
    Analysis = env["performance.fairness.analysis"].with_user(officer)
    from odoo.addons.performance_management.tools.fairness import ATTRIBUTES

    for attribute, _label in ATTRIBUTES:
        analysis = Analysis.create({"cycle_id": cycle.id, "attribute": attribute})
        env.invalidate_all()
        shown = timed(
            f"top ratings, ratio, self gap, 360 spread by {attribute}",
            lambda analysis=analysis: analysis._shown_groups()[0],
            results,
        )
        timed(
            f"rating distribution by {attribute}",
            lambda analysis=analysis, shown=shown: analysis._distribution_lines(shown),
            results,
        )
        timed(
            f"whole analysis by {attribute} (figures written)",
            analysis._analyse,
            results,
        )
        reward = Analysis.create({"cycle_id": cycle.id, "attribute": attribute, "mode": "reward"})
        env.invalidate_all()
        timed(f"reward gap by {attribute}", reward._analyse, results)

    def open_screen():
        # the menu's action (the latest cycle, by gender) and the form's first read
        action = Analysis.action_open_analysis()
        return Analysis.browse(action["res_id"]).web_read(FORM_SPEC)

    env.invalidate_all()
    timed("whole screen from the menu (analysis, form read)", open_screen, results)
    analysis = Analysis.create({"cycle_id": cycle.id, "attribute": "gender"})
    analysis._analyse()
    env.invalidate_all()
    timed("rating drift across cycles", analysis._drift_lines, results)
    timed("360 agreement (most divided reviews)", analysis._agreement_lines, results)
    line = analysis.group_line_ids[:1]
    action = timed("drill-down: the reviews of a group", line.action_open_records, results)
    Review = env["performance.review"].with_user(officer)
    timed(
        "drill-down: opening them (search with the rules)",
        lambda: Review.search(action["domain"], limit=80),
        results,
    )
    print(f"{len(line.action_open_records()['domain'][0][2])} reviews behind the first group")


def main():
    db, addons_path = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3].isdigit() else 10000
    odoo.tools.config.parse_config(
        [f"--addons-path={addons_path}", "--log-level=warn", "--no-http", f"--database={db}"]
    )
    registry = Registry(db)
    results = []
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        start = time.perf_counter()
        cycle = generate(env, n)
        # the statistics a live database has (autovacuum): plans on defaults mislead
        cr.execute(SQL("ANALYZE"))
        print(f"generated {n} employees, 3 cycles in {time.perf_counter() - start:.1f} s")
        if "--keep" in sys.argv:  # keep the data to look at the plans, measure nothing
            cr.commit()
            return
        measure(env, cycle, results)
        reports = [seconds for label, seconds in results if not label.startswith("whole")]
        screens = [seconds for label, seconds in results if label.startswith("whole")]
        print(f"slowest report: {max(reports):.3f} s (target under 1 s)")
        print(f"slowest whole screen (every report, figures written): {max(screens):.3f} s")
        cr.rollback()


if __name__ == "__main__":
    main()
