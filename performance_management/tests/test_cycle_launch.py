import time
from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.service.model import call_kw
from odoo.sql_db import Cursor
from odoo.tests import Form, tagged
from odoo.tools import config

from .common import ReviewCase


@tagged("post_install", "-at_install")
@freeze_time("2026-11-01")
class TestCycleLaunch(ReviewCase):
    def run_launch_cron(self):
        Cron = type(self.env["ir.cron"])
        with patch.object(Cron, "_commit_progress", return_value=60.0):
            self.env["performance.cycle"]._cron_launch_cycles()

    def test_only_its_companys_officers_launch_a_cycle(self):
        # the launch reads participants, templates, skills and goals and creates reviews,
        # requests and to-dos in sudo: only after its officer check, on a cycle he reads
        for user in (
            self.user_employee,
            self.user_manager,
            self.user_portal,
            self.user_officer_b,
        ):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                call_kw(
                    self.env["performance.cycle"].with_user(user),
                    "action_launch",
                    [self.cycle.ids],
                    {},
                )
        self.assertFalse(self.cycle.review_ids)
        self.assertEqual(self.cycle.state, "draft")

    def test_launch_twice_creates_nothing_twice_and_adds_late_joiners(self):
        reviews = self.launch()
        lines = reviews.line_ids
        activities = self.env["mail.activity"].search([("res_model", "=", "performance.review")])
        notification = self.cycle.with_user(self.user_officer).action_add_late_joiners()
        self.assertIn("no review was added", notification["params"]["message"])
        self.assertEqual(self.cycle.review_ids, reviews)
        self.assertEqual(reviews.line_ids, lines)
        self.assertEqual(
            self.env["mail.activity"].search([("res_model", "=", "performance.review")]),
            activities,
        )
        joiner = self.env["hr.employee"].create(
            {
                "name": "Late Joiner",
                "department_id": self.department.id,
                "parent_id": self.manager.id,
            }
        )
        notification = self.cycle.with_user(self.user_officer).action_add_late_joiners()
        self.assertEqual(notification["params"]["message"], "One late joiner added to the cycle.")
        self.assertEqual(self.cycle.review_ids - reviews, self.review_of(joiner))
        self.cycle.with_user(self.user_officer).action_launch()
        self.assertEqual(len(self.cycle.review_ids), len(reviews) + 1)

    def test_new_template_takes_the_only_rating_scale(self):
        Template = self.env["performance.review.template"].with_user(self.user_officer)
        scales = self.env["performance.rating.scale"].search([])
        if len(scales) == 1:
            scales |= scales.copy({"name": "Three-Point Scale"})
        # a choice to make: nothing chosen for the officer
        self.assertFalse(Form(Template).scale_id)
        (scales - scales[0]).sudo().action_archive()
        self.assertEqual(Form(Template).scale_id, scales[0])

    def test_large_cycle_launches_in_batches_through_the_cron(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "performance_management.launch_batch_size", 3
        )
        participants = self.cycle._get_pending_participants()
        self.launch()
        self.assertEqual(self.cycle.launch_state, "queued")
        self.assertFalse(self.cycle.review_ids)
        self.run_launch_cron()
        self.assertEqual(self.cycle.launch_state, "done")
        self.assertFalse(self.cycle._get_pending_participants())
        self.assertEqual(self.cycle.review_ids.employee_id, participants)
        self.run_launch_cron()
        self.assertEqual(len(self.cycle.review_ids), len(participants))

    def run_launch_as_cron(self, launch_seconds):
        """The launch cron as the scheduler runs it, its turn already over; return the
        progress it reported (done in this run, remaining)."""
        cron = self.env.ref("performance_management.ir_cron_performance_cycle_launch")
        Cycle = type(self.env["performance.cycle"])
        with (
            patch.object(Cycle, "_launch_cron_seconds", return_value=launch_seconds),
            self.enter_registry_test_mode(),
            self.registry.cursor() as cr,
        ):
            env = self.env(cr=cr, context={"cron_id": cron.id})
            cron, progress = env["ir.cron"].browse(cron.id)._add_progress()
            cron.env["performance.cycle"].with_context(
                cron_end_time=time.monotonic() - 1
            )._cron_launch_cycles()
            done, remaining = progress.done, progress.remaining
        self.env.invalidate_all()
        return done, remaining

    def test_launch_keeps_the_cron_worker_within_its_budget(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "performance_management.launch_batch_size", 2
        )
        participants = self.cycle._get_pending_participants()
        self.launch()
        self.assertGreater(len(participants), 4)
        # past its own budget, the launch gives the worker back after each batch, committed
        self.assertEqual(self.run_launch_as_cron(-1), (2, len(participants) - 2))
        self.assertEqual(len(self.cycle.review_ids), 2)
        self.assertEqual(self.cycle.launch_state, "queued")
        # within it, the scheduler's turn being over does not stop it: it ends the launch
        done, remaining = self.run_launch_as_cron(3600)
        self.assertEqual((done, remaining), (len(participants) - 2, 0))
        self.assertEqual(self.cycle.launch_state, "done")
        self.assertEqual(self.cycle.review_ids.employee_id, participants)

    def test_launch_budget_is_half_the_cron_time_limit(self):
        Cycle = self.env["performance.cycle"]
        for cron_limit, real_limit, seconds in ((-1, 120, 60), (300, 120, 150), (0, 120, 600)):
            with (
                self.subTest(cron_limit=cron_limit),
                patch.dict(
                    config.options,
                    {"limit_time_real_cron": cron_limit, "limit_time_real": real_limit},
                ),
            ):
                self.assertEqual(Cycle._launch_cron_seconds(), seconds)

    def test_participants_by_tag_list_and_domain(self):
        tag = self.env["hr.employee.category"].create({"name": "Reviewed"})
        self.peer.category_ids = tag
        self.cycle.write({"participant_mode": "tag", "category_ids": [Command.set(tag.ids)]})
        self.assertEqual(self.cycle._get_pending_participants(), self.peer)
        self.cycle.write(
            {
                "participant_mode": "employee",
                "employee_ids": [Command.set((self.employee | self.peer).ids)],
            }
        )
        self.assertEqual(self.cycle._get_pending_participants(), self.employee | self.peer)
        self.cycle.write(
            {
                "participant_mode": "domain",
                "participant_domain": f"[('parent_id', '=', {self.other_manager.id})]",
            }
        )
        self.assertEqual(self.cycle._get_pending_participants(), self.other_employee)

    def test_template_by_job_wins(self):
        job_template = self.template.copy(
            {"name": "Developers", "job_ids": [Command.set(self.job.ids)]}
        )
        self.launch()
        self.assertEqual(self.review_of(self.employee).template_id, job_template)
        self.assertEqual(self.review_of(self.peer).template_id, self.template)

    def _bulk_employees(self, count, department):
        return self.env["hr.employee"].create(
            [
                {
                    "name": f"Bulk {department.name} {index}",
                    "department_id": department.id,
                    "parent_id": self.manager.id,
                    "job_id": self.job.id,
                    "work_email": f"bulk{index}.{department.id}@example.com",
                }
                for index in range(count)
            ]
        )

    def _count_launch(self, employees, expected=None):
        cycle = self.cycle.copy({"name": f"Bulk {len(employees)}"})
        cycle.state = "running"
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        if expected is None:
            cycle._launch_batch(employees)
            self.env.flush_all()
        else:
            with self.assertQueryCount(expected):
                cycle._launch_batch(employees)
                self.env.flush_all()
        count = self.cr.sql_log_count - start
        self.assertEqual(len(cycle.review_ids), len(employees))
        return count

    def test_queries_per_batch_do_not_grow_with_employees(self):
        small = self._bulk_employees(10, self.env["hr.department"].create({"name": "Ten"}))
        large = self._bulk_employees(50, self.env["hr.department"].create({"name": "Fifty"}))
        self._count_launch(self._bulk_employees(2, self.other_department))  # warm-up
        queries_10 = self._count_launch(small)
        queries_50 = self._count_launch(large, expected=queries_10)
        self.assertEqual(queries_10, queries_50)

    def test_scores_summed_in_sql_for_a_batch_match_the_lines_one_by_one(self):
        self.env["performance.goal"].create(
            {
                "name": "Ship v2",
                "employee_id": self.employee.id,
                "progress_mode": "manual",
                "manual_progress": 70,
                "state": "active",
                "date_start": "2026-02-01",
                "date_deadline": "2026-10-01",
            }
        )
        reviews = self.launch()
        review = self.review_of(self.employee)
        self.fill(review, "employee", self.user_employee)
        review.with_user(self.user_employee).action_submit_self()
        delivery, teamwork = self.lines(review, "manager", "rating")
        delivery.with_user(self.user_manager).rating_id = self.levels[4]
        teamwork.with_user(self.user_manager).rating_id = self.levels[1]
        self.lines(review, "manager", "competency").with_user(
            self.user_manager
        ).skill_level_id = self.skill_levels[1]
        self.assertGreater(len(reviews), 2)
        assessments = reviews.assessment_ids.sudo()

        def scores():
            return [
                (a.review_id.goal_attainment, a.overall_score, a.suggested_rating_id)
                for a in assessments
            ]

        reviews.sudo()._compute_goal_attainment()
        assessments._compute_overall_score()
        in_sql = scores()
        for assessment in assessments:
            assessment.review_id.sudo()._compute_goal_attainment()
            assessment._compute_overall_score()
        self.assertEqual(in_sql, scores())
        # Questions (2 x 100 + 1 x 25) / 3 = 75, competency 50, goal 70; weights 60/20/20.
        self.assertIn((70.0, (60 * 75 + 20 * 50 + 20 * 70) / 100, self.levels[3]), in_sql)

    def test_history_keeps_the_department_it_was_written_in(self):
        self.launch()
        review = self.review_of(self.employee)
        reward = (
            self.env["performance.reward"]
            .with_user(self.user_manager)
            .create({"employee_id": self.employee.id, "kind": "bonus", "amount": 100})
            .sudo()
        )
        kudos = self.env["performance.recognition"].create(
            {
                "giver_id": self.peer.id,
                "receiver_ids": [Command.set(self.employee.ids)],
                "message": "<p>Thanks</p>",
            }
        )
        self.assertEqual(review.department_id, self.department)
        moved_to = self.env["hr.department"].create({"name": "Moved To"})
        self.env.flush_all()
        executed = []
        original = Cursor.execute

        def spy(cr, query, params=None, log_exceptions=True):
            executed.append(str(getattr(query, "code", query)))
            return original(cr, query, params, log_exceptions)

        with patch.object(Cursor, "execute", spy):
            self.employee.department_id = moved_to
            self.env.flush_all()
        # Odoo's write on the employee looks for no review, reward or kudos to update...
        touched = ("performance_review", "performance_reward", "performance_recognition")
        self.assertFalse([query for query in executed if any(t in query for t in touched)])
        # ... and they keep the team they were written in, for the analyses by department.
        for record in (review, reward, kudos):
            self.assertEqual(record.department_id, self.department)
        self.assertEqual(kudos.department_ids, self.department)
        # A new review is written in the new department.
        self.assertEqual(
            self.env["performance.review"]
            .create(
                {
                    "employee_id": self.employee.id,
                    "template_id": self.template.id,
                    "date_start": "2026-01-01",
                    "date_end": "2026-12-31",
                }
            )
            .department_id,
            moved_to,
        )

    def test_goals_of_the_period_come_in_with_their_achievement(self):
        Goal = self.env["performance.goal"]
        values = {"employee_id": self.employee.id, "progress_mode": "manual", "state": "active"}
        in_period = Goal.create(
            dict(
                values,
                name="Ship v2",
                manual_progress=60,
                date_start="2026-02-01",
                date_deadline="2026-10-01",
            )
        )
        Goal.create(
            dict(
                values,
                name="Old goal",
                manual_progress=100,
                date_start="2024-01-01",
                date_deadline="2024-12-31",
            )
        )
        Goal.create(
            dict(
                values,
                name="Dropped",
                manual_progress=10,
                state="cancel",
                date_start="2026-02-01",
                date_deadline="2026-10-01",
            )
        )
        self.launch()
        review = self.review_of(self.employee)
        self.assertEqual(review.goal_line_ids.goal_id, in_period)
        self.assertEqual(review.goal_line_ids.achievement, 60)
        self.assertEqual(review.goal_attainment, 60)
        # The goal weighs in the overall score once the manager has rated.
        in_period.manual_progress = 80
        self.fill(review, "employee", self.user_employee)
        review.with_user(self.user_employee).action_submit_self()
        self.fill(review, "manager", self.user_manager, level_index=4)
        review.with_user(self.user_manager).action_submit_manager()
        self.assertEqual(review.goal_attainment, 80)
        self.assertAlmostEqual(
            review.assessment_ids.overall_score, (60 * 100 + 20 * 100 + 20 * 80) / 100
        )
