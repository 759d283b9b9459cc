from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import format_date, html2plaintext


class PerformanceJournal(models.TransientModel):
    """An employee's performance journal: what happened over a period, read with your rights."""

    _name = "performance.journal"
    _description = "Performance Journal"

    employee_id = fields.Many2one("hr.employee", required=True)
    date_from = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self) - relativedelta(months=6),
    )
    date_to = fields.Date(required=True, default=fields.Date.context_today)
    journal_html = fields.Html(compute="_compute_journal_html", sanitize=False)

    @api.depends("employee_id", "date_from", "date_to")
    def _compute_journal_html(self):
        for journal in self:
            entries = journal.employee_id and self._get_entries(
                journal.employee_id, journal.date_from, journal.date_to
            )
            journal.journal_html = self.env["ir.qweb"]._render(
                "performance_management.performance_journal_entries",
                {
                    "entries": entries or [],
                    "format_date": lambda date: format_date(self.env, date),
                },
            )

    @api.model
    def _get_entries(self, employee, date_from, date_to):
        """Feedback received, 1:1s, goal check-ins and recognition, newest first.

        Everything is searched with the caller's rights: the journal never shows more than
        its reader may see. Other areas add entries by overriding this method.
        """
        day_after = date_to + relativedelta(days=1)
        entries = []
        feedback = self.env["performance.feedback"].search(
            [
                ("employee_id", "=", employee.id),
                ("state", "=", "done"),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ]
        )
        types = dict(feedback._fields["feedback_type"]._description_selection(self.env))
        for item in feedback:
            author = item.author_id.name or self.env._("Anonymous")
            entries.append(
                {
                    "date": item.date,
                    "kind": self.env._(
                        "%(type)s from %(author)s", type=types[item.feedback_type], author=author
                    ),
                    "text": html2plaintext(item.message or "")[:300],
                }
            )
        logs = self.env["performance.coaching.log"].search(
            [
                ("employee_id", "=", employee.id),
                ("state", "=", "done"),
                ("date_start", ">=", date_from),
                ("date_start", "<", day_after),
            ]
        )
        entries += [
            {
                "date": log.date_start.date(),
                "kind": log.name,
                "text": html2plaintext(log.shared_notes or "")[:300],
            }
            for log in logs
        ]
        checkins = self.env["performance.goal.checkin"].search(
            [("employee_id", "=", employee.id), ("date", ">=", date_from), ("date", "<=", date_to)]
        )
        entries += [
            {
                "date": checkin.date,
                "kind": self.env._("Check-in on %(goal)s", goal=checkin.goal_id.name),
                "text": html2plaintext(checkin.note or "")[:300],
            }
            for checkin in checkins
        ]
        # every receiver's journal shows a kudos sent to several people
        kudos = self.env["performance.recognition"].search(
            [
                ("receiver_ids", "in", employee.ids),
                ("date", ">=", date_from),
                ("date", "<", day_after),
            ]
        )
        entries += [
            {
                "date": fields.Date.context_today(self, kudo.date),
                "kind": self.env._("Kudos from %(giver)s", giver=kudo.giver_id.name),
                "text": html2plaintext(kudo.message or "")[:300],
            }
            for kudo in kudos
        ]
        return sorted(entries, key=lambda e: e["date"], reverse=True)
