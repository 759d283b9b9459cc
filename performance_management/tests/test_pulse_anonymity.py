from freezegun import freeze_time

from odoo import SUPERUSER_ID
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import PulseCase

IDENTIFYING = [
    "partner_id",
    "email",
    "nickname",
    "create_uid",
    "write_uid",
    "start_datetime",
    "end_datetime",
    "deadline",
    "performance_pulse_participant_id",
    "performance_pulse_department_id",
    "performance_pulse_manager_id",
    "performance_pulse_rating_id",
]


@tagged("post_install", "-at_install")
@freeze_time("2026-11-02")
class TestPulseCadence(PulseCase):
    def test_the_job_run_twice_creates_nothing_twice(self):
        mails = self.env["mail.mail"].sudo()
        before = mails.search_count([])
        self.run_pulse_cron()
        pulse_round = self.schedule.round_ids
        self.assertEqual(len(pulse_round), 1)
        invited = pulse_round.sudo().participant_ids
        employees = (
            self.director
            | self.manager
            | self.employee
            | self.peer
            | self.portal_employee
            | self.nouser_employee
            | self.officer
            | self.admin
            | self.other_manager
            | self.other_employee
        )
        self.assertEqual(invited.employee_id, employees)
        inputs = self.UserInput.sudo().search(
            [("performance_pulse_round_id", "=", pulse_round.id)]
        )
        self.assertEqual(len(inputs), 10)
        sent = mails.search_count([]) - before
        self.assertEqual(str(self.schedule.next_date), "2026-12-02")
        self.run_pulse_cron()
        self.assertEqual(self.schedule.round_ids, pulse_round)
        self.assertEqual(pulse_round.sudo().participant_ids, invited)
        self.assertEqual(
            self.UserInput.sudo().search_count(
                [("performance_pulse_round_id", "=", pulse_round.id)]
            ),
            10,
        )
        self.assertEqual(mails.search_count([]) - before, sent)
        # the users get the link to their list, never their token in a mail
        bodies = " ".join(mails.search([], order="id desc", limit=sent).mapped("body_html"))
        for user_input in inputs.filtered(
            lambda i: i.performance_pulse_participant_id.employee_id.user_id
        ):
            self.assertNotIn(user_input.access_token, bodies)
        self.assertIn("/my/pulse", bodies)

    def test_a_new_employee_joins_the_open_round_once(self):
        self.run_pulse_cron()
        newcomer = self.env["hr.employee"].create(
            {"name": "Nina New", "department_id": self.department.id}
        )
        self.run_pulse_cron()
        self.run_pulse_cron()
        participants = self.schedule.round_ids.sudo().participant_ids
        self.assertEqual(len(participants.filtered(lambda p: p.employee_id == newcomer)), 1)

    def test_the_round_closes_past_its_deadline(self):
        self.run_pulse_cron()
        with freeze_time("2026-11-20"):
            self.run_pulse_cron()
        self.assertEqual(self.schedule.round_ids.state, "closed")


