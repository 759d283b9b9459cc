from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.service.model import call_kw
from odoo.tests import tagged

from .common import ReviewCase


class NineBoxCase(ReviewCase):
    """A launched cycle with reviews placed in the 9-box, in calibration."""

    def setUp(self):
        super().setUp()
        self.launch()
        self.eli = self.place(self.employee, 2, "medium")  # Meets: a core player
        self.pat = self.place(self.peer, 4, "high")  # Outstanding: a star

    def place(self, employee, level_index, potential, state="calibration"):
        review = self.review_of(employee)
        # sudo: the test's data, as the manager review would have left it
        review.assessment_ids.sudo().write(
            {"final_rating_id": self.levels[level_index].id, "potential": potential}
        )
        review.sudo().write({"state": state})
        return review.assessment_ids

    def nine_box(self, user):
        Assessment = self.env["performance.review.assessment"].with_user(user)
        return Assessment.get_nine_box_data([("cycle_id", "=", self.cycle.id)])


@tagged("post_install", "-at_install")
@freeze_time("2026-11-01")
class TestNineBox(NineBoxCase):
    def test_counts_and_guideline_of_the_whole_search(self):
        data = self.nine_box(self.user_officer)
        self.assertEqual(data["total"], len(self.cycle.review_ids))
        self.assertEqual(data["placed"], 2)
        self.assertEqual(data["boxes"], {"medium_medium": 1, "high_high": 1})
        [scale] = data["scales"]
        self.assertEqual(scale["id"], self.scale.id)
        self.assertEqual(
            [(level["tier"], level["target"], level["count"]) for level in scale["levels"]],
            [("low", 5, 0), ("low", 15, 0), ("medium", 50, 1), ("high", 20, 0), ("high", 10, 1)],
        )

    def test_counts_take_as_many_queries_for_more_reviews(self):
        def queries():
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            data = self.nine_box(self.user_officer)
            return self.env.cr.sql_log_count - before, data

        queries()  # warm the registry's caches
        few, _data = queries()
        for employee, level, potential in (
            (self.portal_employee, 0, "low"),
            (self.nouser_employee, 1, "high"),
            (self.director, 3, "medium"),
            (self.manager, 2, "medium"),
        ):
            self.place(employee, level, potential)
        many, data = queries()
        self.assertEqual(data["placed"], 6)
        self.assertEqual(many, few)

    def test_counts_follow_the_readers_rights(self):
        # the other team's manager counts nothing of this cycle
        self.assertEqual(self.nine_box(self.user_other_manager)["total"], 0)
        # an employee does not see assessments before their release, not even his own
        self.assertEqual(self.nine_box(self.user_employee)["total"], 0)
        self.assertEqual(self.nine_box(self.user_portal)["total"], 0)
        # the manager counts his team, not himself
        manager_data = self.nine_box(self.user_manager)
        self.assertEqual(manager_data["boxes"], {"medium_medium": 1, "high_high": 1})
        self.assertNotIn(
            self.manager,
            self.env["performance.review.assessment"]
            .with_user(self.user_manager)
            .search([("cycle_id", "=", self.cycle.id)])
            .employee_id,
        )

    def test_move_across_performance_and_potential_is_logged(self):
        self.eli.with_user(self.user_officer).action_calibrate(
            self.levels[4].id, "high", "  Led the migration  "
        )
        self.assertEqual(self.eli.final_rating_id, self.levels[4])
        self.assertEqual(self.eli.nine_box, "high_high")
        log = self.eli.calibration_log_ids
        self.assertEqual(len(log), 1)
        self.assertEqual((log.old_rating_id, log.new_rating_id), (self.levels[2], self.levels[4]))
        self.assertEqual((log.old_potential, log.new_potential), ("medium", "high"))
        self.assertEqual(log.user_id, self.user_officer)
        self.assertEqual(log.reason, "Led the migration")
        data = self.nine_box(self.user_officer)
        self.assertEqual(data["boxes"], {"high_high": 2})
        self.assertEqual(data["scales"][0]["levels"][4]["count"], 2)

    def test_potential_only_move_is_logged_too(self):
        self.eli.with_user(self.user_officer).action_calibrate(
            self.levels[2].id, "low", "Wants to stay in this role"
        )
        self.assertEqual(self.eli.nine_box, "medium_low")
        log = self.eli.calibration_log_ids
        self.assertEqual((log.old_rating_id, log.new_rating_id), (self.levels[2], self.levels[2]))
        self.assertEqual((log.old_potential, log.new_potential), ("medium", "low"))
        # a potential changed without a reason, from anywhere, is refused
        with self.assertRaisesRegex(UserError, "Give a reason"):
            self.eli.with_user(self.user_officer).potential = "high"

    def test_reason_and_scale_are_required(self):
        as_officer = self.eli.with_user(self.user_officer)
        with self.assertRaisesRegex(UserError, "reason"):
            as_officer.action_calibrate(self.levels[4].id, "high", "   ")
        other_scale = self.env["performance.rating.scale"].create(
            {"name": "Other", "level_ids": [(0, 0, {"name": "Top", "value": 9})]}
        )
        with self.assertRaisesRegex(UserError, "Pick a rating"):
            as_officer.action_calibrate(other_scale.level_ids.id, "high", "Why not")
        with self.assertRaisesRegex(UserError, "Pick a potential"):
            as_officer.action_calibrate(self.levels[4].id, "huge", "Why not")
        self.assertFalse(self.eli.calibration_log_ids)

    def test_wizard_goes_through_the_same_path(self):
        wizard = (
            self.env["performance.calibration.wizard"]
            .with_user(self.user_officer)
            .create(
                {
                    "assessment_id": self.pat.id,
                    "new_rating_id": self.levels[3].id,
                    "reason": "Calibrated down with the panel",
                }
            )
        )
        self.assertEqual(wizard.new_potential, "high")
        wizard.new_potential = "medium"
        wizard.action_confirm()
        log = self.pat.calibration_log_ids
        self.assertEqual((log.old_potential, log.new_potential), ("high", "medium"))
        self.assertEqual(log.new_rating_id, self.levels[3])

    def test_refused_over_rpc_for_all_but_officers(self):
        def calibrate(user):
            Model = self.env["performance.review.assessment"].with_user(user)
            return call_kw(
                Model,
                "action_calibrate",
                [self.eli.ids, self.levels[4].id, "high", "Because I say so"],
                {},
            )

        # the manager of the chain reads the review but calibration belongs to officers
        with self.assertRaisesRegex(UserError, "changed by officers"):
            calibrate(self.user_manager)
        # a manager outside the chain and the employee himself do not reach it at all
        for user in (self.user_other_manager, self.user_employee, self.user_peer):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                calibrate(user)
        self.assertEqual(self.eli.final_rating_id, self.levels[2])
        self.assertFalse(self.eli.calibration_log_ids)
        # nor can anyone write the audit trail by hand
        with self.assertRaises(AccessError):
            call_kw(
                self.env["performance.calibration.log"].with_user(self.user_manager),
                "create",
                [{"assessment_id": self.eli.id, "user_id": self.user_manager.id, "reason": "x"}],
                {},
            )

    def test_reviewer_places_the_review_during_the_manager_review(self):
        noah = self.place(self.nouser_employee, 1, "low", state="manager_review")
        noah.with_user(self.user_manager).action_calibrate(
            self.levels[3].id, "medium", "First placement"
        )
        self.assertEqual(noah.nine_box, "high_medium")
        # before calibration nothing is logged: it is the manager's own review
        self.assertFalse(noah.calibration_log_ids)
        with self.assertRaises(AccessError):
            noah.with_user(self.user_other_manager).action_calibrate(
                self.levels[4].id, "medium", "Not my team"
            )
