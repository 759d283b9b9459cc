from odoo import api, fields, models


class PerformanceImprovementCheckin(models.Model):
    """A scheduled check-in of an improvement plan, followed as an activity."""

    _name = "performance.improvement.checkin"
    _description = "Improvement Plan Check-in"
    _order = "date, id"

    plan_id = fields.Many2one(
        "performance.improvement.plan", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    employee_id = fields.Many2one(related="plan_id.employee_id", store=True)
    date = fields.Date(required=True)
    notes = fields.Html()
    done = fields.Boolean()

    @api.model_create_multi
    def create(self, vals_list):
        checkins = super().create(vals_list)
        for checkin in checkins:
            user = checkin.plan_id.manager_id.user_id or self.env.user
            checkin.plan_id.activity_schedule(
                "mail.mail_activity_data_meeting",
                date_deadline=checkin.date,
                summary=self.env._("Improvement plan check-in"),
                user_id=user.id,
            )
        return checkins

    def write(self, vals):
        res = super().write(vals)
        # moved to another plan, a check-in must be one its writer may still write
        self.check_access("write")
        return res
