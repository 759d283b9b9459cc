from markupsafe import Markup

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools import OFFICER_GROUP, FiniteFloat, is_officer
from ..tools.cron import commit_cron_batch


class PerformancePulseRound(models.Model):
    """One sending of a pulse questionnaire: its invitations, then its released figures.

    Its answers are released once, when it closes, and only when at least the company's
    anonymity threshold of people answered: the figures per group are computed then, each
    group past the threshold, and the answers themselves replaced by copies that name no
    one, carry no date and come in the order of what they say.
    """

    _name = "performance.pulse.round"
    _description = "Pulse Round"
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    schedule_id = fields.Many2one(
        "performance.pulse.schedule",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one("res.company", required=True, index=True)
    survey_id = fields.Many2one(
        "survey.survey", string="Questionnaire", required=True, check_company=True
    )
    date_start = fields.Date(string="Opened", required=True)
    date_deadline = fields.Date(string="Deadline", required=True)
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")], default="open", required=True, index=True
    )
    participant_ids = fields.One2many(
        "performance.pulse.participant", "round_id", string="Invited", groups=OFFICER_GROUP
    )
    invited_count = fields.Integer(compute="_compute_invited_count", groups=OFFICER_GROUP)
    answer_count = fields.Integer(
        string="Answers",
        readonly=True,
        groups=OFFICER_GROUP,
        help="Counted when the round closes: an open round tells nobody how many answered.",
    )
    released = fields.Boolean(
        readonly=True, help="Enough people answered: the round's figures are out."
    )
    enps = FiniteFloat(string="eNPS", readonly=True, aggregator="avg", groups=OFFICER_GROUP)
    result_ids = fields.One2many("performance.pulse.result", "round_id", string="Results")
    heatmap_html = fields.Html(
        string="Heatmap", compute="_compute_heatmap_html", sanitize=False, groups=OFFICER_GROUP
    )

    _one_round_a_date = models.UniqueIndex(
        "(schedule_id, date_start)", "A schedule opens one round a date."
    )

    @api.depends("schedule_id.name", "date_start")
    def _compute_name(self):
        for pulse_round in self:
            pulse_round.name = self.env._(
                "%(schedule)s, %(date)s",
                schedule=pulse_round.schedule_id.name or "",
                date=pulse_round.date_start or "",
            )

    def _compute_invited_count(self):
        counts = dict(
            self.env["performance.pulse.participant"]._read_group(
                [("round_id", "in", self.ids)], ["round_id"], ["__count"]
            )
        )
        for pulse_round in self:
            pulse_round.invited_count = counts.get(pulse_round, 0)

    @api.depends("result_ids")
    def _compute_heatmap_html(self):
        for pulse_round in self:
            rows = pulse_round.result_ids.filtered(lambda r: r.dimension == "department")
            if not rows:
                pulse_round.heatmap_html = False
                continue
            questions = rows.question_id.sorted(lambda q: (q.sequence, q.id))
            cells = {(r.department_id, r.question_id): r for r in rows}
            pulse_round.heatmap_html = self.env["ir.qweb"]._render(
                "performance_management.performance_pulse_heatmap",
                {
                    "departments": rows.department_id.sorted("name"),
                    "questions": questions,
                    "cells": cells,
                },
            )

    def action_close(self):
        """Close the round now and release its answers, if enough people answered."""
        if not is_officer(self.env.user):
            raise AccessError(self.env._("Only performance officers close pulse rounds."))
        open_rounds = self.filtered(lambda r: r.state == "open")
        if not open_rounds:
            raise UserError(self.env._("These pulse rounds are closed already."))
        # sudo: the release works on answers nobody may read, for the officer who closes
        open_rounds.sudo()._release()
        return True

    def _invite(self, batch_size=200):
        """Invite the employees in the schedule's scope not invited yet, a batch at a time.

        :return: False when the scheduled job's time ran out first
        """
        Participant = self.env["performance.pulse.participant"].sudo()
        Employee = self.env["hr.employee"].sudo()
        for pulse_round in self.sudo().filtered(lambda r: r.state == "open"):
            while True:
                invited = Participant.search_fetch(
                    [("round_id", "=", pulse_round.id)], ["employee_id"]
                ).employee_id
                employees = Employee.search(
                    [
                        *pulse_round.schedule_id._get_employee_domain(),
                        ("id", "not in", invited.ids),
                    ],
                    limit=batch_size,
                    order="id",
                )
                if not employees:
                    break
                pulse_round._invite_employees(employees)
                if not commit_cron_batch(self.env, len(employees), 1):
                    return False
        return True

    def _invite_employees(self, employees):
        """One participation and one anonymous answer per employee, and their invitation."""
        self.ensure_one()
        participants = (
            self.env["performance.pulse.participant"]
            .with_user(SUPERUSER_ID)
            .create([{"round_id": self.id, "employee_id": e.id} for e in employees])
        )
        bands = self._rating_bands(employees)
        survey = self.survey_id
        questions = survey._prepare_user_input_predefined_questions()
        inputs = (
            self.env["survey.user_input"]
            .with_user(SUPERUSER_ID)
            .with_context(tracking_disable=True, mail_create_nolog=True)
            .create(
                [
                    {
                        "survey_id": survey.id,
                        "predefined_question_ids": [fields.Command.set(questions.ids)],
                        "deadline": self.env["survey.user_input"]._performance_deadline(
                            self.date_deadline
                        ),
                        "performance_anonymous": True,
                        "performance_pulse_round_id": self.id,
                        "performance_pulse_participant_id": participant.id,
                        "performance_pulse_department_id": (
                            participant.employee_id.department_id.id
                        ),
                        "performance_pulse_manager_id": participant.employee_id.parent_id.id,
                        "performance_pulse_rating_id": bands.get(
                            participant.employee_id.id, False
                        ),
                    }
                    for participant in participants
                ]
            )
        )
        self._send_invitations(participants, inputs)
        return participants

    def _rating_bands(self, employees):
        """{employee id: final rating of his latest released review}."""
        # sudo: the rating goes with the answer, unread until it is a band's aggregate
        reviews = (
            self.env["performance.review"]
            .sudo()
            .search(
                [("employee_id", "in", employees.ids), ("state", "in", ("released", "done"))],
                order="date_end desc, id desc",
            )
        )
        bands = {}
        for review in reviews:
            if review.employee_id.id not in bands and review.final_rating_id:
                bands[review.employee_id.id] = review.final_rating_id.id
        return bands

    def _send_invitations(self, participants, inputs):
        """Users are told where to answer, without the token (their portal holds it); the
        employees without a user get the token link, their only way in."""
        mails = []
        base_url = self.get_base_url()
        for participant, user_input in zip(participants, inputs, strict=True):
            employee = participant.employee_id
            user = employee.user_id
            email = user.email if user else employee.work_email
            if not email:
                continue
            url = f"{base_url}/my/pulse" if user else f"{base_url}{user_input.get_start_url()}"
            body = Markup("<p>%s</p><p><a href='%s'>%s</a></p>") % (
                self.env._(
                    "%(name)s, how is work going? Your answers are anonymous: nobody sees "
                    "them but as a group's figures, once enough people answered.",
                    name=employee.name,
                ),
                url,
                self.env._("Answer the pulse"),
            )
            mails.append(
                {
                    "subject": self.env._("Pulse: %(title)s", title=self.survey_id.title),
                    "email_to": email,
                    "body_html": body,
                    "auto_delete": True,
                }
            )
        if mails:
            self.env["mail.mail"].sudo().create(mails)

    def _release(self):
        """Close the rounds: past the threshold, their figures and the copies of their
        answers come out together; below it, nothing does. The answers submitted and the
        unanswered tokens are deleted either way."""
        UserInput = self.env["survey.user_input"].with_user(SUPERUSER_ID)
        Result = self.env["performance.pulse.result"].with_user(SUPERUSER_ID)
        for pulse_round in self:
            inputs = UserInput.search(
                [
                    ("performance_pulse_round_id", "=", pulse_round.id),
                    ("performance_pulse_released", "=", False),
                ]
            )
            answers = inputs.filtered(lambda i: i.state == "done" and not i.test_entry)
            values = {"state": "closed"}
            if len(answers) >= pulse_round.company_id.performance_anonymity_threshold:
                results = Result._create_from_answers(pulse_round, answers)
                answers._performance_pulse_copy()
                company = results.filtered(
                    lambda r: r.dimension == "company" and r.question_id.performance_enps
                )
                values.update(answer_count=len(answers), released=True, enps=company[:1].enps)
            # the lines first: their own deletion drops their external ids too (demo data)
            inputs.user_input_line_ids.unlink()
            inputs.unlink()
            pulse_round.sudo().write(values)
