from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ReportCase


@tagged("post_install", "-at_install")
@freeze_time("2026-12-10")
class TestReviewAnalysis(ReportCase):
    def report(self, user=None, domain=None):
        Report = self.env["performance.report"]
        if user:
            Report = Report.with_user(user)
        return Report.search([("cycle_id", "=", self.cycle.id)] + (domain or []))

    def test_counts_and_averages(self):
        Report = self.env["performance.report"].with_user(self.user_officer)
        [(count, rating)] = Report._read_group(
            [("cycle_id", "=", self.cycle.id)], [], ["__count", "final_rating:avg"]
        )
        self.assertEqual(count, 8)
        # 4 + 5 + 4 + 4 + 2 + 2 + 3 over the seven rated reviews; the unrated one is NULL.
        self.assertAlmostEqual(rating, 24 / 7)
        by_manager = {
            manager: (count, rating)
            for manager, count, rating in Report._read_group(
                [("cycle_id", "=", self.cycle.id), ("final_rating_id", "!=", False)],
                ["manager_id"],
                ["__count", "final_rating:avg"],
            )
        }
        self.assertEqual(by_manager[self.manager], (4, 4.25))
        self.assertEqual(by_manager[self.other_manager], (2, 2.0))
        self.assertEqual(by_manager[self.director], (1, 3.0))
        by_department = dict(
            Report._read_group([("cycle_id", "=", self.cycle.id)], ["department_id"], ["__count"])
        )
        self.assertEqual(by_department[self.department], 6)
        self.assertEqual(by_department[self.other_department], 2)

    def test_distribution_against_guideline(self):
        rows = self.cycle.with_user(self.user_officer)._get_rating_distribution()
        by_value = {int(row["level"].value): row for row in rows}
        self.assertEqual([row["count"] for row in rows], [0, 2, 1, 3, 1])
        self.assertAlmostEqual(by_value[4]["percent"], 300 / 7)
        self.assertAlmostEqual(by_value[4]["gap"], 300 / 7 - 20)
        self.assertAlmostEqual(by_value[3]["gap"], 100 / 7 - 50)
        self.assertAlmostEqual(sum(row["percent"] for row in rows), 100.0)

    def test_calibration_shift_before_and_after(self):
        rows = self.report(self.user_officer, [("is_calibrated", "=", True)])
        self.assertEqual(rows.employee_id, self.employee | self.other_employee)
        eli = rows.filtered(lambda row: row.employee_id == self.employee)
        self.assertEqual(eli.initial_rating_id, self.levels[3])
        self.assertEqual(eli.final_rating_id, self.levels[4])
        self.assertEqual(eli.rating_shift, 1.0)
        self.assertTrue(eli.is_raised)
        olga = rows - eli
        self.assertEqual(olga.rating_shift, -1.0)
        self.assertFalse(olga.is_raised)
        pat = self.report(self.user_officer, [("employee_id", "=", self.peer.id)])
        self.assertEqual(pat.initial_rating_id, pat.final_rating_id)
        self.assertFalse(pat.is_calibrated)

    def test_cycle_evaluation_figures(self):
        cycle = self.cycle.with_user(self.user_officer)
        self.assertEqual(cycle.evaluation_review_count, 8)
        self.assertAlmostEqual(cycle.self_completion_rate, 87.5)
        self.assertAlmostEqual(cycle.manager_completion_rate, 87.5)
        self.assertAlmostEqual(cycle.completion_rate, 37.5)
        self.assertAlmostEqual(cycle.acknowledged_rate, 12.5)
        self.assertAlmostEqual(cycle.self_on_time_rate, 87.5)
        # Oscar's manager review came after the deadline, Dana's never came.
        self.assertAlmostEqual(cycle.manager_on_time_rate, 75.0)
        self.assertEqual(cycle.average_rating, round(24 / 7, 2))
        self.assertAlmostEqual(cycle.goal_attainment_rate, 90.0)
        self.assertEqual(
            (
                cycle.calibration_change_count,
                cycle.calibration_up_count,
                cycle.calibration_down_count,
            ),
            (2, 1, 1),
        )
        self.assertEqual((cycle.peer_request_count, cycle.peer_answer_count), (4, 3))
        self.assertAlmostEqual(cycle.peer_participation_rate, 75.0)
        self.assertIn("Mia Manager", cycle.leniency_html)

    def test_leniency_per_manager(self):
        rows = {
            row["manager"]: row for row in self.cycle.with_user(self.user_officer)._get_leniency()
        }
        mia = rows[self.manager]
        # Compared with the other reviewers in R&D: Dana rated Mia 3.
        self.assertEqual((mia["count"], mia["average"], mia["baseline"]), (4, 4.25, 3.0))
        self.assertAlmostEqual(mia["delta"], 1.25)
        self.assertEqual(mia["indicator"], "lenient")
        self.assertEqual((mia["raised"], mia["lowered"]), (1, 0))
        otto = rows[self.other_manager]
        # Nobody else reviews in Sales: compared with the rest of the cycle (4, 5, 4, 4, 3).
        self.assertAlmostEqual(otto["baseline"], 4.0)
        self.assertAlmostEqual(otto["delta"], -2.0)
        self.assertEqual(otto["indicator"], "severe")
        self.assertEqual((otto["raised"], otto["lowered"]), (0, 1))
        self.assertEqual(rows[self.director]["indicator"], "few")

    def test_manager_sees_only_their_chain(self):
        self.assertEqual(
            self.report(self.user_manager).employee_id,
            self.employee | self.peer | self.portal_employee | self.nouser_employee,
        )
        # The director sees her whole chain, never her own review.
        self.assertEqual(
            self.report(self.user_director).employee_id,
            self.manager | self.employee | self.peer | self.portal_employee | self.nouser_employee,
        )
        self.assertEqual(
            self.report(self.user_other_manager).employee_id, self.other_employee | self.oscar
        )
        self.assertFalse(self.report(self.user_employee))
        self.assertFalse(self.report(self.user_officer_b))
        self.assertEqual(len(self.report(self.user_officer)), 8)

    def test_my_team_and_current_cycle_filters(self):
        mine = self.report(self.user_director, [("is_my_team", "=", True)])
        self.assertEqual(len(mine), 5)
        self.assertTrue(all(self.report(self.user_officer).mapped("is_current_cycle")))
        older = self.cycle.copy({"name": "Annual Review 2025", "date_start": "2025-01-01"})
        older.state = "closed"
        old_review = self.env["performance.review"].create(
            {
                "employee_id": self.employee.id,
                "cycle_id": older.id,
                "template_id": self.template.id,
                "date_start": "2025-01-01",
                "date_end": "2025-12-31",
            }
        )
        current = self.env["performance.report"].search([("is_current_cycle", "=", True)])
        self.assertNotIn(old_review.id, current.ids)
        self.assertEqual(len(current), 8)
        # Once this year's cycle is closed too, the latest one is still the current one.
        self.cycle.state = "closed"
        current = self.env["performance.report"].search([("is_current_cycle", "=", True)])
        self.assertEqual(current.cycle_id, self.cycle)

    def test_export_within_access(self):
        export = self.env.ref("base.group_allow_export")
        (self.user_manager | self.user_employee).group_ids += export
        fields = ["employee_id", "manager_id", "final_rating_id", "final_rating"]
        rows = self.report(self.user_manager).export_data(fields)["datas"]
        self.assertEqual(
            sorted(row[0] for row in rows),
            ["Eli Employee", "Noah Nouser", "Pat Peer", "Paula Portal"],
        )
        self.assertFalse(self.report(self.user_employee).export_data(fields)["datas"])
        with self.assertRaises(AccessError):
            self.env["performance.report"].with_user(self.user_portal).search([])

    def test_evaluation_is_for_officers(self):
        with self.assertRaises(AccessError):
            self.cycle.with_user(self.user_manager).read(["average_rating"])
        with self.assertRaises(AccessError):
            self.env["performance.report"].with_user(self.user_manager).create({})

    def test_cycle_buttons(self):
        cycle = self.cycle.with_user(self.user_officer)
        action = cycle.action_view_analysis()
        self.assertEqual(action["res_model"], "performance.report")
        self.assertEqual(
            len(
                self.env["performance.report"]
                .with_user(self.user_officer)
                .search(action["domain"])
            ),
            8,
        )
        action = cycle.action_print_evaluation()
        self.assertEqual(action["report_name"], "performance_management.report_cycle_evaluation")

    def test_analysis_opens_on_counts_of_rated_reviews(self):
        """The pivot counts reviews per rating: no average of the rating's own value, no None."""
        action = self.env.ref("performance_management.performance_report_action")
        self.assertIn("'search_default_rated': 1", action.context)
        arch = self.env["performance.report"].get_views([(False, "pivot")])["views"]["pivot"]
        # no measure named: the pivot counts the records
        self.assertNotIn('type="measure"', arch["arch"])
