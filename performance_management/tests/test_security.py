from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import PerformanceCase


@tagged("post_install", "-at_install")
class TestPerformanceRoles(PerformanceCase):
    def test_officer_implies_hr_officer(self):
        officer = self.env.ref("performance_management.group_performance_officer")
        self.assertIn(self.env.ref("hr.group_hr_user"), officer.all_implied_ids)
        self.assertTrue(self.user_officer.has_group("hr.group_hr_user"))
        self.assertFalse(
            self.user_officer.has_group("performance_management.group_performance_admin")
        )

    def test_admin_implies_officer(self):
        admin = self.env.ref("performance_management.group_performance_admin")
        self.assertIn(
            self.env.ref("performance_management.group_performance_officer"),
            admin.all_implied_ids,
        )
        self.assertTrue(
            self.user_admin.has_group("performance_management.group_performance_officer")
        )

    def test_groups_share_one_privilege(self):
        privilege = self.env.ref("performance_management.res_groups_privilege_performance")
        self.assertEqual(
            privilege.group_ids,
            self.env.ref("performance_management.group_performance_officer")
            | self.env.ref("performance_management.group_performance_admin"),
        )
        self.assertEqual(
            privilege.category_id, self.env.ref("base.module_category_human_resources")
        )

    def test_employees_and_managers_get_no_group(self):
        for user in (self.user_employee, self.user_manager, self.user_portal):
            self.assertFalse(user.has_group("performance_management.group_performance_officer"))

    def test_app_menu_is_for_internal_users_only(self):
        root = self.env.ref("performance_management.performance_menu_root")
        self.assertEqual(root.group_ids, self.env.ref("base.group_user"))
        config = self.env.ref("performance_management.performance_config_menu_section")
        Menu = self.env["ir.ui.menu"]
        self.assertNotIn(config.id, Menu.with_user(self.user_employee)._visible_menu_ids())


@tagged("post_install", "-at_install")
class TestPerformanceSettings(PerformanceCase):
    def test_settings_write_the_company(self):
        # Odoo opens Settings to system administrators only.
        self.user_admin.group_ids |= self.env.ref("base.group_system")
        settings = (
            self.env["res.config.settings"]
            .with_user(self.user_admin)
            .create({"performance_anonymity_threshold": 5, "performance_goal_proposal": False})
        )
        settings.execute()
        self.assertEqual(self.company.performance_anonymity_threshold, 5)
        self.assertFalse(self.company.performance_goal_proposal)

    def test_settings_warn_when_new_users_become_hr_administrators(self):
        """Odoo's hr demo data makes every new user Employees / Administrator."""
        self.user_admin.group_ids |= self.env.ref("base.group_system")
        Settings = self.env["res.config.settings"].with_user(self.user_admin)
        template = self.env.ref("base.default_user_group")
        hr_admin = self.env.ref("hr.group_hr_manager")
        template.implied_ids -= hr_admin
        self.assertFalse(Settings.create({}).performance_new_users_hr_admin)
        template.implied_ids |= hr_admin
        self.assertTrue(Settings.create({}).performance_new_users_hr_admin)

    def test_threshold_below_one_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "at least 1"):
            self.company.performance_anonymity_threshold = 0
