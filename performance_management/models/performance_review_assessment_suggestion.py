from odoo import api, fields, models

from ..tools import DECISIONS, decision_vals


class PerformanceReviewAssessment(models.Model):
    """Why the rating was suggested, and who took or changed it."""

    _inherit = "performance.review.assessment"  # pylint: disable=consider-merging-classes-inherited

    suggestion_explanation = fields.Text(
        string="Why This Suggestion",
        compute="_compute_suggestion_explanation",
        # sudo: the figures behind the overall score of an assessment the reader reads
        compute_sudo=True,
    )
    suggestion_decision = fields.Selection(
        DECISIONS[:2], string="Rating Decision", readonly=True, copy=False
    )
    suggestion_decision_user_id = fields.Many2one(
        "res.users", string="Rating Decided By", readonly=True, copy=False
    )
    suggestion_decision_date = fields.Datetime(
        string="Rating Decided On", readonly=True, copy=False
    )
    suggestion_decision_rating_id = fields.Many2one(
        "performance.rating.scale.level",
        string="Suggestion Shown",
        readonly=True,
        copy=False,
        help="The suggested rating when the final rating was set.",
    )

    @api.depends("overall_score", "suggested_rating_id")
    def _compute_suggestion_explanation(self):
        kinds = {
            "rating": self.env._("questions"),
            "competency": self.env._("competencies"),
            "goal": self.env._("goals"),
        }
        for assessment in self:
            level = assessment.suggested_rating_id
            if not level:
                assessment.suggestion_explanation = False
                continue
            figures = "; ".join(
                self.env._(
                    "%(kind)s %(score)s (weight %(weight)s%%)",
                    kind=kinds[kind],
                    score=round(score, 1),
                    weight=round(weight, 1),
                )
                for kind, weight, score in assessment._score_parts()
            )
            assessment.suggestion_explanation = self.env._(
                "Overall score %(score)s of 100 from the manager's part: %(figures)s. "
                "Closest level of the scale %(scale)s: %(level)s (value %(value)s, "
                "%(position)s of 100).",
                score=round(assessment.overall_score, 1),
                figures=figures,
                scale=level.scale_id.name,
                level=level.name,
                value=level.value,
                position=round(level.scale_id._normalize(level.value), 1),
            )

    def write(self, vals):
        res = super().write(vals)
        if "final_rating_id" in vals:
            self._record_suggestion_decision()
        return res

    def _record_suggestion_decision(self):
        """The writer of a final rating accepted the suggested one, or changed it."""
        for assessment in self:
            suggestion = assessment.suggested_rating_id
            final = assessment.final_rating_id
            decision = (
                (final == suggestion and "accepted" or "changed")
                if suggestion and final
                else False
            )
            # sudo: the user just wrote the final rating of this assessment (write checked
            # him); the decision fields are readonly, set here only
            assessment.sudo().write(
                {
                    **decision_vals(self.env, "suggestion_", decision),
                    "suggestion_decision_rating_id": decision and suggestion.id,
                }
            )
