"""Stored figures never go stale: every stored computed field of the addon equals its
recompute after whatever users, administrators and imports do; the figures shown in several
places (portal, overview, PDF, backend) agree to the digit."""

import os
import re
import time
from contextlib import closing
from datetime import timedelta

import psycopg2
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import HttpCase, tagged
from odoo.tools import SQL, mute_logger

from ..tools import percent
from .common import PerformanceCase

# Refusals an operation may meet (a cycle in the goal tree, a state action out of order, a
# right the user lacks): the sequence goes on without it, as a user's session would.
REFUSED = (AccessError, UserError, ValidationError, psycopg2.IntegrityError)


class StoredFiguresCase(PerformanceCase):
    """A goal tree, key results and check-ins, a launched cycle with its reviews, a career
    step with expected skills and a development plan, and kudos to two people."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.scale = env["performance.rating.scale"].create(
            {
                "name": "Figures scale",
                "level_ids": [
                    Command.create({"value": value, "name": f"Level {value}"})
                    for value in (1, 2, 3, 4, 5)
                ],
            }
        )
        cls.skill_type = env["hr.skill.type"].create(
            {
                "name": "Figures skills",
                "skill_ids": [Command.create({"name": "Figures Python"})],
                "skill_level_ids": [
                    Command.create({"name": "Figures Basic", "level_progress": 20}),
                    Command.create({"name": "Figures Good", "level_progress": 60}),
                    Command.create({"name": "Figures Expert", "level_progress": 100}),
                ],
            }
        )
        cls.skill = cls.skill_type.skill_ids
        cls.skill_levels = cls.skill_type.skill_level_ids.sorted("level_progress")
        job = env["hr.job"].create({"name": "Figures Junior"})
        target_job = env["hr.job"].create({"name": "Figures Senior"})
        cls.employee.job_id = job
        path = env["performance.career.path"].create({"name": "Figures path"})
        cls.step = env["performance.career.step"].create(
            {"path_id": path.id, "job_id": job.id, "level": 1}
        )
        cls.target_step = env["performance.career.step"].create(
            {
                "path_id": path.id,
                "job_id": target_job.id,
                "level": 2,
                "skill_ids": [
                    Command.create(
                        {
                            "skill_type_id": cls.skill_type.id,
                            "skill_id": cls.skill.id,
                            "skill_level_id": cls.skill_levels[1].id,
                        }
                    )
                ],
            }
        )
        cls.step.next_step_ids = cls.target_step
        cls.plan = env["performance.development.plan"].create(
            {
                "employee_id": cls.employee.id,
                "current_step_id": cls.step.id,
                "target_step_id": cls.target_step.id,
                "action_ids": [
                    Command.create({"name": f"Figures action {index}"}) for index in range(3)
                ],
            }
        )
        Goal = env["performance.goal"]
        cls.company_goal = Goal.create(
            {"name": "Figures company", "scope": "company", "progress_mode": "children"}
        )
        for name, value in (("low", 20), ("mid", 50), ("high", 80)):
            Goal.create(
                {
                    "name": f"Figures {name}",
                    "employee_id": cls.employee.id,
                    "parent_id": cls.company_goal.id,
                    "progress_mode": "manual",
                    "manual_progress": value,
                    "state": "active",
                }
            )
        Goal.create(
            {
                "name": "Figures measured",
                "employee_id": cls.peer.id,
                "parent_id": cls.company_goal.id,
                "state": "active",
                "key_result_ids": [
                    Command.create({"name": "Deals", "target_value": 10, "current_value": 4}),
                    Command.create({"name": "Launch", "kind": "milestone", "target_value": 1}),
                ],
            }
        )
        cls.template = env["performance.review.template"].create(
            {
                "name": "Figures template",
                "scale_id": cls.scale.id,
                "question_weight": 60,
                "competency_weight": 20,
                "goal_weight": 20,
                "line_ids": [
                    Command.create({"name": "Delivery", "question_type": "rating", "weight": 2}),
                    Command.create(
                        {"name": "Teamwork", "question_type": "rating", "answered_by": "manager"}
                    ),
                ],
            }
        )
        cls.cycle = env["performance.cycle"].create(
            {
                "name": "Figures 2026",
                "template_id": cls.template.id,
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
                "date_self_deadline": "2026-11-15",
                "date_manager_deadline": "2026-11-30",
                "date_release": "2026-12-15",
                "participant_mode": "department",
                "department_ids": [Command.set(cls.department.ids)],
            }
        )
        cls.cycle.with_user(cls.user_officer).action_launch()
        cls.recognition = env["performance.recognition"].create(
            {
                "giver_id": cls.manager.id,
                "receiver_ids": [Command.set((cls.peer | cls.employee).ids)],
                "message": "<p>Thanks</p>",
            }
        )

    def assertNoDrift(self):
        """Every checked figure of every record equals its recompute."""
        Check = self.env["performance.figure.check"].sudo()
        drifts = []
        for model_name, fnames in Check._get_checked_fields().items():
            records = self.env[model_name].sudo().with_context(active_test=False).search([])
            drifts += [
                f"{record._name}({record.id}).{fname}: stored {before!r}, recomputed {after!r}"
                for record, fname, before, after in Check._check_records(records, fnames)
            ]
        self.assertFalse(drifts, "stored figures out of date:\n" + "\n".join(drifts))


@tagged("post_install", "-at_install")
class TestStoredFigures(StoredFiguresCase):
    """One regression test per dependency found missing, and what the check covers."""

    def test_checked_fields(self):
        checked = self.env["performance.figure.check"]._get_checked_fields()
        for model_name, fname in (
            ("performance.goal", "progress"),
            ("performance.goal", "confidence"),
            ("performance.key.result", "progress"),
            ("performance.review", "goal_attainment"),
            ("performance.review.line", "score"),
            ("performance.review.assessment", "overall_score"),
            ("performance.review.assessment", "nine_box"),
            ("performance.development.plan", "readiness"),
            ("performance.development.plan.skill", "gap"),
            ("performance.recognition", "employee_id"),
        ):
            self.assertIn(fname, checked.get(model_name, []), model_name)
        # computed defaults a user may overwrite, and history kept on purpose
        self.assertNotIn("manager_id", checked["performance.goal"])
        self.assertNotIn("department_id", checked.get("performance.review", []))
        self.assertNotIn("department_ids", checked["performance.recognition"])
        # stored once for everybody: never computed with the rights of who triggered it
        for model_name in self.env.registry:
            for field in self.env[model_name]._fields.values():
                if field.store and field.compute and "performance_management" in field._modules:
                    self.assertTrue(field.compute_sudo, f"{model_name}.{field.name}")
        self.assertNoDrift()

    def test_archived_supporting_goal_leaves_the_roll_up(self):
        goal = self.company_goal
        measured = goal.child_ids.filtered(lambda child: child.progress_mode == "key_results")
        measured.with_user(self.user_manager).action_cancel()
        self.assertAlmostEqual(goal.progress, 50.0)
        high = goal.child_ids.filtered(lambda child: child.manual_progress == 80)
        # the employee's manager cleans up the tree
        high.with_user(self.user_manager).active = False
        self.assertAlmostEqual(goal.progress, 35.0)
        self.assertNoDrift()
        high.with_user(self.user_manager).active = True
        self.assertAlmostEqual(goal.progress, 50.0)
        # the same figure whatever context computes it (assertNoDrift reads archived records)
        high.with_context(active_test=False).active = False
        self.assertAlmostEqual(goal.progress, 35.0)
        self.assertNoDrift()

    def test_scale_edited_after_use_moves_the_scores(self):
        review = self.cycle.review_ids.filtered(lambda r: r.employee_id == self.employee)
        line = review.line_ids.filtered(
            lambda line: line.role == "manager" and line.kind == "rating"
        )[:1]
        top = self.scale.level_ids.sorted("value")[-1]
        line.rating_id = self.scale.level_ids.sorted("value")[2]
        self.assertAlmostEqual(line.score, 50.0)
        # the administrator stretches the scale: 1 to 9 instead of 1 to 5
        top.value = 9
        self.assertAlmostEqual(line.score, 25.0)
        self.assertNoDrift()

    def test_template_weights_edited_after_use_move_the_overall_score(self):
        review = self.cycle.review_ids.filtered(lambda r: r.employee_id == self.employee)
        for line in review.line_ids.filtered(
            lambda line: line.role == "manager" and line.kind == "rating"
        ):
            line.rating_id = self.scale.level_ids.sorted("value")[-1]
        before = review.assessment_ids.overall_score
        self.template.write({"question_weight": 20, "competency_weight": 20, "goal_weight": 60})
        self.assertNotEqual(review.assessment_ids.overall_score, before)
        self.assertNoDrift()

    def test_skill_level_edited_moves_the_readiness(self):
        self.env["hr.employee.skill"].create(
            {
                "employee_id": self.employee.id,
                "skill_type_id": self.skill_type.id,
                "skill_id": self.skill.id,
                "skill_level_id": self.skill_levels[0].id,
            }
        )
        line = self.plan.skill_line_ids
        self.assertEqual((line.current_progress, line.gap), (20, 40))
        self.skill_levels[0].level_progress = 30
        self.assertEqual((line.current_progress, line.gap), (30, 30))
        # an archived skill type hides the skill on the employee form, not the level he holds
        self.skill_type.active = False
        self.assertEqual(line.current_progress, 30)
        self.assertNoDrift()

    def test_kudos_receiver_is_the_first_one_still_employed(self):
        recognition = self.recognition
        first, second = (self.peer | self.employee).sorted("id")
        # whatever order the receivers were given or are named in
        self.assertEqual(recognition.employee_id, first)
        first.name = "Zz renamed"
        self.assertNoDrift()
        self.assertEqual(recognition.employee_id, first)
        first.active = False
        self.assertEqual(recognition.employee_id, second)
        self.assertNoDrift()
        # found by the property test: the receivers written while one is archived (the
        # archived one stays in the table, not in the cache)
        recognition.receiver_ids = second
        self.assertEqual(recognition.employee_id, second)
        self.assertNoDrift()
        first.active = True
        self.assertEqual(recognition.employee_id, first)
        self.assertNoDrift()

    def test_issue_name_follows_the_employee(self):
        Issue = self.env["performance.issue"]
        rule = Issue._fields["rule"].get_values(self.env)[0]
        issue = Issue.create(
            {
                "employee_id": self.peer.id,
                "company_id": self.company.id,
                "rule": rule,
                "reason": "Figures",
            }
        )
        self.peer.name = "Pat Renamed"
        self.assertIn("Pat Renamed", issue.name)
        self.assertNoDrift()


@tagged("post_install", "-at_install")
class TestFigureCheckCron(StoredFiguresCase):
    """The scheduled check: off by default, it finds, reports and repairs what SQL wrote."""

    def test_cron_commits_each_model_and_stops_when_time_is_up(self):
        cron = self.env.ref("performance_management.ir_cron_performance_figure_check")
        models = len(self.env["performance.figure.check"]._get_checked_fields())
        with self.enter_registry_test_mode(), self.registry.cursor() as cr:
            env = self.env(cr=cr, context={"cron_id": cron.id})
            cron, progress = env["ir.cron"].browse(cron.id)._add_progress()
            check = cron.env["performance.figure.check"].with_context(
                cron_end_time=time.monotonic() - 1
            )
            check._cron_check_figures(sample_size=3)
            # one model checked and committed, the others left for the next run
            self.assertLessEqual(progress.done, 3)
            self.assertEqual(progress.remaining, models - 1)

    def test_cron_is_off_by_default(self):
        cron = self.env.ref("performance_management.ir_cron_performance_figure_check")
        self.assertFalse(cron.active)

    def test_cron_reports_and_repairs_a_figure_written_in_sql(self):
        goal = self.company_goal
        self.assertAlmostEqual(goal.progress, 42.5)
        self.env.flush_all()
        # an import writes the table directly
        self.env.cr.execute(
            SQL("UPDATE performance_goal SET progress = 99 WHERE id = %s", goal.id)
        )
        goal.invalidate_recordset(["progress"])
        self.assertEqual(goal.progress, 99.0)
        officer_partner = self.user_officer.partner_id
        with self.assertLogs(
            "odoo.addons.performance_management.models.performance_figure_check", "WARNING"
        ) as logs:
            drifts = self.env["performance.figure.check"]._cron_check_figures(sample_size=1000)
        self.assertEqual(
            [(record, fname) for record, fname, _before, _after in drifts],
            [(goal, "progress")],
        )
        self.assertIn(f"performance.goal({goal.id}).progress was 99.0", logs.output[0])
        self.assertAlmostEqual(goal.progress, 42.5, msg="repaired")
        message = self.env["mail.message"].search(
            [("partner_ids", "in", officer_partner.ids)], order="id desc", limit=1
        )
        self.assertIn("1 stored figures were out of date", message.subject)
        self.assertIn(f"#{goal.id}", str(message.body))
        # the officer of another company hears nothing of this company's goals
        self.assertFalse(
            self.env["mail.message"].search_count(
                [
                    ("id", "=", message.id),
                    ("partner_ids", "in", self.user_officer_b.partner_id.ids),
                ]
            )
        )
        # run again: nothing left to repair
        with self.assertNoLogs(
            "odoo.addons.performance_management.models.performance_figure_check", "WARNING"
        ):
            self.assertFalse(self.env["performance.figure.check"]._cron_check_figures())


# One operation: its name and small integers that pick the records and values it works on
# (taken modulo the records at hand), so that hypothesis shrinks a failure to the shortest
# sequence of the simplest operations.
OPERATIONS = (
    "goal_create",
    "goal_write",
    "goal_archive",
    "goal_unarchive",
    "goal_reparent",
    "goal_state",
    "goal_unlink",
    "kr_create",
    "kr_write",
    "kr_unlink",
    "checkin",
    "checkin_unlink",
    "scale_level_edit",
    "template_weights",
    "review_rate",
    "review_line_weight",
    "assessment_rate",
    "employee_move",
    "employee_rename",
    "employee_archive",
    "skill_level_edit",
    "employee_skill",
    "plan_action",
    "plan_action_unlink",
    "readiness_weight",
    "kudos_receivers",
)
operation = st.tuples(
    st.sampled_from(OPERATIONS),
    st.integers(min_value=0, max_value=7),
    st.integers(min_value=0, max_value=7),
    st.integers(min_value=0, max_value=100),
)


@tagged("post_install", "-at_install")
class TestStoredFiguresProperty(StoredFiguresCase):
    """Random sequences of what users and administrators do, then every stored figure of
    every model of the addon against its recompute."""

    @settings(
        # a couple of minutes in CI; PM_FIGURES_EXAMPLES=500 for a longer hunt
        max_examples=int(os.environ.get("PM_FIGURES_EXAMPLES", "40")),
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(st.lists(operation, min_size=1, max_size=12))
    # every operation at least once in each run, whatever the random draw
    @example([(name, 1, 2, 37) for name in OPERATIONS])
    @example([(name, 3, 0, 64) for name in reversed(OPERATIONS)])
    def test_stored_figures_equal_their_recompute(self, operations):
        with closing(self.env.cr.savepoint()):
            try:
                for name, first, second, value in operations:
                    self._run(name, first, second, value)
                self.assertNoDrift()
            finally:
                self.env.clear()

    @mute_logger("odoo.sql_db")
    def _run(self, name, first, second, value):
        try:
            with self.env.cr.savepoint():
                getattr(self, f"_op_{name}")(first, second, value)
                self.env.flush_all()
        except REFUSED:
            self.env.clear()

    @staticmethod
    def _pick(records, index):
        return records[index % len(records)] if records else records

    def _all(self, model):
        return self.env[model].with_context(active_test=False).search([], order="id")

    def _goals(self):
        return self._all("performance.goal").filtered(lambda goal: not goal.is_template)

    # Goals, key results, check-ins -------------------------------------------------------

    def _op_goal_create(self, first, second, value):
        parent = self._pick(self._goals(), first)
        mode = ("manual", "key_results", "children")[second % 3]
        self.env["performance.goal"].with_user(self.user_manager).create(
            {
                "name": f"Figures new {value}",
                "employee_id": self._pick(self.employee | self.peer, second).id,
                "parent_id": parent.id,
                "progress_mode": mode,
                "manual_progress": value,
                "weight": first % 4,
                "state": "active",
            }
        )

    def _op_goal_write(self, first, second, value):
        goal = self._pick(self._goals(), first)
        field = ("manual_progress", "weight", "progress_mode")[second % 3]
        new = {
            "manual_progress": value,
            "weight": value % 5,
            "progress_mode": ("manual", "key_results", "children")[value % 3],
        }[field]
        goal.write({field: new})

    def _op_goal_archive(self, first, second, value):
        self._pick(self._goals(), first).with_user(self.user_manager).active = False

    def _op_goal_unarchive(self, first, second, value):
        self._pick(self._goals(), first).with_user(self.user_manager).active = True

    def _op_goal_reparent(self, first, second, value):
        goals = self._goals()
        parent = self._pick(goals, second) if value % 4 else goals.browse()
        self._pick(goals, first).parent_id = parent

    def _op_goal_state(self, first, second, value):
        goal = self._pick(self._goals(), first).with_user(self.user_manager)
        action = ("action_activate", "action_done", "action_cancel", "action_reset_draft")
        getattr(goal, action[second % 4])()

    def _op_goal_unlink(self, first, second, value):
        self._pick(self._goals(), first).with_user(self.user_manager).unlink()

    def _op_kr_create(self, first, second, value):
        goal = self._pick(self._goals(), first)
        self.env["performance.key.result"].create(
            {
                "goal_id": goal.id,
                "name": "Figures KR",
                "start_value": 0,
                "target_value": 1 + second * 10,
                "current_value": value,
                "weight": second % 3,
            }
        )

    def _op_kr_write(self, first, second, value):
        kr = self._pick(self._all("performance.key.result"), first)
        if kr:
            field = ("current_value", "weight", "target_value")[second % 3]
            kr.write({field: value if field != "weight" else value % 4})

    def _op_kr_unlink(self, first, second, value):
        self._pick(self._all("performance.key.result"), first).unlink()

    def _op_checkin(self, first, second, value):
        goal = self._pick(self._goals(), first)
        self.env["performance.goal.checkin"].with_user(self.user_manager).create(
            {
                "goal_id": goal.id,
                "confidence": ("on_track", "at_risk", "off_track")[second % 3],
                "date": fields.Date.today() - timedelta(days=value % 30),
            }
        )

    def _op_checkin_unlink(self, first, second, value):
        self._pick(self._all("performance.goal.checkin"), first).unlink()

    # Reviews: a scale and a template edited after use, ratings -----------------------------

    def _op_scale_level_edit(self, first, second, value):
        self._pick(self.scale.level_ids.sorted("id"), first).value = 1 + value % 12

    def _op_template_weights(self, first, second, value):
        question = value
        competency = (100 - question) * (first % 3) // 2
        self.template.write(
            {
                "question_weight": question,
                "competency_weight": competency,
                "goal_weight": 100 - question - competency,
            }
        )

    def _op_review_rate(self, first, second, value):
        lines = self._all("performance.review.line").filtered(lambda line: line.kind == "rating")
        line = self._pick(lines, first + 8 * second)
        if line:
            line.rating_id = self._pick(line.scale_id.level_ids.sorted("id"), value)

    def _op_review_line_weight(self, first, second, value):
        line = self._pick(self._all("performance.review.line"), first + 8 * second)
        if line:
            line.weight = value % 4

    def _op_assessment_rate(self, first, second, value):
        assessment = self._pick(self._all("performance.review.assessment"), first)
        if assessment:
            assessment.write(
                {
                    "final_rating_id": self._pick(self.scale.level_ids.sorted("id"), value).id,
                    "potential": ("low", "medium", "high")[second % 3],
                }
            )

    # People: moved, renamed, archived; their skills ----------------------------------------

    def _employees(self):
        return self.employee | self.peer | self.nouser_employee | self.manager

    def _op_employee_move(self, first, second, value):
        employee = self._pick(self._employees(), first)
        employee.write(
            {
                "parent_id": self._pick(self.director | self.other_manager, second).id,
                "department_id": self._pick(self.department | self.other_department, value).id,
            }
        )

    def _op_employee_rename(self, first, second, value):
        self._pick(self._employees(), first).name = f"Figures {value:03d}"

    def _op_employee_archive(self, first, second, value):
        employee = self._pick(self._employees(), first)
        employee.active = not employee.active

    def _op_skill_level_edit(self, first, second, value):
        self._pick(self.skill_levels, first).level_progress = value

    def _op_employee_skill(self, first, second, value):
        employee = self._pick(self.employee | self.peer, first)
        self.env["hr.employee.skill"].create(
            {
                "employee_id": employee.id,
                "skill_type_id": self.skill_type.id,
                "skill_id": self.skill.id,
                "skill_level_id": self._pick(self.skill_levels, second).id,
            }
        )

    # Development plans, kudos -------------------------------------------------------------

    def _op_plan_action(self, first, second, value):
        actions = self._all("performance.development.action")
        if value % 3 == 0 or not actions:
            self.env["performance.development.action"].create(
                {"plan_id": self.plan.id, "name": f"Figures action {value}"}
            )
            return
        state = ("todo", "in_progress", "done", "cancelled")[second % 4]
        self._pick(actions, first).state = state

    def _op_plan_action_unlink(self, first, second, value):
        self._pick(self._all("performance.development.action"), first).unlink()

    def _op_readiness_weight(self, first, second, value):
        self.company.performance_readiness_skill_weight = value

    def _op_kudos_receivers(self, first, second, value):
        receivers = self._pick(self._employees(), first) | self._pick(self._employees(), second)
        self.recognition.receiver_ids = receivers


@tagged("post_install", "-at_install")
class TestFiguresAgree(PerformanceCase, HttpCase):
    """A readiness of 46.7 %: 47 on the portal, in the overview, in the PDF and in the backend
    (whose progress bars round half up), never 46 on one of them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        path = cls.env["performance.career.path"].create({"name": "Agree path"})
        step = cls.env["performance.career.step"].create(
            {
                "path_id": path.id,
                "job_id": cls.env["hr.job"].create({"name": "Agree job"}).id,
                "level": 1,
            }
        )
        # no expected skill: the readiness is the share of actions done, 7 of 15
        cls.plan = cls.env["performance.development.plan"].create(
            {
                "employee_id": cls.portal_employee.id,
                "target_step_id": step.id,
                "action_ids": [
                    Command.create(
                        {
                            "name": f"Agree action {index}",
                            "state": "done" if index < 7 else "todo",
                            "date_deadline": fields.Date.today() + timedelta(days=30),
                        }
                    )
                    for index in range(15)
                ],
            }
        )
        cls.plan.action_start()

    def test_readiness_agrees_everywhere(self):
        self.assertEqual(self.plan.readiness, 46.7)
        # the web client's progress bar: Math.round, half up
        backend = int(self.plan.readiness + 0.5)
        self.assertEqual((backend, percent(self.plan.readiness)), (47, 47))

        self.authenticate("pm_portal", "pm_portal")
        for url in (
            "/my/performance",
            "/my/performance/plans",
            f"/my/performance/development/{self.plan.id}",
        ):
            response = self.url_open(url)
            self.assertEqual(response.status_code, 200, url)
            # each progress bar: its value for screen readers, its width and its label
            shown = re.findall(
                r'aria-valuenow="(\d+)"[^>]*>\s*<div class="progress-bar" style="width: (\d+)%">'
                r"</div>\s*</div>\s*<small[^>]*>(\d+)%",
                response.text,
            )
            self.assertIn(("47", "47", "47"), shown, url)
            self.assertNotIn("46%", response.text, url)

        # the overview of the employee, as her manager reads it
        overview = (
            self.env["hr.employee.public"]
            .with_user(self.user_manager)
            .browse(self.portal_employee.id)
            .get_performance_overview()
        )
        rows = next(
            section["rows"]
            for section in overview["sections"]
            if section["key"] == "development_plan"
        )
        self.assertEqual([row["progress"] for row in rows], [47])

        # the employee's performance summary PDF, as an officer prints it
        html = str(
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            ._render_qweb_html(
                "performance_management.action_report_performance_employee_summary",
                self.portal_employee.ids,
            )[0]
        )
        self.assertRegex(html, r"Readiness:</strong>\s*47%")
