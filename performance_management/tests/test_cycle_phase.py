"""A cycle moves on only after the officer was told who is behind and who cannot log in."""

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from .common import ReviewCase


@tagged("post_install", "-at_install")
@freeze_time("2026-11-01")
class TestCyclePhase(ReviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # like Jeffrey Kelly in Odoo's demo: a manager without a user
        cls.jeffrey = cls.env["hr.employee"].create(
            {"name": "Jeffrey Kelly", "department_id": cls.other_department.id}
        )
        cls.rachel = cls.env["hr.employee"].create(
            {
                "name": "Rachel Perry",
                "parent_id": cls.jeffrey.id,
                "department_id": cls.department.id,
            }
        )

    def _phase(self, phase):
        action = (
            self.cycle.with_user(self.user_officer)
            .with_context(performance_phase=phase)
            .action_open_phase()
        )
        if action.get("res_model") != "performance.cycle.phase":
            return action
        return (
            self.env["performance.cycle.phase"]
            .with_user(self.user_officer)
            .browse(action["res_id"])
        )

    def _submit(self, employee):
        review = self.review_of(employee)
        self.fill(review, "employee", self.env.user)
        review.sudo().action_submit_self()
        self.fill(review, "manager", self.user_manager)
        review.with_user(self.user_manager).write({"potential": "medium"})
        review.with_user(self.user_manager).action_submit_manager()
        return review

    def test_launch_warns_about_reviewers_who_cannot_log_in(self):
        wizard = self._phase("launch")
        self.assertEqual(wizard.no_login_count, 1)
        participants = self.cycle._get_pending_participants()
        self.assertEqual(wizard.participant_count, len(participants))
        self.assertFalse(self.cycle.review_ids, "nothing is launched before the officer goes on")
        wizard.action_go_on()
        self.assertEqual(self.cycle.state, "running")
        self.assertEqual(self.cycle.no_login_count, 1)
        action = self.cycle.action_view_no_login()
        self.assertEqual(
            self.env["performance.review"].search(action["domain"]), self.review_of(self.rachel)
        )

    def test_calibration_and_release_say_who_is_behind(self):
        self.launch()
        ready = self._submit(self.employee)
        behind = self.cycle.review_ids - ready
        wizard = self._phase("calibration")
        self.assertEqual(wizard.behind_count, len(behind))
        # remind them: one mail per review behind, to its author
        mails = self.env["mail.mail"].sudo().search_count([])
        notification = wizard.action_remind()
        self.assertEqual(notification["tag"], "display_notification")
        self.assertEqual(self.env["mail.mail"].sudo().search_count([]) - mails, len(behind))
        # see (and reassign) them
        action = wizard.action_view_behind()
        self.assertEqual(self.env["performance.review"].search(action["domain"]), behind)
        # go on with the others: the cycle shows what it left behind
        wizard.action_go_on()
        self.assertEqual(self.cycle.state, "calibration")
        self.assertEqual(self.cycle.behind_count, len(behind))
        self.assertEqual(ready.state, "calibration")
        release = self._phase("release")
        self.assertEqual(release.behind_count, len(behind))
        release.action_go_on()
        self.assertEqual(self.cycle.state, "released")
        self.assertEqual(ready.state, "released")
        self.assertEqual(set(behind.mapped("state")) - {"self_review", "manager_review"}, set())
        self.assertEqual(self.cycle.behind_count, len(behind))
        self.cycle.invalidate_recordset()
        action = self.cycle.action_view_behind()
        self.assertEqual(self.env["performance.review"].search(action["domain"]), behind)

    def test_closing_self_reviews_asks_first_and_counts_them(self):
        self.launch()
        reviews = self.cycle.review_ids
        self.assertTrue(reviews)
        self.assertEqual(set(reviews.mapped("state")), {"self_review"})
        wizard = self._phase("manager")
        # a confirmation, nothing moved yet: none of the self reviews is done
        self.assertEqual(wizard._name, "performance.cycle.phase")
        self.assertEqual((wizard.behind_count, wizard.participant_count), (len(reviews),) * 2)
        self.assertEqual(set(reviews.mapped("state")), {"self_review"})
        self.assertEqual(
            self.env["performance.review"].search(wizard.action_view_behind()["domain"]), reviews
        )
        wizard.action_go_on()
        self.assertEqual(set(reviews.mapped("state")), {"manager_review"})

    def test_calibration_with_nothing_behind_goes_straight_on(self):
        self.cycle.participant_mode = "employee"
        self.cycle.employee_ids = self.employee
        self.launch()
        self._submit(self.employee)
        result = self._phase("calibration")
        self.assertEqual(result, {"type": "ir.actions.act_window_close"})
        self.assertEqual(self.cycle.state, "calibration")
        self.assertEqual(self.cycle.behind_count, 0)

    def test_only_officers_move_a_cycle(self):
        from odoo.exceptions import UserError

        with self.assertRaises(UserError):
            self.cycle.with_user(self.user_manager).with_context(
                performance_phase="launch"
            ).action_open_phase()


@tagged("post_install", "-at_install")
@freeze_time("2026-11-01")
class TestCyclePhaseTour(ReviewCase, HttpCase):
    def test_officer_starts_calibration_with_reviews_behind(self):
        self.launch()
        self.start_tour(
            f"/odoo/action-performance_management.performance_cycle_action/{self.cycle.id}",
            "performance_cycle_calibration_tour",
            login="pm_officer",
        )
        self.assertEqual(self.cycle.state, "calibration")
        self.assertTrue(self.cycle.behind_count)
