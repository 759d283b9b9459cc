from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .common import GoalCase


@tagged("post_install", "-at_install")
class TestGoalLibrary(GoalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tag = cls.env["performance.goal.tag"].create({"name": "Growth"})
        cls.template = cls._goal(
            name="Ship the onboarding",
            scope="employee",
            is_template=True,
            tag_ids=[Command.set(cls.tag.ids)],
            key_results=[
                cls._kr("Docs written", kind="milestone"),
                cls._kr(
                    "Time to first commit", direction="decrease", start_value=10, target_value=2
                ),
            ],
        )
        cls.company_goal = cls._goal(name="Company goal", state="active")
        cls.job = cls.env["hr.job"].create({"name": "Performance Engineer"})
        (cls.employee | cls.other_employee).job_id = cls.job

    def _assign(self, user, **values):
        wizard = (
            self.env["performance.goal.assign"]
            .with_user(user)
            .create(
                {
                    "template_ids": [Command.set(self.template.ids)],
                    "date_start": "2026-01-01",
                    "date_deadline": "2026-06-30",
                    **values,
                }
            )
        )
        action = wizard.action_assign()
        return self.env["performance.goal"].browse(action["domain"][0][2])

    def test_assign_by_department_copies_key_results(self):
        goals = self._assign(
            self.user_officer,
            assign_by="department",
            department_ids=[Command.set(self.other_department.ids)],
            parent_id=self.company_goal.id,
        )
        self.assertEqual(goals.employee_id, self.other_manager | self.other_employee)
        for goal in goals:
            self.assertFalse(goal.is_template)
            self.assertEqual(goal.state, "active")
            self.assertEqual(goal.parent_id, self.company_goal)
            self.assertEqual(goal.tag_ids, self.tag)
            self.assertEqual(goal.date_deadline.isoformat(), "2026-06-30")
            self.assertEqual(len(goal.key_result_ids), 2)
            self.assertNotEqual(goal.key_result_ids, self.template.key_result_ids)
            self.assertEqual(goal.key_result_ids[1].current_value, 10)
        self.assertEqual(self.company_goal.child_ids, goals)
        self.assertEqual(len(self.template.key_result_ids), 2)

    def test_assign_by_job_and_list(self):
        by_job = self._assign(
            self.user_officer, assign_by="job", job_ids=[Command.set(self.job.ids)]
        )
        self.assertEqual(by_job.employee_id, self.employee | self.other_employee)
        listed = self._assign(
            self.user_officer,
            employee_ids=[Command.set((self.peer | self.nouser_employee).ids)],
            activate=False,
        )
        self.assertEqual(listed.employee_id, self.peer | self.nouser_employee)
        self.assertEqual(set(listed.mapped("state")), {"draft"})

    def test_managers_assign_to_their_chain_only(self):
        goals = self._assign(
            self.user_manager, employee_ids=[Command.set((self.employee | self.peer).ids)]
        )
        self.assertEqual(goals.employee_id, self.employee | self.peer)
        self.assertEqual(goals.key_result_ids.goal_id, goals)
        with self.assertRaisesRegex(UserError, "only assign goals to your team"):
            self._assign(self.user_manager, employee_ids=[Command.set(self.other_employee.ids)])
        with self.assertRaisesRegex(UserError, "only assign goals to your team"):
            self._assign(self.user_employee, employee_ids=[Command.set(self.employee.ids)])
        with self.assertRaisesRegex(UserError, "Choose the employees"):
            self._assign(self.user_manager)

    def test_managers_align_only_on_goals_they_read(self):
        # the wizard creates the goals in sudo: its parent is checked as the goal's create
        # checks it, else a manager learned the name of any goal of the company (by id) and
        # hung his team's goals under it
        hidden = self._goal(self.other_employee, name="Another branch's own goal")
        with self.assertRaises(AccessError):
            self._assign(
                self.user_manager,
                employee_ids=[Command.set(self.employee.ids)],
                parent_id=hidden.id,
            )
        self.assertFalse(hidden.child_ids)
        goals = self._assign(
            self.user_manager,
            employee_ids=[Command.set(self.employee.ids)],
            parent_id=self.company_goal.id,
        )
        self.assertEqual(goals.parent_id, self.company_goal)

    def test_library_goal_has_no_owner(self):
        with self.assertRaisesRegex(ValidationError, "no owner"):
            self._goal(self.employee, is_template=True)
        with self.assertRaises(UserError):
            self.template.with_user(self.user_manager).write({"name": "Changed"})
