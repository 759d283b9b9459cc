"""Attacks on what the record rules do not cover alone, as the least trusted role that
reaches it: the 360 questionnaires and their answers, the question of a feedback request
read through the answer wizard, the portal's colleague search, the 1:1 calendar sync key.

The calls go through ``call_kw``, the dispatcher of JSON-RPC (/web/dataset/call_kw) and
JSON-2, or through the HTTP routes, as the user who would try them.
"""

from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.service.model import call_kw
from odoo.tests import new_test_user, tagged

from .common import PerformanceCase, PerformancePortalCase, ReviewCase
from .test_survey_360 import Survey360Case


def rpc(user, model, method, *args, **kwargs):
    Model = model.with_user(user)
    return call_kw(Model, method, list(args), kwargs)


@tagged("post_install", "-at_install")
@freeze_time("2026-11-01")
class TestSurveyOfficerOn360(Survey360Case):
    """A Surveys user (no HR, no performance rights) runs the company's other surveys; he
    must not reach the 360 questionnaires' answers, nor change the questionnaires."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_survey = new_test_user(
            cls.env, login="pm_survey_user", groups="base.group_user,survey.group_survey_user"
        )

    def test_survey_user_cannot_turn_a_360_into_a_plain_survey(self):
        self.launch()
        review = self.review_of(self.employee)
        user_input = self.input_of(review, self.peer)
        self.answer(user_input, self.user_peer, "Always", "Often", "Great")
        Survey = self.env["survey.survey"]
        UserInput = self.env["survey.user_input"]
        self.assertFalse(rpc(self.user_survey, UserInput, "search", [("id", "=", user_input.id)]))
        # the survey's own rules give him every unrestricted survey, this one too: turned
        # into a plain survey, its anonymous answers, not yet released, would be his
        for vals in (
            {"survey_type": "survey"},
            {"restrict_user_ids": [(6, 0, [self.user_survey.id])]},
            {"access_mode": "public"},
            {"title": "Renamed"},
        ):
            with self.subTest(vals=list(vals)), self.assertRaises(AccessError):
                rpc(self.user_survey, Survey, "write", self.survey.ids, vals)
        with self.assertRaises(AccessError):
            rpc(self.user_survey, Survey, "unlink", self.survey.ids)
        with self.assertRaises(AccessError):
            rpc(
                self.user_survey,
                self.env["survey.question"],
                "write",
                self.survey.question_ids[:1].ids,
                {"title": "Rate your manager's salary"},
            )
        self.assertEqual(self.survey.survey_type, "performance")
        self.assertFalse(rpc(self.user_survey, UserInput, "search", [("id", "=", user_input.id)]))
        self.assertFalse(
            rpc(
                self.user_survey,
                self.env["survey.user_input.line"],
                "search",
                [("user_input_id", "=", user_input.id)],
            )
        )

    def test_nobody_but_officers_reads_answers_and_anonymous_ones_only_released(self):
        self.launch()
        review = self.review_of(self.employee)
        user_input = self.input_of(review, self.peer)
        self.answer(user_input, self.user_peer, "Always", "Often", "Great")
        UserInput = self.env["survey.user_input"]
        Line = self.env["survey.user_input.line"]
        # the employee reviewed, the rater himself, the reviewer: no access to answers
        for user in (self.user_employee, self.user_peer, self.user_manager):
            for Model in (UserInput, Line):
                with (
                    self.subTest(user=user.login, model=Model._name),
                    self.assertRaises(AccessError),
                ):
                    rpc(user, Model, "search_read", [], ["partner_id", "create_uid"])
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                rpc(user, UserInput, "write", user_input.ids, {"performance_role": "self"})
        # the officer sees no unreleased anonymous answer, and none is anybody's
        self.assertFalse(rpc(self.user_officer, UserInput, "search", [("id", "=", user_input.id)]))
        self.assertFalse(user_input.partner_id or user_input.email)
        self.assertEqual(user_input.create_uid.id, 1)
        self.assertEqual(set(user_input.user_input_line_ids.create_uid.ids), {1})

    def test_survey_user_cannot_forge_answers_into_a_review(self):
        self.launch()
        review = self.review_of(self.employee)
        own_survey = rpc(
            self.user_survey,
            self.env["survey.survey"],
            "create",
            {"title": "Lunch poll", "survey_type": "survey"},
        )
        UserInput = self.env["survey.user_input"]
        forged = {
            "survey_id": own_survey,
            "state": "done",
            "performance_review_id": review.id,
            "performance_role": "self",
        }
        # his own survey's answers are his to create: not ones counted in a review's 360
        for vals in (forged, {**forged, "performance_role": "manager"}):
            with self.subTest(role=vals["performance_role"]), self.assertRaises(AccessError):
                rpc(self.user_survey, UserInput, "create", vals)
        with self.assertRaises(AccessError):
            rpc(
                self.user_survey,
                UserInput,
                "create",
                {"survey_id": own_survey},
                context={"default_performance_review_id": review.id},
            )
        own = rpc(self.user_survey, UserInput, "create", {"survey_id": own_survey})
        for fname, value in (
            ("performance_review_id", review.id),
            ("performance_role", "manager"),
            ("performance_anonymous", True),
            ("performance_feedback_id", self.env["performance.feedback"].search([], limit=1).id),
        ):
            with self.subTest(fname=fname), self.assertRaises(AccessError):
                rpc(self.user_survey, UserInput, "write", [own], {fname: value})
        titles = [title for title, _rows in UserInput._performance_summary(review, named=True)]
        self.assertFalse([title for title in titles if "Lunch poll" in title])

    def test_surveys_manager_cannot_slip_lines_into_a_360_answer(self):
        # a line names its survey (a field survey lets its users set): one naming his plain
        # survey passed survey's rules, and counted in the review's 360 summary
        self.launch()
        review = self.review_of(self.employee)
        user_input = self.input_of(review, self.peer)
        question = self.survey.question_ids.filtered(lambda q: q.suggested_answer_ids)[:1]
        manager = new_test_user(
            self.env,
            login="pm_survey_manager",
            groups="base.group_user,survey.group_survey_manager",
        )
        plain = rpc(
            manager,
            self.env["survey.survey"],
            "create",
            {"title": "Poll", "survey_type": "survey"},
        )
        with self.assertRaises(ValidationError):
            rpc(
                manager,
                self.env["survey.user_input.line"],
                "create",
                {
                    "user_input_id": user_input.id,
                    "survey_id": plain,
                    "question_id": question.id,
                    "answer_type": "suggestion",
                    "suggested_answer_id": question.suggested_answer_ids[:1].id,
                },
            )
        self.assertFalse(user_input.user_input_line_ids)


@tagged("post_install", "-at_install")
class TestFeedbackAnswerWizardLeak(ReviewCase):
    """The answer wizard shows the request's message: only to whom the request is."""

    def test_outsider_cannot_read_a_request_through_the_wizard(self):
        outsider = new_test_user(self.env, login="pm_outsider", groups="base.group_user")
        self.env["hr.employee"].create({"name": "Olga Outsider", "user_id": outsider.id})
        request = (
            self.env["performance.feedback"]
            .with_user(self.user_manager)
            .create(
                {
                    "employee_id": self.employee.id,
                    "author_id": self.peer.id,
                    "requester_id": self.manager.id,
                    "state": "requested",
                    "request_message": "Has Eli's drinking affected the launch?",
                }
            )
        )
        Feedback = self.env["performance.feedback"]
        self.assertFalse(rpc(outsider, Feedback, "search", [("id", "=", request.id)]))
        Wizard = self.env["performance.feedback.answer"]
        with self.assertRaises(AccessError):
            wizard = rpc(outsider, Wizard, "create", {"request_id": request.id, "message": "x"})
            rpc(outsider, Wizard, "read", [wizard], ["request_message", "anonymous"])
        # the person asked still gets his wizard
        wizard = rpc(self.user_peer, Wizard, "create", {"request_id": request.id, "message": "x"})
        read = rpc(self.user_peer, Wizard, "read", [wizard], ["request_message"])
        self.assertIn("drinking", read[0]["request_message"])


