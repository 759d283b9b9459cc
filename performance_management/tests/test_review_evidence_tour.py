from odoo import http
from odoo.tests import HttpCase, tagged

from .common import EvidenceCase


@tagged("post_install", "-at_install")
class TestReviewEvidenceTour(EvidenceCase, HttpCase):
    """The writer's flow in the browser, in the backend and in the portal."""

    def test_reviewer_drafts_from_evidence_edits_and_saves(self):
        self.to_manager_phase()
        before = self.review.sudo().line_ids.mapped("rating_id")
        self.start_tour(
            f"/odoo/action-performance_management.performance_review_action/{self.review.id}",
            "performance_evidence_draft_tour",
            login="pm_manager",
        )
        draft = self.review.draft_ids.filtered(lambda d: d.role == "manager")
        self.assertEqual(draft.strengths, "- Shipped the API on time, two kudos for teamwork.")
        # the manager's draft holds the chain's private remark too
        self.assertEqual(draft.drafted_count, 6)
        self.assertEqual(draft.kept_count, 0)
        self.assertIn(self.kudos_1.id, [c["id"] for c in draft.citations])
        self.assertEqual(self.review.sudo().line_ids.mapped("rating_id"), before)

    def test_portal_page_shows_evidence_and_drafts(self):
        review = self.portal_employee and self.cycle.review_ids.filtered(
            lambda r: r.employee_id == self.portal_employee
        )
        self.env["performance.feedback"].create(
            {
                "employee_id": self.portal_employee.id,
                "author_id": self.manager.id,
                "feedback_type": "praise",
                "date": "2026-03-03",
                "message": "<p>Portal praise</p>",
            }
        )
        self.authenticate("pm_portal", "pm_portal")
        url = f"/my/performance/reviews/{review.id}"
        page = self.url_open(url).text
        self.assertIn("o_pm_portal_evidence", page)
        self.assertIn("Praise from Mia Manager", page)
        response = self.url_open(
            f"{url}/draft",
            data={"csrf_token": http.Request.csrf_token(self)},
            allow_redirects=True,
        )
        self.assertEqual(response.status_code, 200)
        draft = review.draft_ids
        self.assertEqual(draft.role, "employee")
        self.assertIn("Not enough evidence", draft.strengths)
        # another employee's review answers as if it did not exist
        other = self.review
        response = self.url_open(
            f"/my/performance/reviews/{other.id}/draft",
            data={"csrf_token": http.Request.csrf_token(self)},
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(other.draft_ids)
