from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command
from odoo.tools import format_date

from ..tools import FiniteFloat, commit_cron_batch, is_officer, settable, write_workflow

CADENCE_DELTAS = {
    "weekly": relativedelta(weeks=1),
    "biweekly": relativedelta(weeks=2),
    "monthly": relativedelta(months=1),
}


class PerformanceCoachingLog(models.Model):
    """A 1:1 or coaching conversation between an employee and a coach."""

    _name = "performance.coaching.log"
    _description = "Coaching Log and 1:1"
    _inherit = ("mail.thread", "mail.activity.mixin")
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True, readonly=False)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        check_company=True,
    )
    coach_id = fields.Many2one(
        "hr.employee",
        compute="_compute_coach_id",
        store=True,
        readonly=False,
        required=True,
        index=True,
        tracking=True,
        help="The employee's manager by default.",
        check_company=True,
    )
    kind = fields.Selection(
        [
            ("one_on_one", "1:1"),
            ("coaching", "Coaching"),
            ("career", "Career Conversation"),
            ("feedback", "Feedback Conversation"),
        ],
        default="one_on_one",
        required=True,
        tracking=True,
    )
    date_start = fields.Datetime(
        string="Date", required=True, default=fields.Datetime.now, tracking=True
    )
    duration = FiniteFloat(default=0.5, help="In hours.")
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
        tracking=True,
        readonly=True,
    )
    cadence = fields.Selection(
        [
            ("none", "One-off"),
            ("weekly", "Weekly"),
            ("biweekly", "Every two weeks"),
            ("monthly", "Monthly"),
        ],
        default="none",
        required=True,
        help="When this meeting is done, the next one is prepared with what is still open.",
    )
    shared_notes = fields.Html(help="Seen by both the employee and the coach.")
    private_note = fields.Html(
        compute="_compute_private_note",
        inverse="_inverse_private_note",
        string="My Private Notes",
        help="Only you ever see these notes.",
    )
    talking_point_ids = fields.One2many(
        "performance.coaching.talking.point", "log_id", string="Talking Points"
    )
    action_item_ids = fields.One2many(
        "performance.coaching.action.item", "log_id", string="Action Items"
    )
    goal_ids = fields.Many2many("performance.goal", string="Goals")
    previous_id = fields.Many2one("performance.coaching.log", readonly=True, copy=False)
    next_id = fields.Many2one("performance.coaching.log", readonly=True, copy=False)
    calendar_event_id = fields.Many2one(
        "calendar.event", readonly=True, copy=False, index="btree_not_null"
    )
    is_coach = fields.Boolean(compute="_compute_is_coach")

    _check_duration = models.Constraint(
        "CHECK(duration >= 0)", "The duration of a meeting cannot be negative."
    )

    @api.depends("employee_id", "kind", "date_start")
    def _compute_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        # the prefixes of the titles written here: a title the user typed is kept
        written = tuple(
            self.env._("%(kind)s with %(name)s", kind=label, name="") for label in kinds.values()
        )
        for log in self:
            if log.name and not log.name.startswith(written):
                continue
            name = self.env._(
                "%(kind)s with %(name)s", kind=kinds.get(log.kind), name=log.employee_id.name or ""
            )
            if log.date_start:
                # a list of 1:1s with the same person tells them apart by their day
                day = fields.Datetime.context_timestamp(log, log.date_start).date()
                name = self.env._(
                    "%(title)s, %(date)s", title=name, date=format_date(self.env, day)
                )
            log.name = name

    @api.depends("employee_id")
    def _compute_coach_id(self):
        for log in self:
            if not log.coach_id or log.coach_id == log.employee_id:
                log.coach_id = log.employee_id._performance_manager()

    @api.depends_context("uid")
    def _compute_private_note(self):
        # The record rule on the notes limits them to their author, superuser aside.
        notes = self.env["performance.coaching.note"].search(
            [("log_id", "in", self.ids), ("user_id", "=", self.env.uid)]
        )
        by_log = {note.log_id.id: note.note for note in notes}
        for log in self:
            log.private_note = by_log.get(log.id, False)

    def _inverse_private_note(self):
        Note = self.env["performance.coaching.note"]
        for log in self:
            note = Note.search([("log_id", "=", log.id), ("user_id", "=", self.env.uid)])
            if note:
                note.note = log.private_note
            elif log.private_note:
                Note.create({"log_id": log.id, "note": log.private_note})

    @api.depends_context("uid")
    @api.depends("coach_id")
    def _compute_is_coach(self):
        for log in self:
            log.is_coach = log.coach_id.user_id == self.env.user

    @api.constrains("employee_id", "coach_id")
    def _check_coach(self):
        for log in self:
            if log.coach_id == log.employee_id:
                raise ValidationError(
                    self.env._("The coach and the employee of a 1:1 must be two people.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("coach_id") and vals.get("employee_id"):
                employee = self.env["hr.employee"].browse(vals["employee_id"])
                vals["coach_id"] = employee._performance_manager().id
            if not vals.get("coach_id"):
                raise ValidationError(
                    self.env._("A 1:1 needs a coach: the employee has no manager, pick one.")
                )
        # Action items saved with a new 1:1 schedule their to-dos once it exists: an activity
        # made inside the create follows the 1:1 before mail.thread subscribes its author
        # ("a partner cannot follow twice the same object").
        logs = super(
            PerformanceCoachingLog, self.with_context(performance_defer_action_items=True)
        ).create(vals_list)
        logs = logs.with_env(self.env)
        if not self.env.su:
            logs._check_participants()
        logs.action_item_ids._schedule_activity()
        # planned from Calendar, a 1:1 takes the event it was planned in (calendar_event)
        logs.filtered(lambda log: log.state == "planned")._sync_calendar_event()
        return logs

    def _has_field_access(self, field, operation):
        if operation != "read" and self.env.user.share and not self.env.su:
            # a portal employee adds shared notes to his own 1:1s (rules), nothing else
            return field.name == "shared_notes" and super()._has_field_access(field, operation)
        return settable(self, field, operation) and super()._has_field_access(field, operation)

    def write(self, vals):
        if {"employee_id", "coach_id"} & set(vals) and not self.env.su:
            officer = is_officer(self.env.user)
            if not officer and any(log.coach_id.user_id != self.env.user for log in self):
                raise UserError(self.env._("Only the coach can change who meets in a 1:1."))
        res = super().write(vals)
        if vals.keys() & {"employee_id", "coach_id", "company_id"}:
            # moved: checked again as at creation, on who meets now
            self.check_access("write")
            if not self.env.su:
                self._check_participants()
        synced = {"date_start", "duration", "employee_id", "coach_id", "name"}
        if synced & set(vals):
            self.filtered(lambda log: log.state == "planned")._sync_calendar_event()
        return res

    def _check_participants(self):
        """One books a 1:1 for oneself, or with one's reports, mentees or an officer's; its
        coach is the writer, someone the employee reports to, or the employee's coach."""
        if is_officer(self.env.user):
            return
        mine = self.env.user.employee_ids
        for log in self:
            # sudo: the chain of the person named, to tell whether the writer manages them
            employee = log.employee_id.sudo()
            if not (
                employee in mine
                or employee.coach_id in mine
                or employee._performance_reports_to(mine)
            ):
                raise UserError(
                    self.env._(
                        "You can only plan 1:1s for yourself or with the people you manage "
                        "or mentor."
                    )
                )
            coach = log.coach_id
            if not (
                coach in mine
                or coach in employee.performance_chain_ids
                or coach == employee.coach_id
            ):
                # else anyone would put 1:1s in anyone's calendar, and count them missed
                # on his scorecard
                raise UserError(
                    self.env._(
                        "The coach of a 1:1 is you, a manager of %(name)s or their coach.",
                        name=employee.name,
                    )
                )

    def _get_attendee_partners(self):
        self.ensure_one()
        return (self.employee_id | self.coach_id).mapped("work_contact_id")

    def _sync_calendar_event(self):
        """One calendar event per meeting, with both people as attendees."""
        for log in self:
            duration = log.duration or 0.5
            vals = {
                "name": log.name,
                "start": log.date_start,
                "stop": log.date_start + relativedelta(minutes=int(duration * 60)),
                "duration": duration,
                "partner_ids": [Command.set(log._get_attendee_partners().ids)],
                "res_model_id": self.env["ir.model"]._get_id(self._name),
                "res_id": log.id,
                "privacy": "private",
                "active": True,
            }
            if log.coach_id.user_id:
                vals["user_id"] = log.coach_id.user_id.id
            # sudo: the event this 1:1 created itself (calendar_event_id is the addon's to set)
            event = log.sudo().calendar_event_id
            if not event and (planned := log._performance_planned_event()):
                # planned in Calendar: that meeting is the 1:1's, as its organiser made it
                log.sudo().with_context(tracking_disable=True).calendar_event_id = planned
            elif event:
                # only what differs: an event that moved the 1:1 already matches it
                event.write(
                    {
                        fname: value
                        for fname, value in vals.items()
                        if event._fields[fname].convert_to_record(
                            event._fields[fname].convert_to_cache(value, event), event
                        )
                        != event[fname]
                    }
                )
            else:
                # sudo: the 1:1's own private event, for its coach and employee
                event = self.env["calendar.event"].sudo().create(vals)
                log.sudo().with_context(tracking_disable=True).calendar_event_id = event

    def _performance_planned_event(self):
        """The meeting its coach just planned in Calendar from a "Plan a 1:1" activity."""
        plan = self.env.ref(
            "performance_management.mail_activity_type_one_on_one", raise_if_not_found=False
        )
        if not plan:
            return self.env["calendar.event"]
        # sudo: the writer's own new event, found by its activity to link it to his 1:1
        events = (
            self.env["calendar.event"]
            .sudo()
            .search(
                [
                    ("create_uid", "=", self.env.uid),
                    ("start", "=", self.date_start),
                    ("activity_ids.activity_type_id", "=", plan.id),
                    ("activity_ids.res_model", "=", "hr.employee"),
                    ("activity_ids.res_id", "=", self.employee_id.id),
                ]
            )
        )
        linked = self.sudo().search([("calendar_event_id", "in", events.ids)]).calendar_event_id
        return (events - linked)[:1]

    def action_done(self):
        if any(log.state != "planned" for log in self):
            raise UserError(self.env._("Only planned meetings can be marked as done."))
        write_workflow(self, {"state": "done"})
        for log in self.filtered(lambda log: log.cadence != "none" and not log.next_id):
            log._prepare_next()

    def action_cancel(self):
        write_workflow(self, {"state": "cancelled"})
        # sudo: the event this 1:1 created itself, cancelled with it; write access checked above
        self.sudo().calendar_event_id.unlink()

    def action_reset(self):
        write_workflow(self, {"state": "planned"})
        # planned again: back in the calendar, in a new event if the old one was deleted
        self._sync_calendar_event()

    def _performance_event_gone(self):
        """The event of these 1:1s was archived or deleted in Calendar: they are cancelled."""
        write_workflow(self, {"state": "cancelled"})

    def _prepare_next(self):
        """Create the next meeting of the series and carry over what is still open."""
        self.ensure_one()
        # in sudo: the links between meetings are the application's (the caller may write
        # this meeting, action_done checked it)
        next_log = self.sudo().create(
            {
                "employee_id": self.employee_id.id,
                "coach_id": self.coach_id.id,
                "company_id": self.company_id.id,
                "kind": self.kind,
                "cadence": self.cadence,
                "duration": self.duration,
                "date_start": self.date_start + CADENCE_DELTAS[self.cadence],
                "previous_id": self.id,
                "goal_ids": [Command.set(self.goal_ids.ids)],
            }
        )
        # sudo: the link is the application's (guarded); the coach just closed this 1:1
        self.sudo().next_id = next_log
        self._carry_over_to(next_log)
        return next_log.with_env(self.env)

    def _carry_over_to(self, next_log):
        # sudo: the carried-over mark is the application's; the coach just closed this 1:1
        self.talking_point_ids.filtered(lambda p: not p.resolved).sudo().copy(
            {"log_id": next_log.id, "carried_over": True}
        )
        # moved by the application from one meeting to the next of the same two people
        self.action_item_ids.filtered(lambda a: not a.done).sudo().write({"log_id": next_log.id})

    def action_checkin_goals(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Check in goals"),
            "res_model": "performance.coaching.goal.checkin",
            "view_mode": "form",
            "target": "new",
            "context": {"default_log_id": self.id},
        }

    @api.model
    def _get_gap_days(self, company):
        return company.performance_one_on_one_gap_days

    @api.model
    def _cron_nudge_managers(self, batch_size=500):
        """Ask managers to plan a 1:1 with reports they have not met for N days."""
        activity_type = self.env.ref("performance_management.mail_activity_type_one_on_one")
        Employee = self.env["hr.employee"]
        # Only companies where a manager with a user can be nudged about a report.
        managed = Employee._read_group([("parent_id.user_id", "!=", False)], ["company_id"])
        for index, (company,) in enumerate(managed):
            gap = self._get_gap_days(company)
            if gap <= 0:
                continue
            since = fields.Datetime.now() - relativedelta(days=gap)
            recent = self._read_group(
                [
                    ("company_id", "=", company.id),
                    ("state", "!=", "cancelled"),
                    ("date_start", ">=", since),
                ],
                ["employee_id"],
            )
            met = [employee.id for (employee,) in recent]
            nudged = self.env["mail.activity"]._read_group(
                [
                    ("res_model", "=", "hr.employee"),
                    ("activity_type_id", "=", activity_type.id),
                ],
                ["res_id"],
            )
            reports = Employee.search(
                [
                    ("company_id", "=", company.id),
                    ("parent_id.user_id", "!=", False),
                    ("id", "not in", met + [res_id for (res_id,) in nudged]),
                ]
            )
            for start in range(0, len(reports), batch_size):
                batch = reports[start : start + batch_size]
                for employee in batch:
                    employee.activity_schedule(
                        activity_type_id=activity_type.id,
                        user_id=employee.parent_id.user_id.id,
                        summary=self.env._("Plan a 1:1 with %(name)s", name=employee.name),
                    )
                # the reports still to nudge here, and a hint for the companies after this one
                remaining = len(reports) - start - len(batch) + int(index + 1 < len(managed))
                if not commit_cron_batch(self.env, len(batch), remaining):
                    return
