from odoo import fields, models

from ..tools import settable


class PerformanceReviewNote(models.Model):
    """A reviewer's private note: record rules never show it to the employee."""

    _name = "performance.review.note"
    _description = "Private Review Note"
    _order = "id desc"

    review_id = fields.Many2one(
        "performance.review", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True)
    employee_id = fields.Many2one(related="review_id.employee_id", store=True, index=True)
    author_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        readonly=True,
        required=True,
        copy=False,
    )
    note = fields.Text(required=True)

    def _has_field_access(self, field, operation):
        return settable(self, field, operation) and super()._has_field_access(field, operation)

    def write(self, vals):
        res = super().write(vals)
        if "review_id" in vals:
            # moved: the writer must still be allowed to write it where it went
            self.check_access("write")
        return res
