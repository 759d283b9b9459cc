from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.service.model import call_kw
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ReviewCase


def rpc(user, records, method, *args, **kwargs):
    """Call ``method`` as ``user`` through the JSON-RPC dispatcher."""
    Model = records.env[records._name].with_user(user)
    if method == "create":
        return Model.browse(call_kw(Model, method, list(args), kwargs))
    return call_kw(Model, method, [records.ids, *args], kwargs)


def released_review(case, employee, level, achievements):
    """A released review of ``employee`` rated ``level``, with goals at ``achievements``."""
    review = case.env["performance.review"].create(
        {
            "employee_id": employee.id,
            "template_id": case.template.id,
            "cycle_id": case.cycle.id,
            "date_start": "2026-01-01",
            "date_end": "2026-12-31",
            "line_ids": [
                Command.create({"name": f"Goal {i}", "kind": "goal", "achievement": value})
                for i, value in enumerate(achievements)
            ],
        }
    )
    review.assessment_ids.final_rating_id = level
    review.state = "released"
    return review


@tagged("post_install", "-at_install")
class TestIssueEvidence(ReviewCase):
    """Each rule keeps its threshold and the records it counted; a person decides."""

    def _compute(self):
        self.env["performance.issue"]._compute_issues(self.env.company)

    def _issue(self, rule, employee=None):
        return self.env["performance.issue"].search(
            [("rule", "=", rule), ("employee_id", "=", (employee or self.employee).id)]
        )

    def _constructive(self, employee, count):
        Feedback = self.env["performance.feedback"].with_user(self.user_peer)
        return Feedback.create(
            [
                {
                    "employee_id": employee.id,
                    "feedback_type": "constructive",
                    "message": f"<p>Late again {i}</p>",
                }
                for i in range(count)
            ]
        )

    @freeze_time("2026-07-01")
    def test_low_rating_shows_the_rating_counted(self):
        self.env.company.performance_issue_rating_threshold = 2
        review = self.launch() and self.review_of(self.employee)
        review.sudo().assessment_ids.final_rating_id = self.levels[1]
        self._compute()
        issue = self._issue("low_rating")
        self.assertEqual(issue.evidence_assessment_ids, review.assessment_ids)
        self.assertIn("2", issue.evidence_threshold)
        seen = issue.with_user(self.user_manager)
        self.assertEqual(seen.evidence_assessment_ids.final_rating_id, self.levels[1])
        # the employee reads neither the issue nor its evidence
        with self.assertRaises(AccessError):
            issue.with_user(self.user_employee).read(["evidence_assessment_ids"])
        with self.assertRaises(AccessError):
            issue.with_user(self.user_peer).read(["evidence_threshold"])

    def test_goal_rules_show_the_goals_counted(self):
        with freeze_time("2026-01-01"):
            late = self._goal(
                self.employee, name="Late goal", date_deadline="2026-02-01", state="active"
            )
            quiet = self._goal(self.employee, name="Quiet goal", state="active")
        with freeze_time("2026-03-10"):
            self._compute()
            off_track = self._issue("goal_off_track")
            self.assertEqual(off_track.evidence_goal_ids, late)
            missed = self._issue("missed_checkin")
            self.assertEqual(missed.evidence_goal_ids, late | quiet)
            self.assertIn(
                str(self.env.company.performance_issue_checkin_days), missed.evidence_threshold
            )
            # the evidence follows the signal while the issue is open
            self.env["performance.goal.checkin"].create(
                {"goal_id": quiet.id, "confidence": "off_track"}
            )
            self._compute()
            self.assertEqual(off_track.evidence_goal_ids, late | quiet)
            self.assertEqual(missed.evidence_goal_ids, late)
            self.assertEqual(
                off_track.with_user(self.user_manager).evidence_goal_ids, late | quiet
            )

    @freeze_time("2026-03-01")
    def test_feedback_rule_shows_the_feedback_counted(self):
        given = self._constructive(self.employee, 3)
        self._constructive(self.other_employee, 1)
        self._compute()
        issue = self._issue("constructive_feedback")
        self.assertEqual(issue.evidence_feedback_ids, given)
        self.assertIn("3", issue.evidence_threshold)
        more = self._constructive(self.employee, 1)
        self._compute()
        self.assertEqual(issue.evidence_feedback_ids, given | more)
        self.assertIn("4", issue.reason)

    @freeze_time("2026-03-01")
    def test_decisions_are_recorded_with_who_and_when(self):
        self._constructive(self.employee, 3)
        self._constructive(self.other_employee, 3)
        self._compute()
        mine = self._issue("constructive_feedback")
        other = self._issue("constructive_feedback", self.other_employee)
        self.assertFalse(mine.decision)
        # as if the issues were raised in an earlier transaction: their changes are tracked
        self.env.cr.precommit.clear()
        mine.with_user(self.user_manager).with_context(tracking_disable=False).action_open_plan()
        self.assertEqual(mine.decision, "accepted")
        self.assertEqual(mine.decision_user_id, self.user_manager)
        self.assertEqual(str(mine.decision_date.date()), "2026-03-01")
        self.env.cr.precommit.run()  # the tracking is written at commit
        tracked = mine.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "decision"
        )
        self.assertEqual(tracked.new_value_char, "Accepted")
        other.with_user(self.user_other_manager).action_dismiss("Known, temporary")
        self.assertEqual(other.decision, "dismissed")
        self.assertEqual(other.decision_user_id, self.user_other_manager)
        self.assertEqual(other.dismiss_reason, "Known, temporary")
        # the manager of another branch decides nothing on this one
        self._constructive(self.nouser_employee, 3)
        self._compute()
        peer_issue = self._issue("constructive_feedback", self.nouser_employee)
        with self.assertRaises(AccessError):
            peer_issue.with_user(self.user_other_manager).action_dismiss("Not mine")
        self.assertFalse(peer_issue.decision)

    @freeze_time("2026-03-01")
    def test_decision_and_evidence_cannot_be_forged(self):
        self._constructive(self.employee, 3)
        self._compute()
        issue = self._issue("constructive_feedback")
        for user in (self.user_manager, self.user_officer):
            for vals in (
                {"decision": "dismissed"},
                {"decision_user_id": self.user_director.id},
                {"decision_date": "2026-01-01 00:00:00"},
                {"dismiss_reason": "Forged"},
                {"evidence_threshold": "Forged"},
                {"evidence_feedback_ids": [Command.clear()]},
            ):
                with self.subTest(user=user.login, vals=vals), self.assertRaises(AccessError):
                    rpc(user, issue, "write", vals)
        self.assertFalse(issue.decision)
        self.assertEqual(len(issue.evidence_feedback_ids), 3)
        vals = {
            "company_id": self.env.company.id,
            "employee_id": self.peer.id,
            "rule": "low_rating",
            "reason": "Typed by hand",
        }
        with self.assertRaises(AccessError):
            rpc(self.user_officer, issue, "create", dict(vals, decision="accepted"))
        with self.assertRaises(AccessError):
            rpc(self.user_officer, issue, "create", vals, context={"default_decision": "accepted"})
        with self.assertRaises(AccessError):
            rpc(
                self.user_officer,
                issue,
                "create",
                vals,
                context={"default_decision_user_id": self.user_director.id},
            )


