"""The screens of issue #21 as the server builds them: menus, cycle bars, the overview."""

from datetime import timedelta

from lxml import etree

from odoo import Command, fields
from odoo.tests import tagged

from .common import PerformanceCase

ROOT = "performance_management.performance_menu_root"


@tagged("post_install", "-at_install")
class TestMenus(PerformanceCase):
    def _menus(self, user):
        """{xml id: menu} of the Performance app as the web client loads it for ``user``."""
        menus = self.env["ir.ui.menu"].with_user(user).load_menus(False)
        found, todo = {}, list(menus[self.env.ref(ROOT).id]["children"])
        while todo:
            menu = menus[todo.pop(0)]
            found[menu["xmlid"]] = menu
            todo.extend(menu["children"])
        return found

    def test_one_reporting_root(self):
        roots = {
            self.env["ir.ui.menu"].browse(menu_id).name
            for menu_id in self.env["ir.ui.menu"]
            .with_user(self.user_officer)
            .load_menus(False)[self.env.ref(ROOT).id]["children"]
        }
        self.assertIn("Reporting", roots)
        self.assertNotIn("Analysis", roots)
        reporting = self.env.ref("performance_management.performance_reporting_menu_section")
        officer_reports = {
            menu.get_external_id()[menu.id]
            for menu in reporting.with_user(self.user_officer).child_id
        }
        self.assertIn("performance_management.performance_cycle_evaluation_menu", officer_reports)
        self.assertIn("performance_management.performance_report_menu", officer_reports)
        # a manager reads the analysis of his chain, not the officers' evaluation
        menus = self._menus(self.user_manager)
        self.assertIn("performance_management.performance_report_menu", menus)
        self.assertNotIn("performance_management.performance_cycle_evaluation_menu", menus)
        self.assertNotIn("performance_management.performance_calibration_log_menu", menus)

    def test_issues_and_plans_have_their_own_section(self):
        section = "performance_management.performance_issue_menu_section"
        inside = {
            "performance_management.performance_issue_menu",
            "performance_management.performance_improvement_plan_menu",
            "performance_management.performance_improvement_checkin_menu",
        }
        feedback = self.env.ref("performance_management.performance_feedback_menu_section")
        for xmlid in inside:
            self.assertEqual(self.env.ref(xmlid).parent_id, self.env.ref(section))
        self.assertFalse(
            {menu.get_external_id()[menu.id] for menu in feedback.child_id} & inside,
            "confidential plans are no longer under Feedback & Coaching",
        )
        for user in (self.user_officer, self.user_manager, self.user_director):
            with self.subTest(user=user.login):
                self.assertIn(section, self._menus(user))
        for user in (self.user_employee, self.user_peer):
            with self.subTest(user=user.login):
                menus = self._menus(user)
                self.assertNotIn(section, menus)
                self.assertFalse(inside & set(menus))

    def test_no_wizard_is_a_menu(self):
        menus = self.env["ir.ui.menu"].search([("id", "child_of", self.env.ref(ROOT).id)])
        windows = menus.filtered(lambda m: m.action and m.action._name == "ir.actions.act_window")
        for menu in windows:
            with self.subTest(menu=menu.complete_name):
                self.assertNotEqual(menu.action.target, "new")

    def test_feedback_screens_carry_the_wizards(self):
        give = self.env.ref("performance_management.performance_feedback_give_action")
        ask = self.env.ref("performance_management.performance_feedback_request_wizard_action")
        Feedback = self.env["performance.feedback"].with_user(self.user_employee)
        for view_type in ("list", "kanban"):
            with self.subTest(view=view_type):
                arch = etree.fromstring(Feedback.get_view(view_type=view_type)["arch"])
                names = arch.xpath("//header/button/@name")
                self.assertIn(str(give.id), names)
                self.assertIn(str(ask.id), names)


@tagged("post_install", "-at_install")
class TestCycleBars(PerformanceCase):
    def test_phase_bars_and_distribution_chart(self):
        scale = self.env["performance.rating.scale"].create(
            {
                "name": "Bars scale",
                "level_ids": [
                    Command.create({"name": "Low", "value": 1, "target_percent": 30}),
                    Command.create({"name": "High", "value": 2, "target_percent": 70}),
                ],
            }
        )
        today = fields.Date.today()
        template = self.env["performance.review.template"].create(
            {
                "name": "Bars template",
                "scale_id": scale.id,
                "question_weight": 0,
                "competency_weight": 0,
                "goal_weight": 100,
            }
        )
        cycle = self.env["performance.cycle"].create(
            {
                "name": "Bars cycle",
                "template_id": template.id,
                "date_start": today - timedelta(days=60),
                "date_end": today + timedelta(days=60),
                "date_self_deadline": today - timedelta(days=1),
            }
        )
        Review = self.env["performance.review"]
        for employee, state in (
            (self.employee, "self_review"),
            (self.peer, "manager_review"),
            (self.nouser_employee, "self_review"),
        ):
            Review.create(
                {
                    "employee_id": employee.id,
                    "manager_id": self.manager.id,
                    "template_id": template.id,
                    "cycle_id": cycle.id,
                    "date_start": today - timedelta(days=60),
                    "date_end": today + timedelta(days=60),
                }
            ).sudo().write({"state": state})
        cycle.invalidate_recordset()
        bars = {bar["key"]: bar for bar in cycle.with_user(self.user_officer).phase_progress}
        self.assertEqual(list(bars), ["self", "manager", "released", "acknowledged"])
        self_bar = bars["self"]
        self.assertEqual((self_bar["done"], self_bar["total"], self_bar["percent"]), (1, 3, 33))
        # the self-review deadline is past: the two still in self review are late
        self.assertEqual((self_bar["late"], self_bar["late_percent"]), (2, 67))
        self.assertEqual(self_bar["deadline"], fields.Date.to_string(today - timedelta(days=1)))
        self.assertEqual(bars["manager"]["late"], 0, "no manager deadline, nothing late")
        chart = cycle.distribution_data
        self.assertEqual(chart["total"], 0)
        levels = scale.level_ids
        self.assertEqual([level["level"] for level in chart["levels"]], levels.mapped("name"))
        self.assertEqual(
            [level["target"] for level in chart["levels"]], levels.mapped("target_percent")
        )
