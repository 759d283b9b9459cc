"""A 360 rater without a user, only a work e-mail: the launch asks him like a colleague with a
user, his invitation names whom he rates, the cycle and the deadline, and he answers through
its token link without logging in, anonymously where the cycle asks so."""

import re

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from .test_survey_360 import Survey360Case

NOAH_EMAIL = "noah@example.com"


class RaterWithoutUserCase(Survey360Case):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.nouser_employee.work_email = NOAH_EMAIL

    def _invitations(self):
        return self.env["mail.mail"].search([("email_to", "=", NOAH_EMAIL)])

    def _request_of(self, review, author):
        return self.env["performance.feedback"].search(
            [("review_id", "=", review.id), ("author_id", "=", author.id)]
        )

    def _start_url(self, mail):
        return re.search(r'href="([^"]*/survey/start/[^"]*)"', mail.body_html).group(1)


@tagged("post_install", "-at_install")
@freeze_time("2026-11-01")
class TestAnonymousInvitation(RaterWithoutUserCase):
    def test_anonymous_rater_without_user_is_invited_apart_per_colleague(self):
        """Noah rates Eli, Pat and Paula anonymously: one mail each at his work e-mail,
        naming the person rated, the cycle and the deadline; the answers keep nothing of
        him and the mails are tied to none of them."""
        # the deadline is the cycle's day wherever the launcher is, not the next one
        self.user_officer.tz = "Europe/Brussels"
        self.launch()
        rated = self.employee | self.peer | self.portal_employee
        # his own review's mails aside (named: his self questionnaire, his review)
        mails = self._invitations().filtered(lambda m: "Peer 360" in m.subject)
        self.assertEqual(len(mails), len(rated))
        self.assertEqual(len(set(mails.mapped("subject"))), len(rated), "told apart")
        for employee in rated:
            with self.subTest(rated=employee.name):
                review = self.review_of(employee)
                request = self._request_of(review, self.nouser_employee)
                self.assertTrue(request.anonymous)
                user_input = self.UserInput.search([("performance_request_id", "=", request.id)])
                self.assertTrue(user_input.performance_anonymous)
                self.assertFalse(user_input.partner_id or user_input.email or user_input.nickname)
                mail = mails.filtered(lambda m, t=user_input.access_token: t in m.body_html)
                self.assertEqual(len(mail), 1, "one invitation per answer")
                self.assertIn(employee.name, mail.subject)
                self.assertIn(self.cycle.name, mail.subject)
                self.assertIn("11/20/2026", mail.subject, "the peer deadline")
                self.assertIn(employee.name, mail.body_html)
                self.assertIn("Noah Nouser", mail.body_html, "greeted by his name")
                self.assertNotIn("participant", mail.body_html)
                self.assertIn("Your questionnaire", mail.body_html, "the layout's header")
                self.assertNotIn("Survey User Input", mail.body_html)
                self.assertIn(f"/survey/start/{self.survey.access_token}", self._start_url(mail))
                # nothing but the token in the body leads from the mail to the answer
                self.assertFalse(mail.model or mail.res_id)
                self.assertTrue(mail.auto_delete)
        # no to-do for a rater who has no user, nor for whoever launched
        activities = self.env["mail.activity"].search(
            [
                ("res_model", "=", "performance.feedback"),
                ("res_id", "in", self.env["performance.feedback"].search([]).ids),
            ]
        )
        self.assertNotIn(self.user_officer, activities.user_id)

    def test_named_rater_without_user_is_invited_by_name(self):
        self.cycle.peer_anonymous = False
        self.launch()
        review = self.review_of(self.employee)
        request = self._request_of(review, self.nouser_employee)
        user_input = self.UserInput.search([("performance_request_id", "=", request.id)])
        self.assertEqual(user_input.email, NOAH_EMAIL)
        self.assertFalse(user_input.partner_id)
        mail = self.env["mail.mail"].search(
            [("model", "=", "survey.user_input"), ("res_id", "=", user_input.id)]
        )
        self.assertEqual(mail.email_to, NOAH_EMAIL)
        self.assertIn(self.employee.name, mail.subject)
        self.assertIn(user_input.access_token, mail.body_html)
        self.assertIn("Your questionnaire", mail.body_html)
        self.assertNotIn("Survey User Input", mail.body_html)

    def _assert_reminded_once(self):
        Feedback = self.env["performance.feedback"]
        requests = Feedback.search([("author_id", "=", self.nouser_employee.id)])
        self.assertTrue(requests)
        sent = self._invitations()
        with freeze_time("2026-11-19"):
            Feedback._cron_remind_overdue_requests()
        self.assertEqual(self._invitations(), sent, "not before the deadline")
        with freeze_time("2026-11-21"):
            Feedback._cron_remind_overdue_requests()
            reminders = self._invitations() - sent
            self.assertEqual(len(reminders), len(requests), "one per open questionnaire")
            Feedback._cron_remind_overdue_requests()
        self.assertEqual(self._invitations() - sent, reminders, "reminded once")
        # nobody but him learns he is late: no to-do, no message on the request
        self.assertFalse(
            self.env["mail.activity"].search(
                [("res_model", "=", "performance.feedback"), ("res_id", "in", requests.ids)]
            )
        )
        return reminders

    def test_late_anonymous_rater_without_user_is_reminded_once(self):
        self.launch()
        reminders = self._assert_reminded_once()
        self.assertTrue(all(not m.model and not m.res_id for m in reminders), "tied to nothing")

    def test_late_named_rater_without_user_is_reminded_once(self):
        self.cycle.peer_anonymous = False
        self.launch()
        reminders = self._assert_reminded_once()
        self.assertEqual(set(reminders.mapped("model")), {"survey.user_input"})

    def test_colleague_without_user_nor_email_is_not_asked(self):
        self.nouser_employee.work_email = False
        self.launch()
        review = self.review_of(self.employee)
        self.assertFalse(self._request_of(review, self.nouser_employee))
        self.assertFalse(self._invitations())

    def test_colleague_without_user_is_not_asked_a_free_text(self):
        """Without a questionnaire, nothing lets a rater without a user answer."""
        self.template.survey_peer_id = False
        self.launch()
        review = self.review_of(self.employee)
        self.assertFalse(self._request_of(review, self.nouser_employee))


