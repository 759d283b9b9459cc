from datetime import timedelta

from freezegun import freeze_time

from odoo import SUPERUSER_ID, fields
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.service.model import call_kw
from odoo.tests import Form, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .common import ReviewCase


class Survey360Case(ReviewCase):
    """A scored peer questionnaire and a self one on the template; a cycle that asks the
    peers anonymously. Eli's peers under Mia are Pat and Paula (Noah has no user)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.performance_anonymity_threshold = 2
        cls.survey = cls._make_survey("Peer 360")
        cls.self_survey = cls._make_survey("Self 360")
        cls.template.write({"survey_peer_id": cls.survey.id, "survey_self_id": cls.self_survey.id})
        cls.cycle.write(
            {"peer_count": 3, "peer_anonymous": True, "date_peer_deadline": "2026-11-20"}
        )
        cls.UserInput = cls.env["survey.user_input"]

    @classmethod
    def _launch_today(cls):
        """Launch the cycle as if it ran today, without a frozen clock (HTTP tests: the
        browser and the server share the real date)."""
        today = fields.Date.today()
        cls.cycle.write(
            {
                "date_start": today - timedelta(days=30),
                "date_end": today + timedelta(days=60),
                "date_self_deadline": today + timedelta(days=10),
                "date_peer_deadline": today + timedelta(days=15),
                "date_manager_deadline": today + timedelta(days=20),
                "date_release": today + timedelta(days=40),
            }
        )
        cls.cycle.with_user(cls.user_officer).action_launch()
        cls.review = cls.cycle.review_ids.filtered(lambda r: r.employee_id == cls.employee)

    @classmethod
    def _make_survey(cls, title):
        def choice(name, sequence):
            return Command.create(
                {
                    "title": name,
                    "sequence": sequence,
                    "question_type": "simple_choice",
                    "suggested_answer_ids": [
                        Command.create({"value": "Rarely", "answer_score": 0}),
                        Command.create({"value": "Often", "answer_score": 2}),
                        Command.create({"value": "Always", "answer_score": 4, "is_correct": True}),
                    ],
                }
            )

        return cls.env["survey.survey"].create(
            {
                "title": title,
                "survey_type": "performance",
                "access_mode": "token",
                "scoring_type": "scoring_without_answers",
                "questions_layout": "one_page",
                "question_and_page_ids": [
                    choice("Teamwork", 1),
                    choice("Delivery", 2),
                    Command.create(
                        {"title": "Keep doing", "sequence": 3, "question_type": "text_box"}
                    ),
                ],
            }
        )

    def input_of(self, review, author=None, role="peer"):
        """The rater's answer, found as the launch left it (through the request)."""
        domain = [("performance_review_id", "=", review.id), ("performance_role", "=", role)]
        if author:
            request = self.env["performance.feedback"].search(
                [("review_id", "=", review.id), ("author_id", "=", author.id)]
            )
            domain.append(("performance_request_id", "=", request.id))
        return self.UserInput.search(domain)

    def answer(self, user_input, user, teamwork, delivery, text=""):
        """Answer as the survey controller does: the answer in sudo, the rater's user."""
        answer = user_input.with_user(user).sudo()
        answer._mark_in_progress()
        for question, value in zip(
            self.survey.question_ids.sorted("sequence"),
            (teamwork, delivery, text),
            strict=True,
        ):
            if question.question_type == "simple_choice":
                value = question.suggested_answer_ids.filtered(lambda a, v=value: a.value == v).id
            answer._save_lines(question, value)
        answer._mark_done()
        # what the controller writes once the last page is submitted
        answer.last_displayed_page_id = self.survey.question_ids[:1]
        self.env.flush_all()


