from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from ..tools.cron import commit_cron_batch
from .survey_survey import PULSE_SURVEY_TYPE

CADENCE_MONTHS = {"monthly": 1, "quarterly": 3, "semiannual": 6, "yearly": 12}


class PerformancePulseSchedule(models.Model):
    """When a company, or some of its departments, is asked its pulse questionnaire."""

    _name = "performance.pulse.schedule"
    _description = "Pulse Schedule"
    _order = "next_date, id"
    _check_company_auto = True

    def _default_survey(self):
        return self.env.ref(
            "performance_management.performance_pulse_survey_default", raise_if_not_found=False
        )

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Departments",
        check_company=True,
        help="Their employees, sub-departments included, are asked; empty: the whole company.",
    )
    survey_id = fields.Many2one(
        "survey.survey",
        string="Questionnaire",
        required=True,
        default=_default_survey,
        domain=[("survey_type", "=", PULSE_SURVEY_TYPE)],
        check_company=True,
    )
    cadence = fields.Selection(
        [
            ("monthly", "Monthly"),
            ("quarterly", "Quarterly"),
            ("semiannual", "Twice a year"),
            ("yearly", "Yearly"),
        ],
        required=True,
        default="quarterly",
    )
    next_date = fields.Date(
        string="Next Round", required=True, default=fields.Date.context_today, copy=False
    )
    duration = fields.Integer(string="Days to Answer", required=True, default=14)
    round_ids = fields.One2many("performance.pulse.round", "schedule_id", string="Rounds")
    round_count = fields.Integer(compute="_compute_round_count")

    _duration_positive = models.Constraint(
        "CHECK(duration > 0)", "A pulse round gives at least one day to answer."
    )

    @api.depends("round_ids")
    def _compute_round_count(self):
        counts = dict(
            self.env["performance.pulse.round"]._read_group(
                [("schedule_id", "in", self.ids)], ["schedule_id"], ["__count"]
            )
        )
        for schedule in self:
            schedule.round_count = counts.get(schedule, 0)

    def action_open_rounds(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "performance_management.performance_pulse_round_action"
        )
        action["domain"] = [("schedule_id", "=", self.id)]
        action["context"] = {"default_schedule_id": self.id}
        return action

    def action_open_round_now(self):
        """Open the round due now, as the scheduled job would, and invite its employees."""
        self.write({"next_date": fields.Date.context_today(self)})
        rounds = self._open_due_rounds()
        rounds._invite()
        return self.action_open_rounds() if len(self) == 1 else True

    def _get_employee_domain(self):
        self.ensure_one()
        domain = [("company_id", "=", self.company_id.id)]
        if self.department_ids:
            domain.append(("department_id", "child_of", self.department_ids.ids))
        return domain

    def _open_due_rounds(self):
        """Open one round per schedule due, and move the schedule past today.

        The round and the schedule's next date are written together: a second run finds the
        schedule no longer due, and a round of the same date is refused by its unique index.
        """
        today = fields.Date.context_today(self)
        Round = self.env["performance.pulse.round"]
        rounds = Round
        for schedule in self.filtered(lambda s: s.active and s.next_date <= today):
            date_start = schedule.next_date
            if not Round.search_count(
                [("schedule_id", "=", schedule.id), ("date_start", "=", date_start)], limit=1
            ):
                rounds |= Round.create(schedule._prepare_round(date_start, today))
            step = relativedelta(months=CADENCE_MONTHS[schedule.cadence])
            next_date = date_start + step
            while next_date <= today:
                next_date += step
            schedule.next_date = next_date
        return rounds

    def _prepare_round(self, date_start, today):
        self.ensure_one()
        return {
            "schedule_id": self.id,
            "company_id": self.company_id.id,
            "survey_id": self.survey_id.id,
            "date_start": date_start,
            "date_deadline": max(date_start, today) + relativedelta(days=self.duration),
        }

    @api.model
    def _cron_run_pulses(self, batch_size=200):
        """Open the rounds due, invite their employees a batch at a time, and close the
        rounds past their deadline (releasing their answers)."""
        # sudo: the scheduled job works for every company's schedules
        schedules = self.sudo().search([("next_date", "<=", fields.Date.context_today(self))])
        for schedule in schedules:
            schedule._open_due_rounds()
            if not commit_cron_batch(self.env, 1, 1):
                return
        Round = self.env["performance.pulse.round"].sudo()
        for pulse_round in Round.search([("state", "=", "open")]):
            if not pulse_round._invite(batch_size):
                return
        due = Round.search(
            [("state", "=", "open"), ("date_deadline", "<", fields.Date.context_today(self))]
        )
        for pulse_round in due:
            pulse_round._release()
            if not commit_cron_batch(self.env, 1, lambda: len(due) - 1):
                return
