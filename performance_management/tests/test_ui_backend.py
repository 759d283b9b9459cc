from odoo.tests import HttpCase, tagged

from .common import PerformanceCase


@tagged("post_install", "-at_install")
class TestBackendTours(PerformanceCase, HttpCase):
    def test_employee_proposes_and_manager_approves_a_goal(self):
        self.start_tour("/odoo", "performance_goal_propose_tour", login="pm_employee")
        goal = self.env["performance.goal"].search([("name", "=", "Ship the self-service portal")])
        self.assertEqual(goal.employee_id, self.employee)
        self.assertEqual(goal.state, "draft")
        self.assertTrue(goal.approval_requested)
        # the manager was given a to-do to approve it
        self.assertIn(self.user_manager, goal.activity_ids.user_id)

        self.start_tour(
            f"/odoo/action-performance_management.performance_goal_action_team/{goal.id}",
            "performance_goal_approve_tour",
            login="pm_manager",
        )
        self.assertEqual(goal.state, "active")
        self.assertFalse(goal.approval_requested)
