"""Everyday flows, round two: what each role meets on the screens of issue 31."""

import json
from datetime import datetime, time, timedelta

from lxml import etree

from odoo import fields
from odoo.fields import Command
from odoo.tests import Form, HttpCase, tagged

from .common import PerformancePortalCase, ReportCase, ReviewCase


@tagged("post_install", "-at_install")
class TestReviewNew(ReviewCase):
    def test_all_reviews_has_no_new(self):
        """Reviews come from cycles and the scheduled probation and recurring reviews: the
        All Reviews screens offer no New (it opened a "False - Review Cycle" form whose
        employee and template could not be set), to the officer who may create either."""
        action = self.env.ref("performance_management.performance_review_action")
        Review = self.env["performance.review"].with_user(self.user_officer)
        self.assertTrue(Review.has_access("create"))
        views = Review.get_views([(False, mode) for mode in action.view_mode.split(",")])
        for view_type in ("kanban", "list", "form", "calendar"):
            arch = etree.fromstring(views["views"][view_type]["arch"])
            self.assertEqual(arch.get("create"), "0", f"the {view_type} view offers no New")


@tagged("post_install", "-at_install")
class TestRewardTitle(ReviewCase):
    def test_typed_title_survives_employee_and_kind(self):
        """The manager's own title stays when he changes the employee or the kind; the title
        the form wrote follows them."""
        with Form(self.env["performance.reward"].with_user(self.user_manager)) as form:
            form.employee_id = self.employee
            form.kind = "bonus"
            self.assertIn(self.employee.name, form.name)
            form.employee_id = self.peer
            self.assertIn(self.peer.name, form.name, "the written title follows the employee")
            form.name = "Launch of the Berlin office"
            form.employee_id = self.employee
            form.kind = "spot"
            self.assertEqual(form.name, "Launch of the Berlin office")
            form.amount = 100
        self.assertEqual(form.record.name, "Launch of the Berlin office")


@tagged("post_install", "-at_install")
class TestPortalMeetingsToday(PerformancePortalCase):
    def test_todays_meeting_shows_under_the_default_filter(self):
        """The portal's 1:1 list opens on Upcoming: the meeting that started an hour ago today
        (still planned) is there; yesterday's unfinished one is under Past."""
        self.user_portal.tz = "UTC"
        now = fields.Datetime.now()
        midnight = datetime.combine(now.date(), time.min)
        self.portal_meeting.date_start = max(midnight, now - timedelta(hours=1))
        yesterday = self.portal_meeting.copy({"date_start": midnight - timedelta(hours=2)})
        link = f"/my/performance/meetings/{self.portal_meeting.id}"
        old = f"/my/performance/meetings/{yesterday.id}"
        self.authenticate("pm_portal", "pm_portal")
        page = self.url_open("/my/performance/meetings").text
        self.assertIn(link, page)
        self.assertNotIn(old, page)
        past = self.url_open("/my/performance/meetings?filterby=past").text
        self.assertIn(old, past)
        self.assertNotIn(link, past)


@tagged("post_install", "-at_install")
class TestManagerMenus(ReviewCase):
    MANAGER_MENUS = frozenset(
        {
            "performance_management.performance_goal_menu_team",
            "performance_management.performance_review_menu_to_do",
            "performance_management.performance_coaching_log_menu",
            "performance_management.performance_development_plan_menu",
            "performance_management.performance_reward_menu",
            "performance_management.performance_reporting_menu_section",
            "performance_management.performance_issue_menu_section",
        }
    )
    OWN_MENUS = frozenset(
        {
            "performance_management.performance_goal_menu_my",
            "performance_management.performance_review_menu_my",
            "performance_management.performance_coaching_log_my_menu",
            "performance_management.performance_development_plan_menu_my",
        }
    )

    def _menus(self, user):
        menus = self.env["ir.ui.menu"].with_user(user).load_menus(False)
        return {menu.get("xmlid") for menu in menus.values() if isinstance(menu, dict)}

    def test_plain_employee_sees_his_own_menus_only(self):
        menus = self._menus(self.user_employee)
        self.assertFalse(self.MANAGER_MENUS & menus)
        self.assertLessEqual(self.OWN_MENUS, menus)
        for user in (self.user_manager, self.user_officer):
            with self.subTest(user=user.login):
                self.assertLessEqual(self.MANAGER_MENUS, self._menus(user))

    def test_menus_follow_who_manages(self):
        """The peer gets a report: his next menu load shows the manager menus; the report
        moves back to the manager: they are gone again (load_menus is cached per user)."""
        self.assertFalse(self.MANAGER_MENUS & self._menus(self.user_peer))
        self.nouser_employee.parent_id = self.peer
        self.assertLessEqual(self.MANAGER_MENUS, self._menus(self.user_peer))
        self.nouser_employee.parent_id = self.manager
        self.assertFalse(self.MANAGER_MENUS & self._menus(self.user_peer))
        # a write that changes no one's managing keeps the caches
        self._menus(self.user_peer)
        with self.assertQueryCount(0):
            self.env["ir.ui.menu"].with_user(self.user_peer).load_menus(False)
        self.employee.parent_id = self.manager
        self.env.flush_all()
        with self.assertQueryCount(0):
            self.env["ir.ui.menu"].with_user(self.user_peer).load_menus(False)
        # a new report of a manager changes nothing; the peer's first report does
        self.env["hr.employee"].create({"name": "Nina New", "parent_id": self.manager.id})
        with self.assertQueryCount(0):
            self.env["ir.ui.menu"].with_user(self.user_peer).load_menus(False)
        self.env["hr.employee"].create({"name": "Ned New", "parent_id": self.peer.id})
        self.assertLessEqual(self.MANAGER_MENUS, self._menus(self.user_peer))

    def test_dashboard_never_shows_a_spreadsheet_error(self):
        """An average over no review is a division by zero: every value the scorecards read
        is caught, so the dashboard shows "-" or 0, never #DIV/0!."""
        dashboard = self.env.ref("performance_management.spreadsheet_dashboard_performance")
        data = json.loads(dashboard.spreadsheet_data)
        formulas = {
            f"{sheet['name']}!{ref}": cell if isinstance(cell, str) else cell.get("content", "")
            for sheet in data["sheets"]
            for ref, cell in sheet["cells"].items()
        }
        values = {ref: text for ref, text in formulas.items() if "PIVOT.VALUE" in text}
        self.assertTrue(values)
        for ref, text in values.items():
            self.assertTrue(text.startswith("=IFERROR("), f"{ref} can show an error: {text}")


