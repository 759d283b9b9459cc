from datetime import datetime, time, timedelta

from markupsafe import Markup

from odoo import api, fields, models

from ..tools import commit_cron_batch

# the order in which a user's nudges pass under the weekly cap
KINDS = [
    ("one_on_one", "1:1 Due"),
    ("pulse", "Pulse to Answer"),
    ("checkin", "Goal Check-in Missed"),
    ("feedback", "Feedback Not Given"),
]
# the same reminder about the same record is not repeated within this many days
REPEAT_DAYS = 7
# the log is kept this long (the cap looks a week back), then deleted by the job
KEEP_DAYS = 90


class PerformanceNudge(models.Model):
    """A reminder sent to a user by the daily nudge job, kept to cap and dedupe them."""

    _name = "performance.nudge"
    _description = "Performance Nudge"
    _order = "date desc, id desc"

    user_id = fields.Many2one(
        "res.users", required=True, index=True, ondelete="cascade", readonly=True
    )
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    kind = fields.Selection(KINDS, required=True, readonly=True)
    res_model = fields.Char(string="Document Model", required=True, readonly=True)
    res_id = fields.Many2oneReference(
        string="Document", model_field="res_model", required=True, readonly=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today, readonly=True)
    channel = fields.Selection(
        [("discuss", "Discuss"), ("activity", "Activity")], required=True, readonly=True
    )

    _once_a_day = models.UniqueIndex(
        "(user_id, kind, res_model, res_id, date)",
        "A user is nudged once a day about a record.",
    )

    # the job ------------------------------------------------------------------------
    @api.model
    def _cron_send_nudges(self, batch_size=200):
        self._gc_nudges()
        companies = self.env["res.company"].search([("performance_nudge_weekly_limit", ">", 0)])
        candidates = []
        for company in companies:
            candidates += self._get_candidates(company)
        todo = self._filter_sent(candidates)
        users = list(dict.fromkeys(user for user, *__ in todo))
        while users:
            batch, users = users[:batch_size], users[batch_size:]
            users_batch = set(batch)
            self._send_batch([c for c in todo if c[0] in users_batch])
            if not commit_cron_batch(self.env, len(batch), len(users)):
                return

    @api.model
    def _gc_nudges(self, limit=10000):
        today = fields.Date.context_today(self)
        self.search([("date", "<", today - timedelta(days=KEEP_DAYS))], limit=limit).unlink()

    @api.model
    def _get_candidates(self, company):
        """[(user, kind, record)] due in the company, in the order of KINDS."""
        return (
            self._get_one_on_one_candidates(company)
            + self._get_pulse_candidates(company)
            + self._get_checkin_candidates(company)
            + self._get_feedback_candidates(company)
        )

    @api.model
    def _nudgeable(self, users):
        return users.filtered(
            lambda u: u.active and not u.share and u.performance_nudge_channel != "off"
        )

    @api.model
    def _get_one_on_one_candidates(self, company):
        today = fields.Date.context_today(self)
        start = datetime.combine(today, time.min)
        logs = self.env["performance.coaching.log"].search(
            [
                ("company_id", "=", company.id),
                ("state", "=", "planned"),
                ("date_start", ">=", start),
                ("date_start", "<", start + timedelta(days=2)),
            ]
        )
        return [
            (user, "one_on_one", log)
            for log in logs
            for user in self._nudgeable(log.coach_id.user_id | log.employee_id.user_id)
        ]

    @api.model
    def _get_pulse_candidates(self, company):
        # sudo: the job reads which invitations still have an open answer; that is never
        # shown to anyone but the invited user (see the record rules of the nudges)
        inputs = (
            self.env["survey.user_input"]
            .sudo()
            .search(
                [
                    ("performance_pulse_participant_id.company_id", "=", company.id),
                    ("performance_pulse_participant_id.round_id.state", "=", "open"),
                    ("state", "!=", "done"),
                ]
            )
        )
        return [
            (user, "pulse", participant.round_id)
            for participant in inputs.performance_pulse_participant_id
            for user in self._nudgeable(participant.employee_id.user_id)
        ]

    @api.model
    def _get_checkin_candidates(self, company):
        if company.performance_monitor_checkins == "off":
            return []
        limit = fields.Date.context_today(self) - timedelta(
            days=company.performance_goal_checkin_days
        )
        goals = self.env["performance.goal"].search(
            [
                ("company_id", "=", company.id),
                ("state", "=", "active"),
                ("is_template", "=", False),
                ("employee_id.user_id", "!=", False),
                ("date_start", "<=", limit),
                "|",
                ("last_checkin_date", "=", False),
                ("last_checkin_date", "<=", limit),
            ]
        )
        return [
            (user, "checkin", goal)
            for goal in goals
            for user in self._nudgeable(goal.employee_id.user_id)
        ]

    @api.model
    def _get_feedback_candidates(self, company):
        employees = self.env["hr.employee"].search(
            [("company_id", "=", company.id), ("user_id", "!=", False)]
        )
        since = fields.Date.context_today(self) - timedelta(
            weeks=company.performance_nudge_feedback_weeks
        )
        given = self.env["performance.feedback"]._read_group(
            [
                ("company_id", "=", company.id),
                ("state", "=", "done"),
                ("author_id", "in", employees.ids),
                ("date", ">=", since),
            ],
            ["author_id"],
        )
        authors = self.env["hr.employee"].union(*(author for (author,) in given))
        return [
            (user, "feedback", employee)
            for employee in employees - authors
            for user in self._nudgeable(employee.user_id)
            # a user with employees in several companies is nudged in his own
            if user.company_id == company
        ]

    @api.model
    def _filter_sent(self, candidates):
        """The candidates not nudged about the same record in the last days, within the
        weekly cap of their user's company."""
        today = fields.Date.context_today(self)
        users = self.env["res.users"].union(*(user for user, *__ in candidates))
        recent = self.search(
            [("user_id", "in", users.ids), ("date", ">", today - timedelta(days=REPEAT_DAYS))]
        )
        sent = {(n.user_id, n.kind, n.res_model, n.res_id) for n in recent}
        count = {user: 0 for user in users}
        for nudge in recent:
            count[nudge.user_id] += 1
        order = [kind for kind, __ in KINDS]
        todo = []
        for user, kind, record in sorted(candidates, key=lambda c: order.index(c[1])):
            key = (user, kind, record._name, record.id)
            if key in sent or count[user] >= user.company_id.performance_nudge_weekly_limit:
                continue
            sent.add(key)
            count[user] += 1
            todo.append((user, kind, record))
        return todo

    @api.model
    def _send_batch(self, todo):
        vals_list = []
        for user, kind, record in todo:
            channel = "activity" if user.performance_nudge_channel == "activity" else "discuss"
            if channel == "activity":
                self._send_activity(user, kind, record)
            else:
                self._send_discuss(user, kind, record)
            vals_list.append(
                {
                    "user_id": user.id,
                    "company_id": record.company_id.id or user.company_id.id,
                    "kind": kind,
                    "res_model": record._name,
                    "res_id": record.id,
                    "channel": channel,
                }
            )
        return self.sudo().create(vals_list)

    # the messages -------------------------------------------------------------------
    @api.model
    def _get_text(self, user, kind, record):
        """(summary, message) in the user's language."""
        _ = self.with_context(lang=user.lang).env._
        if kind == "one_on_one":
            when = fields.Datetime.context_timestamp(
                self.with_context(tz=user.tz), record.date_start
            )
            return _("1:1 coming up"), _(
                "Your 1:1 %(name)s is on %(date)s: add the talking points you want to cover.",
                name=record.name,
                date=when.strftime("%Y-%m-%d %H:%M"),
            )
        if kind == "pulse":
            return _("Pulse to answer"), _(
                "A pulse survey is waiting for your answer until %(date)s. It takes two "
                "minutes and your answers stay anonymous.",
                date=record.date_deadline,
            )
        if kind == "checkin":
            return _("Goal check-in"), _(
                "Your goal %(name)s has had no check-in for a while: update its progress.",
                name=record.name,
            )
        return _("Give feedback"), _(
            "You have not given feedback for %(weeks)s weeks: a word of praise or advice "
            "for a colleague makes a difference.",
            weeks=user.company_id.performance_nudge_feedback_weeks,
        )

    @api.model
    def _linked(self, kind):
        """Whether the nudge's activity hangs on its record (the user's own 1:1 or goal);
        the others are private to-dos, which no one else sees."""
        return kind in ("one_on_one", "checkin")

    @api.model
    def _send_activity(self, user, kind, record):
        summary, message = self._get_text(user, kind, record)
        vals = {
            "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
            "summary": summary,
            "note": message,
            "user_id": user.id,
            "date_deadline": fields.Date.context_today(self),
        }
        if self._linked(kind):
            vals.update(res_model_id=self.env["ir.model"]._get_id(record._name), res_id=record.id)
        # sudo: the job assigns the user a to-do about his own record
        self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(vals)

    @api.model
    def _send_discuss(self, user, kind, record):
        __, message = self._get_text(user, kind, record)
        body = Markup("<p>%s</p>") % message
        if self._linked(kind):
            body += Markup('<p><a href="/odoo/%s/%s">%s</a></p>') % (
                record._name,
                record.id,
                record.display_name,
            )
        odoobot = self.env.ref("base.partner_root")
        # sudo: the chat between the user and OdooBot, got as the user (it is his chat)
        channel = (
            self.env["discuss.channel"]
            .with_user(user)
            .sudo()
            ._get_or_create_chat(odoobot.ids, pin=True)
        )
        channel.message_post(
            author_id=odoobot.id,
            body=body,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
