from odoo import models


class IrUiMenu(models.Model):
    _inherit = "ir.ui.menu"

    def _load_menus_blacklist(self):
        """Performance issues and improvement plans show to officers and to managers only."""
        res = super()._load_menus_blacklist()
        section = self.env.ref(
            "performance_management.performance_issue_menu_section", raise_if_not_found=False
        )
        if section and not self._performance_sees_issue_menus():
            res.append(section.id)
        return res

    def _performance_sees_issue_menus(self):
        user = self.env.user
        if user.has_group("performance_management.group_performance_officer"):
            return True
        own = user.employee_ids.ids
        # sudo: the org chart is public (parent_id is on the public employee); only whether
        # the user manages someone other than himself is asked, in any of his companies
        return bool(
            self.env["hr.employee.public"]
            .sudo()
            .search_count([("parent_id", "in", own), ("id", "not in", own)], limit=1)
        )
