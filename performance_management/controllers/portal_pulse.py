from odoo.fields import Domain
from odoo.http import request, route

from .portal import PerformancePortal


class PerformancePulsePortal(PerformancePortal):
    """The pulse questionnaires a portal or internal employee has to answer, in /my."""

    def _pm_pulses_to_answer(self):
        employees = self._pm_employees()
        if not employees:
            return request.env["performance.pulse.participant"]
        # sudo: the user's own invitations (portal users cannot read them); their answer
        # link is computed for the user's own only
        participants = (
            request.env["performance.pulse.participant"]
            .sudo()
            .search(
                Domain("employee_id", "in", employees.ids) & Domain("round_id.state", "=", "open")
            )
        )
        return participants.filtered("start_url")

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "performance_pulse_count" in counters:
            values["performance_pulse_count"] = len(self._pm_pulses_to_answer())
        return values

    @route("/my/pulse", type="http", auth="user", website=True)
    def portal_my_pulse(self, **kw):
        values = self._pm_values(
            "performance_pulse",
            [(request.env._("Pulse to Answer"), False)],
            pulses=self._pm_pulses_to_answer(),
        )
        return request.render("performance_management.portal_my_pulse", values)
