import base64
import io

from PyPDF2 import PdfReader

from odoo.tests import tagged

from .common import ReviewCase


@tagged("post_install", "-at_install")
class TestReviewReport(ReviewCase):
    # No frozen clock here: wkhtmltopdf runs in a real subprocess with real timeouts.
    def test_pdf_holds_employee_and_final_rating(self):
        # Assets from a closed port: the text does not need them, and wkhtmltopdf must not
        # wait on whatever server happens to listen on the default port.
        self.env["ir.config_parameter"].sudo().set_param("report.url", "http://127.0.0.1:9")
        self.launch()
        review = self.review_of(self.employee)
        self.fill(review, "employee", self.user_employee)
        review.with_user(self.user_employee).action_submit_self()
        self.fill(review, "manager", self.user_manager, level_index=4)
        review.with_user(self.user_manager).action_submit_manager()
        review.with_user(self.user_officer).with_context(
            force_report_rendering=True
        ).action_release()
        # sudo: the released file is read through the review's access, as the portal does
        pdf = PdfReader(io.BytesIO(base64.b64decode(review.sudo().released_pdf)))
        text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
        self.assertIn("Eli Employee", text)
        self.assertIn(review.assessment_ids.final_rating_id.name, text)
        self.assertIn("Final Rating", text)
