from odoo import fields, models


class PerformanceImprovementAcknowledge(models.TransientModel):
    """The employee acknowledges a plan or its outcome."""

    _name = "performance.improvement.acknowledge"
    _description = "Acknowledge an Improvement Plan"

    plan_id = fields.Many2one("performance.improvement.plan", required=True, ondelete="cascade")
    comment = fields.Text()

    def action_acknowledge(self):
        self.ensure_one()
        self.plan_id.action_acknowledge(self.comment)
        return {"type": "ir.actions.act_window_close"}
