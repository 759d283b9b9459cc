from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .common import PerformanceCase


@tagged("post_install", "-at_install")
class TestImprovementPlan(PerformanceCase):
    """State machine, acknowledgement, confidentiality and the PDFs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = (
            cls.env["performance.improvement.plan"]
            .with_user(cls.user_manager)
            .create(
                {
                    "name": "Plan for Eli",
                    "employee_id": cls.employee.id,
                    "date_start": "2026-03-01",
                    "date_end": "2026-04-30",
                    "reason": "<p>Missed deadlines</p>",
                    "support": "<p>Weekly mentoring</p>",
                    "hr_responsible_id": cls.user_officer.id,
                }
            )
        )
        cls.plan.sudo().hr_note = "<p>HR only: legal context</p>"

    def _add_objective(self):
        self.env["performance.improvement.objective"].with_user(self.user_manager).create(
            {
                "plan_id": self.plan.id,
                "name": "Deliver sprint tasks on time",
                "success_criteria": "90% of tasks on time",
                "date_due": "2026-04-15",
            }
        )

    def test_defaults(self):
        self.assertEqual(self.plan.manager_id, self.manager)
        self.assertEqual(self.plan.state, "draft")

    def test_dates_and_objectives_required(self):
        with self.assertRaises(ValidationError):
            self.plan.with_user(self.user_manager).date_end = "2026-02-01"
        with self.assertRaises(ValidationError):
            self.plan.with_user(self.user_manager).action_activate()
        self.assertEqual(self.plan.state, "draft")

    def test_state_machine(self):
        self._add_objective()
        plan = self.plan.with_user(self.user_manager).with_context(tracking_disable=False)
        plan.action_activate()
        self.assertEqual(plan.state, "active")
        with self.assertRaises(UserError):
            plan.write({"state": "closed"})
        with self.assertRaises(UserError):
            plan.action_activate()
        with self.assertRaises(ValidationError):
            plan.action_close()  # no outcome yet
        with self.assertRaises(ValidationError):
            plan.action_extend(False)
        with self.assertRaises(ValidationError):
            plan.action_extend("2026-04-01")  # before the current end
        wizard = (
            self.env["performance.improvement.extend"]
            .with_user(self.user_manager)
            .create({"plan_id": plan.id, "date_end": "2026-05-31", "reason": "Sick leave"})
        )
        wizard.action_extend()
        self.assertEqual(plan.state, "extended")
        self.assertEqual(str(plan.date_end), "2026-05-31")
        self.assertEqual(str(plan.extension_ids.previous_date_end), "2026-04-30")
        self.assertEqual(plan.extension_ids.reason, "Sick leave")
        plan.outcome = "unsuccessful"
        plan.action_close()
        self.assertEqual(plan.state, "closed")
        hr_activity = plan.activity_ids.filtered(lambda a: a.user_id == self.user_officer)
        self.assertTrue(hr_activity, "an unsuccessful plan is escalated to HR")
        with self.assertRaises(UserError):
            plan.action_cancel()
        self.assertTrue(
            plan.sudo().message_ids.tracking_value_ids, "changes are tracked in the chatter"
        )

    def test_employee_cannot_drive_the_plan(self):
        self._add_objective()
        as_employee = self.plan.with_user(self.user_employee)
        with self.assertRaises(AccessError):
            as_employee.action_activate()
        with self.assertRaises(AccessError):
            as_employee.write({"support": "<p>more</p>"})

    def test_acknowledgements(self):
        self._add_objective()
        with self.assertRaises(UserError):
            self.plan.with_user(self.user_employee).action_acknowledge()  # draft
        self.plan.with_user(self.user_manager).action_activate()
        with self.assertRaises(AccessError):
            self.plan.with_user(self.user_manager).action_acknowledge()
        self.env["performance.improvement.acknowledge"].with_user(self.user_employee).create(
            {"plan_id": self.plan.id, "comment": "I understand"}
        ).action_acknowledge()
        self.assertTrue(self.plan.acknowledged_date)
        self.assertEqual(self.plan.acknowledgement_comment, "I understand")
        with self.assertRaises(UserError):
            self.plan.with_user(self.user_employee).action_acknowledge()
        self.plan.with_user(self.user_manager).write({"outcome": "successful"})
        self.plan.with_user(self.user_manager).action_close()
        self.plan.with_user(self.user_employee).action_acknowledge("Thanks")
        self.assertTrue(self.plan.outcome_acknowledged_date)
        self.assertEqual(self.plan.outcome_comment, "Thanks")

    def test_confidentiality(self):
        self._add_objective()
        Plan = self.env["performance.improvement.plan"]
        Objective = self.env["performance.improvement.objective"]
        # a draft is the manager's and HR's until it starts
        self.assertFalse(Plan.with_user(self.user_employee).search([]))
        self.assertFalse(Objective.with_user(self.user_employee).search([]))
        self.plan.with_user(self.user_manager).action_activate()
        for user in (self.user_employee, self.user_manager, self.user_director, self.user_officer):
            self.assertEqual(Plan.with_user(user).search([]), self.plan, user.login)
            self.assertTrue(Objective.with_user(user).search([]), user.login)
        for user in (
            self.user_peer,
            self.user_other_manager,
            self.user_other_employee,
            self.user_officer_b,
        ):
            with self.subTest(user=user.login):
                self.assertFalse(Plan.with_user(user).search([]))
                self.assertFalse(Objective.with_user(user).search([]))
                with self.assertRaises(AccessError):
                    self.plan.with_user(user).read(["name"])
        # HR notes: officers only, never the employee nor the manager.
        self.assertIn("legal context", self.plan.with_user(self.user_officer).hr_note)
        for user in (self.user_employee, self.user_manager):
            with self.assertRaises(AccessError):
                self.plan.with_user(user).read(["hr_note"])
            with self.assertRaises(AccessError):
                Plan.with_user(user).search([("hr_note", "ilike", "legal")])
        plan = self.plan.with_context(tracking_disable=False)
        plan.with_user(self.user_officer).hr_note = "<p>HR only: second thought</p>"
        plan.with_user(self.user_manager).support = "<p>A mentor</p>"
        messages = plan.with_user(self.user_employee).message_ids
        self.assertIn("Support Given", str(messages.mapped("body")), "changes are logged")
        self.assertNotIn("second thought", str(messages.sudo().mapped("body")))
        self.assertNotIn("HR Internal Notes", str(messages.sudo().mapped("body")))

    def test_employee_smart_button_counts_only_allowed_plans(self):
        employees = self.env["hr.employee"]
        self.assertEqual(
            employees.with_user(self.user_officer)
            .browse(self.employee.id)
            .performance_improvement_plan_count,
            1,
        )
        self.user_peer.group_ids += self.env.ref("hr.group_hr_user")
        self.assertEqual(
            employees.with_user(self.user_peer)
            .browse(self.employee.id)
            .performance_improvement_plan_count,
            0,
        )

    def test_pdf_renders_objectives(self):
        self._add_objective()
        self.plan.with_user(self.user_manager).action_activate()
        for xmlid in (
            "performance_management.action_report_improvement_plan",
            "performance_management.action_report_improvement_outcome",
        ):
            html, _type = (
                self.env["ir.actions.report"]
                .with_user(self.user_manager)
                ._render_qweb_html(xmlid, self.plan.ids)
            )
            html = html.decode()
            self.assertIn("Eli Employee", html)
            if xmlid.endswith("plan"):
                self.assertIn("Deliver sprint tasks on time", html)
                self.assertIn("90% of tasks on time", html)
                self.assertNotIn("legal context", html)
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.user_peer)._render_qweb_html(
                "performance_management.action_report_improvement_plan", self.plan.ids
            )

    def test_checkin_schedules_activity(self):
        self.env["performance.improvement.checkin"].with_user(self.user_manager).create(
            {"plan_id": self.plan.id, "date": "2026-03-15"}
        )
        activity = self.plan.activity_ids.filtered(lambda a: str(a.date_deadline) == "2026-03-15")
        self.assertEqual(activity.user_id, self.user_manager)

    def test_plan_children_follow_plan_security(self):
        with self.assertRaises(AccessError):
            self.env["performance.improvement.objective"].with_user(self.user_peer).create(
                {"plan_id": self.plan.id, "name": "Sneaky"}
            )
        self.plan.with_user(self.user_manager).write(
            {"objective_ids": [Command.create({"name": "Second objective"})]}
        )
        self.assertEqual(len(self.plan.objective_ids), 1)

    def test_portal_employee_reads_own_plan_only(self):
        own = self.env["performance.improvement.plan"].create(
            {
                "name": "Portal plan",
                "employee_id": self.portal_employee.id,
                "date_end": "2026-12-31",
            }
        )
        Plan = self.env["performance.improvement.plan"].with_user(self.user_portal)
        self.assertFalse(Plan.search([]), "a draft is not the employee's yet")
        own.objective_ids = [Command.create({"name": "Serve", "success_criteria": "Yes"})]
        own.action_activate()
        self.assertEqual(Plan.search([]), own)
        with self.assertRaises(AccessError):
            own.with_user(self.user_portal).write({"name": "Mine now"})
        with self.assertRaises(AccessError):
            self.plan.with_user(self.user_portal).read(["name"])