@tagged("post_install", "-at_install")
@freeze_time("2026-11-02")
class TestPulseAnonymity(PulseCase):
    """No answer is linkable to a person through ids, dates, counts or exports."""

    def _count(self, user, model, survey):
        """What ``user`` counts of the survey's answers: refused counts nothing."""
        try:
            return self.env[model].with_user(user).search_count([("survey_id", "=", survey.id)])
        except AccessError:
            return 0

    def test_a_submitted_answer_leaves_no_trace_of_its_author(self):
        self.run_pulse_cron()
        answer = self.answer_pulse(self.employee, 9, 4, "Eli's words")
        stored = self.UserInput.browse(answer.id).with_user(SUPERUSER_ID)
        self.assertEqual(stored.state, "done")
        self.assertFalse(
            stored.partner_id or stored.email or stored.performance_pulse_participant_id
        )
        self.assertEqual(stored.create_uid.id, SUPERUSER_ID)
        self.assertEqual(stored.write_uid.id, SUPERUSER_ID)
        self.assertFalse(stored.start_datetime or stored.end_datetime)
        self.assertEqual(set(stored.user_input_line_ids.create_uid.ids), {SUPERUSER_ID})
        # nobody reads it, nor counts it, before its round is released
        for user in (self.user_officer, self.user_manager, self.user_employee, self.user_admin):
            with self.subTest(user=user.login):
                for model in ("survey.user_input", "survey.user_input.line"):
                    self.assertFalse(self._count(user, model, self.pulse_survey))
                with self.assertRaises(AccessError):
                    stored.with_user(user).read(["state"])
        pulse_round = self.schedule.round_ids.with_user(self.user_officer)
        self.assertEqual(pulse_round.answer_count, 0, "an open round counts nothing")
        self.assertFalse(self.Result.with_user(self.user_officer).search([]))
        # his invitation no longer tells whether he answered, but to himself
        participant = pulse_round.participant_ids.filtered(
            lambda p: p.employee_id == self.employee
        )
        self.assertFalse(participant.with_user(self.user_employee).start_url)
        self.assertFalse(participant.with_user(self.user_employee)._get_to_answer())
        other = pulse_round.participant_ids.filtered(lambda p: p.employee_id == self.peer)
        self.assertFalse(other.start_url, "the officer gets no one's answer link")
        self.assertTrue(other.with_user(self.user_peer).start_url)

    def test_released_answers_are_anonymous_copies(self):
        self.run_pulse_cron()
        people = [self.employee, self.peer, self.portal_employee, self.nouser_employee]
        originals = self.UserInput.browse()
        for person, (enps, score) in zip(people, [(3, 2), (10, 5), (7, 3), (9, 4)], strict=True):
            originals |= self.answer_pulse(person, enps, score, f"Comment {enps}")
        pulse_round = self.schedule.round_ids
        pulse_round.with_user(self.user_officer).action_close()
        self.assertFalse(originals.exists(), "the answers and tokens of the people are gone")
        self.assertFalse(
            self.UserInput.sudo().search(
                [
                    ("performance_pulse_round_id", "=", pulse_round.id),
                    ("performance_pulse_released", "=", False),
                ]
            ),
            "nor the tokens nobody used",
        )
        copies = self.UserInput.with_user(self.user_officer).search(
            [("survey_id", "=", self.pulse_survey.id)], order="id"
        )
        self.assertEqual(len(copies), 4)
        self.assertGreater(min(copies.ids), max(originals.ids))
        enps_question = self.pulse_questions.filtered("performance_enps")
        values = [
            c.user_input_line_ids.filtered(
                lambda line: line.question_id == enps_question
            ).value_scale
            for c in copies
        ]
        self.assertEqual(values, sorted(values, key=str), "in the order of what they say")
        for records in (copies, copies.user_input_line_ids):
            self.assertEqual(len(set(records.mapped("create_date"))), 1)
            self.assertEqual(len(set(records.mapped("write_date"))), 1)
        # what the officer exports names no one
        self.user_officer.group_ids |= self.env.ref("base.group_allow_export")
        exported = copies.export_data(IDENTIFYING)["datas"]
        for row in exported:
            for value in row:
                self.assertIn(value, ("", False, None, "OdooBot", "System"), row)
        text = str(copies.export_data(["user_input_line_ids/display_name"])["datas"])
        for person in people:
            self.assertNotIn(person.name, text)
        self.assertIn("Comment 10", text)
        # the manager, the employee and the admin of another company read none of them
        for user in (self.user_manager, self.user_employee, self.user_officer_b):
            with self.subTest(user=user.login):
                self.assertFalse(self._count(user, "survey.user_input", self.pulse_survey))
        with self.assertRaises(AccessError):
            copies[0].with_user(self.user_officer).write({"state": "new"})

    def test_a_round_under_the_threshold_releases_nothing(self):
        self.run_pulse_cron()
        self.answer_pulse(self.employee, 9, 4)
        self.answer_pulse(self.peer, 2, 1)
        pulse_round = self.schedule.round_ids
        pulse_round.action_close()
        self.assertEqual(pulse_round.state, "closed")
        self.assertFalse(pulse_round.released)
        self.assertFalse(self.Result.search([("round_id", "=", pulse_round.id)]))
        self.assertFalse(
            self.UserInput.sudo().search_count(
                [("performance_pulse_round_id", "=", pulse_round.id)]
            )
        )

    def test_a_team_under_the_threshold_sees_nothing(self):
        """Olga answers alone for Otto's team and for Sales: nothing is shown of them, and no
        figure shown lets anyone take them out by difference (R&D and the company would)."""
        self.run_pulse_cron()
        for person, enps in (
            (self.employee, 10),
            (self.peer, 9),
            (self.portal_employee, 8),
            (self.nouser_employee, 7),
            (self.manager, 6),
            (self.director, 5),
            (self.officer, 4),
            (self.other_employee, 0),
        ):
            self.answer_pulse(person, enps, 3)
        self.schedule.round_ids.action_close()
        officer_rows = self.Result.with_user(self.user_officer).search([])
        self.assertFalse(officer_rows.filtered(lambda r: r.manager_id == self.other_manager))
        self.assertFalse(officer_rows.filtered(lambda r: r.department_id == self.other_department))
        self.assertFalse(
            officer_rows.filtered(lambda r: r.department_id == self.department),
            "R&D is the company less Olga: shown, it would give her answer",
        )
        self.assertTrue(officer_rows.filtered(lambda r: r.manager_id == self.manager))
        self.assertFalse(self.Result.with_user(self.user_other_manager).search([]))
        self.assertFalse(self.Result.with_user(self.user_other_employee).search([]))
        self.assertFalse(self.Result.with_user(self.user_other_manager).search_count([]))


