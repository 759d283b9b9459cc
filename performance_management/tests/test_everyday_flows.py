"""Everyday flows, round two: what each role meets on the screens of issue 31."""

from datetime import datetime, time, timedelta

from lxml import etree

from odoo import fields
from odoo.tests import Form, tagged

from .test_portal_common import PerformancePortalCase
from .test_review_common import ReviewCase


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
