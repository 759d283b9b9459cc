from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import settable
from .performance_review_assessment import POTENTIAL


class PerformanceCalibrationVote(models.Model):
    """A participant's blind pre-rating of one review before a calibration session.

    Who reads a vote is the record rules' (performance_calibration_session_security.xml):
    its voter always; the session's participants, facilitator and the officers only once
    the session opens. Votes are cast while the session is in pre-rating, never after.
    """

    _name = "performance.calibration.vote"
    _description = "Calibration Pre-Rating"
    _order = "session_id, employee_id, id"
    _rec_name = "review_id"

    session_id = fields.Many2one(
        "performance.calibration.session", required=True, index=True, ondelete="cascade"
    )
    session_state = fields.Selection(
        related="session_id.state", store=True, string="Session Status"
    )
    company_id = fields.Many2one(related="session_id.company_id", store=True, index=True)
    review_id = fields.Many2one(
        "performance.review", required=True, index=True, ondelete="cascade"
    )
    # the name on the vote: the session's readers see whom the votes are about
    employee_id = fields.Many2one(related="review_id.employee_id", store=True)
    scale_id = fields.Many2one(related="review_id.template_id.scale_id")
    voter_id = fields.Many2one(
        "res.users", required=True, index=True, readonly=True, default=lambda self: self.env.user
    )
    rating_id = fields.Many2one(
        "performance.rating.scale.level",
        string="Proposed Rating",
        domain="[('scale_id', '=', scale_id)]",
    )
    potential = fields.Selection(POTENTIAL, string="Proposed Potential")
    comment = fields.Text()

    _voter_review_unique = models.UniqueIndex(
        "(session_id, review_id, voter_id)", "One vote per participant and review."
    )

    @api.constrains("session_id", "review_id", "voter_id", "rating_id")
    def _check_review(self):
        for vote in self:
            review = vote.review_id
            if review not in vote.session_id.review_ids:
                raise ValidationError(
                    self.env._(
                        "%(review)s is not in the scope of %(session)s.",
                        review=review.display_name,
                        session=vote.session_id.name,
                    )
                )
            if review.employee_id.user_id == vote.voter_id:
                raise ValidationError(self.env._("Nobody pre-rates his own review."))
            # one votes only on what one may read: the voter's rights, not the writer's
            if not review.with_user(vote.voter_id).has_access("read"):
                raise ValidationError(
                    self.env._(
                        "You may not pre-rate %(employee)s: that review is not yours to read.",
                        employee=review.employee_id.name,
                    )
                )
            if vote.rating_id and vote.rating_id.scale_id != review.template_id.scale_id:
                raise ValidationError(
                    self.env._(
                        "Pick a rating of the scale %(scale)s.",
                        scale=review.template_id.scale_id.name,
                    )
                )

    def write(self, vals):
        if not self.env.su and vals.keys() & {"session_id", "review_id"}:
            self.check_access("write")
            raise UserError(self.env._("A vote stays on its session and its review."))
        return super().write(vals)

    def _has_field_access(self, field, operation):
        return settable(self, field, operation) and super()._has_field_access(field, operation)

    @api.model
    def _ensure_lines(self, session):
        """An empty vote per review in scope the current participant may read."""
        reviews = session.review_ids._filtered_access("read").filtered(
            lambda review: review.employee_id.user_id != self.env.user
        )
        existing = self.search(
            [("session_id", "=", session.id), ("voter_id", "=", self.env.uid)]
        ).review_id
        return self.create(
            [{"session_id": session.id, "review_id": review.id} for review in reviews - existing]
        )
