from odoo.http import request, route

from .portal import FORM_ERRORS
from .portal_review import PerformanceReviewPortal

WRITEUP_FIELDS = ("strengths", "areas_to_grow")


class PerformanceEvidencePortal(PerformanceReviewPortal):
    """The period's evidence beside the portal self review; citing it and drafting from it."""

    @route()
    def portal_my_review(self, review_id, **kw):
        response = super().portal_my_review(review_id, **kw)
        review = self._pm_get_review(review_id)
        draft = review.draft_ids._filtered_access("read").filtered(lambda d: d.role == "employee")[
            :1
        ]
        response.qcontext.update(
            evidence=review._evidence_panel_data(),
            writeup={field: draft[field] or "" for field in WRITEUP_FIELDS},
        )
        return response

    def _pm_save_self_review(self, review, post):
        res = super()._pm_save_self_review(review, post)
        vals = {
            field: (post[f"writeup_{field}"] or "").strip() or False
            for field in WRITEUP_FIELDS
            if f"writeup_{field}" in post
        }
        if vals:
            # the user's own part, written with his rights (rules and phase checked there)
            review._get_writer_draft().write(vals)
        return res

    def _pm_evidence_action(self, review_id, method, *args):
        review = self._pm_get_review(review_id)
        try:
            with request.env.cr.savepoint():
                getattr(review, method)(*args)
        except FORM_ERRORS as error:
            self._pm_flash(error=self._pm_error_text(error))
        return request.redirect(f"/my/performance/reviews/{review.id}#pm_evidence")

    @route(
        "/my/performance/reviews/<int:review_id>/draft",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_review_draft(self, review_id, **post):
        return self._pm_evidence_action(review_id, "action_draft_from_evidence")

    @route(
        "/my/performance/reviews/<int:review_id>/cite",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_review_cite(self, review_id, model=None, res_id=None, **post):
        if not (model and res_id):
            return request.redirect(f"/my/performance/reviews/{int(review_id)}")
        return self._pm_evidence_action(
            review_id, "action_cite_evidence", model, self._pm_id(res_id)
        )
