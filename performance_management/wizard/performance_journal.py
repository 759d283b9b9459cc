from dateutil.relativedelta import relativedelta
from markupsafe import Markup

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
            if not entries:
                journal.journal_html = Markup("<p>%s</p>") % self.env._("Nothing in this period.")
                continue
            rows = Markup("").join(
                Markup("<li><b>%s</b> · %s: %s</li>")
                % (format_date(self.env, entry["date"]), entry["kind"], entry["text"])
                for entry in entries
            )
            journal.journal_html = Markup("<ul>%s</ul>") % rows

    @api.model
    def _get_entries(self, employee, date_from, date_to):
        """Feedback received, 1:1s, goal check-ins and recognition, newest first.

        Everything is searched with the caller's rights: the journal never shows more than
        its reader may see. Other areas add entries by overriding this method.
        """
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
                ("date_start", "<", date_to + relativedelta(days=1)),
            ]
        )
        for log in logs:
            entries.append(
                {
                    "date": log.date_start.date(),
                    "kind": log.name,
                    "text": html2plaintext(log.shared_notes or "")[:300],
                }
            )
        entries += self._get_model_entries(
            "performance.goal.checkin", employee, date_from, date_to, self.env._("Check-in")
        )
        entries += self._get_model_entries(
            "performance.recognition", employee, date_from, date_to, self.env._("Recognition")
        )
        return sorted(entries, key=lambda e: e["date"], reverse=True)

    @api.model
    def _get_model_entries(self, model, employee, date_from, date_to, label):
        """Entries of another area's model when it has employee and date fields."""
        if model not in self.env:
            return []
        Model = self.env[model]
        date_field = next((f for f in ("date", "create_date") if f in Model._fields), None)
        if "employee_id" in Model._fields:
            employee_domain = [("employee_id", "=", employee.id)]
        elif "employee_ids" in Model._fields:
            employee_domain = [("employee_ids", "in", employee.ids)]
        else:
            return []
        if not Model.has_access("read"):
            return []
        records = Model.search(
            employee_domain + [(date_field, ">=", date_from), (date_field, "<=", date_to)]
        )
        text_field = next(
            (f for f in ("note", "message", "name") if f in Model._fields), "display_name"
        )
        return [
            {
                "date": fields.Date.to_date(record[date_field]),
                "kind": label,
                "text": html2plaintext(str(record[text_field] or ""))[:300],
            }
            for record in records
        ]
