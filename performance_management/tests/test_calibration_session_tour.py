from odoo.tests import HttpCase, tagged

from .test_calibration_session import CalibrationSessionCase


@tagged("post_install", "-at_install")
class TestCalibrationSessionTour(CalibrationSessionCase, HttpCase):
    def test_facilitator_runs_a_session(self):
        self.start_tour(
            "/odoo/action-performance_management.performance_calibration_session_action",
            "performance_calibration_session_create_tour",
            login="pm_officer",
        )
        session = self.env["performance.calibration.session"].search(
            [("name", "=", "Team Mia calibration")]
        )
        self.assertEqual(session.state, "pre_rating")
        self.assertEqual(session.facilitator_id, self.user_officer)
        self.assertEqual(session.participant_ids, self.user_manager | self.user_director)
        self.vote(self.user_manager, self.review_employee, self.levels[4], session=session)
        self.vote(self.user_director, self.review_employee, self.levels[2], session=session)
        self.start_tour(
            f"/odoo/action-performance_management.performance_calibration_session_action/{session.id}",
            "performance_calibration_session_open_tour",
            login="pm_officer",
        )
        self.assertEqual(session.state, "closed")
        self.assertEqual(session.disagreement_ids.employee_id, self.employee)
