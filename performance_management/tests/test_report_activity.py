from freezegun import freeze_time

from odoo.tests import tagged

from .common import PerformanceCase


@tagged("post_install", "-at_install")
@freeze_time("2026-06-15")
class TestActivityAndGoalAnalysis(PerformanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Goal = cls.env["performance.goal"]
        cls.goal_eli = Goal.create(
            {
                "name": "Write the analysis guide",
                "employee_id": cls.employee.id,
                "progress_mode": "manual",
                "manual_progress": 60.0,
                "state": "active",
                "date_start": "2026-01-01",
                "date_deadline": "2026-06-30",
            }
        )
        cls.goal_olga = Goal.create(
            {
                "name": "Open two accounts",
                "employee_id": cls.other_employee.id,
                "progress_mode": "manual",
                "manual_progress": 100.0,
                "state": "done",
                "date_start": "2026-01-01",
                "date_deadline": "2026-05-31",
            }
        )
        cls.goal_template = Goal.create(
            {"name": "Library goal", "is_template": True, "scope": "employee"}
        )
        Feedback = cls.env["performance.feedback"]
        cls.private_feedback = Feedback.create(
            {
                "employee_id": cls.employee.id,
                "author_id": cls.manager.id,
                "message": "<p>Needs to prepare meetings.</p>",
                "feedback_type": "constructive",
                "visibility": "private",
            }
        )
        cls.shared_feedback = Feedback.create(
            {
                "employee_id": cls.employee.id,
                "author_id": cls.peer.id,
                "message": "<p>Great demo.</p>",
                "feedback_type": "praise",
                "visibility": "shared",
            }
        )
        # An anonymous answer below the threshold: neither counted nor attributed.
        Feedback.create(
            {
                "employee_id": cls.employee.id,
                "message": "<p>Anonymous words.</p>",
                "anonymous": True,
                "is_request": True,
                "visibility": "private",
            }
        )
        cls.value = cls.env["performance.value"].create({"name": "Report Candour"})
        cls.env["performance.recognition"].create(
            {
                "giver_id": cls.peer.id,
                "receiver_ids": [(6, 0, (cls.employee | cls.other_employee).ids)],
                "value_id": cls.value.id,
                "message": "<p>Thanks for the help.</p>",
            }
        )

    def activity(self, user, domain=None):
        return self.env["performance.activity.report"].with_user(user).search(domain or [])

    def test_activity_counts(self):
        rows = self.activity(self.user_officer)
        by_kind = {}
        for row in rows:
            by_kind.setdefault(row.kind, self.env["performance.activity.report"])
            by_kind[row.kind] |= row
        self.assertEqual(len(by_kind["feedback"]), 2)
        self.assertEqual(len(by_kind["recognition"]), 2)
        self.assertEqual(by_kind["recognition"].employee_id, self.employee | self.other_employee)
        self.assertEqual(by_kind["recognition"].value_id, self.value)
        self.assertEqual(by_kind["recognition"].author_id, self.peer)
        counts = dict(
            self.env["performance.activity.report"]
            .with_user(self.user_officer)
            ._read_group([("kind", "=", "feedback")], ["feedback_type"], ["__count"])
        )
        self.assertEqual(counts, {"praise": 1, "constructive": 1})

    def test_activity_respects_privacy(self):
        # Eli sees the praise and the recognition, not the private note about him.
        mine = self.activity(self.user_employee)
        feedback = mine.filtered(lambda row: row.kind == "feedback")
        self.assertEqual(feedback.mapped("feedback_type"), ["praise"])
        self.assertEqual(feedback.author_id, self.peer)
        self.assertEqual(set(mine.mapped("kind")), {"feedback", "recognition"})
        # His manager sees the private note too; the other team stays out.
        team = self.activity(self.user_manager)
        self.assertEqual(team.employee_id, self.employee)
        self.assertEqual(len(team.filtered(lambda row: row.kind == "feedback")), 2)
        self.assertNotIn(self.other_employee, self.activity(self.user_manager).employee_id)
        self.assertFalse(self.activity(self.user_peer, [("employee_id", "=", self.employee.id)]))

    def test_goal_attainment_by_team(self):
        Report = self.env["performance.goal.report"].with_user(self.user_officer)
        by_team = {
            department: (progress, achieved)
            for department, progress, achieved in Report._read_group(
                [], ["department_id"], ["progress:avg", "achieved_rate:avg"]
            )
        }
        self.assertEqual(by_team[self.department], (60.0, 0.0))
        self.assertEqual(by_team[self.other_department], (100.0, 100.0))
        self.assertNotIn(self.goal_template.id, Report.search([]).goal_id.ids)
        by_quarter = dict(Report._read_group([], ["date_deadline:quarter"], ["__count"]))
        self.assertEqual(sum(by_quarter.values()), 2)

    def test_goal_analysis_within_access(self):
        self.user_manager.group_ids += self.env.ref("base.group_allow_export")
        Report = self.env["performance.goal.report"]
        self.assertEqual(Report.with_user(self.user_employee).search([]).goal_id, self.goal_eli)
        self.assertEqual(Report.with_user(self.user_manager).search([]).goal_id, self.goal_eli)
        self.assertEqual(
            Report.with_user(self.user_other_manager).search([]).goal_id, self.goal_olga
        )
        team = Report.with_user(self.user_director).search([("is_my_team", "=", True)])
        self.assertEqual(team.goal_id, self.goal_eli)
        rows = (
            Report.with_user(self.user_manager)
            .search([])
            .export_data(["goal_id", "employee_id", "progress"])["datas"]
        )
        self.assertEqual(rows, [["Write the analysis guide", "Eli Employee", 60.0]])
