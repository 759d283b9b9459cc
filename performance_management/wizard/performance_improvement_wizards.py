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


class PerformanceIssueDismiss(models.TransientModel):
    """Dismiss performance issues with a reason."""

    _name = "performance.issue.dismiss"
    _description = "Dismiss Performance Issues"

    issue_ids = fields.Many2many("performance.issue", required=True)
    reason = fields.Text(required=True)

    def action_dismiss(self):
        self.issue_ids.action_dismiss(self.reason)
        return {"type": "ir.actions.act_window_close"}
