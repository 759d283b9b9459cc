from odoo import fields, models

from ..tools import FiniteFloat


class PerformanceReviewTemplateLine(models.Model):
    """A section or a question of a review template, and who answers it."""

    _name = "performance.review.template.line"
    _description = "Review Template Question"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one(
        "performance.review.template", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="template_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    display_type = fields.Selection([("line_section", "Section")])
    name = fields.Char(string="Question", required=True, translate=True)
    description = fields.Text(translate=True)
    question_type = fields.Selection(
        [("rating", "Rating"), ("text", "Text")], default="rating", required=True
    )
    answered_by = fields.Selection(
        [("both", "Employee and Manager"), ("employee", "Employee"), ("manager", "Manager")],
        default="both",
        required=True,
    )
    weight = FiniteFloat(default=1.0, help="Relative weight among the rating questions.")

    _weight_positive = models.Constraint(
        "CHECK(weight >= 0)", "A question cannot weigh less than zero."
    )
