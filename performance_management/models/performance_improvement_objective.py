from odoo import fields, models


class PerformanceImprovementObjective(models.Model):
    """An objective of an improvement plan with its success criteria."""

    _name = "performance.improvement.objective"
    _description = "Improvement Plan Objective"
    _order = "sequence, id"

    plan_id = fields.Many2one(
        "performance.improvement.plan", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Objective", required=True)
    success_criteria = fields.Text()
    date_due = fields.Date(string="Due")
    status = fields.Selection(
        [
            ("pending", "Pending"),
            ("met", "Met"),
            ("partly_met", "Partly Met"),
            ("not_met", "Not Met"),
        ],
        default="pending",
        required=True,
    )

    def write(self, vals):
        res = super().write(vals)
        # moved to another plan, an objective must be one its writer may still write
        self.check_access("write")
        return res
