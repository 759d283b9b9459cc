from werkzeug.exceptions import NotFound

from odoo.exceptions import ValidationError
from odoo.fields import Domain
from odoo.http import request, route

from .portal import FORM_ERRORS, PerformancePortal

# Lines the employee sees before the review is released: never the manager's.
EMPLOYEE_ROLES = ("employee", "shared")
RELEASED_STATES = ("released", "done")


class PerformanceReviewPortal(PerformancePortal):
    """Reviews in the portal: the self review, the released review and its acknowledgement."""

    def _pm_review_sortings(self):
        return {
            "date": {"label": request.env._("Newest"), "order": "date_end desc, id desc"},
            "name": {"label": request.env._("Name"), "order": "name asc, id"},
        }

    def _pm_review_filters(self):
        return {
            "all": {"label": request.env._("All"), "domain": [("state", "!=", "cancel")]},
            "todo": {
                "label": request.env._("To Do"),
                "domain": [("state", "in", ("self_review", "released"))],
            },
            "done": {"label": request.env._("Acknowledged"), "domain": [("state", "=", "done")]},
        }

    @route(
        ["/my/performance/reviews", "/my/performance/reviews/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_reviews(self, page=1, sortby=None, filterby=None, **kw):
        if not self._pm_employees():
            raise NotFound()
        listing = self._pm_list(
            "performance.review",
            self._pm_own_domain(),
            "/my/performance/reviews",
            page,
            self._pm_review_sortings(),
            sortby,
            self._pm_review_filters(),
            filterby,
        )
        values = self._pm_values(
            "performance_reviews",
            [(request.env._("Reviews"), False)],
            reviews=listing.pop("records"),
            **listing,
        )
        return request.render("performance_management.portal_my_reviews", values)

    def _pm_get_review(self, review_id):
        return self._pm_get("performance.review", review_id, [("state", "!=", "cancel")])

    def _pm_review_lines(self, review):
        """The lines the user may see, read with the user's rights (record rules apply)."""
        domain = Domain("review_id", "=", review.id)
        if review.state not in RELEASED_STATES:
            domain &= Domain("role", "in", EMPLOYEE_ROLES)
        return request.env["performance.review.line"].search(domain)

    @route("/my/performance/reviews/<int:review_id>", type="http", auth="user", website=True)
    def portal_my_review(self, review_id, **kw):
        review = self._pm_get_review(review_id)
        review._performance_log_read("portal")
        lines = self._pm_review_lines(review)
        # The lines passed the rules above: sudo only renders their skills and levels.
        lines_sudo = lines.sudo()
        values = self._pm_values(
            "performance_review",
            [(request.env._("Reviews"), "/my/performance/reviews"), (review.name, False)],
            review=review,
            lines=lines_sudo,
            self_lines=lines_sudo.filtered(lambda line: line.role == "employee"),
            manager_lines=lines_sudo.filtered(lambda line: line.role == "manager"),
            # sudo: the rating levels of the user's own review, to render them
            levels=review.sudo().template_id.scale_id.level_ids,
            editable=review.state == "self_review",
            released=review.state in RELEASED_STATES,
            reviewer_name=self._pm_names(review, "manager_id"),
        )
        return request.render("performance_management.portal_my_review", values)

    @route(
        "/my/performance/reviews/<int:review_id>/save",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_review_save(self, review_id, **post):
        review = self._pm_get_review(review_id)
        url = f"/my/performance/reviews/{review.id}"
        try:
            with request.env.cr.savepoint():
                self._pm_save_self_review(review, post)
        except FORM_ERRORS as error:
            self._pm_flash(error=self._pm_error_text(error))
            return request.redirect(url)
        if post.get("submit"):
            # The draft stays saved when the submission is refused (e.g. a missing rating).
            try:
                with request.env.cr.savepoint():
                    # sudo: the user's own review (checked above); the model checks env.uid again
                    review.sudo().action_submit_self()
            except FORM_ERRORS as error:
                self._pm_flash(
                    error=request.env._(
                        "Your draft is saved but not submitted: %(error)s",
                        error=self._pm_error_text(error),
                    )
                )
                return request.redirect(url)
        self._pm_flash(
            success=request.env._("Your self review is submitted to your manager.")
            if post.get("submit")
            else request.env._("Your draft is saved.")
        )
        return request.redirect(url)

    def _pm_save_self_review(self, review, post):
        if review.state != "self_review":
            raise ValidationError(request.env._("The self review is not open any more."))
        # sudo: the scale of the user's own review; lines below are his own self-review lines
        review_sudo = review.sudo()
        levels = review_sudo.template_id.scale_id.level_ids
        lines = self._pm_review_lines(review).filtered(lambda line: line.role == "employee")
        for line in lines.sudo():
            vals = {}
            if f"answer_{line.id}" in post:
                vals["answer"] = (post[f"answer_{line.id}"] or "").strip() or False
            raw = post.get(f"rating_{line.id}")
            if raw is not None:
                if line.kind == "competency":
                    allowed = line.skill_type_id.skill_level_ids
                    field = "skill_level_id"
                else:
                    allowed = levels
                    field = "rating_id"
                level = allowed.filtered(lambda lvl, raw=raw: str(lvl.id) == raw)
                if raw and not level:
                    raise ValidationError(
                        request.env._(
                            "Pick one of the proposed ratings for %(question)s.",
                            question=line.name,
                        )
                    )
                vals[field] = level.id
            if vals:
                # The line is the user's own self-review line (rules and role checked).
                line.write(vals)

    @route(
        "/my/performance/reviews/<int:review_id>/acknowledge",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_my_review_acknowledge(self, review_id, agreement=None, comment=None, **post):
        review = self._pm_get_review(review_id)
        url = f"/my/performance/reviews/{review.id}"
        try:
            if agreement not in ("agree", "disagree"):
                raise ValidationError(request.env._("Say whether you agree with the review."))
            with request.env.cr.savepoint():
                # sudo: the user's own review (checked above); the model checks env.uid again
                review.sudo()._acknowledge(agreement, (comment or "").strip() or False)
        except FORM_ERRORS as error:
            self._pm_flash(error=self._pm_error_text(error))
            return request.redirect(url)
        self._pm_flash(success=request.env._("Thank you: your review is acknowledged."))
        return request.redirect(url)

    @route("/my/performance/reviews/<int:review_id>/pdf", type="http", auth="user", website=True)
    def portal_my_review_pdf(self, review_id, download=False, **kw):
        review = self._pm_get_review(review_id)
        if review.state not in RELEASED_STATES:
            raise NotFound()
        review._performance_log_read("report")
        # Released: the PDF frozen at release (a review released without one: the report)
        if pdf := review._get_released_pdf():
            headers = self._get_http_headers(review, "pdf", pdf, bool(download))
            return request.make_response(pdf, list(headers.items()))
        return self._show_report(
            review,
            "pdf",
            "performance_management.action_report_performance_review",
            download=bool(download),
        )
