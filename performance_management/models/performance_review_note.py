from odoo import fields, models


class PerformanceReviewNote(models.Model):
    """A reviewer's private note: record rules never show it to the employee."""

    _name = "performance.review.note"
    _description = "Private Review Note"
    _inherit = ("performance.write.guard.mixin",)
    _order = "id desc"
    _guard_locked_fields = ("review_id",)
    _guard_workflow_fields = ()

    review_id = fields.Many2one(
        "performance.review", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True)
    employee_id = fields.Many2one(related="review_id.employee_id", store=True, index=True)
    author_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True, required=True
    )
    note = fields.Text(required=True)
