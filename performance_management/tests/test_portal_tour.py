from odoo.tests import tagged

from .common import PerformancePortalCase


@tagged("post_install", "-at_install")
class TestPortalTours(PerformancePortalCase):
    """The employee side played in Chromium by a portal employee."""

    def test_tour_goal_checkin(self):
        self.start_tour("/my/performance", "performance_portal_goal_checkin", login="pm_portal")
        checkin = self.portal_goal.checkin_ids
        self.assertEqual(checkin.user_id, self.user_portal)
        self.assertEqual(checkin.confidence, "at_risk")
        self.assertEqual(self.portal_goal.key_result_ids[0].current_value, 7.0)

    def test_tour_self_review(self):
        self.start_tour("/my/performance", "performance_portal_self_review", login="pm_portal")
        review = self.portal_review_self
        self.assertEqual(review.state, "manager_review")
        first = review.line_ids.filtered(lambda line: line.role == "employee")[0]
        self.assertEqual(first.answer, "I closed every ticket")
        self.assertEqual(first.rating_id, self.levels[3])

    def test_tour_acknowledge_review(self):
        self.start_tour(
            "/my/performance", "performance_portal_acknowledge_review", login="pm_portal"
        )
        review = self.portal_review_released
        self.assertEqual(review.state, "done")
        self.assertEqual(review.acknowledgement, "disagree")
        self.assertEqual(review.acknowledgement_comment, "Teamwork deserves more")

    def test_tour_kudos(self):
        self.start_tour("/my/performance", "performance_portal_kudos", login="pm_portal")
        kudos = self.env["performance.recognition"].search(
            [("giver_id", "=", self.portal_employee.id)]
        )
        self.assertEqual(kudos.receiver_ids, self.employee)
        self.assertEqual(kudos.value_id, self.value)

    def test_tour_talking_point(self):
        self.start_tour("/my/performance", "performance_portal_talking_point", login="pm_portal")
        point = self.portal_meeting.talking_point_ids
        self.assertEqual(point.name, "My training budget")
        self.assertEqual(point.user_id, self.user_portal)


@tagged("post_install", "-at_install")
class TestPortalMobileTour(PerformancePortalCase):
    """Every /my/performance page on a phone: 390 px wide, touch, nothing out of the screen."""

    browser_size = "390x844"
    touch_enabled = True

    def test_tour_every_page_fits_a_phone(self):
        self.start_tour("/my/performance", "performance_portal_mobile", login="pm_portal")
