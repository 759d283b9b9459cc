from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ReviewCase


@tagged("post_install", "-at_install")
@freeze_time("2026-11-01")
class TestAggregatesKeepTheRules(ReviewCase):
    """Issue 17: aggregates computed in sudo showed what the record rules hide."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.performance_anonymity_threshold = 3
        cls.cycle.with_user(cls.user_officer).action_launch()
        cls.review = cls.cycle.review_ids.filtered(lambda r: r.employee_id == cls.employee)
        Feedback = cls.env["performance.feedback"]
        # The manager's private word on the review, for the chain only.
        Feedback.with_user(cls.user_manager).create(
            {
                "employee_id": cls.employee.id,
                "review_id": cls.review.id,
                "visibility": "private",
                "message": "<p>PRIVATE-CHAIN worry</p>",
            }
        )
        # A named 360 answer to the manager's request: private to the chain too.
        named = Feedback.with_user(cls.user_manager).create(
            {
                "employee_id": cls.employee.id,
                "author_id": cls.peer.id,
                "requester_id": cls.manager.id,
                "review_id": cls.review.id,
                "state": "requested",
                "date_deadline": "2026-11-20",
            }
        )
        named.with_user(cls.user_peer).action_answer("<p>NAMED-ANSWER by Pat</p>")
        # One anonymous answer: far from the threshold, never released.
        anonymous = Feedback.with_user(cls.user_manager).create(
            {
                "employee_id": cls.employee.id,
                "author_id": cls.director.id,
                "requester_id": cls.manager.id,
                "review_id": cls.review.id,
                "state": "requested",
                "anonymous": True,
                "date_deadline": "2026-11-20",
            }
        )
        anonymous.with_user(cls.user_director).action_answer("<p>UNRELEASED opinion</p>")

    def test_peer_feedback_summary_shows_only_what_the_reader_may_read(self):
        summary = self.review.with_user(self.user_employee).peer_feedback_summary
        self.assertNotIn("PRIVATE-CHAIN", summary)
        self.assertNotIn("NAMED-ANSWER", summary)
        self.assertNotIn(self.peer.name, summary)
        self.assertNotIn("UNRELEASED", summary)
        # counts only, and an anonymous answer only once its batch is released
        self.assertIn("1 of 2 answers received", summary, "counts only")
        for user in (self.user_manager, self.user_director, self.user_officer):
            with self.subTest(user=user.login):
                summary = self.review.with_user(user).peer_feedback_summary
                self.assertIn("PRIVATE-CHAIN", summary)
                self.assertIn("NAMED-ANSWER", summary)
                self.assertIn(self.peer.name, summary)
                self.assertNotIn("UNRELEASED", summary, "not released: not even HR")
                self.assertIn("once 3 have come in", summary)

    def test_merit_matrix_reads_only_a_review_its_user_reads(self):
        self.review.sudo().write({"state": "released"})
        self.review.assessment_ids.sudo().final_rating_id = self.levels[4]
        self.assertEqual(self.review.final_rating, 5)
        Reward = self.env["performance.reward"].with_user(self.user_other_manager)
        with self.assertRaises(AccessError):
            reward = Reward.create(
                {
                    "employee_id": self.other_employee.id,
                    "kind": "raise",
                    "source": "review",
                    "review_id": self.review.id,
                }
            )
            reward.action_apply_merit_matrix()
        self.assertFalse(
            self.env["performance.reward"].search([("merit_rating", "!=", 0)]),
            "no final rating read through the reward",
        )


@tagged("post_install", "-at_install")
class TestLaunchFilterKeepsTheRules(ReviewCase):
    """The launch selects participants in sudo; the officer's own filter may not reach
    what he does not read (the participants would tell who earns what)."""

    def test_participant_filter_on_wages_is_refused(self):
        cycle = self.cycle.with_user(self.user_officer)
        self.assertFalse(self.user_officer.has_group("hr.group_hr_manager"))
        with self.assertRaises(AccessError):
            cycle.write(
                {
                    "participant_mode": "domain",
                    "participant_domain": "[('contract_wage', '>', 5000)]",
                }
            )
        cycle.write(
            {"participant_mode": "domain", "participant_domain": "[('job_id', '!=', False)]"}
        )
        self.assertEqual(cycle._get_pending_participants(), self.employee)
