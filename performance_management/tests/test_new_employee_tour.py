"""A new employee whose user was made with the employee form's Create User, on his first day
in the Performance app (issue 31)."""

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestNewEmployeeFirstDay(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        manager_user = new_test_user(cls.env, login="pm_new_manager", name="Mona Manager")
        cls.manager = cls.env["hr.employee"].create(
            {"name": "Mona Manager", "user_id": manager_user.id}
        )
        cls.newcomer = cls.env["hr.employee"].create(
            {
                "name": "Nina Newcomer",
                "work_email": "nina.newcomer@example.com",
                "parent_id": cls.manager.id,
            }
        )
        # what the employee form's Create User saves: its context's defaults, the employee
        action = cls.newcomer.action_create_user()
        cls.user = (
            cls.env["res.users"]
            .with_context(**action["context"])
            .create(
                {
                    "name": cls.newcomer.name,
                    "login": "pm_newcomer",
                    "password": "pm_newcomer",
                    "create_employee_id": cls.newcomer.id,
                }
            )
        )

    def test_first_day(self):
        self.assertEqual(self.newcomer.user_id, self.user)
        self.start_tour("/odoo", "performance_new_employee_first_day", login="pm_newcomer")
        goal = self.env["performance.goal"].search([("name", "=", "Learn the codebase")])
        self.assertEqual(goal.employee_id, self.newcomer)
        self.assertEqual(goal.create_uid, self.user)
        self.assertTrue(goal.approval_requested)
        # his manager is asked to approve it
        self.assertEqual(goal.activity_ids.user_id, self.manager.user_id)
