from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import tagged

from .common import ReviewCase


@tagged("post_install", "-at_install")
@freeze_time("2026-12-10 12:00:00")
class TestDigest(ReviewCase):
    """Reviews completed, kudos given and goals at risk in Odoo's periodic digest."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.digest = cls.env["digest.digest"].create(
            {
                "name": "Performance weekly",
                "company_id": cls.company.id,
                "kpi_performance_review_done": True,
                "kpi_performance_kudos": True,
                "kpi_performance_goal_at_risk": True,
            }
        )

        def review(employee, state, released):
            record = cls.env["performance.review"].create(
                {
                    "employee_id": employee.id,
                    "manager_id": cls.manager.id,
                    "template_id": cls.template.id,
                    "review_type": "probation",
                    "date_start": "2026-06-01",
                    "date_end": "2026-11-30",
                }
            )
            record.write({"state": state, "date_released": released})
            return record

        review(cls.employee, "released", "2026-12-02")
        review(cls.peer, "done", "2026-12-08")
        review(cls.nouser_employee, "released", "2026-11-20")  # before the period
        review(cls.portal_employee, "calibration", False)
        value = cls.env["performance.value"].create({"name": "Digest Value"})
        for day in (3, 9, 12):  # the 12th is after the period
            with freeze_time(f"2026-12-{day:02d} 09:00:00"):
                cls.env["performance.recognition"].with_user(cls.user_peer).create(
                    {
                        "receiver_ids": [Command.set(cls.employee.ids)],
                        "value_id": value.id,
                        "message": "<p>Thanks</p>",
                    }
                )

        def goal(name, checkins, state="active"):
            record = cls.env["performance.goal"].create(
                {
                    "name": name,
                    "employee_id": cls.employee.id,
                    "progress_mode": "manual",
                    "state": "active",
                    "date_deadline": "2026-12-31",
                }
            )
            for date, confidence in checkins:
                cls.env["performance.goal.checkin"].create(
                    {"goal_id": record.id, "date": date, "confidence": confidence}
                )
            record.state = state
            return record

        goal("Twice at risk", [("2026-12-02", "at_risk"), ("2026-12-05", "off_track")])
        goal("At risk before", [("2026-11-02", "at_risk")])
        goal("On track", [("2026-12-04", "on_track")])
        goal("Closed at risk", [("2026-12-04", "at_risk")], state="done")
        cls.env["performance.goal.checkin"].create(
            {
                "goal_id": cls.env["performance.goal"]
                .create(
                    {
                        "name": "B goal",
                        "employee_id": cls.employee_b.id,
                        "company_id": cls.company_b.id,
                        "progress_mode": "manual",
                        "state": "active",
                    }
                )
                .id,
                "date": "2026-12-04",
                "confidence": "at_risk",
            }
        )

    def values(self, user, start="2026-12-01", end="2026-12-10"):
        self.digest.invalidate_recordset()  # as the digest does between its periods
        digest = self.digest.with_user(user).with_context(
            start_datetime=datetime.fromisoformat(start),
            end_datetime=datetime.fromisoformat(end),
        )
        return (
            digest.kpi_performance_review_done_value,
            digest.kpi_performance_kudos_value,
            digest.kpi_performance_goal_at_risk_value,
        )

    def test_kpis_on_a_date_range(self):
        self.assertEqual(self.values(self.user_officer), (2, 2, 1))
        self.assertEqual(self.values(self.user_officer, "2026-11-01", "2026-12-01"), (1, 0, 1))
        self.assertEqual(self.values(self.user_officer, "2026-12-10", "2026-12-31"), (0, 1, 0))

    def test_kpis_are_for_performance_officers(self):
        for user in (self.user_manager, self.user_employee):
            digest = self.digest.with_user(user).with_context(
                start_datetime=datetime(2026, 12, 1), end_datetime=datetime(2026, 12, 10)
            )
            for fname in (
                "kpi_performance_review_done_value",
                "kpi_performance_kudos_value",
                "kpi_performance_goal_at_risk_value",
            ):
                with self.subTest(user=user.login, kpi=fname), self.assertRaises(AccessError):
                    digest.mapped(fname)
                digest.invalidate_recordset()

    def test_default_digest_and_its_links(self):
        default = self.env.ref("digest.digest_digest_default")
        self.assertTrue(default.kpi_performance_review_done)
        self.assertTrue(default.kpi_performance_kudos)
        self.assertTrue(default.kpi_performance_goal_at_risk)
        actions = self.digest._compute_kpis_actions(self.company, self.user_officer)
        for kpi in (
            "kpi_performance_review_done",
            "kpi_performance_kudos",
            "kpi_performance_goal_at_risk",
        ):
            xmlid = actions[kpi].split("?")[0]
            self.assertTrue(self.env.ref(xmlid, raise_if_not_found=False), xmlid)
        # the digest mail renders the KPIs for an officer
        self.digest.user_ids = self.user_officer
        self.digest.action_send()
