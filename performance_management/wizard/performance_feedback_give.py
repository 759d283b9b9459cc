from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PerformanceFeedbackGive(models.TransientModel):
    """Give feedback to one or more colleagues at once."""

    _name = "performance.feedback.give"
    _description = "Give Feedback"

    # Public profiles: employees without HR rights may not link hr.employee records.
    employee_ids = fields.Many2many("hr.employee.public", string="To", required=True)
    feedback_type = fields.Selection(
        [("praise", "Praise"), ("constructive", "Constructive"), ("general", "General")],
        string="Type",
        default="praise",
        required=True,
    )
    visibility = fields.Selection(
        [
            ("private", "Private to the manager chain"),
            ("shared", "Shared with the receiver"),
            ("public", "Public in the company"),
        ],
        default="shared",
        required=True,
    )
    message = fields.Html(required=True)
    goal_id = fields.Many2one("performance.goal")
    value_id = fields.Many2one("performance.value")
    text_flags_html = fields.Html(
        string="Wording Flags", compute="_compute_text_flags_html", sanitize=False
    )

    @api.depends_context("uid", "lang")
    @api.depends("message")
    def _compute_text_flags_html(self):
        Rule = self.env["performance.text.rule"]
        for wizard in self:
            wizard.text_flags_html = Rule._flags_html([("", wizard.message)])

    def action_give(self):
        self.ensure_one()
        employees = self.env["hr.employee"].browse(self.employee_ids.ids)
        if self.env.user.employee_ids & employees:
            raise ValidationError(self.env._("You cannot give feedback to yourself."))
        feedback = self.env["performance.feedback"].create(
            [
                {
                    "employee_id": employee.id,
                    "company_id": employee.company_id.id,
                    "feedback_type": self.feedback_type,
                    "visibility": self.visibility,
                    "message": self.message,
                    "goal_id": self.goal_id.id,
                    "value_id": self.value_id.id,
                    "state": "done",
                }
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
