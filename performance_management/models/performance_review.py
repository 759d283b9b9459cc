from odoo import fields, models


class PerformanceReview(models.Model):
    """Performance Review (stub: its feature fills it in)."""

    _name = "performance.review"
    _description = "Performance Review"

    name = fields.Char(required=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="cascade")
