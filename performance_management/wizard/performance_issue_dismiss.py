from odoo import fields, models


class PerformanceIssueDismiss(models.TransientModel):
    """Dismiss performance issues with a reason."""

    _name = "performance.issue.dismiss"
    _description = "Dismiss Performance Issues"

    issue_ids = fields.Many2many("performance.issue", required=True)
    reason = fields.Text(required=True)

    def action_dismiss(self):
        self.issue_ids.action_dismiss(self.reason)
        return {"type": "ir.actions.act_window_close"}
