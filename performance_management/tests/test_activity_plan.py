from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import tagged

from .common import PerformanceCase


@tagged("post_install", "-at_install")
class TestActivityPlan(PerformanceCase):
    """Odoo's activity plans start with an improvement plan and a development plan."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.improvement_plan = cls.env.ref("performance_management.mail_activity_plan_improvement")
        cls.development_plan = cls.env.ref("performance_management.mail_activity_plan_development")
        path = cls.env["performance.career.path"].create({"name": "Plan Path"})
        cls.step = cls.env["performance.career.step"].create(
            {"path_id": path.id, "job_id": cls.env["hr.job"].create({"name": "Plan Lead"}).id}
        )

    def development(self, **vals):
        return (
            self.env["performance.development.plan"]
            .with_user(self.user_manager)
            .create({"employee_id": self.employee.id, "target_step_id": self.step.id, **vals})
        )

    def improvement(self, employee):
        return (
            self.env["performance.improvement.plan"]
            .with_user(self.user_manager)
            .create(
                {
                    "name": f"Plan for {employee.name}",
                    "employee_id": employee.id,
                    "date_start": "2026-03-01",
                    "date_end": "2026-04-30",
                    "objective_ids": [
                        Command.create({"name": "Deliver on time", "success_criteria": "90%"})
                    ],
                }
            )
        )

    def planned(self, record):
        """(summary, user) of the activities the plans scheduled."""
        plan_summaries = set(
            (self.improvement_plan | self.development_plan).template_ids.mapped("summary")
        )
        return sorted(
            (activity.summary, activity.user_id.login)
            for activity in record.sudo().activity_ids
            if activity.summary in plan_summaries
        )

    def test_default_plans(self):
        self.assertEqual(self.improvement_plan.res_model, "performance.improvement.plan")
        self.assertEqual(self.development_plan.res_model, "performance.development.plan")
        self.assertEqual(
            set(self.improvement_plan.template_ids.mapped("responsible_type")),
            {"manager", "employee"},
            "the coach may not read an improvement plan: no step for him",
        )
        self.assertEqual(
            set(self.development_plan.template_ids.mapped("responsible_type")),
            {"manager", "coach", "employee"},
        )

    def test_improvement_plan_starts_its_activity_plan(self):
        plan = self.improvement(self.employee)
        self.assertFalse(self.planned(plan), "a draft plan starts nothing")
        plan.action_activate()
        self.assertEqual(
            self.planned(plan),
            [
                ("Arrange the support the plan promises", "pm_manager"),
                ("Meet the employee to go through the plan's objectives", "pm_manager"),
                ("Write down what you need to reach the objectives", "pm_employee"),
            ],
        )
        # due after the plan's start, none overdue on its first day (the plan started in March,
        # is activated today: the steps count from today)
        today = fields.Date.context_today(plan)
        steps = set(self.improvement_plan.template_ids.mapped("summary"))
        deadlines = {
            activity.summary: (activity.date_deadline - today).days
            for activity in plan.sudo().activity_ids
            if activity.summary in steps
        }
        self.assertEqual(
            deadlines,
            {
                "Arrange the support the plan promises": 7,
                "Meet the employee to go through the plan's objectives": 3,
                "Write down what you need to reach the objectives": 7,
            },
        )
        # the people named read the plan their activity is on
        for activity in plan.sudo().activity_ids:
            self.assertTrue(plan.with_user(activity.user_id).has_access("read"))
        self.assertIn("Improvement Plan Follow-up", plan.sudo().message_ids[:1].body)

    def test_employee_without_user_goes_to_the_manager(self):
        plan = self.improvement(self.nouser_employee)
        plan.action_activate()
        users = {user for __, user in self.planned(plan)}
        self.assertEqual(users, {"pm_manager"})

    def test_development_plan_starts_with_coach_manager_and_employee(self):
        start = fields.Date.context_today(self.env.user) + timedelta(days=10)
        plan = self.development(mentor_id=self.peer.id, date_start=start)
        self.assertFalse(self.planned(plan))
        plan.action_start()
        # a plan that starts in ten days: its steps count from that day
        self.assertEqual(
            sorted(
                (a.date_deadline - start).days
                for a in plan.sudo().activity_ids
                if a.summary in self.development_plan.template_ids.mapped("summary")
            ),
            [7, 7, 14],
        )
        self.assertEqual(
            self.planned(plan),
            [
                ("Book the first development action", "pm_employee"),
                ("First mentoring session on the development plan", "pm_peer"),
                ("Free time and budget for the development actions", "pm_manager"),
            ],
        )
        # without a mentor, the employee's coach is the coach
        self.employee.coach_id = self.director
        other = self.development(mentor_id=False)
        other.action_start()
        self.assertIn(
            ("First mentoring session on the development plan", "pm_director"),
            self.planned(other),
        )

    def test_archived_plan_does_not_start_and_the_host_wizard_offers_it(self):
        self.development_plan.active = False
        plan = self.development(mentor_id=self.peer.id)
        plan.action_start()
        self.assertFalse(self.planned(plan))
        self.development_plan.active = True
        # the host's own plan wizard, as the chatter opens it, offers and launches the plan
        wizard = (
            self.env["mail.activity.schedule"]
            .with_user(self.user_manager)
            .with_context(active_model=plan._name, active_ids=plan.ids)
            .create({"plan_id": self.development_plan.id})
        )
        self.assertIn(self.development_plan, wizard.plan_available_ids)
        self.assertFalse(wizard.has_error)
        wizard.action_schedule_plan()
        self.assertEqual(len(self.planned(plan)), 3)

    def test_hr_responsibles_stay_limited_to_hr_and_performance_plans(self):
        with self.assertRaises(UserError):
            self.env["mail.activity.plan"].create(
                {
                    "name": "Partner plan",
                    "res_model": "res.partner",
                    "template_ids": [
                        Command.create({"summary": "Call", "responsible_type": "manager"})
                    ],
                }
            )
        # a plain employee does not write the addon's plans
        with self.assertRaises(UserError):
            self.improvement_plan.with_user(self.user_employee).name = "Mine now"
