from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .test_goal_common import GoalCase


@tagged("post_install", "-at_install")
class TestGoalAutomaticKeyResults(GoalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Event = cls.env["calendar.event"].with_context(no_mail_to_attendees=True)

        def event(name, user, start, duration=1.0):
            return Event.create(
                {
                    "name": name,
                    "user_id": user.id,
                    "start": start,
                    "stop": start.replace("09:", "10:"),
                    "duration": duration,
                    "partner_ids": [],
                }
            )

        event("Demo A", cls.user_employee, "2026-02-01 09:00:00", 1.5)
        event("Demo B", cls.user_employee, "2026-03-01 09:00:00", 2.0)
        event("Internal", cls.user_employee, "2026-03-02 09:00:00", 3.0)
        event("Demo old", cls.user_employee, "2025-12-01 09:00:00", 4.0)
        event("Demo peer", cls.user_peer, "2026-03-01 09:00:00", 0.5)
        event("Demo other", cls.user_other_employee, "2026-03-01 09:00:00", 0.25)
        cls.event = staticmethod(event)
        cls.model = cls.env["ir.model"]._get("calendar.event")
        cls.fields = {
            name: cls.env["ir.model.fields"]._get("calendar.event", name)
            for name in ("user_id", "start", "duration")
        }

    def _automatic(self, goal_values=None, user=None, **values):
        kr = {
            "name": "Customer demos",
            "source": "automatic",
            "model_id": self.model.id,
            "computation_mode": "count",
            "domain": "[('name', 'ilike', 'Demo')]",
            "owner_field_id": self.fields["user_id"].id,
            "date_field_id": self.fields["start"].id,
            "target_value": 10,
            **values,
        }
        goal = self._goal(self.employee, state="active", **(goal_values or {}))
        return (
            self.env["performance.key.result"]
            .with_user(user or self.user_officer)
            .create(dict(kr, goal_id=goal.id))
        )

    def test_count_for_the_owner_in_the_period(self):
        kr = self._automatic()
        self.assertEqual(kr.current_value, 2)
        self.assertAlmostEqual(kr.progress, 20.0)
        self.assertAlmostEqual(kr.goal_id.progress, 20.0)
        self.assertTrue(kr.last_computed)

    def test_sum_of_a_field(self):
        kr = self._automatic(computation_mode="sum", field_id=self.fields["duration"].id)
        self.assertAlmostEqual(kr.current_value, 3.5)

    def test_team_goal_counts_its_members(self):
        kr = self._automatic(
            goal_values={
                "employee_id": False,
                "scope": "department",
                "department_id": self.department.id,
            }
        )
        # Eli's two demos and Pat's one; Olga works in another department.
        self.assertEqual(kr.current_value, 3)

    def test_recomputed_by_cron_once_a_day_and_on_demand(self):
        with freeze_time("2026-03-10 08:00:00"):
            kr = self._automatic()
            self.event("Demo C", self.user_employee, "2026-03-09 09:00:00")
            self.env["performance.key.result"]._cron_update_automatic_values()
            self.assertEqual(kr.current_value, 2)
            kr.goal_id.action_compute_key_results()
            self.assertEqual(kr.current_value, 3)
            self.event("Demo D", self.user_employee, "2026-03-09 09:00:00")
        with freeze_time("2026-03-11 08:00:00"):
            self.env["performance.key.result"]._cron_update_automatic_values()
            self.assertEqual(kr.current_value, 4)

    def test_only_officers_define_automatic_key_results(self):
        with self.assertRaisesRegex(UserError, "Only performance officers"):
            self._automatic(user=self.user_manager)
        kr = self._automatic()
        with self.assertRaisesRegex(UserError, "Only performance officers"):
            kr.with_user(self.user_manager).domain = "[]"

    def test_bad_definitions_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "domain .* is invalid"):
            self._automatic(domain="[('no_such_field', '=', 1)]")
        with self.assertRaisesRegex(ValidationError, "numeric field"):
            self._automatic(computation_mode="sum")
        with self.assertRaisesRegex(ValidationError, "needs a model"):
            self._automatic(model_id=False, owner_field_id=False, date_field_id=False)
        with self.assertRaisesRegex(ValidationError, "not a field of"):
            self._automatic(
                owner_field_id=self.env["ir.model.fields"]._get("res.partner", "user_id").id
            )
