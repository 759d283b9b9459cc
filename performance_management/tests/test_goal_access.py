import ast

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import GoalCase


@tagged("post_install", "-at_install")
class TestGoalAccess(GoalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own = cls._goal(cls.employee, name="Own", state="active", key_results=[cls._kr()])
        cls.peer_goal = cls._goal(cls.peer, name="Peer", state="active", key_results=[cls._kr()])
        cls.portal_goal = cls._goal(cls.portal_employee, name="Portal", state="active")
        cls.other_goal = cls._goal(cls.other_employee, name="Other", state="active")
        cls.company_goal = cls._goal(name="Company", state="active")
        cls.team_goal = cls._goal(
            name="Team", scope="department", department_id=cls.department.id, state="active"
        )
        cls.other_team_goal = cls._goal(
            name="Other team",
            scope="department",
            department_id=cls.other_department.id,
            state="active",
        )
        cls.template = cls._goal(name="Library", scope="employee", is_template=True)
        cls.goal_b = cls._goal(cls.employee_b, name="B", company_id=cls.company_b.id)
        cls.all_goals = cls.env["performance.goal"].search([("name", "!=", False)])

    def _visible(self, user):
        return (
            self.env["performance.goal"].with_user(user).search([("id", "in", self.all_goals.ids)])
        )

    def test_employee_sees_own_team_and_company_goals(self):
        self.assertEqual(
            self._visible(self.user_employee),
            self.own | self.company_goal | self.team_goal | self.template,
        )
        for goal in (self.peer_goal, self.other_goal, self.other_team_goal, self.goal_b):
            with self.assertRaises(AccessError):
                goal.with_user(self.user_employee).read(["name"])
        # Nor their key results or check-ins.
        krs = self.env["performance.key.result"].with_user(self.user_employee).search([])
        self.assertEqual(krs, self.own.key_result_ids)

    def test_manager_handles_the_chain(self):
        chain = self.own | self.peer_goal | self.portal_goal
        self.assertEqual(self._visible(self.user_manager) & (chain | self.other_goal), chain)
        self.assertEqual(self._visible(self.user_director) & (chain | self.other_goal), chain)
        self.peer_goal.with_user(self.user_director).write({"name": "Renamed"})
        self.assertTrue(self.own.with_user(self.user_manager).can_manage)
        self.assertFalse(self.own.with_user(self.user_employee).can_manage)
        with self.assertRaises(AccessError):
            self.other_goal.with_user(self.user_manager).write({"name": "No"})
        with self.assertRaises(AccessError):
            self.own.with_user(self.user_other_manager).read(["name"])

    def test_chain_follows_a_move_without_a_query_per_level(self):
        Goal = self.env["performance.goal"].with_user(self.user_director)
        domain = [("id", "in", self.all_goals.ids), ("is_my_team", "=", True)]
        self.assertIn(self.own, Goal.search(domain))
        # Moving the manager's team under another manager moves its whole subtree.
        self.manager.parent_id = self.other_manager
        self.assertNotIn(self.own, Goal.search(domain))
        self.assertIn(
            self.own,
            self.env["performance.goal"].with_user(self.user_other_manager).search(domain),
        )
        self.manager.parent_id = self.director
        self.env.invalidate_all()
        Goal.search(domain)  # warm the rule cache
        # the reader's employees and their place in the tree, then one search
        with self.assertQueryCount(4):
            Goal.search(domain)
        # Three more levels below the employee: the same number of queries.
        parent = self.employee
        for level in range(3):
            parent = self.env["hr.employee"].create(
                {"name": f"Level {level}", "parent_id": parent.id}
            )
        self._goal(parent, name="Deep", state="active")
        self.env.invalidate_all()
        # the employee became a manager: the menu caches, rules' included, were cleared
        Goal.search([("id", "=", 0)])
        self.env.invalidate_all()
        with self.assertQueryCount(4):
            goals = Goal.search([("is_my_team", "=", True), ("name", "=", "Deep")])
        self.assertEqual(len(goals), 1)

    def test_employee_cannot_change_active_goal_nor_shared_goals(self):
        with self.assertRaisesRegex(UserError, "Only the manager"):
            self.own.with_user(self.user_employee).write({"name": "Easier"})
        with self.assertRaisesRegex(UserError, "Only the manager"):
            self.own.with_user(self.user_employee).action_done()
        with self.assertRaises(AccessError):
            self.company_goal.with_user(self.user_employee).write({"name": "No"})
        with self.assertRaises(AccessError):
            self.team_goal.with_user(self.user_employee).unlink()
        # Tags and description stay the owner's.
        self.own.with_user(self.user_employee).write({"description": "<p>Why</p>"})

    def test_employee_proposes_manager_approves(self):
        Goal = self.env["performance.goal"].with_user(self.user_employee)
        goal = Goal.create({"name": "Learn Rust", "employee_id": self.employee.id})
        goal.write({"name": "Learn Rust well", "weight": 2})
        goal.action_propose()
        self.assertTrue(goal.approval_requested)
        activity = goal.activity_ids
        self.assertEqual(activity.user_id, self.user_manager)
        with self.assertRaises(UserError):
            goal.action_activate()
        with self.assertRaises(UserError):
            goal.write({"state": "active"})
        goal.with_user(self.user_manager).action_activate()
        self.assertEqual(goal.state, "active")
        self.assertFalse(goal.approval_requested)
        self.assertFalse(goal.activity_ids)
        with self.assertRaises(UserError):
            goal.unlink()

    def test_employee_cannot_set_goals_for_others(self):
        Goal = self.env["performance.goal"].with_user(self.user_employee)
        with self.assertRaises(AccessError):
            Goal.create({"name": "For my peer", "employee_id": self.peer.id})
        with self.assertRaises(UserError):
            Goal.create({"name": "Active", "employee_id": self.employee.id, "state": "active"})
        with self.assertRaises(AccessError):
            Goal.create({"name": "Company", "scope": "company"})
        self.company.performance_goal_proposal = False
        with self.assertRaisesRegex(UserError, "managers set the goals"):
            Goal.create({"name": "Mine", "employee_id": self.employee.id})
        # The manager still sets them.
        goal = (
            self.env["performance.goal"]
            .with_user(self.user_manager)
            .create({"name": "Set", "employee_id": self.employee.id, "state": "active"})
        )
        self.assertEqual(goal.manager_id, self.manager)

    def test_officer_handles_own_companies_only(self):
        officer_visible = self._visible(self.user_officer)
        self.assertEqual(officer_visible, self.all_goals - self.goal_b)
        self.other_goal.with_user(self.user_officer).action_done()
        self.assertEqual(self.other_goal.state, "done")
        self.assertEqual(self._visible(self.user_officer_b), self.goal_b)
        with self.assertRaises(AccessError):
            self.own.with_user(self.user_officer_b).read(["name"])

    def test_portal_reads_own_goals_only(self):
        self.assertEqual(self._visible(self.user_portal), self.portal_goal)
        with self.assertRaises(AccessError):
            self.portal_goal.with_user(self.user_portal).write({"name": "No"})
        with self.assertRaises(AccessError):
            self.own.with_user(self.user_portal).read(["name"])

    def test_key_results_follow_the_goal(self):
        with self.assertRaisesRegex(UserError, "check-ins"):
            self.env["performance.key.result"].with_user(self.user_employee).create(
                {"name": "New", "goal_id": self.own.id}
            )
        with self.assertRaises(AccessError):
            self.env["performance.key.result"].with_user(self.user_employee).create(
                {"name": "New", "goal_id": self.peer_goal.id}
            )
        kr = (
            self.env["performance.key.result"]
            .with_user(self.user_manager)
            .create({"name": "New", "goal_id": self.own.id, "target_value": 5})
        )
        self.assertIn(kr, self.own.key_result_ids)

    def test_employee_smart_button_counts(self):
        self.assertEqual(self.employee.with_user(self.user_officer).performance_goal_count, 1)
        action = self.employee.with_user(self.user_officer).action_open_performance_goals()
        self.assertEqual(action["res_model"], "performance.goal")

    def test_my_goals_and_my_team_filters(self):
        Goal = self.env["performance.goal"]
        self.assertEqual(
            Goal.with_user(self.user_employee).search([("is_mine", "=", True)]), self.own
        )
        team = Goal.with_user(self.user_manager).search([("is_my_team", "=", True)])
        self.assertEqual(team, self.own | self.peer_goal | self.portal_goal)
        found = Goal.with_user(self.user_employee).search([("is_my_team", "=", True)])
        self.assertFalse(
            found, found.mapped(lambda g: (g.name, g.employee_id.name, g.manager_id.name))
        )

    def test_checkins_follow_the_goal(self):
        checkin = (
            self.env["performance.goal.checkin"]
            .with_user(self.user_employee)
            .create({"goal_id": self.own.id, "confidence": "at_risk"})
        )
        Checkin = self.env["performance.goal.checkin"]
        self.assertEqual(Checkin.with_user(self.user_manager).search([]), checkin)
        self.assertFalse(Checkin.with_user(self.user_peer).search([]))
        self.assertFalse(Checkin.with_user(self.user_portal).search([]))
        with self.assertRaises(AccessError):
            checkin.with_user(self.user_employee).unlink()
        with self.assertRaises(AccessError):
            checkin.line_ids.with_user(self.user_peer).read(["value"])

    def test_views_load_for_every_role(self):
        views = [
            (False, kind) for kind in ("list", "form", "kanban", "calendar", "pivot", "graph")
        ]
        for user in (self.user_employee, self.user_manager, self.user_officer):
            Goal = self.env["performance.goal"].with_user(user)
            result = Goal.get_views(views + [(False, "search")])
            self.assertIn("form", result["views"])
            self.env["performance.goal.checkin"].with_user(user).get_views(
                [(False, "list"), (False, "form"), (False, "graph")]
            )
            self.own.with_user(user).web_read({"name": {}, "progress": {}, "can_manage": {}})

    def test_my_goals_new_is_the_readers_own(self):
        action = self.env.ref("performance_management.performance_goal_action_my")
        context = ast.literal_eval(action.context)
        form = Form(
            self.env["performance.goal"].with_user(self.user_employee).with_context(**context)
        )
        self.assertEqual(form.employee_id, self.employee)
        form.name = "Learn Rust"
        goal = form.save()
        self.assertEqual((goal.employee_id, goal.manager_id), (self.employee, self.manager))

    def test_employee_proposes_through_the_form(self):
        form = Form(self.env["performance.goal"].with_user(self.user_employee))
        form.name = "Speak at a conference"
        form.employee_id = self.employee
        self.assertEqual(form.manager_id, self.manager)
        goal = form.save()
        self.assertEqual((goal.state, goal.scope), ("draft", "employee"))
        with self.assertRaisesRegex(UserError, "Only the owner"):
            goal.with_user(self.user_peer).sudo(False).action_propose()
        goal.action_propose()
        self.assertTrue(goal.approval_requested)
