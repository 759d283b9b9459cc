from odoo import api, fields, models

from ..tools import is_officer


class HrEmployeePublic(models.Model):
    _name = "hr.employee.public"
    _inherit = ("hr.employee.public", "performance.employee.mixin")

    # The public employee form, which managers without HR rights and the employees
    # themselves open; its counters and buttons are performance.employee.mixin's.
    performance_show_private = fields.Boolean(
        string="Sees Performance Areas",
        compute="_compute_performance_show_private",
        help="The reader is a performance officer, the employee or in their manager chain.",
    )

    @api.depends_context("uid")
    def _compute_performance_show_private(self):
        if is_officer(self.env.user):
            self.performance_show_private = True
            return
        # sudo, as in the record rules (user.employee_ids): the reader's own employees,
        # even in a company the reader cannot open.
        own = set(self.env.user.sudo().employee_ids.ids)
        chains = self._performance_chains()
        for employee in self:
            employee.performance_show_private = bool(
                set(chains.get(employee._origin.id, [])) & own
            )

    def get_performance_overview(self):
        """The employee's performance overview: who it is, each area as its reader sees it."""
        self.ensure_one()
        self.check_access("read")
        return {
            # the page's breadcrumb when it is opened from its URL, without the button's action
            "title": self.env._("Performance of %(name)s", name=self.name),
            "employee": {
                "id": self.id,
                "name": self.name,
                "job_title": self.job_title or "",
                "department": self.department_id.display_name or "",
                "show_private": self.performance_show_private,
            },
            "sections": self._performance_overview_sections(self.performance_show_private),
        }