@tagged("post_install", "-at_install")
class TestSheetsFit(ReviewCase, HttpCase):
    browser_size = "1440x900"

    def test_self_review_questions_read_in_full(self):
        self.launch()
        review = self.review_of(self.employee)
        question = self.lines(review, "employee", "rating")[:1]
        question.name = "Quality and accuracy of the work delivered to customers"
        self.start_tour(
            f"/odoo/action-performance_management.performance_review_action_my/{review.id}",
            "performance_review_sheet_questions_tour",
            login="pm_employee",
        )

    def test_goal_key_results_fit_beside_the_chatter(self):
        goal = self.env["performance.goal"].create(
            {
                "name": "Grow the customer base",
                "employee_id": self.employee.id,
                "key_result_ids": [
                    Command.create(
                        {
                            "name": f"Signed customers in region {region}",
                            "kind": "number",
                            "start_value": 10,
                            "target_value": 250,
                            "unit": "customers",
                            "weight": 2,
                        }
                    )
                    for region in ("North", "South", "East")
                ]
                + [Command.create({"name": "Launch the reseller program", "kind": "milestone"})],
            }
        )
        self.start_tour(
            f"/odoo/action-performance_management.performance_goal_action_my/{goal.id}",
            "performance_goal_key_results_fit_tour",
            login="pm_employee",
        )


@tagged("post_install", "-at_install")
class TestCycleDeadlines(ReviewCase):
    def test_new_cycle_proposes_its_deadlines(self):
        """The officer sets the period: the deadlines follow, a week apart, the first two weeks
        after the start (or after today when the period started already); one he set stays."""
        today = fields.Date.context_today(self.env.user)
        with Form(self.env["performance.cycle"].with_user(self.user_officer)) as form:
            form.name = "Mid-year"
            form.template_id = self.template
            form.date_self_deadline = today + timedelta(days=17)
            form.date_start = today + timedelta(days=10)
            form.date_end = today + timedelta(days=180)
            start = today + timedelta(days=10)
            self.assertEqual(form.date_self_deadline, today + timedelta(days=17))
            self.assertEqual(form.date_peer_deadline, start + timedelta(weeks=3))
            self.assertEqual(form.date_manager_deadline, start + timedelta(weeks=4))
            self.assertEqual(form.date_calibration_deadline, start + timedelta(weeks=5))
            self.assertEqual(form.date_release, start + timedelta(weeks=6))
            self.assertEqual(form.date_acknowledge_deadline, start + timedelta(weeks=7))
        with Form(self.env["performance.cycle"].with_user(self.user_officer)) as form:
            form.name = "Year so far"
            form.template_id = self.template
            form.date_start = today - timedelta(days=200)
            form.date_end = today + timedelta(days=30)
            self.assertEqual(form.date_self_deadline, today + timedelta(weeks=2))


@tagged("post_install", "-at_install")
class TestPlanWithoutHr(ReviewCase):
    def test_plan_form_warns_without_hr_responsible(self):
        """The manager drafts a plan with nobody from HR on it: the form says so, and what
        happens to the follow-up of an unsuccessful outcome."""
        Plan = self.env["performance.improvement.plan"].with_user(self.user_manager)
        arch = etree.fromstring(Plan.get_view(view_type="form")["arch"])
        alerts = [
            node
            for node in arch.iter("div")
            if "alert" in (node.get("class") or "")
            and "HR Responsible" in "".join(node.itertext())
        ]
        self.assertEqual(len(alerts), 1)
        self.assertIn("hr_responsible_id", alerts[0].get("invisible"))


@tagged("post_install", "-at_install")
class TestSummaryScore(ReportCase):
    def test_review_without_score_is_not_zero(self):
        """A review rated without scored questions (last year's, imported) prints its rating
        and no score, not "0 / 100"."""
        review = self.review_olga
        self.assertFalse(review.overall_score)
        self.assertTrue(review.final_rating_id)
        report = self.env.ref("performance_management.action_report_performance_employee_summary")
        html = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            ._render_qweb_html(report, self.other_employee.ids)[0]
            .decode()
        )
        self.assertIn(review.final_rating_id.name, html)
        self.assertNotIn("0 / 100", html)
