from odoo.fields import Command
from odoo.tests import HttpCase, tagged

from .common import ReviewCase


@tagged("post_install", "-at_install")
class TestTextCheckTour(ReviewCase, HttpCase):
    """The backend writer's flow: the manager's flagged answer shows its flags and reasons
    while he writes, his fixed answer clears them, and the review saves either way."""

    def test_manager_sees_flags_then_fixes_the_text(self):
        review = self.env["performance.review"].create(
            {
                "employee_id": self.employee.id,
                "manager_id": self.manager.id,
                "template_id": self.template.id,
                "review_type": "probation",
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
                "line_ids": [
                    Command.create(
                        {"sequence": 1, "name": "Delivery", "kind": "text", "role": role}
                    )
                    for role in ("employee", "manager")
                ],
            }
        )
        review.state = "manager_review"
        self.start_tour(
            f"/odoo/action-performance_management.performance_review_action/{review.id}",
            "performance_backend_text_check",
            login="pm_manager",
        )
        line = review.line_ids.filtered(lambda line: line.role == "manager")
        self.assertEqual(line.answer, "In the March release she closed 12 tickets")
        self.assertFalse(review.with_user(self.user_manager).text_flags_html)
        # the flagged sentence would have been flagged: the tour did not pass on an empty check
        line.answer = "She is always bossy"
        review.invalidate_recordset(["text_flags_html"])
        self.assertIn("bossy", str(review.with_user(self.user_manager).text_flags_html))