@tagged("post_install", "-at_install")
class TestPulseQuestionnaireRights(PulseCase):
    def test_administrators_edit_the_questionnaire_others_cannot(self):
        question = self.pulse_questions[1]
        question.with_user(self.user_admin).write({"title": "I am proud of what we build."})
        self.assertEqual(question.title, "I am proud of what we build.")
        self.pulse_survey.with_user(self.user_admin).write({"title": "Our pulse"})
        survey_manager = self.env["res.users"].create(
            {
                "name": "Sam Survey",
                "login": "pm_survey_manager",
                "group_ids": [(6, 0, [self.env.ref("survey.group_survey_manager").id])],
            }
        )
        for user in (self.user_officer, self.user_employee, self.user_manager, survey_manager):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    question.with_user(user).write({"title": "Changed"})
                with self.assertRaises(AccessError):
                    self.pulse_survey.with_user(user).write({"survey_type": "survey"})
                with self.assertRaises(AccessError):
                    self.env["survey.question"].with_user(user).create(
                        {"survey_id": self.pulse_survey.id, "title": "Who are you?"}
                    )
        self.assertTrue(self.pulse_survey.with_user(self.user_officer).title, "officers read it")

    def test_no_answer_is_made_up_or_tied_to_a_round_from_outside(self):
        self.run_pulse_cron()
        pulse_round = self.schedule.round_ids
        with self.assertRaises(UserError):
            self.pulse_survey.sudo()._create_answer(user=self.user_employee)
        survey_user = self.env["res.users"].create(
            {
                "name": "Sue Survey",
                "login": "pm_survey_user",
                "group_ids": [(6, 0, [self.env.ref("survey.group_survey_manager").id])],
            }
        )
        plain = self.env["survey.survey"].with_user(survey_user).create({"title": "Plain"})
        with self.assertRaises(AccessError):
            self.UserInput.with_user(survey_user).create(
                {"survey_id": plain.id, "performance_pulse_round_id": pulse_round.id}
            )
        own = self.UserInput.with_user(survey_user).create({"survey_id": plain.id})
        with self.assertRaises(AccessError):
            own.write({"performance_pulse_released": True})
        with self.assertRaises(AccessError):
            self.env["performance.pulse.schedule"].with_user(self.user_officer).create(
                {"name": "Mine", "survey_id": self.pulse_survey.id}
            )
        with self.assertRaises(AccessError):
            pulse_round.with_user(self.user_employee).action_close()
