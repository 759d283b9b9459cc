from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited

    performance_nudge_weekly_limit = fields.Integer(
        related="company_id.performance_nudge_weekly_limit", readonly=False
    )
    performance_nudge_feedback_weeks = fields.Integer(
        related="company_id.performance_nudge_feedback_weeks", readonly=False
    )
