# pylint: disable=consider-merging-classes-inherited
from odoo import SUPERUSER_ID, fields, models
from odoo.exceptions import UserError, ValidationError

from .performance_review_usefulness import USEFULNESS


class PerformanceReview(models.Model):
    """After acknowledging: the employee may say whether the review was useful, once."""

    _inherit = "performance.review"

    usefulness_answered = fields.Boolean(
        readonly=True,
        copy=False,
        help='The employee answered "was this review useful?"; the answer itself is '
        "stored apart, without the review or its author.",
    )

    def action_answer_useful(self):
        return self._answer_usefulness("yes")

    def action_answer_somewhat_useful(self):
        return self._answer_usefulness("somewhat")

    def action_answer_not_useful(self):
        return self._answer_usefulness("no")

    def _answer_usefulness(self, answer):
        self.ensure_one()
        if answer not in dict(USEFULNESS):
            raise ValidationError(self.env._("Answer yes, somewhat or no."))
        if self.state != "done" or not self.is_employee:
            raise UserError(
                self.env._("Only the reviewed employee answers, once he acknowledged the review.")
            )
        if self.usefulness_answered:
            raise UserError(self.env._("You already said whether this review was useful."))
        # sudo: the reviewed employee (checked above) marks his own review answered
        self.sudo().usefulness_answered = True
        # as the superuser: the answer keeps no trace of who gave it (see the model)
        self.env["performance.review.usefulness"].with_user(SUPERUSER_ID).sudo().create(
            {
                "template_id": self.sudo().template_id.id,
                "company_id": self.company_id.id,
                "answer": answer,
            }
        )
        return True
