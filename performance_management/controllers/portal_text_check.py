from werkzeug.exceptions import NotFound

from odoo.fields import Domain
from odoo.http import request, route

from .portal import PerformancePortal


class PerformanceTextCheckPortal(PerformancePortal):
    """The review-text check of the portal forms, asked as the user types."""

    def _pm_text_check_target(self, target, res_id):
        """What the text is written for, if the user may write it now, else 404.

        The same checks as the routes that save the text: his own self-review line during
        the self review, a feedback request asked of him, or a new feedback of his.
        Returns the records whose current text is left out of his history.
        """
        Line = request.env["performance.review.line"]
        Feedback = request.env["performance.feedback"]
        if target == "review_line":
            # read with the user's rights: record rules apply
            line = Line.search(
                Domain("id", "=", self._pm_id(res_id))
                & Domain("role", "=", "employee")
                & Domain("display_type", "=", False),
                limit=1,
            )
            if not line:
                raise NotFound()
            review = self._pm_get_review(line.review_id.id)
            if review.state != "self_review":
                raise NotFound()
            return line, Feedback
        if target == "feedback_answer":
            request_ = self._pm_get(
                "performance.feedback",
                self._pm_id(res_id),
                [("state", "=", "requested")],
                field="author_id",
            )
            return Line, request_
        if target == "feedback_give" and self._pm_employees():
            return Line, Feedback
        raise NotFound()

    @route("/my/performance/text_check", type="jsonrpc", auth="user", readonly=True)
    def portal_text_check(self, text="", target=None, res_id=None, **kw):
        if not isinstance(text, str):
            raise NotFound()
        exclude_lines, exclude_feedback = self._pm_text_check_target(target, res_id)
        return {
            "flags": request.env["performance.text.rule"]._writer_flags(
                text, exclude_lines, exclude_feedback
            )
        }
