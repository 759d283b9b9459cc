from odoo import fields, models

from ..tools import settable


class PerformanceImprovementExtension(models.Model):
    """One extension of an improvement plan: the history of its end dates."""

    _name = "performance.improvement.extension"
    _description = "Improvement Plan Extension"
    _order = "id desc"

    plan_id = fields.Many2one(
        "performance.improvement.plan",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
        copy=False,
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    previous_date_end = fields.Date(required=True, readonly=True, copy=False)
    date_end = fields.Date(string="New End", required=True, readonly=True, copy=False)
    reason = fields.Text(readonly=True, copy=False)
    user_id = fields.Many2one(
        "res.users",
        string="Extended By",
        default=lambda self: self.env.user,
        readonly=True,
        copy=False,
    )

    def _has_field_access(self, field, operation):
        return settable(self, field, operation) and super()._has_field_access(field, operation)
