from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from .common import GoalCase


class TestGoalAlignment(GoalCase):
    """The alignment tree and the check-in chart of the goal form."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_goal = cls._goal(
            name="Grow the company", progress_mode="children", state="active"
        )
        cls.goal = cls._goal(
            cls.employee,
            name="Eli ships the portal",
            parent_id=cls.company_goal.id,
            state="active",
            key_results=[
                cls._kr("Pages shipped", start_value=0, target_value=100, current_value=20)
            ],
        )

    def test_alignment_opens_the_tree_on_the_goal(self):
        action = self.goal.with_user(self.user_employee).action_open_alignment()
        self.assertEqual(action["res_model"], "performance.goal")
        self.assertEqual(action["views"][0][1], "hierarchy")
        self.assertEqual(action["context"]["hierarchy_res_id"], self.goal.id)
        # the tree reads the goal, what it supports and what supports it, as the employee may
        rows = (
            self.env["performance.goal"]
            .with_user(self.user_employee)
            .hierarchy_read(
                [("id", "=", self.goal.id)],
                {"name": {}, "progress": {}},
                "parent_id",
                "child_ids",
            )
        )
        self.assertEqual({row["id"] for row in rows}, {self.goal.id, self.company_goal.id})
        self.assertEqual(
            next(row for row in rows if row["id"] == self.company_goal.id)["progress"], 20.0
        )

    def test_cards_offer_the_checkin_to_who_may_check_in(self):
        # the card's button shows on is_mine or can_manage; the server refuses the others
        spec = {"is_mine": {}, "can_manage": {}, "state": {}}
        for user, expected in (
            (
                self.user_employee,
                {self.goal.id: (True, False), self.company_goal.id: (False, False)},
            ),
            (
                self.user_manager,
                {self.goal.id: (False, True), self.company_goal.id: (False, False)},
            ),
            (
                self.user_officer,
                {self.goal.id: (False, True), self.company_goal.id: (False, True)},
            ),
        ):
            rows = (
                self.env["performance.goal"]
                .with_user(user)
                .hierarchy_read([("id", "=", self.goal.id)], spec, "parent_id", "child_ids")
            )
            seen = {row["id"]: (row["is_mine"], row["can_manage"]) for row in rows}
            self.assertEqual(seen, expected, user.login)
        with self.assertRefused(UserError, "Only the owner or the manager"):
            self.env["performance.goal.checkin"].with_user(self.user_peer).create(
                {"goal_id": self.company_goal.id}
            )

    def test_alignment_hides_what_the_reader_may_not_see(self):
        hidden = self._goal(
            self.other_employee,
            name="Olga's own goal",
            parent_id=self.company_goal.id,
            state="active",
        )
        rows = (
            self.env["performance.goal"]
            .with_user(self.user_employee)
            .hierarchy_read(
                [("id", "=", self.company_goal.id)], {"name": {}}, "parent_id", "child_ids"
            )
        )
        self.assertNotIn(hidden.id, {row["id"] for row in rows})

    def test_checkin_history_is_the_chart_data(self):
        self.assertFalse(self.goal.checkin_history)
        Checkin = self.env["performance.goal.checkin"].with_user(self.user_employee)
        Checkin.create({"goal_id": self.goal.id, "date": "2026-02-01", "confidence": "at_risk"})
        Checkin.create(
            {
                "goal_id": self.goal.id,
                "date": "2026-01-01",
                "confidence": "on_track",
                "line_ids": [(0, 0, {"key_result_id": self.goal.key_result_ids.id, "value": 45})],
            }
        )
        goal = self.goal.with_user(self.user_manager)
        self.assertEqual(
            goal.checkin_history,
            [
                {"date": "2026-01-01", "progress": 45.0, "confidence": "on_track"},
                {"date": "2026-02-01", "progress": 20.0, "confidence": "at_risk"},
            ],
        )
        # someone outside the chain reads neither the goal nor its history
        self.assertFalse(
            self.env["performance.goal"]
            .with_user(self.user_other_employee)
            .search([("id", "=", self.goal.id)])
        )

    def test_checkin_history_is_not_written(self):
        with self.assertRefused(Exception, "checkin_history"):
            self.goal.with_user(self.user_manager).write({"checkin_history": []})


@tagged("post_install", "-at_install")
class TestGoalAlignmentTour(GoalCase, HttpCase):
    def test_manager_checks_in_from_the_tree(self):
        company_goal = self._goal(
            name="Grow the company", progress_mode="children", state="active"
        )
        goal = self._goal(
            self.employee,
            name="Eli ships the portal",
            parent_id=company_goal.id,
            state="active",
            key_results=[
                self._kr("Pages shipped", start_value=0, target_value=100, current_value=20)
            ],
        )
        self._goal(name="Cut the costs", state="active")
        self.start_tour(
            f"/odoo/action-performance_management.performance_goal_action_team/{goal.id}",
            "performance_goal_alignment_tour",
            login="pm_manager",
        )
        checkin = goal.checkin_ids
        self.assertEqual(len(checkin), 1)
        self.assertEqual(checkin.user_id, self.user_manager)
        self.assertEqual(checkin.confidence, "at_risk")
        self.assertEqual(goal.progress, 60.0)
        self.assertEqual(company_goal.progress, 60.0)
