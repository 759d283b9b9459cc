from odoo import api, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import clean_context

# The 1:1 and its event update each other with the values that differ only: once they
# match, neither writes back (no context flag decides it).
TIME_FIELDS = {"start", "stop", "start_date", "stop_date", "duration", "allday", "active"}


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    @api.model_create_multi
    def create(self, vals_list):
        events = super().create(vals_list)
        events._performance_plan_one_on_ones()
        return events

    def write(self, vals):
        res = super().write(vals)
        if TIME_FIELDS & set(vals):
            self._performance_follow_events()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_performance_logs(self):
        logs = self._performance_logs()
        if logs:
            logs._performance_event_gone()

    def _get_activity_excluded_models(self):
        # a 1:1 is its own to-do: its event adds no meeting activity on it
        return [*super()._get_activity_excluded_models(), "performance.coaching.log"]

    def _performance_logs(self):
        # sudo: only to find the 1:1s these events belong to; they are then written as the
        # user who changed the event, so that one moves only a 1:1 one may write
        logs = (
            self.env["performance.coaching.log"]
            .sudo()
            .search([("calendar_event_id", "in", self.ids), ("state", "=", "planned")])
        )
        return logs.with_env(self.env)

    def _performance_follow_events(self):
        """The 1:1s of these events follow them: moved with them, cancelled when archived."""
        for log in self._performance_logs():
            # sudo: the 1:1's own event, one of self (the user just wrote it)
            event = log.sudo().calendar_event_id
            if not event.active:
                log._performance_event_gone()
                continue
            vals = {}
            if event.start != log.date_start:
                vals["date_start"] = event.start
            duration = event._performance_duration()
            if not event.allday and duration != log.duration:
                vals["duration"] = duration
            if vals:
                log.write(vals)

    def _performance_duration(self):
        # from the dates Calendar shows: a drag writes start and stop, not the duration
        return round((self.stop - self.start).total_seconds() / 3600, 2)

    def _performance_plan_one_on_ones(self):
        """A meeting planned from a "Plan a 1:1" activity is that 1:1: it is created with it."""
        plan = self.env.ref(
            "performance_management.mail_activity_type_one_on_one", raise_if_not_found=False
        )
        # the event's defaults (default_res_id, ...) are not the 1:1's
        Log = self.env["performance.coaching.log"].with_context(clean_context(self.env.context))
        for event in self:
            activity = event.activity_ids.filtered(
                lambda act: act.activity_type_id == plan and act.res_model == "hr.employee"
            )[:1]
            if not activity:
                continue
            try:
                # the 1:1 takes this event as its own (_performance_planned_event)
                with self.env.cr.savepoint():
                    Log.create(
                        {
                            "employee_id": activity.res_id,
                            "date_start": event.start,
                            "duration": event._performance_duration(),
                        }
                    )
            except (AccessError, UserError):
                # not someone the user plans 1:1s with: the meeting stays a plain meeting
                continue
