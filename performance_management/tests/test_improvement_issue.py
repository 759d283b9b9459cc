from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import tagged

from .common import PerformanceCase


@tagged("post_install", "-at_install")
class TestPerformanceIssues(PerformanceCase):
    """Each signal raises an issue, only when it should; managers act on them."""

    def _issues(self, rule=None):
        domain = [("state", "=", "open")] + ([("rule", "=", rule)] if rule else [])
        return self.env["performance.issue"].search(domain)

    def _rated_review(self, employee, value):
        scale = self.env["performance.rating.scale"].create(
            {
                "name": "Issue scale",
                "level_ids": [
                    Command.create({"value": v, "name": f"L{v}"}) for v in (1, 2, 3, 4, 5)
                ],
            }
        )
        template = self.env["performance.review.template"].create(
            {
                "name": "Issue template",
                "scale_id": scale.id,
                "question_weight": 100,
                "competency_weight": 0,
                "goal_weight": 0,
                "line_ids": [Command.create({"name": "Delivery", "question_type": "rating"})],
            }
        )
        review = self.env["performance.review"].create(
            {
                "employee_id": employee.id,
                "template_id": template.id,
                "date_start": "2026-01-01",
                "date_end": "2026-06-30",
            }
        )
        level = scale.level_ids.filtered(lambda lv: lv.value == value)
        review.sudo().assessment_ids.final_rating_id = level
        return review

    @freeze_time("2026-07-01")
    def test_low_rating(self):
        self.env.company.performance_issue_rating_threshold = 2
        self._rated_review(self.employee, 2)
        self._rated_review(self.peer, 3)
        self.env["performance.issue"]._compute_issues(self.env.company)
        issues = self._issues("low_rating")
        self.assertEqual(issues.employee_id, self.employee)
        self.assertIn("2", issues.reason)
        self.env.company.performance_issue_rating = False
        self.env["performance.issue"]._compute_issues(self.env.company)
        self.assertFalse(self._issues("low_rating"), "switched off: resolved, not raised")

    def test_goals_off_track_and_missed_checkins(self):
        with freeze_time("2026-01-01"):
            late = self._goal(
                self.employee, name="Late goal", date_deadline="2026-02-01", state="active"
            )
            fine = self._goal(self.peer, name="Fine goal", state="active")
            draft = self._goal(self.other_employee, name="Draft goal", date_deadline="2026-02-01")
        with freeze_time("2026-01-20"):
            self.env["performance.goal.checkin"].create(
                {"goal_id": fine.id, "confidence": "on_track"}
            )
        with freeze_time("2026-02-10"):
            self.env["performance.issue"]._compute_issues(self.env.company)
            self.assertEqual(self._issues("goal_off_track").employee_id, self.employee)
            self.assertFalse(self._issues("missed_checkin"), "45 days have not passed")
        with freeze_time("2026-03-10"):
            self.env["performance.issue"]._compute_issues(self.env.company)
            missed = self._issues("missed_checkin")
            self.assertEqual(missed.employee_id, self.employee | self.peer)
            self.assertNotIn(self.other_employee, self._issues().employee_id, draft.name)
            # Running twice raises nothing twice.
            count = len(self._issues())
            self.env["performance.issue"]._compute_issues(self.env.company)
            self.assertEqual(len(self._issues()), count)
            # Off track by confidence.
            self.env["performance.goal.checkin"].create(
                {"goal_id": fine.id, "confidence": "off_track"}
            )
            self.env["performance.issue"]._compute_issues(self.env.company)
            self.assertEqual(self._issues("goal_off_track").employee_id, self.employee | self.peer)
            self.assertNotIn(self.peer, self._issues("missed_checkin").employee_id, "resolved")
            late.state = "done"
            self.env["performance.issue"]._compute_issues(self.env.company)
            self.assertEqual(self._issues("goal_off_track").employee_id, self.peer)

    @freeze_time("2026-03-01")
    def test_repeated_constructive_feedback(self):
        Feedback = self.env["performance.feedback"].with_user(self.user_peer)
        for i in range(2):
            Feedback.create(
                {
                    "employee_id": self.employee.id,
                    "feedback_type": "constructive",
                    "message": f"<p>Late again {i}</p>",
                    "visibility": "private",
                }
            )
        Feedback.create(
            {"employee_id": self.employee.id, "feedback_type": "praise", "message": "<p>Nice</p>"}
        )
        self.env["performance.issue"]._compute_issues(self.env.company)
        self.assertFalse(self._issues("constructive_feedback"))
        Feedback.create(
            {
                "employee_id": self.employee.id,
                "feedback_type": "constructive",
                "message": "<p>Late once more</p>",
            }
        )
        self.env["performance.issue"]._compute_issues(self.env.company)
        self.assertEqual(self._issues("constructive_feedback").employee_id, self.employee)

    @freeze_time("2026-03-01")
    def test_query_count_is_per_company_not_per_employee(self):
        Feedback = self.env["performance.feedback"].with_user(self.user_peer)
        targets = self.employee | self.manager | self.director
        for employee in targets:
            for i in range(3):
                Feedback.create(
                    {
                        "employee_id": employee.id,
                        "feedback_type": "constructive",
                        "message": f"<p>x{i}</p>",
                    }
                )
        Issue = self.env["performance.issue"]
        Issue._compute_issues(self.env.company)
        Issue.search([]).unlink()
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=22):
            Issue._compute_issues(self.env.company)
        self.assertEqual(self._issues("constructive_feedback").employee_id, targets)

    @freeze_time("2026-03-01")
    def test_manager_acts_on_issues(self):
        Feedback = self.env["performance.feedback"].with_user(self.user_peer)
        for employee in (self.employee, self.other_employee):
            for i in range(3):
                Feedback.create(
                    {
                        "employee_id": employee.id,
                        "feedback_type": "constructive",
                        "message": f"<p>x{i}</p>",
                    }
                )
        self.env["performance.issue"]._compute_issues(self.env.company)
        Issue = self.env["performance.issue"]
        mine = Issue.with_user(self.user_manager).search([])
        self.assertEqual(mine.employee_id, self.employee, "only the chain's issues")
        self.assertEqual(Issue.with_user(self.user_director).search([]), mine)
        self.assertEqual(len(Issue.with_user(self.user_officer).search([])), 2)
        self.assertFalse(Issue.with_user(self.user_employee).search([]), "not your own")
        self.assertFalse(Issue.with_user(self.user_peer).search([]))
        with self.assertRaises(AccessError):
            mine.with_user(self.user_employee).read(["reason"])
        action = mine.with_user(self.user_manager).action_open_plan()
        plan = self.env["performance.improvement.plan"].browse(action["res_id"])
        self.assertEqual(plan.employee_id, self.employee)
        self.assertEqual(mine.state, "plan")
        self.assertEqual(mine.plan_id, plan)
        other = Issue.with_user(self.user_other_manager).search([])
        with self.assertRaises(UserError):
            other.action_dismiss(" ")
        self.env["performance.issue.dismiss"].with_user(self.user_other_manager).create(
            {"issue_ids": [Command.set(other.ids)], "reason": "Known, temporary"}
        ).action_dismiss()
        self.assertEqual(other.state, "dismissed")
        # A dismissed issue is not raised again right away.
        self.env["performance.issue"]._compute_issues(self.env.company)
        self.assertFalse(self._issues())

    @freeze_time("2026-03-01")
    def test_refresh_from_the_list(self):
        Feedback = self.env["performance.feedback"].with_user(self.user_peer)
        for i in range(3):
            Feedback.create(
                {
                    "employee_id": self.employee.id,
                    "feedback_type": "constructive",
                    "message": f"<p>x{i}</p>",
                }
            )
        Issue = self.env["performance.issue"].with_user(self.user_manager)
        action = Issue.browse().action_refresh()
        self.assertEqual(action["tag"], "reload")
        self.assertEqual(Issue.search([]).employee_id, self.employee)

    def test_cron_companies(self):
        """The cron checks companies with a rule on, and those whose open issues may go."""
        Issue = self.env["performance.issue"]
        quiet = self.env["res.company"].create(
            {
                "name": "No Issue Rules",
                "performance_issue_rating": False,
                "performance_issue_goal": False,
                "performance_issue_checkin": False,
                "performance_issue_feedback": False,
            }
        )
        self.assertIn(self.env.company, Issue._get_companies_to_check())
        self.assertNotIn(quiet, Issue._get_companies_to_check())
        employee = self.env["hr.employee"].create({"name": "Quinn Quiet", "company_id": quiet.id})
        issue = Issue.create(
            {
                "company_id": quiet.id,
                "employee_id": employee.id,
                "rule": "low_rating",
                "reason": "Rated before the rules were switched off",
            }
        )
        self.assertIn(quiet, Issue._get_companies_to_check())
        Issue._compute_issues()
        self.assertEqual(issue.state, "resolved", "no rule is on any more: the signal is gone")
        self.assertNotIn(quiet, Issue._get_companies_to_check())
