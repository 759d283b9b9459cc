from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import GoalCase


@tagged("post_install", "-at_install")
class TestGoalProgress(GoalCase):
    def _progress(self, **values):
        goal = self._goal(self.employee, key_results=[self._kr(**values)])
        return goal.key_result_ids.progress

    def test_number_increase(self):
        self.assertAlmostEqual(
            self._progress(start_value=10, target_value=30, current_value=15), 25.0
        )
        self.assertEqual(self._progress(start_value=10, target_value=30, current_value=5), 0.0)
        # Overshoot caps at 100.
        self.assertEqual(self._progress(start_value=10, target_value=30, current_value=45), 100.0)

    def test_number_decrease(self):
        # Cut response time from 48 h to 12 h: at 30 h, half the way.
        values = {"direction": "decrease", "start_value": 48, "target_value": 12}
        self.assertAlmostEqual(self._progress(current_value=30, **values), 50.0)
        self.assertEqual(self._progress(current_value=60, **values), 0.0)
        self.assertEqual(self._progress(current_value=6, **values), 100.0)

    def test_target_equal_to_start(self):
        self.assertEqual(self._progress(start_value=5, target_value=5, current_value=5), 100.0)
        self.assertEqual(self._progress(start_value=5, target_value=5, current_value=4), 0.0)
        values = {"direction": "decrease", "start_value": 0, "target_value": 0}
        self.assertEqual(self._progress(current_value=0, **values), 100.0)
        self.assertEqual(self._progress(current_value=2, **values), 0.0)

    def test_percentage_and_currency(self):
        self.assertAlmostEqual(
            self._progress(kind="percentage", start_value=60, target_value=90, current_value=81),
            70.0,
        )
        self.assertAlmostEqual(
            self._progress(
                kind="currency", start_value=0, target_value=50000, current_value=12500
            ),
            25.0,
        )

    def test_milestone(self):
        goal = self._goal(self.employee, key_results=[self._kr(kind="milestone")])
        kr = goal.key_result_ids
        self.assertEqual((kr.target_value, kr.progress, kr.is_reached), (1.0, 0.0, False))
        kr.is_reached = True
        self.assertEqual((kr.current_value, kr.progress), (1.0, 100.0))
        self.assertEqual(goal.progress, 100.0)

    def test_milestone_with_numeric_target_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "reached or not"):
            self._goal(self.employee, key_results=[self._kr(kind="milestone", target_value=10)])
        goal = self._goal(self.employee, key_results=[self._kr(kind="milestone")])
        with self.assertRaisesRegex(ValidationError, "reached or not"):
            goal.key_result_ids.current_value = 0.5

    def test_direction_must_match_values(self):
        # no direction said: it follows the values (issue: a target below the start read 75 %)
        goal = self._goal(self.employee, key_results=[self._kr(start_value=10, target_value=5)])
        self.assertEqual(goal.key_result_ids.direction, "decrease")
        with self.assertRaisesRegex(ValidationError, "increases"):
            self._goal(
                self.employee,
                key_results=[self._kr(direction="increase", start_value=10, target_value=5)],
            )
        with self.assertRaisesRegex(ValidationError, "decreases"):
            self._goal(
                self.employee,
                key_results=[self._kr(direction="decrease", start_value=5, target_value=10)],
            )

    def test_weighted_key_results(self):
        goal = self._goal(
            self.employee,
            key_results=[
                self._kr("A", target_value=100, current_value=100, weight=3),
                self._kr("B", target_value=100, current_value=0, weight=1),
            ],
        )
        self.assertAlmostEqual(goal.progress, 75.0)
        goal.key_result_ids[1].weight = 0
        self.assertAlmostEqual(goal.progress, 100.0)
        goal.key_result_ids.weight = 0
        self.assertEqual(goal.progress, 0.0)

    def test_goal_without_key_results_and_manual_mode(self):
        goal = self._goal(self.employee)
        self.assertEqual(goal.progress, 0.0)
        goal.write({"progress_mode": "manual", "manual_progress": 40})
        self.assertEqual(goal.progress, 40.0)
        with self.assertRaisesRegex(ValidationError, "between 0 and 100"):
            goal.manual_progress = 140

    def test_roll_up_from_children(self):
        company_goal = self._goal(name="Company", progress_mode="children")
        team_goal = self._goal(
            name="Team",
            scope="department",
            department_id=self.department.id,
            parent_id=company_goal.id,
            progress_mode="children",
            weight=1,
        )
        other_team_goal = self._goal(
            name="Other team",
            scope="department",
            department_id=self.other_department.id,
            parent_id=company_goal.id,
            progress_mode="manual",
            manual_progress=20,
            weight=1,
        )
        individual = self._goal(
            self.employee,
            parent_id=team_goal.id,
            key_results=[self._kr(target_value=10, current_value=6)],
        )
        self.assertAlmostEqual(team_goal.progress, 60.0)
        self.assertAlmostEqual(company_goal.progress, 40.0)
        # A change deep in the tree rolls up to the top.
        individual.key_result_ids.current_value = 10
        self.assertAlmostEqual(team_goal.progress, 100.0)
        self.assertAlmostEqual(company_goal.progress, 60.0)
        # Weights count, cancelled goals do not.
        other_team_goal.weight = 3
        self.assertAlmostEqual(company_goal.progress, 40.0)
        other_team_goal.state = "cancel"
        self.assertAlmostEqual(company_goal.progress, 100.0)
        self.assertEqual(company_goal.child_ids, team_goal | other_team_goal)
        self.assertEqual(individual.parent_id.parent_id, company_goal)

    def test_cycles_are_refused(self):
        top = self._goal(name="Top")
        middle = self._goal(name="Middle", parent_id=top.id)
        bottom = self._goal(self.employee, name="Bottom", parent_id=middle.id)
        with self.assertRaisesRegex(ValidationError, "cannot support itself"):
            top.parent_id = bottom
        with self.assertRaisesRegex(ValidationError, "cannot support itself"):
            top.parent_id = top

    def test_bad_input(self):
        with self.assertRaisesRegex(ValidationError, "cannot be before its start"):
            self._goal(self.employee, date_start="2026-06-01", date_deadline="2026-05-01")
        with self.assertRaisesRegex(ValidationError, "weight of a goal cannot be negative"):
            self._goal(self.employee, weight=-1)
        with self.assertRaisesRegex(ValidationError, "weight of a key result cannot be negative"):
            self._goal(self.employee, key_results=[self._kr(weight=-2)])
        with self.assertRaisesRegex(ValidationError, "needs an employee"):
            self._goal(scope="employee")
        with self.assertRaisesRegex(ValidationError, "needs a department"):
            self._goal(scope="department")

    def test_parent_in_another_company_is_refused(self):
        goal_b = self._goal(name="B goal", company_id=self.company_b.id)
        with self.assertRaisesRegex(ValidationError, "another company"):
            self._goal(self.employee, parent_id=goal_b.id)
