from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import EvidenceCase


@tagged("post_install", "-at_install")
class TestReviewDraft(EvidenceCase):
    """ "Draft from evidence": bullets citing their sources, never a rating."""

    def _ratings(self, review):
        lines = review.sudo().line_ids
        return (
            [(line.id, line.rating_id.id, line.skill_level_id.id) for line in lines],
            review.sudo().assessment_ids.read(["final_rating_id", "potential"]),
        )

    def test_employee_draft_cites_what_he_may_read(self):
        review = self.review.with_user(self.user_employee)
        before = self._ratings(self.review)
        review.action_draft_from_evidence()
        draft = review.draft_ids
        self.assertEqual(draft.role, "employee")
        strengths = [b for b in draft.drafted_bullets if b["section"] == "strength"]
        areas = [b for b in draft.drafted_bullets if b["section"] == "area"]
        self.assertEqual(
            [(b["text"].split(" [")[0], [s["id"] for s in b["sources"]]) for b in strengths],
            [
                (
                    "Reached the key result “Endpoints live” of the goal “Ship the API”",
                    [self.kr_reached.id],
                ),
                ("Kudos for “Evidence Teamwork” (2)", [self.kudos_1.id, self.kudos_2.id]),
                ("Progressed in Review French: Fluent, from Basic", [self.skill_after.id]),
            ],
        )
        # the private remark is the chain's: not in the employee's draft
        self.assertEqual(
            [(b["text"].split(" [")[0], [s["id"] for s in b["sources"]]) for b in areas],
            [
                ("The goal “Write the guide” is off track", [self.goal_off.id]),
                (
                    "Constructive feedback on “Evidence Simplicity” (2)",
                    [self.constructive_1.id, self.constructive_2.id],
                ),
            ],
        )
        self.assertTrue(review.self_strengths.startswith("- Reached the key result"))
        self.assertIn("[02/01/2026, 06/01/2026]", review.self_strengths)
        self.assertEqual(review.self_strengths.count("\n- "), 2)
        self.assertIn("- The goal “Write the guide” is off track", review.self_areas_to_grow)
        # every source is cited, as drafted
        self.assertEqual(
            {(c["model"], c["id"]) for c in draft.citations},
            {(s["model"], s["id"]) for b in draft.drafted_bullets for s in b["sources"]},
        )
        self.assertEqual({c["origin"] for c in draft.citations}, {"draft"})
        self.assertEqual((draft.drafted_count, draft.kept_count), (5, 5))
        # never a rating
        self.assertEqual(self._ratings(self.review), before)

    def test_what_was_kept_is_recorded(self):
        review = self.review.with_user(self.user_employee)
        review.action_draft_from_evidence()
        first, second, _third = review.self_strengths.split("\n")
        edited = second.replace("Kudos for", "Thanked by peers for")
        review.write(
            {
                "self_strengths": f"{first}\n{edited}",
                "self_areas_to_grow": "I will plan the guide better.",
            }
        )
        draft = review.draft_ids
        self.assertEqual(draft.drafted_count, 5)
        self.assertEqual(draft.kept_count, 1)
        self.assertEqual(draft.edited_count, 1)
        outcome = draft.with_user(self.user_officer).outcome_html
        self.assertIn("o_pm_draft_outcome_kept", outcome)
        self.assertIn("o_pm_draft_outcome_removed", outcome)
        # a second draft on an edited text adds below it, never erases the writer's words
        review.action_draft_from_evidence()
        self.assertTrue(review.self_areas_to_grow.startswith("I will plan the guide better."))

    def test_manager_draft_includes_the_chains_evidence_and_stays_hidden(self):
        self.to_manager_phase()
        before = self._ratings(self.review)
        review = self.review.with_user(self.user_manager)
        review.action_draft_from_evidence()
        draft = review.draft_ids.filtered(lambda d: d.role == "manager")
        areas = [b for b in draft.drafted_bullets if b["section"] == "area"]
        self.assertEqual(
            areas[-1]["text"].split(" [")[0], "Constructive feedback on “General” (1)"
        )
        self.assertEqual(areas[-1]["sources"][0]["id"], self.private_feedback.id)
        self.assertIn("Kudos for", review.manager_strengths)
        self.assertEqual(self._ratings(self.review), before)
        # the employee reads nothing of the manager's part before the release
        as_employee = self.review.with_user(self.user_employee)
        self.assertFalse(as_employee.manager_strengths)
        with self.assertRaises(AccessError):
            draft.with_user(self.user_employee).read(["strengths"])
        # and may no longer draft or write his own part
        with self.assertRaises(UserError):
            as_employee.action_draft_from_evidence()
        with self.assertRaises(UserError):
            as_employee.self_strengths = "Too late"
        self.review.sudo().state = "released"
        self.assertIn("Kudos for", as_employee.manager_strengths)

    def test_not_enough_evidence_on_an_empty_period(self):
        review = self.peer_review.with_user(self.user_peer)
        review.action_draft_from_evidence()
        self.assertIn("Not enough evidence", review.self_strengths)
        self.assertIn("Not enough evidence", review.self_areas_to_grow)
        self.assertFalse(review.draft_ids.drafted_bullets)
        self.assertFalse(review.draft_ids.citations)

    def test_only_the_writer_drafts(self):
        for user in (self.user_manager, self.user_officer, self.user_director):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.review.with_user(user).action_draft_from_evidence()
        for user in (self.user_peer, self.user_other_manager, self.user_employee_b):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.review.with_user(user).action_draft_from_evidence()
        Draft = self.env["performance.review.draft"]
        # nobody opens the other part by hand
        with self.assertRaises(AccessError):
            Draft.with_user(self.user_employee).create(
                {"review_id": self.review.id, "role": "manager"}
            )
        with self.assertRaises(AccessError):
            Draft.with_user(self.user_peer).create(
                {"review_id": self.review.id, "role": "employee"}
            )
        with self.assertRaises(UserError):
            Draft.with_user(self.user_manager).create(
                {"review_id": self.review.id, "role": "manager"}
            )
