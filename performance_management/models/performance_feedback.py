from odoo import fields, models


class PerformanceFeedback(models.Model):
    """Performance Feedback (stub: its feature fills it in)."""

    _name = "performance.feedback"
    _description = "Performance Feedback"

    name = fields.Char(required=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="cascade")
