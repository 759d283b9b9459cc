from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import tagged

from .common import PulseCase

# (employee attribute, eNPS answer, engagement answer) of seven known answers: Mia's team
# of four, Mia herself (Dana's team, alone), Dana and Olivia (no manager)
KNOWN = [
    ("employee", 10, 5),
    ("peer", 9, 4),
    ("portal_employee", 8, 4),
    ("nouser_employee", 7, 3),
    ("manager", 6, 2),
    ("director", 3, 1),
    ("officer", 10, 5),
]


@tagged("post_install", "-at_install")
@freeze_time("2026-11-02")
class TestPulseResults(PulseCase):
    """eNPS and means of known answers, per company, department and team."""

    def _answer_known(self):
        self.run_pulse_cron()
        for attribute, enps, score in KNOWN:
            self.answer_pulse(getattr(self, attribute), enps, score)

    def _rows(self, user, **filters):
        domain = [(field, "=", value) for field, value in filters.items()]
        return self.Result.with_user(user).search(domain)

    def test_enps_and_means_of_known_answers(self):
        self._answer_known()
        pulse_round = self.schedule.round_ids
        pulse_round.with_user(self.user_officer).action_close()
        enps_question = self.pulse_questions.filtered("performance_enps")
        proud = self.pulse_questions.filtered(lambda q: q.title.startswith("I am proud"))
        company = self._rows(self.user_officer, dimension="company")
        # promoters 10, 9, 10; detractors 6, 3: (3 - 2) / 7
        enps_row = company.filtered(lambda r: r.question_id == enps_question)
        self.assertAlmostEqual(enps_row.enps, 14.3)
        self.assertAlmostEqual(enps_row.mean, 53 / 7, places=2)
        self.assertEqual(enps_row.answer_count, 7)
        self.assertAlmostEqual(
            company.filtered(lambda r: r.question_id == proud).mean, 24 / 7, places=2
        )
        # the lists show an eNPS on the eNPS question's rows only, not a 0 on the others
        self.assertEqual(company.mapped("is_enps").count(True), 1)
        self.assertTrue(enps_row.is_enps)
        arch = self.Result.with_user(self.user_officer).get_views([(False, "list")])["views"]
        self.assertIn('name="enps" invisible="not is_enps"', arch["list"]["arch"])
        self.assertAlmostEqual(pulse_round.with_user(self.user_officer).enps, 14.3)
        self.assertEqual(pulse_round.with_user(self.user_officer).answer_count, 7)
        # Mia's team: 10, 9, 8, 7: two promoters, no detractor
        team = self._rows(self.user_officer, dimension="team")
        self.assertEqual(team.manager_id, self.manager, "Dana's team of one is not shown")
        self.assertEqual(team.filtered(lambda r: r.question_id == enps_question).enps, 50.0)
        self.assertEqual(team.filtered(lambda r: r.question_id == proud).mean, 4.0)
        department = self._rows(self.user_officer, dimension="department")
        self.assertEqual(department.department_id, self.department)
        self.assertEqual(len(department), 6, "one row per scale question, no comment")
        heatmap = pulse_round.with_user(self.user_officer).heatmap_html
        self.assertIn("Performance R&amp;D", heatmap)
        self.assertIn("+14", heatmap)

    def test_trend_over_rounds(self):
        self._answer_known()
        self.schedule.round_ids.action_close()
        with freeze_time("2026-12-03"):
            self.run_pulse_cron()
            second = self.schedule.round_ids.filtered(lambda r: r.state == "open")
            self.assertEqual(len(second), 1)
            for attribute, _enps, score in KNOWN:
                self.answer_pulse(getattr(self, attribute), 10, score)
            second.action_close()
        enps_question = self.pulse_questions.filtered("performance_enps")
        rows = self._rows(
            self.user_officer, dimension="company", question_id=enps_question.id
        ).sorted("date")
        self.assertEqual([str(d) for d in rows.mapped("date")], ["2026-11-02", "2026-12-02"])
        self.assertEqual(rows.mapped("enps"), [14.3, 100.0])

    def test_a_manager_sees_his_team_only_and_employees_nothing(self):
        self._answer_known()
        self.schedule.round_ids.action_close()
        mine = self._rows(self.user_manager)
        self.assertTrue(mine)
        self.assertEqual(set(mine.mapped("dimension")), {"team"})
        self.assertEqual(mine.manager_id, self.manager)
        for user in (self.user_employee, self.user_director, self.user_other_manager):
            with self.subTest(user=user.login):
                self.assertFalse(self._rows(user))
        self.assertFalse(self._rows(self.user_officer_b), "another company's officer")
        with self.assertRaises(AccessError):
            mine[0].with_user(self.user_manager).write({"mean": 5.0})

    def test_engagement_by_rating_band_only_past_the_threshold(self):
        scale = self.env["performance.rating.scale"].create(
            {
                "name": "Two levels",
                "level_ids": [
                    Command.create({"value": 1, "name": "Meets", "target_percent": 50}),
                    Command.create({"value": 2, "name": "Exceeds", "target_percent": 50}),
                ],
            }
        )
        level = scale.level_ids[0]
        bands = {}
        for attribute in ("employee", "peer", "portal_employee"):
            bands[getattr(self, attribute).id] = level.id
        self.run_pulse_cron()
        inputs = self.UserInput.sudo().search(
            [("performance_pulse_participant_id.employee_id", "in", list(bands))]
        )
        # as the invitation records the rating of the latest review
        inputs.write({"performance_pulse_rating_id": level.id})
        for attribute, enps, score in KNOWN:
            self.answer_pulse(getattr(self, attribute), enps, score)
        self.schedule.round_ids.action_close()
        band_rows = self._rows(self.user_officer, dimension="band")
        self.assertEqual(band_rows.rating_id, level)
        self.assertEqual(set(band_rows.mapped("answer_count")), {3})
        self.assertFalse(band_rows.department_id or band_rows.manager_id)
