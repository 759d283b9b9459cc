from odoo import fields, models


class PerformanceValue(models.Model):
    """Company Value (stub: its feature fills it in)."""

    _name = "performance.value"
    _description = "Company Value"

    name = fields.Char(required=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
