from odoo import api, fields, models

from ..tools import DECISIONS


class PerformanceReview(models.Model):
    """The suggested rating's why and its decision, as the reader may see the assessment."""

    _inherit = "performance.review"  # pylint: disable=consider-merging-classes-inherited

    suggestion_explanation = fields.Text(
        string="Why This Suggestion", compute="_compute_suggestion", compute_sudo=False
    )
    suggestion_decision = fields.Selection(
        DECISIONS[:2], string="Rating Decision", compute="_compute_suggestion", compute_sudo=False
    )
    suggestion_decision_user_id = fields.Many2one(
        "res.users", string="Rating Decided By", compute="_compute_suggestion", compute_sudo=False
    )
    suggestion_decision_date = fields.Datetime(
        string="Rating Decided On", compute="_compute_suggestion", compute_sudo=False
    )

    @api.depends_context("uid")
    @api.depends(
        "assessment_ids.suggested_rating_id",
        "assessment_ids.final_rating_id",
        "assessment_ids.suggestion_decision",
    )
    def _compute_suggestion(self):
        # As _compute_assessment: read with the user's rights, nothing before the release
        # for the employee.
        for review in self:
            assessment = review.assessment_ids._filtered_access("read")[:1]
            review.suggestion_explanation = assessment.suggestion_explanation
            review.suggestion_decision = assessment.suggestion_decision
            review.suggestion_decision_user_id = assessment.suggestion_decision_user_id
            review.suggestion_decision_date = assessment.suggestion_decision_date
