"""Who changes the 360 and pulse questionnaires, decided on the questionnaires as they are;
who sets an issue's signal (nobody but its detection).

Survey's rules give a Surveys user every unrestricted survey. Only performance officers
change 360 questionnaires and only performance administrators pulse ones, whatever fills
the type: values, ``default_*`` keys of the request, a copy, an import, or a write of the
type of a survey of his own. The calls go through ``call_kw``, as JSON-RPC does.
"""

import re
from contextlib import contextmanager

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.service.model import call_kw
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import PerformanceCase
from .test_360_rater_without_user import RaterWithoutUserCase

PERF_TYPES = ("performance", "performance_pulse")


def rpc(user, model, method, *args, context=None, **kwargs):
    """Call ``method`` of ``model`` as ``user`` through the JSON-RPC dispatcher."""
    if context:
        kwargs["context"] = context
    return call_kw(model.with_user(user), method, list(args), kwargs)


def user_of(company, login, groups):
    """A user of ``company`` alone, with the internal user's rights and ``groups``."""
    return new_test_user(
        company.env,
        login=login,
        groups=f"base.group_user,{groups}",
        company_id=company.id,
        company_ids=[Command.set(company.ids)],
    )


def survey_models(env):
    return env["survey.survey"], env["survey.question"], env["survey.question.answer"]


def survey_vals(title, survey_type, question="Often?", choice="Always", **values):
    """The values of a survey of ``survey_type`` with one choice question of one choice."""
    return {
        "title": title,
        "survey_type": survey_type,
        "question_and_page_ids": [
            Command.create(
                {
                    "title": question,
                    "question_type": "simple_choice",
                    "suggested_answer_ids": [Command.create({"value": choice})],
                }
            )
        ],
        **values,
    }


