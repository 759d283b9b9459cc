from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import content_disposition, request


class PerformanceReviewPdf(http.Controller):
    """The Print menu's review PDF: released reviews as released, the others as they are."""

    @http.route("/performance/reviews/pdf/<string:review_ids>", type="http", auth="user")
    def performance_review_pdf(self, review_ids, download="1", **kw):
        try:
            ids = [int(review_id) for review_id in review_ids.split(",")]
            reviews = request.env["performance.review"].browse(ids)
            content, kind = reviews._get_pdf()
            # a released review's PDF is served as frozen, without rendering: logged here
            reviews._performance_log_read("report")
        except (ValueError, AccessError, MissingError):
            raise NotFound() from None
        if kind != "pdf":
            return request.make_response(content, [("Content-Type", "text/html")])
        name = reviews._get_report_base_filename() if len(reviews) == 1 else None
        filename = f"{name or request.env._('Reviews')}.pdf"
        disposition = "attachment" if download == "1" else "inline"
        return request.make_response(
            content,
            [
                ("Content-Type", "application/pdf"),
                ("Content-Length", len(content)),
                ("Content-Disposition", content_disposition(filename, disposition)),
            ],
        )
