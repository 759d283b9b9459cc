import base64
import io

from PyPDF2 import PdfReader

from odoo.exceptions import AccessError, UserError
from odoo.service.model import call_kw
from odoo.tests import new_test_user, tagged

from .common import PerformancePortalCase, ReviewCase

REPORT = "performance_management.action_report_performance_review"
FORGED = base64.b64encode(b"%PDF-1.4 forged: Outstanding, promote now")


def pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def rpc(user, model, method, *args, **kwargs):
    """What JSON-RPC's call_kw does with a call of this user."""
    return call_kw(model.with_user(user), method, list(args), kwargs)


class FrozenPdfMixin:
    @classmethod
    def _no_report_server(cls):
        # Assets from a closed port: wkhtmltopdf must not wait on whatever server listens.
        cls.env["ir.config_parameter"].sudo().set_param("report.url", "http://127.0.0.1:9")

    def field_attachments(self, review):
        return (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "performance.review"),
                    ("res_id", "=", review.id),
                    ("res_field", "=", "released_pdf"),
                ]
            )
        )

    def all_attachments(self, review):
        return (
            self.env["ir.attachment"]
            .sudo()
            .with_context(skip_res_field_check=True)
            .search([("res_model", "=", "performance.review"), ("res_id", "=", review.id)])
        )

    def frozen(self, review):
        pdf = review.sudo().released_pdf
        return pdf and base64.b64decode(pdf)

    def render(self, review):
        """What /report/pdf renders: the report, as superuser."""
        pdf, kind = (
            self.env["ir.actions.report"]
            .sudo()
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(REPORT, review.ids)
        )
        self.assertEqual(kind, "pdf")
        return pdf

    def release(self, review):
        review.with_user(self.user_officer).with_context(
            force_report_rendering=True
        ).action_release()


