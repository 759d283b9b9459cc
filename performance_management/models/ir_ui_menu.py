from odoo import models

from ..tools import is_officer

# what only a manager (or an officer) has work in: a plain employee finds his own goals,
# reviews, 1:1s and development plan under the My menus
_MANAGER_MENUS = (
    "performance_management.performance_issue_menu_section",
    "performance_management.performance_goal_menu_team",
    "performance_management.performance_review_menu_to_do",
    "performance_management.performance_coaching_log_menu",
    "performance_management.performance_development_plan_menu",
    "performance_management.performance_reward_menu",
    "performance_management.performance_reporting_menu_section",
    "performance_management.performance_calibration_session_menu",
)


class IrUiMenu(models.Model):
    _inherit = "ir.ui.menu"

    def _load_menus_blacklist(self):
        """Manager menus (performance issues and improvement plans, the team's goals, reviews
        to do, 1:1s of the team, development plans of others, rewards and reporting)
        show to officers and to managers only.

        load_menus is cached per user: hr.employee clears the caches when someone starts or
        stops managing (see hr_employee_menu.py).
        """
        res = super()._load_menus_blacklist()
        if not self._performance_sees_issue_menus():
            for xmlid in _MANAGER_MENUS:
                menu = self.env.ref(xmlid, raise_if_not_found=False)
                if menu:
                    res.append(menu.id)
        return res

    def _performance_sees_issue_menus(self):
        user = self.env.user
        if is_officer(user):
            return True
        own = user.employee_ids.ids
        # sudo: the org chart is public (parent_id is on the public employee); only whether
        # the user manages someone other than himself is asked, in any of his companies
        return bool(
            self.env["hr.employee.public"]
            .sudo()
            .search_count([("parent_id", "in", own), ("id", "not in", own)], limit=1)
        )
