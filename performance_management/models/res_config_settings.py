from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    performance_goal_proposal = fields.Boolean(
        related="company_id.performance_goal_proposal", readonly=False
    )
    performance_anonymity_threshold = fields.Integer(
        related="company_id.performance_anonymity_threshold", readonly=False
    )