class ReleasedReviewCase(FrozenPdfMixin, ReviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._no_report_server()

    def calibrated_review(self):
        self.launch()
        review = self.review_of(self.employee)
        self.fill(review, "employee", self.user_employee)
        review.with_user(self.user_employee).action_submit_self()
        self.fill(review, "manager", self.user_manager, level_index=4)
        review.with_user(self.user_manager).action_submit_manager()
        return review


@tagged("post_install", "-at_install")
class TestReviewPdfFrozen(ReleasedReviewCase):
    """The released PDF is the review's field, written once at release."""

    def test_release_stores_the_pdf_once(self):
        review = self.calibrated_review()
        # printed before release: nothing is stored, the PDF follows the review
        self.render(review)
        self.assertFalse(self.all_attachments(review))
        self.assertFalse(review.has_released_pdf)
        action = review.with_user(self.user_manager).action_print_pdf()
        self.assertEqual(action["type"], "ir.actions.report")

        self.release(review)
        self.assertTrue(review.has_released_pdf)
        frozen = self.frozen(review)
        self.assertTrue(frozen.startswith(b"%PDF"))
        released_name = review.name
        self.assertIn(released_name, pdf_text(frozen))
        self.assertEqual(len(self.field_attachments(review)), 1)
        self.assertEqual(self.field_attachments(review).mimetype, "application/pdf")

        # later changes to the review do not change its PDF
        review.with_user(self.user_officer).name = "Renamed after release"
        self.employee.name = "Eli Renamed"
        attachments = self.all_attachments(review)
        for user in (self.user_employee, self.user_manager, self.user_officer):
            with self.subTest(user=user.login):
                pdf, kind = review.with_user(user)._get_pdf()
                self.assertEqual((pdf, kind), (frozen, "pdf"))
                action = review.with_user(user).action_print_pdf()
                self.assertEqual(action["url"], f"/performance/reviews/pdf/{review.id}")
        # the Print menu's entry, run as the employee who reads his review
        print_menu = self.env.ref("performance_management.action_print_performance_review")
        self.assertEqual(print_menu.binding_type, "report")
        self.assertFalse(self.env.ref(REPORT).binding_model_id)
        result = (
            print_menu.with_user(self.user_employee)
            .with_context(
                active_model="performance.review", active_id=review.id, active_ids=review.ids
            )
            .run()
        )
        self.assertEqual(result["url"], f"/performance/reviews/pdf/{review.id}")
        self.assertNotIn("Renamed", pdf_text(self.frozen(review)))
        # the report itself renders the review as it is now, and stores nothing
        self.assertIn("Renamed", pdf_text(self.render(review)))
        self.assertEqual(self.all_attachments(review), attachments, "printed, stored once")
        self.assertEqual(self.frozen(review), frozen)

        # acknowledging keeps it; a second release is refused and would not store again
        review.with_user(self.user_employee)._acknowledge("agree", False)
        self.assertEqual(self.frozen(review), frozen)
        review.sudo()._store_released_pdf()
        self.assertEqual(self.all_attachments(review), attachments)
        self.assertEqual(self.frozen(review), frozen)

        # the employee and his manager read it; a colleague does not
        with self.assertRaises(AccessError):
            review.with_user(self.user_peer)._get_pdf()
        with self.assertRaises(AccessError):
            review.with_user(self.user_peer)._get_released_pdf()

    def test_print_of_released_and_open_reviews_together(self):
        review = self.calibrated_review()
        self.release(review)
        other = self.review_of(self.peer)
        reviews = (review | other).with_context(force_report_rendering=True)
        pdf, kind = reviews.with_user(self.user_officer)._get_pdf()
        self.assertEqual(kind, "pdf")
        reader = PdfReader(io.BytesIO(pdf))
        frozen_pages = len(PdfReader(io.BytesIO(self.frozen(review))).pages)
        self.assertGreater(len(reader.pages), frozen_pages)
        self.assertFalse(self.all_attachments(other))


@tagged("post_install", "-at_install")
class TestReviewPdfForgery(ReleasedReviewCase):
    """Nobody plants, changes or deletes the released PDF, by any path a user has."""

    def assert_refused(self, user, model, method, *args, **kwargs):
        # the ORM refuses the field (AccessError, a UserError); the review's own checks may
        # refuse first
        with (
            self.subTest(user=user.login, model=model._name, method=method),
            self.assertRaises(AccessError if model._name == "ir.attachment" else UserError),
            self.env.cr.savepoint(),
        ):
            rpc(user, model, method, *args, **kwargs)

    def attack(self, review):
        Review = self.env["performance.review"]
        Attachment = self.env["ir.attachment"]
        users = (self.user_employee, self.user_manager, self.user_officer, self.user_admin)
        for user in users:
            # the field itself: a write, a create (values or default_ keys), a copy
            self.assert_refused(user, Review, "write", review.ids, {"released_pdf": FORGED})
            self.assert_refused(
                user,
                Review,
                "web_save",
                review.ids,
                {"released_pdf": FORGED},
                specification={"released_pdf": {}},
            )
            self.assert_refused(
                user,
                Review,
                "create",
                {
                    "employee_id": self.peer.id,
                    "template_id": self.template.id,
                    "date_start": "2026-01-01",
                    "date_end": "2026-12-31",
                    "review_type": "recurring",
                },
                context={"default_released_pdf": FORGED},
            )
            self.assert_refused(user, Review, "copy", review.ids, default={"released_pdf": FORGED})
            # an import answers with messages, it does not raise
            with self.env.cr.savepoint():
                result = rpc(user, Review, "load", [".id", "released_pdf"], [[review.id, FORGED]])
                self.assertFalse(result["ids"], user.login)
            # the field's attachment: created, changed, deleted, moved
            field_vals = {
                "name": "released_pdf",
                "res_model": "performance.review",
                "res_id": review.id,
                "res_field": "released_pdf",
                "datas": FORGED,
            }
            self.assert_refused(user, Attachment, "create", field_vals)
            self.assert_refused(
                user,
                Attachment,
                "create",
                {"name": "notes.pdf", "datas": FORGED},
                context={
                    "default_res_model": "performance.review",
                    "default_res_id": review.id,
                    "default_res_field": "released_pdf",
                },
            )
            stored = self.field_attachments(review)
            if stored:
                for vals in (
                    {"datas": FORGED},
                    {"raw": b"forged"},
                    {"res_field": False},
                    {"res_id": self.review_of(self.peer).id},
                    {"public": True},
                    {"name": "other.pdf"},
                ):
                    self.assert_refused(user, Attachment, "write", stored.ids, vals)
                self.assert_refused(user, Attachment, "unlink", stored.ids)
                self.assertFalse(
                    rpc(user, Attachment, "search", [("id", "=", stored.id)]), user.login
                )
            # an attachment of his own on the review, turned into the field's
            try:
                with self.env.cr.savepoint():
                    own = rpc(
                        user,
                        Attachment,
                        "create",
                        {
                            "name": "notes.pdf",
                            "res_model": "performance.review",
                            "res_id": review.id,
                            "datas": FORGED,
                        },
                    )
            except AccessError:
                own = None
            if own:
                self.assert_refused(
                    user, Attachment, "write", [own], {"res_field": "released_pdf"}
                )

    def test_nobody_plants_the_pdf_before_release(self):
        review = self.calibrated_review()
        self.attack(review)
        self.assertFalse(review.has_released_pdf)
        self.release(review)
        self.assertEqual(len(self.field_attachments(review)), 1)
        self.assertNotIn(b"forged", self.frozen(review))

    def test_nobody_changes_the_pdf_after_release(self):
        review = self.calibrated_review()
        self.release(review)
        frozen = self.frozen(review)
        stored = self.field_attachments(review)
        self.attack(review)
        self.assertEqual(self.field_attachments(review), stored)
        self.assertEqual(self.frozen(review), frozen)
        self.assertFalse(stored.public)
        self.assertEqual(stored.res_id, review.id)


@tagged("post_install", "-at_install")
class TestReviewPdfServed(FrozenPdfMixin, PerformancePortalCase):
    """The portal and the Print menu serve the frozen bytes to whoever reads the review."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._no_report_server()
        cls.user_portal_other = new_test_user(
            cls.env, login="pm_portal_other", groups="base.group_portal"
        )
        cls.env["hr.employee"].create({"name": "Piet Portal", "user_id": cls.user_portal_other.id})

    def test_portal_serves_the_frozen_pdf(self):
        review = self.portal_review_released
        # a review released without a file (the demo's): the report, stored nowhere
        self.assertFalse(review.has_released_pdf)
        # sudo: the release's own write, as the release makes it
        frozen = self.render(review)
        review.sudo().released_pdf = base64.b64encode(frozen)
        url = f"/my/performance/reviews/{review.id}/pdf"

        self.authenticate("pm_portal", "pm_portal")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertIn("inline", response.headers["Content-Disposition"])
        self.assertIn("Review", response.headers["Content-Disposition"])
        self.assertEqual(response.content, frozen)
        response = self.url_open(f"{url}?download=1")
        self.assertIn("attachment", response.headers["Content-Disposition"])
        self.assertEqual(response.content, frozen)
        self.assertEqual(self.all_attachments(review), self.field_attachments(review))

        attachment = self.field_attachments(review)
        self.assertIn(self.url_open(f"/web/content/{attachment.id}").status_code, (403, 404))
        self.authenticate("pm_portal_other", "pm_portal_other")
        self.assertEqual(self.url_open(url).status_code, 404)
        self.assertIn(self.url_open(f"/web/content/{attachment.id}").status_code, (403, 404))

    def test_print_menu_serves_the_frozen_pdf(self):
        review = self.portal_review_released
        frozen = self.render(review)
        # sudo: the release's own write, as the release makes it
        review.sudo().released_pdf = base64.b64encode(frozen)
        url = f"/performance/reviews/pdf/{review.id}"
        self.authenticate("pm_manager", "pm_manager")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, frozen)
        self.assertIn("attachment", response.headers["Content-Disposition"])
        # a colleague's review, or one that does not exist, answer alike
        self.authenticate("pm_peer", "pm_peer")
        self.assertEqual(self.url_open(url).status_code, 404)
        self.assertEqual(self.url_open("/performance/reviews/pdf/99999999").status_code, 404)
        self.assertEqual(self.url_open("/performance/reviews/pdf/x").status_code, 404)
