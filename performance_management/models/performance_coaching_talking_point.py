from odoo import fields, models


class PerformanceCoachingTalkingPoint(models.Model):
    """An agenda item of a 1:1 that both people can add; open ones carry over."""

    _name = "performance.coaching.talking.point"
    _description = "1:1 Talking Point"
    _inherit = ("performance.write.guard.mixin",)
    _order = "sequence, id"
    _guard_locked_fields = ("log_id", "user_id")
    _guard_workflow_fields = ()

    log_id = fields.Many2one(
        "performance.coaching.log", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="log_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Topic", required=True)
    user_id = fields.Many2one("res.users", string="Added By", default=lambda self: self.env.user)
    resolved = fields.Boolean()
    carried_over = fields.Boolean(readonly=True)
