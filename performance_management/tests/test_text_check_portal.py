from odoo.tests import JsonRpcException, tagged

from .common import PerformancePortalCase

ROUTE = "/my/performance/text_check"


@tagged("post_install", "-at_install")
class TestTextCheckPortal(PerformancePortalCase):
    """The portal's text check: flags for a text the user may write now, nothing else."""

    def _check(self, target, res_id=None, text="She is always bossy"):
        return self.make_jsonrpc_request(
            ROUTE, {"text": text, "target": target, "res_id": res_id}
        )["flags"]

    def _refused(self, target, res_id=None, text="She is always bossy"):
        with self.assertRaises(JsonRpcException) as caught:
            self._check(target, res_id, text)
        self.assertIn("NotFound", str(caught.exception))

    def test_flags_for_own_texts(self):
        self.authenticate("pm_portal", "pm_portal")
        line = self.portal_review_self.line_ids.filtered(lambda line: line.role == "employee")[0]
        flags = self._check("review_line", line.id)
        self.assertEqual(
            [(flag["category"], flag["match"]) for flag in flags],
            [("absolute", "always"), ("personality", "bossy")],
        )
        self.assertTrue(all(flag["reason"] and flag["label"] for flag in flags))
        self.assertEqual(
            self._check("feedback_answer", self.portal_request.id)[0]["match"], "always"
        )
        self.assertEqual(self._check("feedback_give")[1]["match"], "bossy")
        self.assertEqual(self._check("feedback_give", text="Closed 12 tickets in May"), [])

    def test_refuses_other_records(self):
        self.authenticate("pm_portal", "pm_portal")
        mine = self.portal_review_self.line_ids
        # the manager's line of her own review, a colleague's line, a review past its
        # self-review phase, a line that does not exist
        self._refused("review_line", mine.filtered(lambda line: line.role == "manager")[0].id)
        self._refused("review_line", self.peer_review_self.line_ids[0].id)
        released = self.portal_review_released.line_ids
        self._refused("review_line", released.filtered(lambda line: line.role == "employee")[0].id)
        self._refused("review_line", 0)
        # a request asked of a colleague, a received feedback, an unknown target
        self._refused("feedback_answer", self.peer_request.id)
        self._refused("feedback_answer", self.portal_received.id)
        self._refused("performance.review")
        # arguments no form sends: refused as not found, never a server error
        for res_id in ("abc", "²", [1, 2], True):
            with self.subTest(res_id=res_id):
                self._refused("review_line", res_id)
                self._refused("feedback_answer", res_id)
        self._refused("feedback_give", text=["a"])

    def test_refuses_a_user_without_employee(self):
        self.authenticate("pm_admin", "pm_admin")
        self._refused("feedback_answer", self.portal_request.id)
        self._refused("review_line", self.portal_review_self.line_ids[0].id)

    def test_tour_writer_sees_flags(self):
        self.start_tour("/my/performance", "performance_portal_text_check", login="pm_portal")
        line = self.portal_review_self.line_ids.filtered(lambda line: line.role == "employee")[0]
        self.assertEqual(line.answer, "My manager is always bossy")
