from odoo import fields, models


class PerformanceRetentionPreviewLine(models.TransientModel):
    """One record the next retention run will anonymise or delete."""

    _name = "performance.retention.preview.line"
    _description = "Retention Preview Line"

    preview_id = fields.Many2one(
        "performance.retention.preview", required=True, index=True, ondelete="cascade"
    )
    rule_id = fields.Many2one("performance.retention.rule", readonly=True)
    action = fields.Selection(related="rule_id.action")
    res_model = fields.Char(string="Model", readonly=True)
    res_id = fields.Integer(string="Record ID", readonly=True)
    name = fields.Char(string="Record", readonly=True)
