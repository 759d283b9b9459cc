from odoo import fields, models


class PerformanceCareerStep(models.Model):
    """Career Step (stub: its feature fills it in)."""

    _name = "performance.career.step"
    _description = "Career Step"

    name = fields.Char(required=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
