from odoo import fields, models


class PerformanceImprovementObjective(models.Model):
    """An objective of an improvement plan with its success criteria."""

    _name = "performance.improvement.objective"
    _description = "Improvement Plan Objective"
    _inherit = ("performance.write.guard.mixin",)
    _order = "sequence, id"
    _guard_locked_fields = ("plan_id",)
    _guard_workflow_fields = ()

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
