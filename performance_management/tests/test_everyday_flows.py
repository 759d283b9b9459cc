"""Everyday flows, round two: what each role meets on the screens of issue 31."""

from lxml import etree

from odoo.tests import tagged

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
