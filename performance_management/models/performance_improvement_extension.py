from odoo import fields, models


class PerformanceImprovementExtension(models.Model):
    """One extension of an improvement plan: the history of its end dates."""

    _name = "performance.improvement.extension"
    _description = "Improvement Plan Extension"
    _inherit = ("performance.write.guard.mixin",)
    _order = "id desc"
    _guard_locked_fields = ("plan_id",)
    _guard_workflow_fields = ()

    plan_id = fields.Many2one(
        "performance.improvement.plan", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    previous_date_end = fields.Date(required=True, readonly=True)
    date_end = fields.Date(string="New End", required=True, readonly=True)
    reason = fields.Text(readonly=True)
    user_id = fields.Many2one(
        "res.users", string="Extended By", default=lambda self: self.env.user, readonly=True
    )