@tagged("post_install", "-at_install")
class TestColleagueSearchPatterns(PerformancePortalCase):
    """The colleague search takes letters, not LIKE patterns."""

    def test_patterns_do_not_list_the_company(self):
        self.env["hr.employee"].create({"name": "Crowd 100% Member_1"})
        self.authenticate("pm_portal", "pm_portal")
        for query in ("%%", "__", "%25%25", "\\\\"):
            with self.subTest(query=query):
                response = self.url_open(f"/my/performance/colleagues?q={query}")
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.json(), [])
        # the characters themselves are still found
        for query in ("0%25 M", "r_1"):
            with self.subTest(query=query):
                names = [
                    p["name"]
                    for p in self.url_open(f"/my/performance/colleagues?q={query}").json()
                ]
                self.assertEqual(names, ["Crowd 100% Member_1"])


@tagged("post_install", "-at_install")
class TestCalendarSyncKeyFromOutside(PerformanceCase):
    """The key the 1:1 and its event set while they update each other is no caller's to
    pass: with it, an invited peer moved or deleted the event of a 1:1 not his, the 1:1
    left behind."""

    def test_peer_cannot_pass_the_sync_key(self):
        log = (
            self.env["performance.coaching.log"]
            .with_user(self.user_manager)
            .create({"employee_id": self.employee.id, "date_start": datetime(2026, 3, 2, 9, 0)})
        )
        event = log.sudo().calendar_event_id
        event.partner_ids |= self.peer.work_contact_id
        Event = self.env["calendar.event"]
        context = {"performance_calendar_sync": True}
        moved = {"start": datetime(2026, 3, 9, 9, 0), "stop": datetime(2026, 3, 9, 9, 30)}
        with self.assertRaises(AccessError):
            rpc(self.user_peer, Event, "write", event.ids, moved, context=context)
        with self.assertRaises(AccessError):
            rpc(self.user_peer, Event, "action_archive", event.ids, context=context)
        with self.assertRaises(AccessError):
            rpc(self.user_peer, Event, "unlink", event.ids, context=context)
        self.assertEqual(event.start, datetime(2026, 3, 2, 9, 0))
        self.assertTrue(event.active)
        self.assertEqual(log.sudo().calendar_event_id, event)
        self.assertEqual(log.state, "planned")


@tagged("post_install", "-at_install")
class TestPublicMethodsRefuseOddArguments(PerformanceCase):
    """Public methods reached over JSON-2 answer odd arguments with a clear error."""

    def test_text_check_and_nine_box(self):
        for call in (
            lambda: rpc(
                self.user_employee, self.env["performance.text.rule"], "check_text", ["x"]
            ),
            lambda: rpc(
                self.user_manager,
                self.env["performance.review.assessment"],
                "get_nine_box_data",
                "bad",
            ),
        ):
            with self.assertRaises(ValidationError):
                call()
