from odoo.http import request, route

from .portal import FORM_ERRORS
from .portal_review import PerformanceReviewPortal


class PerformanceReviewUsefulnessPortal(PerformanceReviewPortal):
    """After acknowledging, the employee may say whether the review was useful."""

    @route(
        "/my/performance/reviews/<int:review_id>/useful",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_review_useful(self, review_id, answer=None, **post):
        review = self._pm_get_review(review_id)
        url = f"/my/performance/reviews/{review.id}"
        try:
            with request.env.cr.savepoint():
                # sudo: the user's own review (checked above); the model checks env.uid again
                review.sudo()._answer_usefulness(answer)
        except FORM_ERRORS as error:
            self._pm_flash(error=self._pm_error_text(error))
            return request.redirect(url)
        self._pm_flash(success=request.env._("Thank you: your answer is counted anonymously."))
        return request.redirect(url)