@tagged("post_install", "-at_install")
class TestPerformanceSurveyRights(PerformanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_survey = user_of(cls.company, "pm_sr_survey", "survey.group_survey_user")
        cls.user_survey_manager = user_of(
            cls.company, "pm_sr_survey_manager", "survey.group_survey_manager"
        )
        cls.Survey, cls.Question, cls.Choice = survey_models(cls.env)
        # the Surveys user's own survey, one question with one choice
        cls.custom = cls.Survey.with_user(cls.user_survey).create(
            survey_vals("Canteen", "custom", question="Lunch?", choice="Yes")
        )
        cls.custom_question = cls.custom.question_ids
        cls.perf = {}
        for survey_type in PERF_TYPES:
            cls.perf[survey_type] = cls.Survey.create(
                survey_vals(f"Questionnaire {survey_type}", survey_type)
            )

    @contextmanager
    def refused(self):
        # our check (AccessError) or, for an officer on a pulse, survey's check that
        # the responsible may write his survey (ValidationError)
        with self.assertRaises(Exception) as catch:
            yield
        self.assertIsInstance(catch.exception, (AccessError, ValidationError))

    def hostiles(self, survey_type):
        """The users refused on questionnaires of ``survey_type``."""
        users = [self.user_survey, self.user_survey_manager]
        if survey_type == "performance_pulse":
            users.append(self.user_officer)
        return users

    def perf_surveys(self):
        return self.Survey.search([("survey_type", "in", PERF_TYPES)])

    def test_created_by_values_or_by_default_keys(self):
        before = self.perf_surveys()
        for survey_type in PERF_TYPES:
            for user in self.hostiles(survey_type):
                with self.subTest(survey_type=survey_type, user=user.login):
                    with self.refused():
                        rpc(
                            user, self.Survey, "create", {"title": "X", "survey_type": survey_type}
                        )
                    with self.refused():
                        rpc(
                            user,
                            self.Survey,
                            "create",
                            {"title": "X"},
                            context={"default_survey_type": survey_type},
                        )
                    # the same through the form's save
                    with self.refused():
                        rpc(
                            user,
                            self.Survey,
                            "web_save",
                            [],
                            {"title": "X"},
                            specification={"survey_type": {}},
                            context={"default_survey_type": survey_type},
                        )
        self.assertEqual(self.perf_surveys(), before)

    def test_copied_into_a_questionnaire_or_from_one(self):
        before = self.perf_surveys()
        for survey_type in PERF_TYPES:
            for user in self.hostiles(survey_type):
                with self.subTest(survey_type=survey_type, user=user.login):
                    # a copy of a questionnaire is one: he copies none to make it his
                    with self.refused():
                        rpc(user, self.Survey, "copy", self.perf[survey_type].ids)
                    if user == self.user_officer:
                        continue  # survey's rules give him no plain survey to copy
                    with self.refused():
                        rpc(
                            user,
                            self.Survey,
                            "copy",
                            self.custom.ids,
                            {"survey_type": survey_type},
                        )
                    # a default key does not type a copy: it stays his plain survey
                    copy = rpc(
                        user,
                        self.Survey,
                        "copy",
                        self.custom.ids,
                        context={"default_survey_type": survey_type},
                    )
                    self.assertEqual(self.Survey.browse(copy).survey_type, "custom")
        self.assertEqual(self.perf_surveys(), before)

    def test_imported(self):
        before = self.perf_surveys()
        for survey_type in PERF_TYPES:
            for user in self.hostiles(survey_type):
                # a refused row may fail in the database first: load reports it in its
                # messages, and its logged query error is expected here
                with (
                    self.subTest(survey_type=survey_type, user=user.login),
                    mute_logger("odoo.sql_db"),
                ):
                    result = rpc(
                        user, self.Survey, "load", ["title", "survey_type"], [["X", survey_type]]
                    )
                    self.assertFalse(result["ids"])
                    self.assertTrue(result["messages"], "refused, and told so")
                    # an update of his own survey's type by its external id: refused too
                    result = rpc(
                        user,
                        self.Survey,
                        "load",
                        [".id", "survey_type"],
                        [[str(self.custom.id), survey_type]],
                    )
                    self.assertFalse(result["ids"])
        self.assertEqual(self.perf_surveys(), before)
        self.assertEqual(self.custom.survey_type, "custom")

    def test_type_of_his_own_survey_written(self):
        for survey_type in PERF_TYPES:
            for user in self.hostiles(survey_type):
                with self.subTest(survey_type=survey_type, user=user.login):
                    with self.refused():
                        rpc(
                            user,
                            self.Survey,
                            "write",
                            self.custom.ids,
                            {"survey_type": survey_type},
                        )
                    with self.refused():
                        rpc(
                            user,
                            self.Survey,
                            "web_save",
                            self.custom.ids,
                            {"survey_type": survey_type},
                            specification={},
                        )
        self.assertEqual(self.custom.survey_type, "custom")

    def test_questionnaires_neither_changed_nor_turned_into_plain_surveys(self):
        for survey_type, survey in self.perf.items():
            for user in self.hostiles(survey_type):
                with self.subTest(survey_type=survey_type, user=user.login):
                    with self.refused():
                        rpc(user, self.Survey, "write", survey.ids, {"survey_type": "custom"})
                    with self.refused():
                        rpc(user, self.Survey, "write", survey.ids, {"title": "Mine"})
                    with self.refused():
                        rpc(user, self.Survey, "unlink", survey.ids)
            self.assertEqual(survey.survey_type, survey_type)

    def test_questions_and_choices_added_moved_or_changed(self):
        for survey_type, survey in self.perf.items():
            question = survey.question_ids
            choice = question.suggested_answer_ids
            for user in self.hostiles(survey_type):
                with self.subTest(survey_type=survey_type, user=user.login):
                    with self.refused():
                        rpc(
                            user,
                            self.Question,
                            "create",
                            {"title": "Mine", "survey_id": survey.id},
                        )
                    with self.refused():
                        rpc(
                            user,
                            self.Question,
                            "create",
                            {"title": "Mine"},
                            context={"default_survey_id": survey.id},
                        )
                    # his own question moved into the questionnaire, or its out of it
                    with self.refused():
                        rpc(
                            user,
                            self.Question,
                            "write",
                            self.custom_question.ids,
                            {"survey_id": survey.id},
                        )
                    with self.refused():
                        rpc(
                            user,
                            self.Question,
                            "write",
                            question.ids,
                            {"survey_id": self.custom.id},
                        )
                    with self.refused():
                        rpc(
                            user,
                            self.Question,
                            "copy",
                            self.custom_question.ids,
                            {"survey_id": survey.id},
                        )
                    with self.refused():
                        rpc(
                            user,
                            self.Choice,
                            "create",
                            {"value": "Never"},
                            context={"default_question_id": question.id},
                        )
                    with self.refused():
                        rpc(
                            user,
                            self.Choice,
                            "write",
                            self.custom_question.suggested_answer_ids.ids,
                            {"question_id": question.id},
                        )
                    with self.refused():
                        rpc(user, self.Choice, "write", choice.ids, {"value": "Never"})
            self.assertEqual(question.survey_id, survey)
            self.assertEqual(question.suggested_answer_ids.mapped("value"), ["Always"])
            self.assertEqual(len(survey.question_ids), 1)

    def test_his_own_surveys_stay_his(self):
        # what survey gives him is untouched: his survey, its questions and choices
        survey = rpc(
            self.user_survey, self.Survey, "copy", self.custom.ids, context={"lang": "en_US"}
        )
        copy = self.Survey.browse(survey)
        self.assertEqual(copy.survey_type, "custom")
        rpc(self.user_survey, self.Survey, "write", copy.ids, {"survey_type": "survey"})
        rpc(
            self.user_survey,
            self.Question,
            "create",
            {"title": "Dessert?"},
            context={"default_survey_id": copy.id},
        )
        self.assertEqual(len(copy.question_ids), 2)

    def test_officers_and_administrators_keep_their_questionnaires(self):
        officer_360 = rpc(
            self.user_officer,
            self.Survey,
            "create",
            {"title": "Officer's 360"},
            context={"default_survey_type": "performance"},
        )
        self.assertEqual(self.Survey.browse(officer_360).survey_type, "performance")
        copy = rpc(self.user_officer, self.Survey, "copy", self.perf["performance"].ids)
        self.assertEqual(self.Survey.browse(copy).survey_type, "performance")
        pulse = rpc(
            self.user_admin,
            self.Survey,
            "create",
            {"title": "Admin's pulse"},
            context={"default_survey_type": "performance_pulse"},
        )
        rpc(
            self.user_admin,
            self.Question,
            "create",
            {"title": "Recommend us?"},
            context={"default_survey_id": pulse},
        )
        self.assertEqual(len(self.Survey.browse(pulse).question_ids), 1)


@tagged("post_install", "-at_install")
class TestIssueSignalIsTheSystems(PerformanceCase):
    """Whom an issue is about, its signal, reason and day come from the detection: the form
    shows them readonly, and no user sets them through RPC either, the manager in the chain
    included."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Issue = cls.env["performance.issue"]
        cls.issue = cls.Issue.create(
            {
                "employee_id": cls.employee.id,
                "company_id": cls.company.id,
                "rule": "constructive_feedback",
                "reason": "3 constructive feedbacks in 30 days",
                "date": "2026-11-02",
            }
        )

    def test_nobody_rewrites_the_signal(self):
        forged = {
            "reason": "Rude to clients",
            "rule": "low_rating",
            "date": "2025-01-01",
            # moved onto a colleague in the same chain, or another company
            "employee_id": self.peer.id,
            "company_id": self.company_b.id,
        }
        for user in (self.user_manager, self.user_director, self.user_officer, self.user_admin):
            # the chain and HR read the issue
            self.assertEqual(
                rpc(user, self.Issue, "search", [("id", "=", self.issue.id)]), self.issue.ids
            )
            for fname, value in forged.items():
                with self.subTest(user=user.login, field=fname):
                    with self.assertRaises(AccessError):
                        rpc(user, self.Issue, "write", self.issue.ids, {fname: value})
                    with self.assertRaises(AccessError):
                        rpc(
                            user,
                            self.Issue,
                            "web_save",
                            self.issue.ids,
                            {fname: value},
                            specification={fname: {}},
                        )
        self.assertEqual(
            (self.issue.reason, self.issue.rule, str(self.issue.date), self.issue.employee_id),
            (
                "3 constructive feedbacks in 30 days",
                "constructive_feedback",
                "2026-11-02",
                self.employee,
            ),
        )
        # the form says so: readonly for them
        fields = rpc(self.user_manager, self.Issue, "fields_get", list(forged), ["readonly"])
        self.assertTrue(all(field["readonly"] for field in fields.values()))

    def test_nobody_makes_an_issue_up(self):
        vals = {"employee_id": self.employee.id, "company_id": self.company.id}
        before = self.Issue.search([])
        for user in (self.user_manager, self.user_officer, self.user_admin):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    rpc(user, self.Issue, "create", dict(vals, rule="low_rating", reason="x"))
                with self.assertRaises(AccessError):
                    rpc(
                        user,
                        self.Issue,
                        "create",
                        vals,
                        context={
                            "default_rule": "low_rating",
                            "default_reason": "x",
                            "default_date": "2025-01-01",
                        },
                    )
                with self.assertRaises(AccessError):
                    rpc(
                        user,
                        self.Issue,
                        "web_save",
                        [],
                        vals,
                        specification={},
                        context={"default_rule": "low_rating", "default_reason": "x"},
                    )
                with self.assertRaises(AccessError):
                    rpc(user, self.Issue, "copy", self.issue.ids)
        self.assertEqual(self.Issue.search([]), before)

    def test_the_chain_still_decides(self):
        # what the chain does with an issue goes through its actions
        self.issue.with_user(self.user_manager).action_dismiss("Handled in our 1:1")
        self.assertEqual(self.issue.state, "dismissed")
        self.assertEqual(self.issue.reason, "3 constructive feedbacks in 30 days")


@tagged("post_install", "-at_install")
class TestRaterWithoutUserRoutes(RaterWithoutUserCase, HttpCase):
    """Noah has no user: his anonymous answer's token, from his invitation, is his only key.
    Survey's routes give it nothing more than his own answer, and nobody a new answer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._launch_today()

    def _tokens(self):
        mail = self._invitations().filtered(lambda m: self.employee.name in m.subject)
        url = self._start_url(mail).replace("&amp;", "&")
        return re.search(r"/survey/start/([^/?]+)\?answer_token=([^&]+)", url).groups()

    def _answers(self):
        return self.UserInput.search([("survey_id", "=", self.survey.id)])

    def test_his_token_opens_his_answer_only(self):
        survey_token, answer_token = self._tokens()
        before = self._answers()
        own = before.filtered(lambda i: i.access_token == answer_token)
        self.assertTrue(own.performance_anonymous)
        # no second answer next to the anonymous one: retry, a start without his token,
        # a start that gives an e-mail
        for path in (
            f"/survey/retry/{survey_token}/{answer_token}",
            f"/survey/start/{survey_token}",
            f"/survey/start/{survey_token}?answer_token={answer_token}&email=noah@example.com",
        ):
            with self.subTest(path=path):
                self.url_open(path)
                self.assertEqual(self._answers(), before)
        self.assertFalse(own.email or own.partner_id or own.nickname)
        # his printed answer is his: no other rater, no name
        page = self.url_open(f"/survey/print/{survey_token}?answer_token={answer_token}&review=1")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("Noah", page.text)
        self.assertNotIn(self.peer.name, page.text)
        # nor the questionnaire without a token, nor its results
        for path in (f"/survey/print/{survey_token}", f"/survey/results/{self.survey.id}"):
            with self.subTest(path=path):
                self.assertIn("/web/login", self.url_open(path).url)

    def test_employees_and_surveys_users_reach_no_answer(self):
        survey_token = self._tokens()[0]
        user_survey = new_test_user(
            self.env,
            login="pm_sr_routes_survey",
            groups="base.group_user,survey.group_survey_user",
            company_id=self.company.id,
        )
        before = self._answers()
        for login in ("pm_employee", "pm_manager", "pm_peer", user_survey.login):
            with self.subTest(login=login):
                self.authenticate(login, login)
                # the results of a 360 questionnaire are the officers'
                results = self.url_open(f"/survey/results/{self.survey.id}")
                self.assertIn(results.status_code, (403, 404))
                # a test entry of a Surveys user is no rater's: it counts nowhere
                self.url_open(f"/survey/test/{survey_token}")
                entries = self._answers() - before
                self.assertFalse(entries.filtered(lambda i: not i.test_entry))
                self.assertFalse(entries.performance_review_id)
        self.assertFalse(self._answers().filtered("test_entry").performance_review_id)


@tagged("post_install", "-at_install")
class TestRequestQuestionIsTheRequesters(PerformanceCase):
    """The question of a feedback request is shown readonly: the one asked does not
    rewrite it under his answer, nor does the requester once asked."""

    def test_the_question_is_asked_once(self):
        Feedback = self.env["performance.feedback"]
        request = Feedback.browse(
            rpc(
                self.user_manager,
                Feedback,
                "create",
                {
                    "employee_id": self.employee.id,
                    "author_id": self.peer.id,
                    "request_message": "How does Eli run the sprint reviews?",
                    "state": "requested",
                },
            )
        )
        for user in (self.user_peer, self.user_manager, self.user_director):
            with self.subTest(user=user.login):
                with self.assertRaises(UserError):
                    rpc(user, Feedback, "write", request.ids, {"request_message": "Is Eli rude?"})
                with self.assertRaises(UserError):
                    rpc(
                        user,
                        Feedback,
                        "web_save",
                        request.ids,
                        {"request_message": "Is Eli rude?"},
                        specification={},
                    )
        self.assertEqual(request.request_message, "How does Eli run the sprint reviews?")
        # the one asked still answers it
        request.with_user(self.user_peer).action_answer("<p>Clear and short</p>")
        self.assertEqual(request.request_message, "How does Eli run the sprint reviews?")


@tagged("post_install", "-at_install")
class TestQuestionnairesOfACompany(PerformanceCase):
    """A performance questionnaire belongs to the company of the officer who made it, or to
    none when it is shared: another company's officers (administrators for a pulse) neither
    see nor change it, nor its questions and choices; only administrators change the shared
    ones; a template or a pulse of one company uses no questionnaire of another."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_admin_b = user_of(
            cls.company_b, "pm_sr_admin_b", "performance_management.group_performance_admin"
        )
        cls.Survey, cls.Question, cls.Choice = survey_models(cls.env)

        def questionnaire(user, survey_type, **values):
            survey_id = rpc(
                user,
                cls.Survey,
                "create",
                survey_vals(f"{survey_type} of {user.login}", survey_type, **values),
            )
            return cls.Survey.browse(survey_id)

        cls.a_360 = questionnaire(cls.user_officer, "performance")
        cls.a_pulse = questionnaire(cls.user_admin, "performance_pulse")
        cls.b_360 = questionnaire(cls.user_officer_b, "performance")
        cls.shared_360 = questionnaire(cls.user_admin, "performance", company_id=False)

    def test_made_in_the_makers_company(self):
        self.assertEqual(self.a_360.company_id, self.company)
        self.assertEqual(self.a_pulse.company_id, self.company)
        self.assertEqual(self.b_360.company_id, self.company_b)
        self.assertFalse(self.shared_360.company_id)
        # plain surveys have no company
        custom = self.Survey.create({"title": "Canteen", "survey_type": "custom"})
        self.assertFalse(custom.company_id)
        # the addon's own questionnaires are shared
        pulse = self.env.ref("performance_management.performance_pulse_survey_default")
        self.assertFalse(pulse.company_id)

    def test_another_companys_questionnaire_neither_seen_nor_changed(self):
        for user, survey in (
            (self.user_officer_b, self.a_360),
            (self.user_admin_b, self.a_360),
            (self.user_admin_b, self.a_pulse),
            (self.user_officer, self.b_360),
        ):
            question = survey.question_ids
            choice = question.suggested_answer_ids
            with self.subTest(user=user.login, survey=survey.title):
                self.assertFalse(rpc(user, self.Survey, "search", [("id", "=", survey.id)]))
                self.assertFalse(rpc(user, self.Question, "search", [("id", "=", question.id)]))
                self.assertFalse(rpc(user, self.Choice, "search", [("id", "=", choice.id)]))
                with self.assertRaises(AccessError):
                    rpc(user, self.Survey, "read", survey.ids, ["title"])
                with self.assertRaises(AccessError):
                    rpc(user, self.Survey, "write", survey.ids, {"title": "Ours"})
                with self.assertRaises(AccessError):
                    rpc(user, self.Question, "write", question.ids, {"title": "Ours?"})
                with self.assertRaises(AccessError):
                    rpc(user, self.Choice, "write", choice.ids, {"value": "Never"})
                with self.assertRaises(AccessError):
                    rpc(
                        user,
                        self.Question,
                        "create",
                        {"title": "Ours?"},
                        context={"default_survey_id": survey.id},
                    )
                with self.assertRaises(AccessError):
                    rpc(user, self.Survey, "unlink", survey.ids)
        self.assertEqual(self.a_360.question_ids.title, "Often?")
        self.assertEqual(self.a_pulse.question_ids.suggested_answer_ids.value, "Always")
        self.assertEqual(len(self.b_360.question_ids), 1)

    def test_nobody_moves_a_questionnaire_to_another_company(self):
        # his own questionnaire given to company A, or one made for company A at once,
        # through values and default keys
        with self.assertRaises(AccessError):
            rpc(
                self.user_officer_b,
                self.Survey,
                "write",
                self.b_360.ids,
                {"company_id": self.company.id},
            )
        for context in ({}, {"default_company_id": self.company.id}):
            values = {} if context else {"company_id": self.company.id}
            # our check, or survey's own that its responsible reaches it
            with self.subTest(context=context), self.assertRaises(Exception) as catch:
                rpc(
                    self.user_officer_b,
                    self.Survey,
                    "create",
                    {"title": "For A", "survey_type": "performance", **values},
                    context=context,
                )
            self.assertIsInstance(catch.exception, (AccessError, ValidationError))
        # nor shares it: a shared questionnaire is the administrators'
        with self.assertRaises(AccessError):
            rpc(self.user_officer_b, self.Survey, "write", self.b_360.ids, {"company_id": False})
        self.assertEqual(self.b_360.company_id, self.company_b)
        self.assertFalse(
            self.Survey.search([("title", "=", "For A"), ("company_id", "=", self.company.id)])
        )

    def test_shared_ones_read_by_every_officer_changed_by_administrators(self):
        question = self.shared_360.question_ids
        for user in (self.user_officer, self.user_officer_b):
            with self.subTest(user=user.login):
                self.assertEqual(
                    rpc(user, self.Survey, "search", [("id", "=", self.shared_360.id)]),
                    self.shared_360.ids,
                )
                with self.assertRaises(AccessError):
                    rpc(user, self.Survey, "write", self.shared_360.ids, {"title": "Ours"})
                with self.assertRaises(AccessError):
                    rpc(user, self.Question, "write", question.ids, {"title": "Ours?"})
                with self.assertRaises(AccessError):
                    rpc(
                        user,
                        self.Question,
                        "create",
                        {"title": "Ours?"},
                        context={"default_survey_id": self.shared_360.id},
                    )
                # a copy is his company's own, to change at will
                copy = self.Survey.browse(rpc(user, self.Survey, "copy", self.shared_360.ids))
                self.assertEqual(copy.company_id, user.company_id)
                rpc(user, self.Question, "write", copy.question_ids.ids, {"title": "Ours?"})
        for user in (self.user_admin, self.user_admin_b):
            rpc(user, self.Question, "write", question.ids, {"title": f"By {user.login}?"})
        self.assertEqual(question.title, "By pm_sr_admin_b?")
        # the addon's pulse is shared: every company's administrators keep it
        pulse = self.env.ref("performance_management.performance_pulse_survey_default")
        rpc(self.user_admin_b, self.Survey, "write", pulse.ids, {"description": "<p>B</p>"})

    def test_their_own_still_theirs(self):
        rpc(self.user_officer_b, self.Survey, "write", self.b_360.ids, {"title": "B's 360"})
        rpc(
            self.user_officer_b,
            self.Question,
            "create",
            {"title": "And?"},
            context={"default_survey_id": self.b_360.id},
        )
        self.assertEqual(self.b_360.title, "B's 360")
        self.assertEqual(len(self.b_360.question_ids), 2)

    def test_templates_and_pulses_use_their_companys_questionnaires(self):
        Template = self.env["performance.review.template"].with_user(self.user_officer_b)
        with self.assertRaises(UserError):
            Template.create(
                {
                    "name": "B's annual",
                    "company_id": self.company_b.id,
                    "question_weight": 0,
                    "goal_weight": 80,
                    "survey_peer_id": self.a_360.id,
                }
            )
        template = Template.create(
            {
                "name": "B's annual",
                "company_id": self.company_b.id,
                "question_weight": 0,
                "goal_weight": 80,
                "survey_peer_id": self.b_360.id,
                "survey_self_id": self.shared_360.id,
            }
        )
        self.assertEqual(template.survey_peer_id, self.b_360)
        Schedule = self.env["performance.pulse.schedule"].with_user(self.user_admin_b)
        with self.assertRaises(UserError):
            Schedule.create(
                {
                    "name": "B's pulse",
                    "company_id": self.company_b.id,
                    "survey_id": self.a_pulse.id,
                }
            )

    def test_a_questionnaire_in_use_keeps_its_company(self):
        # what sends a questionnaire runs as the system: giving it to one company would let
        # that company's officers rewrite what the others' raters answer
        Template = self.env["performance.review.template"]
        weights = {"question_weight": 0, "goal_weight": 80}
        Template.create({"name": "Everyone's", "company_id": False, **weights}).write(
            {"survey_peer_id": self.shared_360.id}
        )
        with self.assertRaises(ValidationError):
            rpc(
                self.user_admin_b,
                self.Survey,
                "write",
                self.shared_360.ids,
                {"company_id": self.company_b.id},
            )
        self.assertFalse(self.shared_360.company_id)
        # an administrator of both companies moving A's questionnaire, that A's template sends
        Template.create({"name": "A's", "company_id": self.company.id, **weights}).write(
            {"survey_self_id": self.a_360.id}
        )
        self.user_admin.company_ids += self.company_b
        with self.assertRaises(ValidationError):
            rpc(
                self.user_admin,
                self.Survey,
                "write",
                self.a_360.ids,
                {"company_id": self.company_b.id},
            )
        self.assertEqual(self.a_360.company_id, self.company)
        # one that nothing sends changes hands
        rpc(self.user_admin, self.Survey, "write", self.b_360.ids, {"company_id": self.company.id})
        self.assertEqual(self.b_360.company_id, self.company)

    def test_never_run_as_a_live_session(self):
        # survey's live sessions write the questionnaire in sudo
        user_survey = user_of(self.company, "pm_sr_session", "survey.group_survey_user")
        layout = self.a_360.questions_layout
        for user in (user_survey, self.user_officer, self.user_admin):
            for method in ("action_start_session", "action_end_session"):
                with self.subTest(user=user.login, method=method), self.assertRaises(UserError):
                    rpc(user, self.Survey, method, self.a_360.ids)
        # nor started by writing its state, as survey's session routes then go on in sudo
        for user in (user_survey, self.user_officer):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                rpc(user, self.Survey, "write", self.a_360.ids, {"session_state": "in_progress"})
        self.assertFalse(self.a_360.session_state)
        self.assertEqual(self.a_360.questions_layout, layout)
        custom = self.Survey.with_user(user_survey).create(
            {"title": "Quiz", "survey_type": "live_session"}
        )
        rpc(user_survey, self.Survey, "action_start_session", custom.ids)
        self.assertEqual(custom.session_state, "ready")

    def test_a_questionnaire_keeps_its_type(self):
        # a plain survey's answers are every Surveys user's: the anonymous answers of a
        # 360 questionnaire, and the requests that name their raters, with them
        officer = user_of(
            self.company,
            "pm_sr_officer_surveys",
            "performance_management.group_performance_officer,survey.group_survey_manager",
        )
        for user, survey, survey_type in (
            (officer, self.a_360, "custom"),
            (officer, self.a_360, "survey"),
            (self.user_admin, self.a_360, "performance_pulse"),
            (self.user_admin, self.a_pulse, "performance"),
            (self.user_admin, self.a_pulse, "custom"),
        ):
            with (
                self.subTest(survey=survey.title, survey_type=survey_type),
                self.assertRaises(UserError),
            ):
                rpc(user, self.Survey, "write", survey.ids, {"survey_type": survey_type})
        self.assertEqual(self.a_360.survey_type, "performance")
        self.assertEqual(self.a_pulse.survey_type, "performance_pulse")
        self.assertEqual(self.a_360.company_id, self.company)
        # a plain survey of his may still become a 360 questionnaire
        mine = self.Survey.with_user(officer).create({"title": "Mine", "survey_type": "custom"})
        rpc(officer, self.Survey, "write", mine.ids, {"survey_type": "performance"})
        self.assertEqual(mine.company_id, self.company)
