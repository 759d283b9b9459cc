from odoo import fields, models

from ..tools import FiniteFloat
from .performance_review_assessment import POTENTIAL


class PerformanceCalibrationDisagreement(models.Model):
    """A review the pre-ratings disagree on, computed when its session opens."""

    _name = "performance.calibration.disagreement"
    _description = "Calibration Disagreement"
    _order = "session_id, spread desc, id"
    _rec_name = "employee_id"
    # written by the session when it opens (sudo), read-only to everyone (ir.model.access.csv)

    session_id = fields.Many2one(
        "performance.calibration.session", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="session_id.company_id", store=True)
    review_id = fields.Many2one("performance.review", required=True, ondelete="cascade")
    assessment_id = fields.Many2one("performance.review.assessment", ondelete="cascade")
    employee_id = fields.Many2one("hr.employee", required=True)
    department_id = fields.Many2one("hr.department")
    current_rating_id = fields.Many2one(
        "performance.rating.scale.level", string="Rating at Opening"
    )
    current_potential = fields.Selection(POTENTIAL, string="Potential at Opening")
    lowest_rating_id = fields.Many2one("performance.rating.scale.level", string="Lowest Vote")
    highest_rating_id = fields.Many2one("performance.rating.scale.level", string="Highest Vote")
    vote_count = fields.Integer("Votes")
    spread = FiniteFloat(
        "Spread (%)",
        digits=(16, 0),
        help="How far apart the votes and the rating lie, as a share of the rating scale.",
    )
    potential_split = fields.Boolean("Potentials Differ")
    vote_summary = fields.Text("Votes Cast")

    def _prepare_line(self, session, review, votes):
        """Values of the disagreement on ``review``, or None when its votes agree."""
        scale = review.template_id.scale_id
        assessment = review.assessment_ids[:1]
        current = assessment.final_rating_id
        values = [scale._normalize(level.value) for level in votes.rating_id]
        if current:
            values.append(scale._normalize(current.value))
        spread = max(values) - min(values) if values else 0.0
        potentials = set(votes.filtered("potential").mapped("potential"))
        if assessment.potential and potentials:
            potentials.add(assessment.potential)
        split = len(potentials) > 1
        if spread <= session.threshold and not split:
            return None
        ordered = votes.rating_id.sorted("value")
        potential_names = dict(POTENTIAL)
        return {
            "session_id": session.id,
            "review_id": review.id,
            "assessment_id": assessment.id,
            "employee_id": review.employee_id.id,
            "department_id": review.department_id.id,
            "current_rating_id": current.id,
            "current_potential": assessment.potential,
            "lowest_rating_id": ordered[:1].id,
            "highest_rating_id": ordered[-1:].id,
            "vote_count": len(votes),
            "spread": spread,
            "potential_split": split,
            "vote_summary": "\n".join(
                f"{vote.voter_id.name}: {vote.rating_id.name}"
                + (f" / {potential_names[vote.potential]}" if vote.potential else "")
                for vote in votes.sorted(lambda v: (v.voter_id.name, v.id))
            ),
        }

    def action_calibrate(self):
        """The existing calibration wizard on this review: the move is recorded in the log."""
        self.ensure_one()
        return self.assessment_id.action_open_calibration_wizard()
