from odoo import fields, models
from odoo.fields import Domain


class PerformanceMyTeamMixin(models.AbstractModel):
    """The "My Team" filter of the analysis views: the rows of the reader's reports."""

    _name = "performance.my.team.mixin"
    _description = "My Team Filter"

    is_my_team = fields.Boolean(
        string="My Team", compute="_compute_is_my_team", search="_search_is_my_team"
    )

    def _compute_is_my_team(self):
        team = self.filtered_domain(self._search_is_my_team("in", [True]))
        for row in self:
            row.is_my_team = row in team

    def _search_is_my_team(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        domain = self._get_my_team_domain(self.env.user.employee_ids)
        return domain if operator == "in" else ~domain

    def _get_my_team_domain(self, employees):
        # the reporting chain straight from hr_employee: through employee_id.performance_chain_ids
        # a plain user's search goes via the public employee view, and PostgreSQL loops over it
        reports = self.env["hr.employee"]._performance_reports_query(employees.ids)
        return Domain("employee_id", "in", reports) & Domain(
            "employee_id", "not in", employees.ids
        )
