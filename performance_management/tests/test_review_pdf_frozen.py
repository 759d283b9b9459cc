import io

from PyPDF2 import PdfReader

from odoo.tests import new_test_user, tagged

from .test_portal_common import PerformancePortalCase
from .test_review_common import ReviewCase

REPORT = "performance_management.action_report_performance_review"


def pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


class FrozenPdfMixin:
    def frozen(self, review):
        return self.env["ir.attachment"].search(
            [
                ("res_model", "=", "performance.review"),
                ("res_id", "=", review.id),
                ("name", "=", f"Performance Review {review.id}.pdf"),
            ]
        )

    def render(self, review):
        """What a print or the portal's report helper gets: the report as superuser."""
        pdf, kind = (
            self.env["ir.actions.report"]
            .sudo()
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(REPORT, review.ids)
        )
        self.assertEqual(kind, "pdf")
        return pdf


@tagged("post_install", "-at_install")
class TestReviewPdfFrozen(FrozenPdfMixin, ReviewCase):
    """The released PDF is the report's own attachment, stored once at release."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Assets from a closed port: wkhtmltopdf must not wait on whatever server listens.
        cls.env["ir.config_parameter"].sudo().set_param("report.url", "http://127.0.0.1:9")

    def test_release_freezes_the_pdf(self):
        report = self.env.ref(REPORT)
        self.assertTrue(report.attachment_use)
        self.launch()
        review = self.review_of(self.employee)
        self.fill(review, "employee", self.user_employee)
        review.with_user(self.user_employee).action_submit_self()
        self.fill(review, "manager", self.user_manager, level_index=4)
        review.with_user(self.user_manager).action_submit_manager()
        # printed before release: nothing is stored, the PDF follows the review
        self.render(review)
        self.assertFalse(self.frozen(review))

        review.with_user(self.user_officer).with_context(
            force_report_rendering=True
        ).action_release()
        frozen = self.frozen(review)
        self.assertEqual(len(frozen), 1)
        self.assertEqual(frozen.mimetype, "application/pdf")
        released_name = review.name
        self.assertIn(released_name, pdf_text(frozen.raw))

        # later changes to the review do not change its PDF
        review.with_user(self.user_officer).name = "Renamed after release"
        self.employee.name = "Eli Renamed"
        pdf = self.render(review)
        self.assertEqual(pdf, frozen.raw)
        text = pdf_text(pdf)
        self.assertIn(released_name, text)
        self.assertNotIn("Renamed", text)
        self.assertEqual(len(self.frozen(review)), 1, "printed again, stored once")

        # the employee and his manager read it; a colleague does not
        self.assertTrue(frozen.with_user(self.user_employee).has_access("read"))
        self.assertTrue(frozen.with_user(self.user_manager).has_access("read"))
        self.assertFalse(frozen.with_user(self.user_peer).has_access("read"))


@tagged("post_install", "-at_install")
class TestReviewPdfPortal(FrozenPdfMixin, PerformancePortalCase):
    """The portal serves the released review through the portal's own report helper."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param("report.url", "http://127.0.0.1:9")
        cls.user_portal_other = new_test_user(
            cls.env, login="pm_portal_other", groups="base.group_portal"
        )
        cls.env["hr.employee"].create({"name": "Piet Portal", "user_id": cls.user_portal_other.id})

    def test_owner_gets_the_frozen_pdf_others_are_refused(self):
        review = self.portal_review_released
        frozen_pdf = self.render(review)  # a released review never printed freezes now
        self.assertEqual(self.frozen(review).raw, frozen_pdf)
        url = f"/my/performance/reviews/{review.id}/pdf"

        self.authenticate("pm_portal", "pm_portal")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertIn("inline", response.headers["Content-Disposition"])
        self.assertIn("Review", response.headers["Content-Disposition"])
        response = self.url_open(f"{url}?download=1")
        self.assertIn("attachment", response.headers["Content-Disposition"])

        self.authenticate("pm_portal_other", "pm_portal_other")
        self.assertEqual(self.url_open(url).status_code, 404)
        # nor through the attachment itself
        attachment = self.frozen(review)
        self.assertFalse(attachment.with_user(self.user_portal_other).has_access("read"))
        self.assertIn(self.url_open(f"/web/content/{attachment.id}").status_code, (403, 404))
