from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PerformanceFeedbackRequestWizard(models.TransientModel):
    """Ask colleagues for feedback about yourself or, as a manager, about a report."""

    _name = "performance.feedback.request.wizard"
    _description = "Request Feedback"

    employee_id = fields.Many2one(
        "hr.employee",
        string="About",
        required=True,
        default=lambda self: self.env.user.employee_id,
    )
    # Public profiles: employees without HR rights may not link hr.employee records.
    author_ids = fields.Many2many("hr.employee.public", string="Ask", required=True)
    date_deadline = fields.Date(string="Deadline", required=True)
    anonymous = fields.Boolean(help="Answers are stored without their author.")
    request_message = fields.Text(string="Question")
    goal_id = fields.Many2one("performance.goal")

    @api.constrains("date_deadline")
    def _check_deadline(self):
        today = fields.Date.context_today(self)
        if any(wizard.date_deadline < today for wizard in self):
            raise ValidationError(
                self.env._("The deadline of a feedback request cannot be in the past.")
            )

    def action_request(self):
        self.ensure_one()
        me = self.env.user.employee_id
        if self.employee_id != me and not self.employee_id._performance_reports_to(me):
            raise ValidationError(
                self.env._("You can ask for feedback about yourself or about your reports.")
            )
        authors = self.env["hr.employee"].browse(self.author_ids.ids)
        if self.employee_id == me and me in authors:
            raise ValidationError(self.env._("You cannot ask yourself for feedback."))
        # a request is answered by its author's user (backend or portal): none, no answer
        if without_user := self.author_ids.filtered(lambda author: not author.user_id):
            raise ValidationError(
                self.env._(
                    "%(names)s cannot log in to Odoo, so they could not answer a feedback "
                    "request. Ask their manager, or give them a user first.",
                    names=", ".join(without_user.mapped("name")),
                )
            )
        requests = self.env["performance.feedback"].create(
            [
                {
                    "employee_id": self.employee_id.id,
                    "company_id": self.employee_id.company_id.id,
                    "author_id": author.id,
                    "requester_id": me.id,
                    "state": "requested",
                    "date_deadline": self.date_deadline,
                    "anonymous": self.anonymous,
                    "request_message": self.request_message,
                    "goal_id": self.goal_id.id,
                    "visibility": "shared" if self.employee_id == me else "private",
                }
                for author in authors
            ]
        )
        requests._notify_requests(requests)
        return {"type": "ir.actions.act_window_close"}
