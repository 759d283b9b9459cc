from odoo import fields, models


class PerformanceImprovementExtend(models.TransientModel):
    """Extend an improvement plan to a new end date."""

    _name = "performance.improvement.extend"
    _description = "Extend an Improvement Plan"

    plan_id = fields.Many2one("performance.improvement.plan", required=True, ondelete="cascade")
    date_end = fields.Date(string="New End Date")
    reason = fields.Text()

    def action_extend(self):
        self.ensure_one()
        self.plan_id.action_extend(self.date_end, self.reason)
        return {"type": "ir.actions.act_window_close"}
