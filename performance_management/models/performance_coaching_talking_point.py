from odoo import fields, models

from ..tools import settable


class PerformanceCoachingTalkingPoint(models.Model):
    """An agenda item of a 1:1 that both people can add; open ones carry over."""

    _name = "performance.coaching.talking.point"
    _description = "1:1 Talking Point"
    _order = "sequence, id"

    log_id = fields.Many2one(
        "performance.coaching.log", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="log_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Topic", required=True)
    user_id = fields.Many2one(
        "res.users",
        string="Added By",
        default=lambda self: self.env.user,
        readonly=True,
        copy=False,
    )
    resolved = fields.Boolean()
    carried_over = fields.Boolean(readonly=True, copy=False)

    def _has_field_access(self, field, operation):
        return settable(self, field, operation) and super()._has_field_access(field, operation)

    def write(self, vals):
        res = super().write(vals)
        if "log_id" in vals:
            # moved: the writer must still be allowed to write it where it went
            self.check_access("write")
        return res
