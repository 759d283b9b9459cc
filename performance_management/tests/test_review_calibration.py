from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ReviewCase


@tagged("post_install", "-at_install")
@freeze_time("2026-11-01")
class TestReviewCalibration(ReviewCase):
    def submitted_review(self, employee=None, user=None, level_index=2):
        employee = employee or self.employee
        review = self.review_of(employee)
        self.fill(review, "employee", self.env.user)
        review.sudo().action_submit_self()
        self.fill(review, "manager", self.user_manager, level_index=level_index)
        review.with_user(self.user_manager).write({"potential": "medium"})
        review.with_user(self.user_manager).action_submit_manager()
        return review

    def test_calibration_change_keeps_before_after_who_why(self):
        self.launch()
        review = self.submitted_review()
        self.cycle.with_user(self.user_officer).action_start_calibration()
        assessment = review.assessment_ids
        before = assessment.final_rating_id
        with self.assertRaisesRegex(UserError, "Give a reason"):
            assessment.with_user(self.user_officer).final_rating_id = self.levels[4]
        with self.assertRaisesRegex(UserError, "changed by officers"):
            assessment.with_user(self.user_manager).with_context(
                calibration_reason="mine"
            ).final_rating_id = self.levels[4]
        wizard = (
            self.env["performance.calibration.wizard"]
            .with_user(self.user_officer)
            .create(
                {
                    "assessment_id": assessment.id,
                    "new_rating_id": self.levels[4].id,
                    "reason": "Led the migration",
                }
            )
        )
        wizard.action_confirm()
        self.assertEqual(assessment.final_rating_id, self.levels[4])
        log = assessment.calibration_log_ids
        self.assertEqual(len(log), 1)
        self.assertEqual(log.old_rating_id, before)
        self.assertEqual(log.new_rating_id, self.levels[4])
        self.assertEqual(log.user_id, self.user_officer)
        self.assertEqual(log.reason, "Led the migration")
        # Nobody but officers reads the audit.
        with self.assertRaises(AccessError):
            log.with_user(self.user_manager).read(["reason"])
        # Distribution against the target guideline.
        rows = {row["level"]: row for row in self.cycle.distribution_data["levels"]}
        self.assertEqual(rows["Outstanding"]["target"], 10)
        self.assertEqual((rows["Outstanding"]["count"], rows["Outstanding"]["actual"]), (1, 100.0))

    def test_nine_box(self):
        self.launch()
        review = self.submitted_review(level_index=4)
        assessment = review.assessment_ids
        self.assertEqual(assessment.performance_tier, "high")
        self.assertEqual(assessment.nine_box, "high_medium")
        as_officer = assessment.with_user(self.user_officer)
        as_officer.with_context(calibration_reason="Ready for more").nine_box = "high_high"
        self.assertEqual(assessment.potential, "high")
        with self.assertRaisesRegex(UserError, "Calibrate"):
            as_officer.nine_box = "low_high"
        self.assertEqual(assessment.final_rating_id, self.levels[4])

    def test_officer_of_another_company_sees_nothing(self):
        self.launch()
        Review = self.env["performance.review"].with_user(self.user_officer_b)
        self.assertFalse(Review.search([("cycle_id", "=", self.cycle.id)]))

    def test_anonymous_feedback_shows_only_past_threshold(self):
        self.company.performance_anonymity_threshold = 2
        self.cycle.write({"peer_count": 2, "peer_anonymous": True})
        self.launch()
        review = self.review_of(self.employee)
        requests = self.env["performance.feedback"].search([("review_id", "=", review.id)])
        self.assertEqual(requests.author_id, self.peer | self.portal_employee)
        self.assertTrue(all(requests.mapped("anonymous")))
        first, second = requests
        first.with_user(first.author_id.user_id).sudo().action_answer("<p>Calm under fire</p>")
        summary = review.with_user(self.user_manager).peer_feedback_summary
        self.assertNotIn("Calm under fire", summary)
        self.assertIn("once 2 have come in", summary)
        second.with_user(second.author_id.user_id).sudo().action_answer("<p>Shares a lot</p>")
        review.invalidate_recordset()
        for user in (self.user_manager, self.user_employee, self.user_officer):
            summary = review.with_user(user).peer_feedback_summary
            self.assertIn("Calm under fire", summary)
            self.assertIn("Shares a lot", summary)
            self.assertNotIn(self.peer.name, summary)
            self.assertNotIn(self.portal_employee.name, summary)
        # Someone outside the review gets nothing.
        with self.assertRaises(AccessError):
            review.with_user(self.user_peer).read(["peer_feedback_summary"])

    def test_review_asks_for_feedback(self):
        self.launch()
        review = self.review_of(self.employee)
        with self.assertRaisesRegex(UserError, "Only the employee or the reviewer"):
            review.with_user(self.user_peer).sudo().action_request_feedback()
        action = review.with_user(self.user_employee).action_request_feedback()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.user_employee)
            .with_context(**action["context"])
            .create({"author_ids": [(6, 0, self.peer.ids)]})
        )
        wizard.action_request()
        request = self.env["performance.feedback"].search([("review_id", "=", review.id)])
        self.assertEqual(request.author_id, self.peer)
        self.assertEqual(request.employee_id, self.employee)
        self.assertTrue(request.anonymous)


@tagged("post_install", "-at_install")
class TestNineBoxViews(ReviewCase):
    def test_rows_name_their_cycle_and_unrated_cards_say_so(self):
        Assessment = self.env["performance.review.assessment"].with_user(self.user_officer)
        views = Assessment.get_views([(False, "list"), (False, "kanban")])["views"]
        self.assertIn('name="cycle_id"', views["list"]["arch"])
        self.assertNotIn('optional="hide"', views["list"]["arch"].split('name="cycle_id"')[1][:40])
        kanban = views["kanban"]["arch"]
        self.assertIn("Not rated yet", kanban)
        self.assertIn('name="cycle_id"', kanban)
        self.assertNotIn("</field> · <field", kanban)
