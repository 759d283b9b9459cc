# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models


class PerformanceReview(models.Model):
    """The wording flags of the part of the review the user is writing."""

    _inherit = "performance.review"

    text_flags_html = fields.Html(
        string="Wording Flags",
        compute="_compute_text_flags_html",
        sanitize=False,
        help="Personality or gender-coded words, absolutes, vague praise, no example cited, "
        "a length far from the writer's other reviews: hints while writing, never blocking.",
    )

    @api.depends_context("uid", "lang")
    @api.depends(
        "state",
        "self_sheet_line_ids.answer",
        "manager_sheet_line_ids.answer",
        "manager_summary",
    )
    def _compute_text_flags_html(self):
        Rule = self.env["performance.text.rule"]
        for review in self:
            texts = review._get_texts_being_written()
            review.text_flags_html = (
                Rule._flags_html(texts, exclude_lines=review._origin.line_ids) if texts else False
            )

    def _get_texts_being_written(self):
        """(question, answer) of the part open to the user: his self review, or the review
        he writes as reviewer with its summary."""
        self.ensure_one()
        if self.state == "self_review" and self.is_employee:
            lines = self.self_sheet_line_ids.filtered(lambda line: line.role == "employee")
            return [(line.name, line.answer) for line in lines if not line.display_type]
        if self.state == "manager_review" and self.is_reviewer:
            lines = self.manager_sheet_line_ids.filtered(lambda line: line.role == "manager")
            texts = [(line.name, line.answer) for line in lines if not line.display_type]
            return [*texts, (self.env._("Summary for the employee"), self.manager_summary)]
        return []
