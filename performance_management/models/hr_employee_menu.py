from odoo import api, models


class HrEmployee(models.Model):
    """The manager menus follow who manages someone (ir.ui.menu._load_menus_blacklist).

    The web client's menus are cached per user: when a change of manager, of user or an
    archive makes someone start or stop managing, the caches are cleared, and only then.
    """

    _inherit = "hr.employee"

    def _performance_menu_managers(self, employees, ignored=()):
        """{(employee, user, active)} of ``employees`` who manage someone but themselves
        (the ``ignored`` employees not counted)."""
        if not employees:
            return frozenset()
        # sudo: who reports to whom, the public org chart, to decide on a cache
        groups = self.sudo()._read_group(
            [("parent_id", "in", employees.ids), ("id", "not in", list(ignored))],
            ["parent_id"],
            ["id:array_agg"],
        )
        return frozenset(
            (parent.id, parent.user_id.id, parent.active)
            for parent, ids in groups
            if set(ids) - {parent.id}
        )

    def _performance_menu_watch(self, parent_id=False):
        # sudo: these employees and their managers, old and new, whatever the writer reads
        employees = self.sudo()
        return (employees | employees.parent_id | employees.browse(parent_id or [])).exists()

    @api.model_create_multi
    def create(self, vals_list):
        employees = super().create(vals_list)
        # sudo: the new employees' managers, whatever the creator reads
        parents = employees.sudo().parent_id
        if parents and self._performance_menu_managers(parents) != self._performance_menu_managers(
            parents, ignored=employees.ids
        ):
            self.env.registry.clear_cache()
        return employees

    def write(self, vals):
        if not {"parent_id", "user_id", "active"} & set(vals):
            return super().write(vals)
        # the new manager's id is read to know whom to watch, not to decide any access
        watched = self._performance_menu_watch(vals.get("parent_id"))
        before = self._performance_menu_managers(watched)
        result = super().write(vals)
        if self._performance_menu_managers(watched.exists()) != before:
            self.env.registry.clear_cache()
        return result

    def unlink(self):
        watched = self._performance_menu_watch()
        before = self._performance_menu_managers(watched)
        result = super().unlink()
        if self._performance_menu_managers(watched.exists()) != before:
            self.env.registry.clear_cache()
        return result
