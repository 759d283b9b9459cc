from odoo.tests import HttpCase, tagged

from .test_report_common import ReportCase


@tagged("post_install", "-at_install")
class TestReportTour(HttpCase, ReportCase):
    """The dashboard played in Chromium by a manager."""

    def test_dashboard_tour(self):
        self.start_tour(
            "/odoo/action-performance_management.performance_dashboard_action",
            "performance_dashboard_tour",
            login="pm_manager",
        )
