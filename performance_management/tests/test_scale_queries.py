from freezegun import freeze_time

from odoo.fields import Command
from odoo.tests import new_test_user, tagged
from odoo.tests.common import warmup

from .common import ReviewCase


@tagged("post_install", "-at_install")
@freeze_time("2026-11-01")
class TestScaleQueries(ReviewCase):
    """What a company of thousands runs costs the same number of queries for ten people."""

    def _people(self, count, label, users=False):
        department = self.env["hr.department"].create({"name": f"Scale {label}"})
        employees = self.env["hr.employee"].create(
            [
                {
                    "name": f"Scale {label} {index}",
                    "department_id": department.id,
                    "parent_id": self.manager.id,
                    "work_email": f"scale.{label}.{index}@example.com",
                    "user_id": new_test_user(self.env, login=f"scale_{label}_{index}").id
                    if users
                    else False,
                }
                for index in range(count)
            ]
        )
        return department, employees

    def _overdue_goals(self, employees):
        return self.env["performance.goal"].create(
            [
                {
                    "name": f"Late goal of {employee.name}",
                    "employee_id": employee.id,
                    "state": "active",
                    "date_start": "2026-01-01",
                    "date_deadline": "2026-06-30",
                }
                for employee in employees
            ]
        )

    def _queries(self, function):
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        function()
        self.env.flush_all()
        return self.cr.sql_log_count - start

    @warmup
    def test_issue_detection_does_not_grow_with_employees(self):
        Issue = self.env["performance.issue"]
        _department, few = self._people(3, "few")
        self._overdue_goals(few)
        few_queries = self._queries(lambda: Issue._compute_issues(self.env.company))
        self.assertEqual(Issue.search([("rule", "=", "goal_off_track")]).employee_id, few)
        _department, many = self._people(30, "many")
        self._overdue_goals(many)
        with self.assertQueryCount(few_queries):
            Issue._compute_issues(self.env.company)
            self.env.flush_all()
        self.assertEqual(
            Issue.search([("rule", "=", "goal_off_track"), ("state", "=", "open")]).employee_id,
            few | many,
        )

    @warmup
    def test_cycle_evaluation_does_not_grow_with_reviews(self):
        fields = ["review_count", "self_done_count", "no_manager_count", "distribution_data"]
        counts = []
        for count in (2, 3, 30):  # the first one fills the caches
            department, employees = self._people(count, f"eval{count}")
            cycle = self.cycle.copy(
                {"name": f"Scale {count}", "department_ids": [Command.set(department.ids)]}
            )
            reviews = self.launch(cycle)
            self.assertEqual(reviews.employee_id, employees)
            assessments = reviews.sudo().assessment_ids
            assessments[::2].write({"final_rating_id": self.levels[2].id})
            assessments[1::2].write({"final_rating_id": self.levels[4].id})
            as_officer = cycle.with_user(self.user_officer)
            counts.append(self._queries(lambda as_officer=as_officer: as_officer.read(fields)))
            self.assertEqual(as_officer.review_count, count)
            chart = {row["level"]: row["count"] for row in as_officer.distribution_data["levels"]}
            self.assertEqual(chart["Outstanding"], count // 2)
        self.assertEqual(counts[1], counts[2])

    @warmup
    def test_launch_makes_assignees_followers_once(self):
        _department, employees = self._people(4, "follow", users=True)
        cycle = self.cycle.copy(
            {"name": "Followers", "department_ids": [Command.set(employees.department_id.ids)]}
        )
        reviews = self.launch(cycle)
        self.assertEqual(len(reviews), 4)
        for review in reviews:
            partner = review.employee_id.user_id.partner_id
            followers = review.message_follower_ids.filtered(
                lambda f, p=partner: f.partner_id == p
            )
            self.assertEqual(len(followers), 1, "followed once, not once per subscription")
            self.assertTrue(followers.subtype_ids)
            self.assertEqual(review.activity_ids.user_id, review.employee_id.user_id)
        # The invitation is rendered by substitution: names and deadline are in it.
        mail = self.env["mail.mail"].search(
            [("model", "=", "performance.review"), ("res_id", "=", reviews[0].id)]
        )
        self.assertIn(reviews[0].employee_id.name, mail.body_html)
        self.assertIn("11/15/2026", mail.body_html)
        self.assertIn(self.manager.name, mail.body_html)
