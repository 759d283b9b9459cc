from datetime import timedelta

from odoo import api, fields, models
from odoo.fields import Domain


class PerformanceGoalReminderMixin(models.AbstractModel):
    """Check-in reminders to goal owners and warnings to their managers."""

    _name = "performance.goal.reminder.mixin"
    _description = "Goal Reminders"

    def _get_checkin_reminder_domain(self, company):
        limit = fields.Date.context_today(self) - timedelta(
            days=company.performance_goal_checkin_days
        )
        return Domain(
            [
                ("company_id", "=", company.id),
                ("state", "=", "active"),
                ("is_template", "=", False),
                ("date_start", "<=", limit),
                "|",
                ("last_checkin_date", "=", False),
                ("last_checkin_date", "<=", limit),
                "|",
                ("reminder_date", "=", False),
                ("reminder_date", "<=", limit),
            ]
        )

    def _get_manager_warning_domain(self):
        return Domain(
            [("state", "=", "active"), ("is_template", "=", False), ("manager_id", "!=", False)]
        ) & (
            Domain([("confidence", "=", "off_track"), ("offtrack_warned", "=", False)])
            | Domain([("is_overdue", "=", True), ("overdue_warned", "=", False)])
        )

    @api.model
    def _cron_goal_reminders(self, batch_size=200):
        today = fields.Date.context_today(self)
        reminder = self.env.ref("performance_management.mail_template_goal_checkin_reminder")
        warning = self.env.ref("performance_management.mail_template_goal_manager_warning")
        active = [("state", "=", "active"), ("is_template", "=", False)]
        domain = Domain.OR(
            self._get_checkin_reminder_domain(company)
            for (company,) in self._read_group(active, ["company_id"])
        )

        def remind_owners(goals):
            goals._send_template(reminder, "owner_partner_id")
            goals.reminder_date = today

        def warn_managers(goals):
            goals._send_template(warning, "manager_partner_id")
            goals.filtered(lambda g: g.confidence == "off_track").offtrack_warned = True
            goals.filtered("is_overdue").overdue_warned = True

        self._process_in_batches(domain, batch_size, remind_owners)
        self._process_in_batches(self._get_manager_warning_domain(), batch_size, warn_managers)

    @api.model
    def _process_in_batches(self, domain, batch_size, process):
        in_cron = bool(self.env.context.get("ir_cron_progress_id"))
        while goals := self.search(domain, limit=batch_size):
            process(goals)
            if in_cron:
                remaining = self.search_count(domain)
                if not self.env["ir.cron"]._commit_progress(len(goals), remaining=remaining):
                    break
            else:
                self.env.flush_all()

    def _send_template(self, template, partner_field):
        # One batch per slice: send_mail per goal costs a dozen queries for each.
        goals = self.filtered(partner_field)
        if goals:
            template.send_mail_batch(goals.ids, email_layout_xmlid="mail.mail_notification_light")
