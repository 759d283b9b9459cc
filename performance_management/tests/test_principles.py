import io

from freezegun import freeze_time
from PyPDF2 import PdfReader

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import GoalCase


@tagged("post_install", "-at_install")
class TestPrinciples(GoalCase):
    """The works-council pack: versioned principles, their PDF, the monitoring switches."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param("report.url", "http://127.0.0.1:9")
        cls.env["performance.merit.matrix"].create(
            {"rating_min": 4, "attainment_min": 80, "raise_percent": 4.5}
        )
        cls.Version = cls.env["performance.principles.version"]

    def test_version_snapshot_pdf_and_approval(self):
        version = self.Version.with_user(self.user_admin).create(
            {"name": "Works agreement 2027", "date_effective": "2027-01-01"}
        )
        snapshot = version.snapshot
        self.assertEqual(snapshot["merit_matrix"][0]["raise"], 4.5)
        self.assertTrue(snapshot["issue_rules"])
        self.assertTrue(snapshot["roles"])
        self.assertEqual(snapshot["key_result_sources"]["monitoring"], "Per Employee")
        # an officer reads it, but cannot approve or change it
        self.assertEqual(version.with_user(self.user_officer).name, "Works agreement 2027")
        with mute_logger("odoo.addons.base.models.ir_model"):
            with self.assertRaises(AccessError):
                version.with_user(self.user_officer).action_approve()
            with self.assertRaises(AccessError):
                version.with_user(self.user_officer).write({"name": "Changed"})
            with self.assertRaises(AccessError):
                self.Version.with_user(self.user_manager).create({"name": "Mine"})
            with self.assertRaises(AccessError):
                version.with_user(self.user_officer_b).read(["name"])
        self.assertEqual(version.state, "draft")
        with freeze_time("2026-12-20 10:00:00"):
            version.with_user(self.user_admin).action_approve()
        self.assertEqual(version.state, "approved")
        self.assertEqual(version.approver_id, self.user_admin)
        self.assertEqual(str(version.date_approved), "2026-12-20 10:00:00")
        with self.assertRaises(UserError):
            version.with_user(self.user_admin).write({"name": "Rewritten"})
        with self.assertRaises(UserError):
            version.with_user(self.user_admin).unlink()
        with self.assertRaises(UserError):
            version.with_user(self.user_admin).action_approve()

        report = self.env.ref("performance_management.performance_principles_version_report")
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report, version.ids)
        )
        self.assertEqual(kind, "pdf")
        text = " ".join(
            " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split()
        )
        for expected in ("Works agreement 2027", "Merit Matrix", "Retention", "Who Sees What"):
            self.assertIn(expected, text)

    def test_switches_stop_key_results_from_odoo_data(self):
        model = self.env["ir.model"]._get("calendar.event")
        kr_values = {
            "name": "Meetings",
            "source": "automatic",
            "model_id": model.id,
            "computation_mode": "count",
            "domain": "[]",
            "target_value": 10,
        }
        KeyResult = self.env["performance.key.result"].with_user(self.user_admin)
        goal = self._goal(self.employee, state="active")
        kr = KeyResult.create(dict(kr_values, goal_id=goal.id))
        self.assertTrue(kr.last_computed)
        team_goal = self._goal(
            False, state="active", scope="department", department_id=self.department.id
        )
        self.company.performance_monitor_key_results = "team"
        with self.assertRaises(UserError):
            KeyResult.create(dict(kr_values, goal_id=goal.id, name="Individual"))
        team_kr = KeyResult.create(dict(kr_values, goal_id=team_goal.id, name="Team"))
        self.assertTrue(team_kr.last_computed)
        self.company.performance_monitor_key_results = "off"
        with self.assertRaises(UserError):
            KeyResult.create(dict(kr_values, goal_id=team_goal.id, name="Team 2"))
        # the daily job leaves their values as they were
        kr.sudo().current_value = 7
        kr.sudo().last_computed = False
        self.env["performance.key.result"]._cron_update_automatic_values()
        self.assertEqual(kr.current_value, 7)

    @freeze_time("2026-03-10")
    def test_switches_stop_missed_checkin_issues(self):
        with freeze_time("2026-01-01"):
            self._goal(self.employee, state="active", date_deadline="2026-12-31")
        Issue = self.env["performance.issue"]
        self.company.performance_monitor_checkins = "off"
        Issue._compute_issues(self.company)
        self.assertFalse(Issue.search([("rule", "=", "missed_checkin")]))
        self.company.performance_monitor_checkins = "individual"
        Issue._compute_issues(self.company)
        self.assertEqual(
            Issue.search([("rule", "=", "missed_checkin")]).employee_id, self.employee
        )
        self.company.performance_monitor_checkins = "team"
        Issue._compute_issues(self.company)
        self.assertFalse(Issue.search([("rule", "=", "missed_checkin"), ("state", "=", "open")]))

    def test_settings_carry_the_switches(self):
        settings = self.env["res.config.settings"].create({})
        settings.performance_monitor_scorecards = "team"
        settings.execute()
        self.assertEqual(self.company.performance_monitor_scorecards, "team")
