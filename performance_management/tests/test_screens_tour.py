from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from .common import ReviewCase


@tagged("post_install", "-at_install")
@freeze_time("2026-11-20")
class TestScreensTours(ReviewCase, HttpCase):
    """The screens of issue #21 played in Chromium, each by the role that uses it."""

    def test_officer_reads_the_cycle(self):
        self.launch()
        self.start_tour(
            f"/odoo/action-performance_management.performance_cycle_action/{self.cycle.id}",
            "performance_cycle_screens_tour",
            login="pm_officer",
        )

    def _overview_data(self):
        self.env["performance.goal"].create(
            {"name": "Overview goal", "employee_id": self.employee.id}
        )
        plan = self.env["performance.improvement.plan"].create(
            {
                "name": "Overview plan",
                "employee_id": self.employee.id,
                "date_end": "2027-03-31",
                "objective_ids": [(0, 0, {"name": "Deliver"})],
            }
        )
        plan.action_activate()
        self.env["performance.recognition"].create(
            {
                "giver_id": self.peer.id,
                "receiver_ids": self.employee.ids,
                "message": "<p>Thanks for the help</p>",
            }
        )

    def test_manager_opens_the_overview_of_a_report(self):
        self._overview_data()
        self.start_tour(
            f"/odoo/action-hr.hr_employee_public_action/{self.employee.id}",
            "performance_employee_overview_tour",
            login="pm_manager",
        )

    def test_overview_opened_from_its_url_names_itself(self):
        self._overview_data()
        self.start_tour(
            f"/odoo/action-hr.hr_employee_public_action/{self.employee.id}"
            "/performance_employee_overview",
            "performance_employee_overview_url_tour",
            login="pm_manager",
        )

    def test_peer_sees_only_what_is_public(self):
        self._overview_data()
        self.start_tour(
            f"/odoo/action-hr.hr_employee_public_action/{self.employee.id}",
            "performance_employee_overview_peer_tour",
            login="pm_peer",
        )
