"""Key results as a manager types them: they start where they start, their direction
follows the start and the target, and a value they cannot take is refused."""

from odoo.exceptions import ValidationError
from odoo.fields import Command
from odoo.tests import Form, tagged

from .common import GoalCase


@tagged("post_install", "-at_install")
class TestKeyResultValues(GoalCase):
    def test_new_result_starts_at_its_start(self):
        goal = self._goal(
            self.employee,
            key_results=[self._kr("Tickets", start_value=30, target_value=10)],
        )
        kr = goal.key_result_ids
        self.assertEqual(kr.current_value, 30.0)
        self.assertEqual(kr.direction, "decrease")
        self.assertEqual(kr.progress, 0.0, "no work done yet")
        self.assertEqual(goal.progress, 0.0)
        kr.current_value = 20
        self.assertAlmostEqual(kr.progress, 50.0)

    def test_direction_follows_start_and_target(self):
        goal = self._goal(self.employee, key_results=[self._kr(start_value=0, target_value=40)])
        kr = goal.key_result_ids
        self.assertEqual(kr.direction, "increase")
        kr.write({"start_value": 30, "target_value": -10, "current_value": 30})
        self.assertEqual(kr.direction, "decrease")
        self.assertEqual(kr.progress, 0.0)
        # a direction said against the values is refused, not shown as 75 %
        with self.assertRefused(ValidationError, "increases"):
            kr.write({"direction": "increase", "start_value": 30, "target_value": -10})

    def test_result_added_from_an_unsaved_goal(self):
        """The manager adds a key result in the form of a goal not saved yet."""
        Goal = self.env["performance.goal"].with_user(self.user_manager)
        with Form(Goal) as goal_form:
            goal_form.name = "Faster support"
            goal_form.employee_id = self.employee
            with goal_form.key_result_ids.new() as kr_form:
                kr_form.name = "Response time"
                kr_form.start_value = 48
                kr_form.target_value = 12
                self.assertEqual(kr_form.direction, "decrease")
                self.assertEqual(kr_form.current_value, 48)
                self.assertEqual(kr_form.progress, 0.0)
                kr_form.current_value = 30
                self.assertAlmostEqual(kr_form.progress, 50.0)
        kr = goal_form.record.key_result_ids
        self.assertEqual(kr.goal_id, goal_form.record)
        self.assertEqual((kr.direction, kr.current_value), ("decrease", 30.0))
        view = self.env.ref("performance_management.performance_key_result_view_form")
        self.assertIn("context.get('performance_in_goal')", view.arch)

    def test_value_below_zero_is_refused(self):
        goal = self._goal(
            self.employee,
            state="active",
            key_results=[self._kr("Tickets closed", start_value=0, target_value=20)],
        )
        kr = goal.key_result_ids
        checkin = self.env["performance.goal.checkin"].with_user(self.user_employee)
        with self.assertRefused(ValidationError, "cannot stand at -50"):
            checkin.create(
                {
                    "goal_id": goal.id,
                    "confidence": "on_track",
                    "line_ids": [Command.create({"key_result_id": kr.id, "value": -50})],
                }
            )
        self.assertFalse(goal.checkin_ids)
        self.assertEqual(kr.current_value, 0.0)
        # a result that may go below zero (a margin from -5 to 5) takes it
        margin = self.env["performance.key.result"].create(
            {"name": "Margin", "goal_id": goal.id, "start_value": -5, "target_value": 5}
        )
        margin.current_value = -3
        self.assertAlmostEqual(margin.progress, 20.0)
