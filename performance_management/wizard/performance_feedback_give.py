from odoo import fields, models
from odoo.exceptions import ValidationError

from ..models.performance_feedback import FEEDBACK_TYPES, VISIBILITIES


class PerformanceFeedbackGive(models.TransientModel):
    """Give feedback to one or more colleagues at once."""

    _name = "performance.feedback.give"
    _description = "Give Feedback"
    _inherit = "performance.text.flags.mixin"

    # Public profiles: employees without HR rights may not link hr.employee records.
    employee_ids = fields.Many2many("hr.employee.public", string="To", required=True)
    feedback_type = fields.Selection(
        FEEDBACK_TYPES,
        string="Type",
        default="praise",
        required=True,
    )
    visibility = fields.Selection(
        VISIBILITIES,
        default="shared",
        required=True,
    )
    goal_id = fields.Many2one("performance.goal")
    value_id = fields.Many2one("performance.value")

    def action_give(self):
        self.ensure_one()
        employees = self.env["hr.employee"].browse(self.employee_ids.ids)
        if self.env.user.employee_ids & employees:
            raise ValidationError(self.env._("You cannot give feedback to yourself."))
        Feedback = self.env["performance.feedback"]
        feedback = Feedback.create(
            [
                Feedback._prepare_given_feedback(
                    employee,
                    self.message,
                    self.feedback_type,
                    self.visibility,
                    goal=self.goal_id,
                    value=self.value_id,
                )
                for employee in employees
            ]
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Feedback given"),
            "res_model": "performance.feedback",
            "view_mode": "list,form",
            "domain": [("id", "in", feedback.ids)],
        }
