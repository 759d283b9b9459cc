from odoo.tests import HttpCase, tagged

from .common import PulseCase


@tagged("post_install", "-at_install")
class TestPulsePortalPhone(PulseCase, HttpCase):
    """A portal employee answers her pulse from /my on a phone; survey's routes then show
    nothing of who answered."""

    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # without a frozen clock: the browser and the server share the real date
        cls.env["performance.pulse.schedule"]._cron_run_pulses()
        cls.pulse_round = cls.schedule.round_ids

    def test_tour_answer_a_pulse_on_a_phone(self):
        answer = self.pulse_input(self.portal_employee)
        self.start_tour("/my", "performance_pulse_portal_phone", login="pm_portal")
        answer = answer.sudo()
        self.assertEqual(answer.state, "done")
        self.assertFalse(
            answer.partner_id or answer.email or answer.performance_pulse_participant_id
        )
        enps = answer.user_input_line_ids.filtered(lambda line: line.question_id.performance_enps)
        self.assertEqual(enps.value_scale, 9)
        self.authenticate("pm_portal", "pm_portal")
        page = self.url_open("/my/pulse")
        self.assertIn("No pulse to answer", page.text)

    def test_print_retry_and_results_show_no_one(self):
        pat = self.pulse_input(self.peer)
        token = pat.access_token
        self.answer_pulse(self.peer, 9, 4, "Clear goals")
        self.authenticate("pm_peer", "pm_peer")
        survey = self.pulse_survey
        printed = self.url_open(
            f"/survey/print/{survey.access_token}", params={"answer_token": token}
        )
        self.assertEqual(printed.status_code, 200)
        self.assertNotIn("Pat Peer", printed.text)
        before = self.UserInput.sudo().search_count([("survey_id", "=", survey.id)])
        self.url_open(f"/survey/retry/{survey.access_token}/{token}")
        self.url_open(f"/survey/start/{survey.access_token}")
        self.assertEqual(
            self.UserInput.sudo().search_count([("survey_id", "=", survey.id)]), before
        )
        results = self.url_open(f"/survey/results/{survey.id}")
        self.assertIn(results.status_code, (403, 404), "survey's results are the officers'")
        for person, enps in ((self.employee, 10), (self.portal_employee, 3)):
            self.answer_pulse(person, enps, 3, f"Words {enps}")
        self.pulse_round.with_user(self.user_officer).action_close()
        printed = self.url_open(
            f"/survey/print/{survey.access_token}", params={"answer_token": token}
        )
        self.assertNotIn("Clear goals", printed.text, "released: his token leads nowhere")
        self.authenticate("pm_officer", "pm_officer")
        results = self.url_open(f"/survey/results/{survey.id}")
        self.assertEqual(results.status_code, 200)
        self.assertIn("Clear goals", results.text)
        for name in ("Pat Peer", "pm_peer", "Eli Employee", "Paula Portal", "pm_portal"):
            self.assertNotIn(name, results.text)
