from odoo import fields, models


class PerformanceGoal(models.Model):
    """Performance Goal (stub: its feature fills it in)."""

    _name = "performance.goal"
    _description = "Performance Goal"

    name = fields.Char(required=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="cascade")
