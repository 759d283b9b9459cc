from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import EvidenceCase


@tagged("post_install", "-at_install")
class TestReviewEvidence(EvidenceCase):
    """The period's evidence beside a review, read with the writer's own rights."""

    def test_the_employee_reads_his_evidence_but_not_the_chains(self):
        evidence = self.review.with_user(self.user_employee)._get_evidence()
        expected = {
            self.key(record)
            for record in (
                self.goal_reached,
                self.goal_off,
                self.kr_reached,
                self.checkin,
                self.praise,
                self.constructive_1,
                self.constructive_2,
                self.kudos_1,
                self.kudos_2,
                self.log,
                self.employee_note,
                self.skill_before,
                self.skill_after,
            )
        }
        # the skill held before the period is not a change of the period
        expected.discard(self.key(self.skill_before))
        self.assertEqual(self.keys(evidence), expected)
        self.assertNotIn(self.key(self.private_feedback), self.keys(evidence))
        self.assertNotIn(self.key(self.manager_note), self.keys(evidence))
        skill = evidence["skill"][0]
        self.assertEqual(skill["signal"], "skill_up")
        self.assertEqual(skill["date"], date(2026, 4, 1))

    def test_the_manager_reads_private_feedback_and_his_own_note_only(self):
        keys = self.keys(self.review.with_user(self.user_manager)._get_evidence())
        self.assertIn(self.key(self.private_feedback), keys)
        self.assertIn(self.key(self.manager_note), keys)
        self.assertNotIn(self.key(self.employee_note), keys)
        self.assertNotIn(self.key(self.peer_feedback), keys)

    def test_outsiders_get_nothing(self):
        for user in (
            self.user_peer,
            self.user_other_manager,
            self.user_portal,
            self.user_employee_b,
            self.user_officer_b,
        ):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.review.with_user(user)._get_evidence()
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.review.with_user(user).action_cite_evidence(
                    "performance.feedback", self.praise.id
                )

    def test_month_strip_counts_the_evidence_of_each_month(self):
        review = self.review.with_user(self.user_employee)
        months = review._evidence_months(review._get_evidence())
        self.assertEqual(len(months), 12)
        counts = {month.month: count for month, count, _cited in months}
        # a goal and its key results count in the month of the goal's deadline: "Ship the
        # API" in June, "Write the guide" in September; April holds the 1:1, Eli's note on
        # it and the new French level
        self.assertEqual(
            counts,
            {1: 0, 2: 2, 3: 2, 4: 3, 5: 1, 6: 3, 7: 0, 8: 0, 9: 1, 10: 0, 11: 0, 12: 0},
        )
        data = review.evidence_data
        self.assertEqual([m["count"] for m in data["months"]], list(counts.values()))
        self.assertEqual(data["max"], 3)
        self.assertTrue(data["can_cite"])

    def test_citing_toggles_and_refuses_what_is_not_readable_evidence(self):
        review = self.review.with_user(self.user_employee)
        review.action_cite_evidence("performance.feedback", self.praise.id)
        draft = review.draft_ids
        self.assertEqual([c["id"] for c in draft.citations], [self.praise.id])
        self.assertEqual(draft.citations[0]["origin"], "manual")
        review.action_cite_evidence("performance.feedback", self.praise.id)
        self.assertFalse(draft.citations)
        for model, res_id in (
            ("performance.feedback", self.private_feedback.id),
            ("performance.feedback", self.peer_feedback.id),
            ("performance.coaching.note", self.manager_note.id),
        ):
            with self.assertRaises(UserError):
                review.action_cite_evidence(model, res_id)
        # the citations and drafted bullets are the application's to write
        with self.assertRaises(UserError):
            draft.write({"citations": [{"model": "performance.feedback", "id": 1}]})
        with self.assertRaises(UserError):
            draft.write({"drafted_bullets": []})
        # the manager cites nothing while the self review is open
        with self.assertRaises(UserError):
            self.review.with_user(self.user_manager).action_cite_evidence(
                "performance.feedback", self.praise.id
            )

    def test_recency_warning_on_citations_of_the_last_six_weeks(self):
        Recognition = self.env["performance.recognition"]
        late = Recognition.create(
            {
                "giver_id": self.peer.id,
                "receiver_ids": [(6, 0, self.employee.ids)],
                "value_id": self.teamwork.id,
                "message": "<p>Late</p>",
                "date": "2026-12-01 10:00:00",
            }
        )
        late_praise = self.env["performance.feedback"].create(
            {
                "employee_id": self.employee.id,
                "author_id": self.peer.id,
                "feedback_type": "praise",
                "date": "2026-12-10",
                "message": "<p>Late praise</p>",
            }
        )
        review = self.review.with_user(self.user_employee)
        review.action_cite_evidence("performance.recognition", late.id)
        review.action_cite_evidence("performance.feedback", late_praise.id)
        draft = review.draft_ids
        self.assertEqual(draft.recent_share, 1.0)
        self.assertTrue(draft.recency_warning)
        self.assertTrue(review.evidence_data["recency_warning"])
        self.assertEqual(review.evidence_data["recent_share"], 100)
        # one early citation: two of three are recent, still over half
        review.action_cite_evidence("performance.feedback", self.praise.id)
        self.assertTrue(draft.recency_warning)
        # half recent is no skew
        review.action_cite_evidence("performance.recognition", self.kudos_1.id)
        self.assertEqual(draft.recent_share, 0.5)
        self.assertFalse(draft.recency_warning)
        # on a short period, recent citations are all there is: no warning
        review.action_cite_evidence("performance.feedback", self.praise.id)
        review.action_cite_evidence("performance.recognition", self.kudos_1.id)
        self.assertTrue(draft.recency_warning)
        self.review.sudo().date_start = "2026-11-01"
        self.assertFalse(draft.recency_warning)