@tagged("post_install", "-at_install")
@freeze_time("2026-11-01")
class TestSurvey360(Survey360Case):
    def test_launch_sends_one_answer_per_rater_with_its_deadline(self):
        reviews = self.launch()
        review = self.review_of(self.employee)
        peer_inputs = self.UserInput.search(
            [("performance_review_id", "=", review.id), ("performance_role", "=", "peer")]
        )
        requests = self.env["performance.feedback"].search([("review_id", "=", review.id)])
        self.assertEqual(requests.author_id, self.peer | self.portal_employee)
        self.assertEqual(peer_inputs.performance_request_id, requests)
        self.assertEqual(requests.survey_id, self.survey)
        self.assertEqual(set(peer_inputs.mapped("performance_anonymous")), {True})
        self.assertEqual(str(peer_inputs[0].deadline), "2026-11-20 23:59:59")
        # an anonymous answer is nobody's from the start
        self.assertFalse(peer_inputs.partner_id or any(peer_inputs.mapped("email")))
        self.assertEqual(peer_inputs.create_uid.ids, [SUPERUSER_ID])
        # the self questionnaire is the employee's, named, with the self deadline
        own = self.input_of(review, role="self")
        self.assertEqual(own.partner_id, self.user_employee.partner_id)
        self.assertEqual(str(own.deadline), "2026-11-15 23:59:59")
        all_requests = self.env["performance.feedback"].search([("review_id", "in", reviews.ids)])
        self.assertEqual(
            self.UserInput.search_count([("performance_cycle_id", "=", self.cycle.id)]),
            len(all_requests) + len(reviews),
            "one answer per request and one self questionnaire per review",
        )
        # the rater finds his answer on his request, in the backend and the portal
        request = requests.filtered(lambda r: r.author_id == self.peer).with_user(self.user_peer)
        self.assertIn("/survey/start/", request.survey_start_url)
        self.assertIn(self.input_of(review, self.peer).access_token, request.survey_start_url)
        self.assertEqual(request.action_open_survey()["type"], "ir.actions.act_url")
        # nobody else gets the link, the subject included
        for user in (self.user_employee, self.user_manager, self.user_portal):
            self.assertFalse(request.with_user(user).sudo(False).survey_start_url)
        self.assertIn("/survey/start/", review.with_user(self.user_employee).survey_start_url)
        self.assertFalse(review.with_user(self.user_manager).survey_start_url)

    def test_answers_feed_the_summary_only_past_the_threshold(self):
        self.launch()
        review = self.review_of(self.employee)
        # a follower of the questionnaire hears of named participations only
        self.survey.message_subscribe(
            partner_ids=self.user_officer.partner_id.ids,
            subtype_ids=self.env.ref("survey.mt_survey_survey_user_input_completed").ids,
        )
        self.answer(self.input_of(review, self.peer), self.user_peer, "Always", "Often", "Pat")
        submitted = self.UserInput.search(
            [("performance_review_id", "=", review.id), ("state", "=", "done")]
        )
        self.assertEqual(len(submitted), 1)
        # the submitted answer no longer points at its request, nor names its rater
        self.assertFalse(submitted.performance_request_id)
        self.assertTrue(submitted.performance_feedback_id.anonymous)
        self.assertFalse(submitted.performance_feedback_id.author_id)
        for record in (submitted, submitted.user_input_line_ids):
            self.assertEqual(record.create_uid.ids, [SUPERUSER_ID])
            self.assertEqual(record.write_uid.ids, [SUPERUSER_ID])
        self.assertFalse(submitted.partner_id or submitted.email or submitted.nickname)
        # nor when it came in
        self.assertFalse(submitted.start_datetime or submitted.end_datetime)
        self.assertEqual(submitted.write_date, submitted.create_date)
        self.assertEqual(
            set(submitted.user_input_line_ids.mapped("create_date")), {submitted.create_date}
        )
        messages = self.env["mail.message"].search(
            [("model", "=", "survey.user_input"), ("res_id", "=", submitted.id)]
        )
        self.assertFalse(messages)
        # one rater in: the summary says nothing of it, to the employee and the reviewer
        for user in (self.user_employee, self.user_manager, self.user_officer):
            with self.subTest(user=user.login):
                summary = review.with_user(user).peer_feedback_summary or ""
                self.assertNotIn("Peer 360", summary)
                self.assertNotIn("Teamwork", summary)
        self.assertFalse(
            self.UserInput.with_user(self.user_officer).search([("id", "=", submitted.id)])
        )
        # the second rater releases the batch
        self.answer(
            self.input_of(review, self.portal_employee),
            self.user_portal,
            "Often",
            "Often",
            "Paula",
        )
        summary = review.with_user(self.user_employee).peer_feedback_summary
        self.assertIn("Peer 360: 2 answers", summary)
        self.assertIn("average score 62.5%", summary)  # (6 + 4) / 8 / 2
        self.assertIn("Always (1), Often (1)", summary)
        self.assertIn("Pat / Paula", summary, "texts in order of their words, never of arrival")
        self.assertNotIn("Pat Peer", summary)
        self.assertNotIn("Paula Portal", summary)
        released = self.UserInput.with_user(self.user_officer).search(
            [("performance_review_id", "=", review.id), ("state", "=", "done")]
        )
        self.assertEqual(len(released), 2)
        self.assertFalse(released.partner_id)
        self.assertEqual(released.create_uid.ids, [SUPERUSER_ID])
        self.assertEqual(released.write_uid.ids, [SUPERUSER_ID])
        # the requests turned answered together, the free-text quotes do not repeat them
        requests = self.env["performance.feedback"].search(
            [("review_id", "=", review.id), ("is_request", "=", True), ("author_id", "!=", False)]
        )
        self.assertEqual(set(requests.mapped("state")), {"answered"})
        self.assertNotIn("Answered through the questionnaire", summary)

    def test_scoring_follows_the_answer_scores(self):
        self.launch()
        review = self.review_of(self.employee)
        own = self.input_of(review, role="self")
        own = own.with_user(self.user_employee).sudo()
        own._mark_in_progress()
        questions = self.self_survey.question_ids.sorted("sequence")
        for question in questions[:2]:
            own._save_lines(question, question.suggested_answer_ids[-1].id)
        own._mark_done()
        self.assertEqual(own.scoring_total, 8)
        self.assertEqual(own.scoring_percentage, 100)
        # named: the employee's own answers show to him and his reviewer at once
        self.assertEqual(own.partner_id, self.user_employee.partner_id)
        for user in (self.user_employee, self.user_manager):
            self.assertIn(
                "Self 360: 1 answers, average score 100.0%",
                review.with_user(user).peer_feedback_summary,
            )
        self.assertFalse(review.with_user(self.user_employee).survey_start_url)

    def test_named_peer_answers_reach_the_reviewer_not_the_employee(self):
        self.cycle.peer_anonymous = False
        self.launch()
        review = self.review_of(self.employee)
        user_input = self.input_of(review, self.peer)
        self.assertEqual(user_input.partner_id, self.user_peer.partner_id)
        self.answer(user_input, self.user_peer, "Always", "Always")
        request = user_input.performance_request_id
        self.assertEqual(request.state, "done")
        self.assertEqual(user_input.performance_feedback_id, request)
        self.assertIn(
            "Peer 360: 1 answers", review.with_user(self.user_manager).peer_feedback_summary
        )
        self.assertNotIn(
            "Peer 360", review.with_user(self.user_employee).peer_feedback_summary or ""
        )

    def test_nobody_else_reads_the_answers(self):
        self.launch()
        review = self.review_of(self.employee)
        self.answer(self.input_of(review, self.peer), self.user_peer, "Always", "Often", "Pat")
        self.answer(
            self.input_of(review, self.portal_employee), self.user_portal, "Often", "Often", "P"
        )
        survey_manager = new_test_user(
            self.env,
            login="pm_survey_manager",
            groups="base.group_user,survey.group_survey_manager",
        )
        inputs = self.UserInput.search([("performance_review_id", "=", review.id)])
        for user in (self.user_employee, self.user_peer, self.user_manager, self.user_portal):
            for model, records in (
                ("survey.user_input", inputs),
                ("survey.user_input.line", inputs.user_input_line_ids),
            ):
                with self.subTest(user=user.login, model=model):
                    env = self.env(user=user)
                    with self.assertRaises(AccessError):
                        call_kw(env[model], "search_read", [[]], {"fields": ["id"]})
                    with self.assertRaises(AccessError):
                        call_kw(env[model], "read", [records.ids, ["create_uid"]], {})
        # survey's own managers see every standard survey's answers, not these
        for model, records in (
            ("survey.user_input", inputs),
            ("survey.user_input.line", inputs.user_input_line_ids),
        ):
            env = self.env(user=survey_manager)
            self.assertFalse(call_kw(env[model], "search", [[("id", "in", records.ids)]], {}))
            with self.assertRaises(AccessError):
                call_kw(env[model], "read", [records.ids, ["create_uid"]], {})
        # the officer reads them, without a name, and writes nothing
        env = self.env(user=self.user_officer)
        rows = call_kw(
            env["survey.user_input"],
            "search_read",
            [[("performance_review_id", "=", review.id), ("state", "=", "done")]],
            {
                "fields": [
                    "partner_id",
                    "email",
                    "create_uid",
                    "write_uid",
                    "performance_request_id",
                ]
            },
        )
        self.assertEqual(len(rows), 2)
        for row in rows:
            self.assertFalse(row["partner_id"] or row["email"] or row["performance_request_id"])
            self.assertEqual(row["create_uid"][0], SUPERUSER_ID)
            self.assertEqual(row["write_uid"][0], SUPERUSER_ID)
        with self.assertRaises(AccessError):
            call_kw(env["survey.user_input"], "write", [inputs[:1].ids, {"partner_id": False}], {})
        # an open answer (Pat's own on Paula) stays out of the officer's reach
        open_input = self.input_of(self.review_of(self.portal_employee), self.peer)
        self.assertTrue(open_input)
        with self.assertRaises(AccessError):
            call_kw(env["survey.user_input"], "read", [open_input.ids, ["state"]], {})

    def test_free_text_stays_for_quick_asks(self):
        self.launch()
        review = self.review_of(self.employee)
        request = self.input_of(review, self.peer).performance_request_id
        with self.assertRaises(UserError):
            request.with_user(self.user_peer).action_answer("<p>Text instead</p>")
        wizard = (
            self.env["performance.feedback.request.wizard"]
            .with_user(self.user_manager)
            .with_context(default_review_id=review.id)
            .create(
                {
                    "employee_id": self.employee.id,
                    "author_ids": [Command.set(self.director.ids)],
                    "date_deadline": "2026-11-20",
                }
            )
        )
        wizard.action_request()
        quick = self.env["performance.feedback"].search([("author_id", "=", self.director.id)])
        self.assertFalse(quick.survey_id)
        self.assertFalse(quick.with_user(self.user_director).survey_start_url)
        quick.with_user(self.user_director).action_answer("<p>Quick word</p>")
        self.assertEqual(quick.state, "done")

    def test_cancelled_request_takes_its_open_answer(self):
        self.cycle.peer_anonymous = False
        self.launch()
        review = self.review_of(self.employee)
        user_input = self.input_of(review, self.peer)
        user_input.performance_request_id.with_user(self.user_manager).action_cancel()
        self.assertFalse(user_input.exists())

    def test_rater_without_user_is_invited_by_survey_mail(self):
        self.nouser_employee.work_email = "noah@example.com"
        self.launch()
        review = self.review_of(self.nouser_employee)
        own = self.input_of(review, role="self")
        self.assertFalse(own.partner_id)
        self.assertEqual(own.email, "noah@example.com")
        mail = self.env["mail.mail"].search(
            [("model", "=", "survey.user_input"), ("res_id", "=", own.id)]
        )
        self.assertEqual(len(mail), 1)
        self.assertIn(own.access_token, mail.body_html)

    def test_officer_designs_questionnaires_and_reads_a_cycle_per_question(self):
        survey_form = Form(
            self.env["survey.survey"]
            .with_user(self.user_officer)
            .with_context(default_survey_type="performance")
        )
        survey_form.title = "Officer's 360"
        survey = survey_form.save()
        self.assertEqual(survey.survey_type, "performance")
        self.assertEqual(survey.access_mode, "token")
        # a questionnaire without question is refused by the template (issue 31)
        survey.question_and_page_ids = [
            Command.create({"title": "Growth", "question_type": "text_box"})
        ]
        template_form = Form(self.template.with_user(self.user_admin))
        template_form.survey_manager_id = survey
        template_form.save()
        # survey's other surveys stay survey's
        other = self.env["survey.survey"].create({"title": "Canteen", "survey_type": "survey"})
        self.assertFalse(
            self.env["survey.survey"].with_user(self.user_officer).search([("id", "=", other.id)])
        )
        # the cycle's answers per question: released ones only
        self.launch()
        review = self.review_of(self.employee)
        self.answer(self.input_of(review, self.peer), self.user_peer, "Always", "Often", "Pat")
        action = self.env.ref(
            "performance_management.survey_user_input_line_action_performance_cycle"
        )
        domain = safe_eval(action.domain, {"active_id": self.cycle.id})
        Line = self.env["survey.user_input.line"].with_user(self.user_officer)
        self.assertFalse(Line.search(domain))
        self.answer(
            self.input_of(review, self.portal_employee), self.user_portal, "Often", "Often", "P"
        )
        groups = Line._read_group(domain, ["question_id"], ["answer_score:sum", "__count"])
        scores = {question.title: (score, count) for question, score, count in groups}
        self.assertEqual(scores["Teamwork"], (6, 2))
        self.assertEqual(scores["Delivery"], (4, 2))

    def test_reports_and_the_manager_get_their_own_questionnaires(self):
        report_survey = self._make_survey("Report 360")
        manager_survey = self._make_survey("Manager 360")
        self.template.write(
            {"survey_report_id": report_survey.id, "survey_manager_id": manager_survey.id}
        )
        self.launch()
        # Mia's direct reports with a user answer the report questionnaire about her
        manager_review = self.review_of(self.manager)
        reports = self.UserInput.search(
            [
                ("performance_review_id", "=", manager_review.id),
                ("performance_role", "=", "report"),
            ]
        )
        self.assertEqual(reports.survey_id, report_survey)
        self.assertEqual(
            reports.performance_request_id.author_id,
            self.employee | self.peer | self.portal_employee,
        )
        self.assertEqual(reports.performance_request_id.survey_id, report_survey)
        self.assertTrue(reports.performance_request_id.activity_ids)
        # her reviewer (Dana) answers the manager questionnaire, by her own link
        own = self.input_of(manager_review, role="manager")
        self.assertEqual(own.survey_id, manager_survey)
        self.assertEqual(own.partner_id, self.user_director.partner_id)
        self.assertEqual(str(own.deadline), "2026-11-30 23:59:59")
        self.assertIn(
            own.access_token, manager_review.with_user(self.user_director).survey_start_url
        )
        self.assertFalse(manager_review.with_user(self.user_employee).survey_start_url)
