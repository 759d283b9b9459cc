from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from .test_nine_box import NineBoxCase


@tagged("post_install", "-at_install")
class TestNineBoxTour(NineBoxCase, HttpCase):
    def test_officer_moves_a_review_in_the_nine_box(self):
        # sudo: the test's data, a cycle the officer took to calibration
        self.cycle.sudo().write({"state": "calibration"})
        self.start_tour(
            f"/odoo/action-performance_management.performance_cycle_action/{self.cycle.id}",
            "performance_nine_box_tour",
            login="pm_officer",
        )
        self.assertEqual(self.eli.final_rating_id, self.levels[4])
        self.assertEqual(self.eli.nine_box, "high_high")
        log = self.eli.calibration_log_ids
        self.assertEqual(len(log), 1)
        self.assertEqual((log.old_rating_id, log.new_rating_id), (self.levels[2], self.levels[4]))
        self.assertEqual((log.old_potential, log.new_potential), ("medium", "high"))
        self.assertEqual(log.user_id, self.user_officer)
        self.assertEqual(log.reason, "Led the platform migration")

    def test_json_rpc_refuses_managers_outside_the_chain_and_employees(self):
        for login in ("pm_other_manager", "pm_employee", "pm_manager"):
            with self.subTest(login=login):
                self.authenticate(login, login)
                with self.assertRaises(JsonRpcException) as caught:
                    self.make_jsonrpc_request(
                        "/web/dataset/call_kw/performance.review.assessment/action_calibrate",
                        {
                            "model": "performance.review.assessment",
                            "method": "action_calibrate",
                            "args": [self.eli.ids, self.levels[4].id, "high", "Over RPC"],
                            "kwargs": {},
                        },
                    )
                expected = (
                    "odoo.exceptions.UserError"
                    if login == "pm_manager"
                    else "odoo.exceptions.AccessError"
                )
                self.assertEqual(str(caught.exception), expected)
        self.assertEqual(self.eli.final_rating_id, self.levels[2])
        self.assertFalse(self.eli.calibration_log_ids)