@tagged("post_install", "-at_install")
class TestAnswerThroughTheLink(RaterWithoutUserCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._launch_today()

    def _submit(self, url, teamwork, delivery, text):
        pattern = r"/survey/start/([^/?]+)\?answer_token=([^&]+)"
        survey_token, answer_token = re.search(pattern, url).groups()
        base = self.survey.get_base_url()
        response = self.url_open(
            f"{base}/survey/begin/{survey_token}/{answer_token}",
            json={"params": {"lang_code": "en_US"}},
        )
        self.assertEqual(response.status_code, 200)
        post = {"token": answer_token}
        for question, value in zip(
            self.survey.question_ids.sorted("sequence"), (teamwork, delivery, text), strict=True
        ):
            if question.question_type == "simple_choice":
                value = question.suggested_answer_ids.filtered(lambda a, v=value: a.value == v).id
            post[str(question.id)] = str(value)
        response = self.url_open(
            f"{base}/survey/submit/{survey_token}/{answer_token}", json={"params": post}
        )
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("error", response.text)

    def test_answers_through_the_link_and_counts_anonymously(self):
        """Without logging in, Noah opens Eli's questionnaire from his mail, sees whom he
        rates, answers; the answer counts in Eli's 360 summary once a second rater is in,
        without his name."""
        mail = self._invitations().filtered(lambda m: self.employee.name in m.subject)
        self.assertEqual(len(mail), 1)
        url = self._start_url(mail).replace("&amp;", "&")
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("o_pm_survey_about", page.text)
        self.assertIn(self.employee.name, page.text)
        self.assertIn(self.cycle.name, page.text)
        self.assertNotIn("/web/login", page.url)
        self._submit(url, "Always", "Always", "Noah says hi")
        self.env.invalidate_all()
        review = self.review
        request = self._request_of(review, self.nouser_employee)
        self.assertTrue(request.anonymous_answered)
        submitted = self.UserInput.search(
            [("performance_review_id", "=", review.id), ("state", "=", "done")]
        )
        self.assertEqual(len(submitted), 1)
        self.assertFalse(submitted.partner_id or submitted.email or submitted.nickname)
        self.assertFalse(submitted.performance_request_id)
        # alone, his answer says nothing yet
        summary = review.with_user(self.user_employee).peer_feedback_summary or ""
        self.assertNotIn("Noah says hi", summary)
        # a second rater releases the batch: both count, nobody named
        self.answer(self.input_of(review, self.peer), self.user_peer, "Often", "Often", "Pat")
        summary = review.with_user(self.user_employee).peer_feedback_summary
        self.assertIn("Peer 360: 2 answers", summary)
        self.assertIn("Noah says hi", summary)
        self.assertNotIn("Noah Nouser", summary)
        # his request shows answered with its batch
        self.assertEqual(self._request_of(review, self.nouser_employee).state, "answered")
