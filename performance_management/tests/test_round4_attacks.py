"""Attacks on what round 4 added, as the least trusted role that reaches it.

The calls go through ``call_kw``, the dispatcher of JSON-RPC (/web/dataset/call_kw) and
JSON-2, or through the HTTP routes, as the user who would try them.
"""

import base64

from odoo.exceptions import AccessError
from odoo.service.model import call_kw
from odoo.tests import tagged

from .test_review_common import ReviewCase

FORGED = base64.b64encode(b"%PDF-1.4 forged: Outstanding, promote now")


def rpc(user, model, method, *args, **kwargs):
    Model = model.with_user(user)
    return call_kw(Model, method, list(args), kwargs)


@tagged("post_install", "-at_install")
class TestFrozenPdfForgery(ReviewCase):
    """The released PDF is the review as released: nobody plants or edits it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param("report.url", "http://127.0.0.1:9")

    def frozen_vals(self, review, **vals):
        return {
            "name": f"Performance Review {review.id}.pdf",
            "res_model": "performance.review",
            "res_id": review.id,
            "datas": FORGED,
            "mimetype": "application/pdf",
            **vals,
        }

    def released_review(self):
        self.launch()
        review = self.review_of(self.employee)
        self.fill(review, "employee", self.user_employee)
        review.with_user(self.user_employee).action_submit_self()
        self.fill(review, "manager", self.user_manager, level_index=4)
        review.with_user(self.user_manager).action_submit_manager()
        return review

    def frozen(self, review):
        return self.env["ir.attachment"].search(
            [
                ("res_model", "=", "performance.review"),
                ("res_id", "=", review.id),
                ("name", "=", f"Performance Review {review.id}.pdf"),
            ]
        )

    def test_employee_cannot_plant_the_frozen_pdf_before_release(self):
        review = self.released_review()
        Attachment = self.env["ir.attachment"]
        # the employee may write his own review (rules), so Odoo lets him attach to it:
        # a file of the frozen name would be served as the released review
        with self.assertRaises(AccessError):
            rpc(self.user_employee, Attachment, "create", self.frozen_vals(review))
        # nor by renaming an attachment of his, nor by moving one there
        own = rpc(
            self.user_employee, Attachment, "create", self.frozen_vals(review, name="notes.pdf")
        )
        with self.assertRaises(AccessError):
            rpc(
                self.user_employee,
                Attachment,
                "write",
                [own],
                {"name": self.frozen_vals(review)["name"]},
            )
        # nor through the chatter: a pending upload moved on the review by message_post
        pending = rpc(
            self.user_employee,
            Attachment,
            "create",
            self.frozen_vals(review, res_model="mail.compose.message", res_id=0),
        )
        with self.assertRaises(AccessError):
            # sudo: what mail's _process_attachments_for_post does with a posted upload
            Attachment.browse(pending).sudo().write(
                {"res_model": "performance.review", "res_id": review.id}
            )
        review.with_user(self.user_officer).with_context(
            force_report_rendering=True
        ).action_release()
        frozen = self.frozen(review)
        self.assertEqual(len(frozen), 1)
        self.assertNotIn(b"forged", frozen.raw)

    def test_employee_cannot_edit_the_frozen_pdf_after_release(self):
        review = self.released_review()
        review.with_user(self.user_officer).with_context(
            force_report_rendering=True
        ).action_release()
        frozen = self.frozen(review)
        self.assertEqual(len(frozen), 1)
        Attachment = self.env["ir.attachment"]
        for user in (self.user_employee, self.user_manager):
            for vals in ({"datas": FORGED}, {"public": True}, {"name": "other.pdf"}):
                with (
                    self.subTest(user=user.login, vals=list(vals)),
                    self.assertRaises(AccessError),
                ):
                    rpc(user, Attachment, "write", frozen.ids, vals)
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                rpc(user, Attachment, "unlink", frozen.ids)
        self.assertNotIn(b"forged", frozen.raw)
        self.assertFalse(frozen.public)
