"""Attacks on the models added since the write guard went away, as the lowest role.

Each test tries a path a hostile user has (the ORM as JSON-RPC calls it, ``default_*``
context keys, ``load``) and asserts the refusal and that nothing changed.
"""

from odoo.exceptions import AccessError, UserError
from odoo.service.model import call_kw
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from . import test_calibration_session, test_fairness
from .common import PulseCase, ReviewCase


def rpc(user, records, method, *args, **kwargs):
    """Call ``method`` as ``user`` the way the JSON-RPC dispatcher does."""
    Model = records.env[records._name].with_user(user)
    if method == "create":
        return call_kw(Model, method, list(args), kwargs)
    return call_kw(Model, method, [records.ids, *args], kwargs)


@tagged("post_install", "-at_install")
class TestReviewFieldAccess(ReviewCase):
    """Who sets which field of a review is the ORM's field access, on every path."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cycle.with_user(cls.user_officer).action_launch()
        cls.review = cls.cycle.review_ids.filtered(lambda r: r.employee_id == cls.employee)

    def test_the_employee_sets_no_officer_field_on_any_path(self):
        review = self.review
        for fname, value in (
            ("state", "done"),
            ("date_released", "2026-12-01"),
            ("usefulness_answered", True),
            ("date_self_deadline", "2027-01-01"),
            ("name", "Renamed"),
            ("manager_summary", "I am great"),
            ("final_rating_id", self.levels[4].id),
        ):
            with self.subTest(field=fname), mute_logger("odoo.models"):
                with self.assertRaises(AccessError):
                    review.with_user(self.user_employee).write({fname: value})
                with self.assertRaises(AccessError):
                    rpc(self.user_employee, review, "write", {fname: value})
                with self.assertRaises(AccessError):
                    rpc(self.user_employee, review, "web_save", {fname: value}, {})
        result = review.with_user(self.user_employee).load(
            [".id", "manager_summary"], [[str(review.id), "I am great"]]
        )
        self.assertFalse(result["ids"])
        self.assertEqual(review.state, "self_review")
        self.assertFalse(review.manager_summary)
        self.assertFalse(review.final_rating_id)
        # his own part stays his to write
        review.with_user(self.user_employee).write({"self_strengths": "Delivery"})
        self.assertEqual(review.self_strengths, "Delivery")

    def test_the_manager_assessment_is_the_reviewers(self):
        review = self.review
        review.sudo().state = "manager_review"
        review.with_user(self.user_manager).write({"potential": "high"})
        self.assertEqual(review.assessment_ids.potential, "high")
        for user in (self.user_employee, self.user_peer, self.user_other_manager):
            with (
                self.subTest(user=user.login),
                mute_logger("odoo.models"),
                self.assertRaises(AccessError),
            ):
                review.with_user(user).write({"potential": "low"})
        self.assertEqual(review.assessment_ids.potential, "high")
        # and the form shows it: the employee's fields_get marks the officers' fields readonly
        fields = review.with_user(self.user_employee).fields_get(["state", "self_strengths"])
        self.assertTrue(fields["state"]["readonly"])
        self.assertFalse(fields["self_strengths"]["readonly"])

    def test_no_workflow_flag_through_default_keys(self):
        Review = self.env["performance.review"].with_user(self.user_officer)
        values = {
            "employee_id": self.peer.id,
            "template_id": self.template.id,
            "date_start": "2026-01-01",
            "date_end": "2026-12-31",
        }
        for key, value in (
            ("default_state", "done"),
            ("default_date_released", "2026-12-01"),
            ("default_usefulness_answered", True),
            ("default_acknowledgement", "agree"),
        ):
            with self.subTest(key=key), mute_logger("odoo.models"):
                with self.assertRaises(AccessError):
                    Review.with_context(**{key: value}).create(values)
                with self.assertRaises(AccessError):
                    rpc(self.user_officer, Review, "create", values, context={key: value})
        self.assertFalse(
            self.env["performance.review"].search(
                [("employee_id", "=", self.peer.id), ("cycle_id", "=", False)]
            )
        )

    def test_a_draft_cites_nothing_given_from_outside(self):
        Draft = self.env["performance.review.draft"].with_user(self.user_employee)
        values = {"review_id": self.review.id, "role": "employee", "strengths": "Mine"}
        forged = [{"model": "performance.review", "id": self.review.id, "label": "x"}]
        for key in ("citations", "drafted_bullets"):
            with self.subTest(key=key), mute_logger("odoo.models"):
                with self.assertRaises(AccessError):
                    Draft.with_context(**{f"default_{key}": forged}).create(values)
                with self.assertRaises(AccessError):
                    rpc(self.user_employee, Draft, "create", {**values, key: forged})
        draft = Draft.create(values)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            rpc(self.user_employee, draft, "write", {"citations": forged})
        self.assertFalse(draft.citations)


@tagged("post_install", "-at_install")
class TestSurveyLinesStayHome(PulseCase):
    """A Surveys administrator moves no line of his own survey onto a pulse or 360 answer."""

    def test_a_line_moved_onto_a_pulse_answer_is_refused(self):
        self.run_pulse_cron()
        target = self.pulse_input(self.employee)
        survey_user = new_test_user(
            self.env,
            login="pm_surveys_mover",
            groups="base.group_user,survey.group_survey_manager",
        )
        Survey = self.env["survey.survey"].with_user(survey_user)
        plain = Survey.create({"title": "Plain", "access_mode": "public"})
        question = (
            self.env["survey.question"]
            .with_user(survey_user)
            .create({"survey_id": plain.id, "title": "Mood", "question_type": "numerical_box"})
        )
        own = self.UserInput.with_user(survey_user).create({"survey_id": plain.id})
        line = (
            self.env["survey.user_input.line"]
            .with_user(survey_user)
            .create(
                {
                    "user_input_id": own.id,
                    "question_id": question.id,
                    "answer_type": "numerical_box",
                    "value_numerical_box": 0,
                }
            )
        )
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            line.write({"user_input_id": target.id})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            rpc(survey_user, line, "write", {"user_input_id": target.id})
        self.assertEqual(line.user_input_id, own)
        self.assertFalse(target.user_input_line_ids)
        # nor reads a pulse answer, nor its lines
        self.assertFalse(self.UserInput.with_user(survey_user).search([("id", "=", target.id)]))
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            target.with_user(survey_user).read(["performance_pulse_department_id"])


@tagged("post_install", "-at_install")
class TestAuditStampsAreTheSystems(ReviewCase):
    """Who approved, who placed a hold and when a rule ran are never set from outside."""

    def test_principles_approval_is_not_forged(self):
        Version = self.env["performance.principles.version"].with_user(self.user_admin)
        for key, value in (
            ("state", "approved"),
            ("approver_id", self.user_director.id),
            ("date_approved", "2026-01-01 00:00:00"),
            ("snapshot", {"forged": True}),
        ):
            with self.subTest(field=key), mute_logger("odoo.models"):
                with self.assertRaises(AccessError):
                    Version.create({"name": "v", key: value})
                with self.assertRaises(AccessError):
                    Version.with_context(**{f"default_{key}": value}).create({"name": "v"})
        version = Version.create({"name": "v1"})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            version.write({"approver_id": self.user_director.id})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            version.copy({"state": "approved"})
        version.action_approve()
        self.assertEqual(version.approver_id, self.user_admin)
        self.assertEqual(version.state, "approved")

    def test_retention_last_run_is_the_runs(self):
        rule = (
            self.env["performance.retention.rule"]
            .sudo()
            .search([("company_id", "=", self.company.id)], limit=1)
        )
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            rule.with_user(self.user_admin).write({"last_run": "2030-01-01 00:00:00"})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            rule.with_user(self.user_officer).write({"months": 1})

    def test_legal_hold_stamps_are_the_writes(self):
        hr_user = new_test_user(
            self.env, login="pm_hr_only", groups="base.group_user,hr.group_hr_user"
        )
        # an HR officer without the Performance app neither sets nor lifts a hold
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.employee.with_user(hr_user).write({"performance_legal_hold": True})
        # an officer of another company does not reach this employee
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.employee.with_user(self.user_officer_b).write({"performance_legal_hold": True})
        # the officer places the hold; who and when are stamped, not given
        self.employee.with_user(self.user_officer).write(
            {"performance_legal_hold": True, "performance_legal_hold_reason": "Litigation"}
        )
        self.assertEqual(self.employee.performance_legal_hold_user_id, self.user_officer)
        for fname, value in (
            ("performance_legal_hold_user_id", self.user_admin.id),
            ("performance_legal_hold_date", "2020-01-01 00:00:00"),
        ):
            with (
                self.subTest(field=fname),
                mute_logger("odoo.models"),
                self.assertRaises(AccessError),
            ):
                self.employee.with_user(self.user_officer).write({fname: value})
        self.assertEqual(self.employee.performance_legal_hold_user_id, self.user_officer)


@tagged("post_install", "-at_install")
class TestPulseRefusals(PulseCase):
    """Nobody makes up, reads or links a pulse answer before its release."""

    def test_nobody_reaches_the_answers_or_invitations_of_others(self):
        self.run_pulse_cron()
        pulse_round = self.schedule.round_ids
        answer = self.answer_pulse(self.employee, 9, 4)
        Participant = self.env["performance.pulse.participant"]
        # a colleague sees his own invitation only, and no answer at all
        mine = Participant.with_user(self.user_peer).search([])
        self.assertEqual(mine.employee_id, self.peer)
        domain = [("performance_pulse_round_id", "=", pulse_round.id)]
        for user in (self.user_peer, self.user_manager):
            with self.subTest(user=user.login), mute_logger("odoo.models"):
                with self.assertRaises(AccessError):
                    self.UserInput.with_user(user).search(domain)
                with self.assertRaises(AccessError):
                    answer.with_user(user).read(["state"])
        # the officer neither, before the release
        self.assertFalse(self.UserInput.with_user(self.user_officer).search(domain))
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            answer.with_user(self.user_officer).read(["state"])
        # the officer reads the invitations, none of which says who answered
        self.assertEqual(
            set(Participant.with_user(self.user_officer).search([])._fields) & {"state"}, set()
        )
        # nobody makes up a round, an invitation or a figure
        for model, values in (
            ("performance.pulse.round", {"schedule_id": self.schedule.id}),
            (
                "performance.pulse.participant",
                {"round_id": pulse_round.id, "employee_id": self.employee.id},
            ),
            (
                "performance.pulse.result",
                {"round_id": pulse_round.id, "dimension": "company", "mean": 5.0},
            ),
        ):
            for user in (self.user_employee, self.user_officer, self.user_admin):
                with (
                    self.subTest(model=model, user=user.login),
                    mute_logger("odoo.models"),
                    self.assertRaises(AccessError),
                ):
                    rpc(user, self.env[model], "create", values)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            pulse_round.with_user(self.user_admin).write({"released": True})
        self.assertFalse(pulse_round.released)


@tagged("post_install", "-at_install")
class TestCalibrationVoteRefusals(test_calibration_session.CalibrationSessionCase):
    """A participant votes in his own name only."""

    def test_no_vote_in_another_name(self):
        self.team_session.with_user(self.user_officer).action_start_pre_rating()
        Vote = self.env["performance.calibration.vote"].with_user(self.user_manager)
        values = {
            "session_id": self.team_session.id,
            "review_id": self.review_employee.id,
            "rating_id": self.levels[0].id,
        }
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            Vote.create({**values, "voter_id": self.user_director.id})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            Vote.with_context(default_voter_id=self.user_director.id).create(values)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            Vote.with_context(default_session_state="open").create(values)
        self.assertFalse(self.env["performance.calibration.vote"].search([]))
        vote = Vote.create(values)
        # the vote stays blind to the facilitator, even through a grouping on its rating
        groups = (
            self.env["performance.calibration.vote"]
            .with_user(self.user_officer)
            .formatted_read_group([], ["rating_id"], ["__count"])
        )
        self.assertFalse(groups)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            vote.with_user(self.user_director).write({"comment": "x"})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            vote.with_user(self.user_director).unlink()


@tagged("post_install", "-at_install")
class TestPrivacyRefusals(ReviewCase):
    """The export, the text rules and the usefulness answers, as the lowest roles."""

    def test_nobody_exports_another_employee(self):
        Export = self.env["performance.data.export"]
        for user, scope in (
            (self.user_peer, "self"),
            (self.user_manager, "self"),
            (self.user_manager, "officer"),
            (self.user_portal, "self"),
            (self.user_officer_b, "officer"),
        ):
            with (
                self.subTest(user=user.login, scope=scope),
                mute_logger("odoo.models"),
                self.assertRaises(AccessError),
            ):
                Export.with_user(user)._get_data(self.employee, scope)

    def test_text_rules_and_usefulness_answers(self):
        Rule = self.env["performance.text.rule"]
        for user in (self.user_employee, self.user_officer):
            with (
                self.subTest(user=user.login),
                mute_logger("odoo.models"),
                self.assertRaises(AccessError),
            ):
                rpc(user, Rule, "create", {"pattern": "ninja", "category": "gendered"})
        Usefulness = self.env["performance.review.usefulness"]
        for user in (self.user_employee, self.user_officer, self.user_admin):
            with self.subTest(user=user.login), mute_logger("odoo.models"):
                with self.assertRaises(AccessError):
                    rpc(
                        user,
                        Usefulness,
                        "create",
                        {"template_id": self.template.id, "company_id": self.company.id},
                    )
                with self.assertRaises(AccessError):
                    rpc(user, Usefulness, "search_read", [], ["answer"])

    def test_one_answer_per_review(self):
        self.cycle.with_user(self.user_officer).action_launch()
        review = self.cycle.review_ids.filtered(lambda r: r.employee_id == self.employee)
        review.sudo().state = "done"
        review.with_user(self.user_employee).action_answer_useful()
        with self.assertRaises(UserError), mute_logger("odoo.models"):
            review.with_user(self.user_employee).write({"usefulness_answered": False})
        with self.assertRaisesRegex(UserError, "already"):
            review.with_user(self.user_employee).action_answer_not_useful()
        self.assertEqual(
            self.env["performance.review.usefulness"]
            .sudo()
            .search_count([("template_id", "=", self.template.id)]),
            1,
        )
        # nor somebody else's review
        with self.assertRaises(UserError), mute_logger("odoo.models"):
            review.with_user(self.user_manager).action_answer_useful()


@tagged("post_install", "-at_install")
class TestUsefulnessInBatches(ReviewCase):
    """An officer who knows who answered last learns nothing of that one answer."""

    def test_one_more_answer_shows_nothing_alone(self):
        self.company.performance_anonymity_threshold = 3
        self.cycle.with_user(self.user_officer).action_launch()
        template = self.template.with_user(self.user_officer)

        def answer(employee, method):
            review = self.cycle.review_ids.filtered(lambda r: r.employee_id == employee)
            review.sudo().state = "done"
            getattr(review.with_user(employee.user_id), method)()
            template.invalidate_recordset(["usefulness_html"])
            return str(template.usefulness_html)

        answer(self.employee, "action_answer_useful")
        answer(self.peer, "action_answer_useful")
        html = answer(self.manager, "action_answer_somewhat_useful")
        self.assertIn("67%", html)
        self.assertIn("33%", html)
        # the director answers "no": the figures wait for a whole new batch
        self.assertEqual(answer(self.director, "action_answer_not_useful"), html)
        self.assertNotIn("25%", html)


@tagged("post_install", "-at_install")
class TestFairnessLinesStayInTheirCompany(test_fairness.FairnessCase):
    """An officer of another company reads no line of an analysis he cannot read."""

    def test_officer_of_another_company(self):
        lines = self.analysis().line_ids
        self.assertTrue(lines)
        Line = self.env["performance.fairness.analysis.line"].with_user(self.user_officer_b)
        self.assertFalse(Line.search([("id", "in", lines.ids)]))
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            lines[0].with_user(self.user_officer_b).read(["count", "top_count"])
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            rpc(
                self.user_officer_b,
                Line,
                "create",
                {"analysis_id": lines.analysis_id.id, "kind": "group"},
            )
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            lines[0].with_user(self.user_officer_b).write({"count": 0})
        self.assertEqual(
            lines.with_user(self.user_officer).read(["count"])[0]["count"], lines[0].count
        )
