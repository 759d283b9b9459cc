from odoo import SUPERUSER_ID
from odoo.tests import HttpCase, new_test_user, tagged

from .test_survey_360 import Survey360Case


@tagged("post_install", "-at_install")
class TestSurvey360Tour(Survey360Case, HttpCase):
    """A portal peer answers in Chromium; survey's result page is the officers' only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._launch_today()

    def test_portal_peer_answers_the_questionnaire(self):
        request = self.env["performance.feedback"].search(
            [("review_id", "=", self.review.id), ("author_id", "=", self.portal_employee.id)]
        )
        self.start_tour(
            f"/my/performance/feedback/{request.id}",
            "performance_survey_360_portal",
            login="pm_portal",
        )
        answer = self.UserInput.search(
            [("performance_review_id", "=", self.review.id), ("state", "=", "done")]
        )
        self.assertEqual(len(answer), 1)
        self.assertFalse(answer.partner_id or answer.email or answer.performance_request_id)
        for records in (answer, answer.user_input_line_ids):
            self.assertEqual(records.create_uid.ids, [SUPERUSER_ID])
            self.assertEqual(records.write_uid.ids, [SUPERUSER_ID])
        self.assertIn(
            "Keep running the demos every Friday",
            answer.user_input_line_ids.mapped("value_text_box"),
        )
        self.assertFalse(request.with_user(self.user_portal).survey_start_url)

    def test_result_page_is_the_officers_and_shows_released_answers_only(self):
        peer_input = self.UserInput.search(
            [
                ("performance_review_id", "=", self.review.id),
                ("performance_request_id.author_id", "=", self.peer.id),
            ]
        )
        answer = peer_input.with_user(self.user_peer).sudo()
        answer._mark_in_progress()
        text = self.survey.question_ids.filtered(lambda q: q.question_type == "text_box")
        answer._save_lines(text, "UNRELEASED-WORD")
        answer._mark_done()
        url = f"/survey/results/{self.survey.id}?performance_cycle_id={self.cycle.id}"
        new_test_user(self.env, login="pm_survey_user", groups="survey.group_survey_user")
        for login in ("pm_employee", "pm_peer", "pm_survey_user"):
            with self.subTest(login=login):
                self.authenticate(login, login)
                self.assertIn(self.url_open(url).status_code, (403, 404))
        self.authenticate("pm_officer", "pm_officer")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Teamwork", response.text)
        self.assertNotIn("UNRELEASED-WORD", response.text)
