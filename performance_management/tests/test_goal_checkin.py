from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command
from odoo.tests import Form, tagged

from .common import GoalCase


@tagged("post_install", "-at_install")
@freeze_time("2026-03-15")
class TestGoalCheckin(GoalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.goal = cls._goal(
            cls.employee,
            state="active",
            key_results=[
                cls._kr("Deals", start_value=0, target_value=10, weight=1),
                cls._kr("Launch", kind="milestone", weight=1),
            ],
        )
        cls.deals, cls.launch = cls.goal.key_result_ids

    def _checkin(self, user, confidence="on_track", values=None, date="2026-03-15", goal=None):
        goal = goal or self.goal
        lines = [
            Command.create({"key_result_id": kr.id, "value": value})
            for kr, value in (values or {}).items()
        ]
        return (
            self.env["performance.goal.checkin"]
            .with_user(user)
            .create(
                {"goal_id": goal.id, "confidence": confidence, "date": date, "line_ids": lines}
            )
        )

    def test_checkin_updates_key_results_and_keeps_history(self):
        first = self._checkin(self.user_employee, "at_risk", {self.deals: 2}, date="2026-02-01")
        self.assertEqual(self.deals.current_value, 2)
        self.assertAlmostEqual(first.progress, 10.0)
        self.assertEqual(first.line_ids.key_result_id, self.deals | self.launch)
        self.assertEqual(first.user_id, self.user_employee)
        second = self._checkin(self.user_manager, "on_track", {self.deals: 6, self.launch: 1})
        self.assertAlmostEqual(second.progress, 80.0)
        line = second.line_ids.filtered(lambda line: line.key_result_id == self.deals)
        self.assertEqual((line.previous_value, line.value, line.progress), (2.0, 6.0, 60.0))
        # The history is kept, the goal shows the latest.
        self.assertEqual(self.goal.checkin_ids, first | second)
        self.assertEqual(first.progress, 10.0)
        self.assertEqual(self.goal.last_checkin_date.isoformat(), "2026-03-15")
        self.assertEqual(self.goal.confidence, "on_track")
        # Progress over time, as the graph reads it.
        points = self.env["performance.goal.checkin"]._read_group(
            [("goal_id", "=", self.goal.id)], ["date:day"], ["progress:avg"]
        )
        self.assertEqual([progress for __, progress in points], [10.0, 80.0])

    def test_checkin_form_proposes_current_values(self):
        self.deals.current_value = 3
        form = Form(self.env["performance.goal.checkin"].with_user(self.user_employee))
        form.goal_id = self.goal
        self.assertEqual(len(form.line_ids), 2)
        with form.line_ids.edit(0) as line:
            self.assertEqual(line.value, 3)
            line.value = 5
        form.confidence = "at_risk"
        checkin = form.save()
        self.assertEqual(self.deals.current_value, 5)
        self.assertEqual(self.goal.confidence, "at_risk")
        self.assertAlmostEqual(checkin.progress, 25.0)

    def test_a_value_far_outside_the_range_asks_first(self):
        """The backend warns (the user may confirm an exceptional value); it is not refused."""
        line = self.env["performance.goal.checkin.line"].new(
            {"key_result_id": self.deals.id, "value": 99_999_999_999}
        )
        warning = line._onchange_value()["warning"]
        self.assertIn("Deals goes from 0.00 to 10.00", warning["message"])
        # a result beaten twice over is no slip of the keys
        line.value = 20
        self.assertIsNone(line._onchange_value())
        self.assertFalse(self.launch._is_far_outside(1))
        checkin = self._checkin(self.user_employee, values={self.deals: 150})
        self.assertEqual(self.deals.current_value, 150)
        self.assertTrue(checkin)

    def test_closed_goal_takes_no_checkin(self):
        self.goal.action_done()
        with self.assertRaisesRegex(ValidationError, "not active"):
            self._checkin(self.user_employee)
        draft = self._goal(self.employee)
        with self.assertRaisesRegex(ValidationError, "not active"):
            self._checkin(self.user_manager, goal=draft)

    def test_only_owner_and_manager_check_in(self):
        with self.assertRaises(UserError):
            self._checkin(self.user_peer)
        with self.assertRaises(UserError):
            self._checkin(self.user_other_manager)
        self.assertTrue(self._checkin(self.user_director))

    def test_bad_checkins(self):
        with self.assertRefused(ValidationError, "future"):
            self._checkin(self.user_employee, date="2026-04-01")
        other_goal = self._goal(self.employee, state="active", key_results=[self._kr("Other")])
        with self.assertRefused(ValidationError, "not a result of"):
            self._checkin(self.user_employee, values={other_goal.key_result_ids: 3})
        with self.assertRefused(ValidationError, "reached or not"):
            self._checkin(self.user_employee, values={self.launch: 0.5})
        self.assertFalse(
            self.env["performance.goal.checkin"].search_count([("goal_id", "=", self.goal.id)])
        )

    def test_checkin_history_is_not_rewritten(self):
        checkin = self._checkin(self.user_employee, values={self.deals: 4})
        checkin.with_user(self.user_employee).note = "<p>Two big deals next week</p>"
        with self.assertRaisesRegex(UserError, "history"):
            checkin.with_user(self.user_employee).date = "2026-03-01"
        with self.assertRaisesRegex(UserError, "author"):
            checkin.with_user(self.user_peer).sudo(False).note = "x"

    def test_owner_cannot_edit_active_key_results_directly(self):
        with self.assertRaisesRegex(UserError, "check-ins"):
            self.deals.with_user(self.user_employee).current_value = 9
        self.deals.with_user(self.user_manager).target_value = 20
        self.assertEqual(self.deals.target_value, 20)
