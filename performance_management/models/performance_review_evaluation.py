from odoo import fields, models


class PerformanceReview(models.Model):
    """When each phase of a review was done, for the on-time rates of the cycle evaluation."""

    _inherit = "performance.review"

    date_self_done = fields.Date(string="Self Review Submitted", readonly=True, copy=False)
    date_manager_done = fields.Date(string="Manager Review Submitted", readonly=True, copy=False)

    def action_submit_self(self):
        result = super().action_submit_self()
        self.sudo().write({"date_self_done": fields.Date.context_today(self)})
        return result

    def action_submit_manager(self):
        result = super().action_submit_manager()
        self.sudo().write({"date_manager_done": fields.Date.context_today(self)})
        return result