@tagged("post_install", "-at_install")
class TestSuggestedRatingDecision(ReviewCase):
    """A suggested rating shows its figures; the reviewer's choice is kept."""

    def _in_manager_review(self):
        review = self.launch() and self.review_of(self.employee)
        self.fill(review, "employee", self.user_employee)
        review.with_user(self.user_employee).action_submit_self()
        self.fill(review, "manager", self.user_manager)
        return review

    def test_explanation_names_figures_and_level(self):
        review = self._in_manager_review()
        assessment = review.assessment_ids
        self.assertEqual(assessment.suggested_rating_id, self.levels[3])
        text = review.with_user(self.user_manager).suggestion_explanation
        self.assertIn("Exceeds", text)
        self.assertIn("Five levels", text)
        self.assertIn("questions 75.0 (weight 60.0%)", text)
        self.assertIn("competencies 100.0 (weight 20.0%)", text)
        self.assertIn("Overall score", text)
        # blind until released: the employee gets no figure and no decision
        as_employee = review.with_user(self.user_employee)
        self.assertFalse(as_employee.suggestion_explanation)
        with self.assertRaises(AccessError):
            assessment.with_user(self.user_employee).read(["suggestion_explanation"])

    @freeze_time("2026-11-20 10:00:00")
    def test_reviewer_accepts_or_changes_the_suggestion(self):
        review = self._in_manager_review()
        assessment = review.assessment_ids
        review.with_user(self.user_manager).final_rating_id = self.levels[2]
        self.assertEqual(assessment.suggestion_decision, "changed")
        self.assertEqual(assessment.suggestion_decision_user_id, self.user_manager)
        self.assertEqual(assessment.suggestion_decision_rating_id, self.levels[3])
        self.assertEqual(str(assessment.suggestion_decision_date), "2026-11-20 10:00:00")
        self.assertEqual(review.with_user(self.user_manager).suggestion_decision, "changed")
        review.with_user(self.user_manager).final_rating_id = self.levels[3]
        self.assertEqual(assessment.suggestion_decision, "accepted")
        # an officer moving it in calibration is the one who changed it
        review.with_user(self.user_manager).action_submit_manager()
        assessment.with_user(self.user_officer).action_calibrate(
            self.levels[4].id, False, "Outstanding delivery"
        )
        self.assertEqual(assessment.suggestion_decision, "changed")
        self.assertEqual(assessment.suggestion_decision_user_id, self.user_officer)

    def test_submitting_without_a_rating_accepts_the_suggestion(self):
        review = self._in_manager_review()
        self.assertFalse(review.assessment_ids.suggestion_decision)
        review.with_user(self.user_manager).action_submit_manager()
        assessment = review.assessment_ids
        self.assertEqual(assessment.final_rating_id, self.levels[3])
        self.assertEqual(assessment.suggestion_decision, "accepted")
        self.assertEqual(assessment.suggestion_decision_user_id, self.user_manager)

    def test_suggestion_decision_cannot_be_forged(self):
        review = self._in_manager_review()
        assessment = review.assessment_ids
        for vals in (
            {"suggestion_decision": "accepted"},
            {"suggestion_decision_user_id": self.user_director.id},
            {"suggestion_decision_rating_id": self.levels[0].id},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                rpc(self.user_manager, assessment, "write", vals)
        # the review's copy is computed: refused to the reviewer and to an officer alike
        with self.assertRaises(UserError):
            rpc(self.user_manager, review, "write", {"suggestion_decision": "accepted"})
        with self.assertRaises(AccessError):
            rpc(self.user_officer, review, "write", {"suggestion_decision": "accepted"})
        with self.assertRaises(AccessError):
            rpc(self.user_officer, assessment, "write", {"suggestion_decision": "changed"})
        self.assertFalse(assessment.suggestion_decision)


@tagged("post_install", "-at_install")
class TestMeritDecision(ReviewCase):
    """A merit raise shows the matrix cell used; the approver's choice is kept."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cell = cls.env["performance.merit.matrix"].create(
            {"rating_min": 3, "attainment_min": 80, "raise_percent": 2.5}
        )
        cls.env["performance.merit.matrix"].create(
            {"rating_min": 1, "attainment_min": 0, "raise_percent": 0.5}
        )
        cls.review = released_review(cls, cls.employee, cls.levels[3], (90, 80))

    def _merit_reward(self, **vals):
        return (
            self.env["performance.reward"]
            .with_user(self.user_manager)
            .create(
                {
                    "employee_id": self.employee.id,
                    "kind": "raise",
                    "source": "review",
                    "review_id": self.review.id,
                    "raise_percent": 2.5,
                    **vals,
                }
            )
        )

    def test_reward_shows_the_cell_used(self):
        reward = self._merit_reward()
        self.assertEqual((reward.merit_rating, reward.merit_attainment), (4.0, 85.0))
        self.assertEqual(reward.merit_suggested_percent, 2.5)
        self.assertIn("4.0", reward.merit_explanation)
        self.assertIn("85", reward.merit_explanation)
        self.assertIn("2.5%", reward.merit_explanation)
        self.assertEqual(reward.with_user(self.user_officer).merit_cell_id, self.cell)
        # the cell itself is the officers'; the recommender reads its rule as text
        with self.assertRaises(AccessError):
            reward.with_user(self.user_manager).read(["merit_cell_id"])
        self.assertTrue(reward.with_user(self.user_manager).merit_explanation)
        # a later edit of the matrix keeps what the reward was suggested
        self.cell.raise_percent = 3.0
        self.assertEqual(reward.merit_suggested_percent, 2.5)
        bonus = self._merit_reward(kind="bonus", amount=500, raise_percent=0)
        self.assertFalse(bonus.merit_explanation)

    @freeze_time("2026-12-01 09:00:00")
    def test_approver_keeps_changes_or_dismisses(self):
        kept, changed, refused = (
            self._merit_reward(),
            self._merit_reward(raise_percent=3.0),
            self._merit_reward(),
        )
        (kept | changed | refused).action_submit()
        # as if submitted in an earlier transaction: the approval's changes are tracked
        self.env.cr.precommit.clear()
        kept.with_user(self.user_officer).with_context(tracking_disable=False).action_approve()
        self.assertEqual(kept.merit_decision, "accepted")
        self.assertEqual(kept.merit_decision_user_id, self.user_officer)
        self.assertEqual(str(kept.merit_decision_date), "2026-12-01 09:00:00")
        self.env.cr.precommit.run()  # the tracking is written at commit
        self.assertIn(
            "merit_decision",
            kept.sudo().message_ids.tracking_value_ids.field_id.mapped("name"),
        )
        changed.with_user(self.user_officer).action_approve()
        self.assertEqual(changed.merit_decision, "changed")
        self.assertEqual(changed.merit_decision_percent, 3.0)
        refused.with_user(self.user_officer).action_refuse()
        self.assertEqual(refused.merit_decision, "dismissed")
        refused.action_reset_draft()
        self.assertFalse(refused.merit_decision)
        self.assertFalse(refused.merit_decision_user_id)

    def test_merit_figures_are_the_reviews(self):
        """The recommender cannot type the rating and attainment the suggestion follows."""
        reward = self._merit_reward()
        frozen = (4.0, 85.0, 2.5, reward.merit_explanation)

        def figures():
            return (
                reward.merit_rating,
                reward.merit_attainment,
                reward.merit_suggested_percent,
                reward.merit_explanation,
            )

        forged = {"merit_rating": 5.0, "merit_attainment": 150.0}
        for vals in ({"merit_rating": 5.0}, {"merit_attainment": 150.0}, forged):
            with self.subTest(vals=vals), mute_logger("odoo.models"):
                with self.assertRaises(AccessError):
                    rpc(self.user_manager, reward, "write", vals)
                with self.assertRaises(AccessError):
                    rpc(self.user_manager, reward, "web_save", vals, {"merit_rating": {}})
                with self.assertRaises(AccessError):
                    rpc(self.user_manager, reward, "copy", vals)
        self.assertEqual(figures(), frozen)
        result = reward.with_user(self.user_manager).load(
            [".id", "merit_rating", "merit_attainment"], [[str(reward.id), "5", "150"]]
        )
        self.assertFalse(result["ids"])
        self.assertEqual(figures(), frozen)
        # a reward made with forged figures, in its values or as defaults, is never made
        base = {"employee_id": self.employee.id, "kind": "raise", "raise_percent": 5.0}
        Reward = self.env["performance.reward"]
        for key, value in (("merit_rating", 5.0), ("merit_attainment", 150.0)):
            with self.subTest(key=key), mute_logger("odoo.models"):
                with self.assertRaises(AccessError):
                    rpc(self.user_manager, Reward, "create", dict(base, **{key: value}))
                with self.assertRaises(AccessError):
                    rpc(
                        self.user_manager,
                        Reward,
                        "create",
                        base,
                        context={f"default_{key}": value},
                    )
                with self.assertRaises(AccessError):
                    Reward.with_user(self.user_manager).with_context(
                        **{f"default_{key}": value}
                    ).create(dict(base, review_id=self.review.id))
        self.assertEqual(Reward.search_count([("merit_rating", "=", 5.0)]), 0)
        # without a review there is nothing to suggest from; the form shows the figures as
        # the application's
        plain = Reward.with_user(self.user_manager).create(base)
        self.assertEqual((plain.merit_rating, plain.merit_attainment), (0.0, 0.0))
        self.assertFalse(plain.merit_explanation)
        described = Reward.with_user(self.user_manager).fields_get(
            ["merit_rating", "merit_attainment", "raise_percent"], ["readonly"]
        )
        self.assertTrue(described["merit_rating"]["readonly"])
        self.assertTrue(described["merit_attainment"]["readonly"])
        self.assertFalse(described["raise_percent"]["readonly"])
        # a copy takes the review's figures again, not the original's
        copy = reward.with_user(self.user_manager).copy()
        self.assertEqual((copy.merit_rating, copy.merit_attainment), (4.0, 85.0))
        # the suggestion stays as it was made when the matrix changes
        self.cell.raise_percent = 3.0
        self.assertEqual(figures(), frozen)

    def test_no_rating_borrowed_from_another_review(self):
        """Nor can he lend his reward the rating of a colleague's review he reads."""
        peer_review = released_review(self, self.peer, self.levels[4], (100,))
        reward = self._merit_reward()
        with mute_logger("odoo.models"), self.assertRaises(ValidationError):
            rpc(self.user_manager, reward, "write", {"review_id": peer_review.id})
        with mute_logger("odoo.models"), self.assertRaises(ValidationError):
            self._merit_reward(review_id=peer_review.id)
        self.assertEqual((reward.merit_rating, reward.merit_attainment), (4.0, 85.0))
        kudos = (
            self.env["performance.recognition"]
            .with_user(self.user_manager)
            .create({"receiver_ids": [Command.set(self.peer.ids)], "message": "<p>Thanks</p>"})
        )
        with mute_logger("odoo.models"), self.assertRaises(ValidationError):
            self._merit_reward(source="recognition", review_id=False, recognition_id=kudos.id)

    def test_merit_decision_cannot_be_forged(self):
        reward = self._merit_reward()
        for vals in (
            {"merit_decision": "accepted"},
            {"merit_decision_user_id": self.user_director.id},
            {"merit_decision_percent": 9.0},
            {"merit_suggested_percent": 9.0},
            {"merit_explanation": "Forged"},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                rpc(self.user_manager, reward, "write", vals)
        base = {"employee_id": self.employee.id, "kind": "raise", "review_id": self.review.id}
        with self.assertRaises(AccessError):
            rpc(self.user_manager, reward, "create", dict(base, merit_decision="accepted"))
        with self.assertRaises(AccessError):
            rpc(
                self.user_manager,
                reward,
                "create",
                base,
                context={"default_merit_decision": "accepted"},
            )
        with self.assertRaises(AccessError):
            rpc(
                self.user_manager,
                reward,
                "create",
                base,
                context={"default_merit_suggested_percent": 9.0},
            )
        # submitted, the recommender cannot approve his own
        reward.action_submit()
        with self.assertRaises(UserError):
            reward.with_user(self.user_manager).action_approve()
        self.assertFalse(reward.merit_decision)


@tagged("post_install", "-at_install")
class TestFlagReport(ReviewCase):
    """Officers see every flag by rule and decision; nobody else reads the analysis."""

    @freeze_time("2026-03-01")
    def test_flags_by_rule_and_decision(self):
        Feedback = self.env["performance.feedback"].with_user(self.user_peer)
        for employee in (self.employee, self.nouser_employee):
            Feedback.create(
                [
                    {
                        "employee_id": employee.id,
                        "feedback_type": "constructive",
                        "message": f"<p>Late {i}</p>",
                    }
                    for i in range(3)
                ]
            )
        self.env["performance.issue"]._compute_issues(self.env.company)
        issues = self.env["performance.issue"].search([])
        issues.filtered(lambda i: i.employee_id == self.employee).with_user(
            self.user_manager
        ).action_dismiss("Seen, handled in a 1:1")
        self.env["performance.merit.matrix"].create(
            {"rating_min": 1, "attainment_min": 0, "raise_percent": 1.0}
        )
        review = released_review(self, self.employee, self.levels[2], (50,))
        reward = (
            self.env["performance.reward"]
            .with_user(self.user_manager)
            .create(
                {
                    "employee_id": self.employee.id,
                    "kind": "raise",
                    "source": "review",
                    "review_id": review.id,
                    "raise_percent": 1.0,
                }
            )
        )
        reward.action_submit()
        reward.with_user(self.user_officer).action_approve()
        Report = self.env["performance.flag.report"]
        counts = {
            (rule, decision): count
            for rule, decision, count in Report.with_user(self.user_officer)._read_group(
                [], ["rule", "decision"], ["__count"]
            )
        }
        self.assertEqual(
            counts,
            {
                ("constructive_feedback", "dismissed"): 1,
                ("constructive_feedback", "pending"): 1,
                ("merit_matrix", "accepted"): 1,
                # the rating of the review behind the raise, set as suggested
                ("suggested_rating", "accepted"): 1,
            },
        )
        row = Report.with_user(self.user_officer).search([("decision", "=", "dismissed")])
        self.assertEqual(row.decision_user_id, self.user_manager)
        self.assertEqual(row.issue_id.employee_id, self.employee)
        for user in (self.user_manager, self.user_employee):
            with self.assertRaises(AccessError):
                Report.with_user(user).search([])
        self.assertFalse(Report.with_user(self.user_officer_b).search([]), "another company")
