import json

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PulseCase

DASHBOARD = "performance_management.spreadsheet_dashboard_performance"


@tagged("post_install", "-at_install")
@freeze_time("2026-11-02")
class TestProgramDashboard(PulseCase):
    """eNPS in the pivots and on the Performance dashboard, for each reader.

    One round answered by seven people of R&D. eNPS answers: Mia's four reports 10, 9, 8
    and 7 (two promoters, no detractor: +50); Mia 3, Dana 3, Olivia 10. The company (and
    R&D): three promoters and two detractors of seven, +14.3. Dana's team (Mia alone) is
    under the threshold of 3: it has no figure.
    """

    def release(self):
        self.run_pulse_cron()
        self.answer_rnd_pulse()
        self.schedule.round_ids.with_user(self.user_officer).action_close()
        self.env.flush_all()

    def pivot(self, name):
        data = json.loads(self.env.ref(DASHBOARD).spreadsheet_data)
        return next(p for p in data["pivots"].values() if p["name"] == name)

    def read_pivot(self, user, name):
        """The pivot's figures as the spreadsheet reads them: {row values: {measure: value}}."""
        pivot = self.pivot(name)
        groupby = [
            ":".join(filter(None, (d["fieldName"], d.get("granularity"))))
            for d in pivot["rows"] + pivot["columns"]
        ]
        aggregates = [m["id"] for m in pivot["measures"]]
        [groups] = (
            self.env[pivot["model"]]
            .with_user(user)
            .formatted_read_grouping_sets(pivot["domain"], [groupby], aggregates)
        )
        return {
            tuple(group[g][0] if isinstance(group[g], tuple) else group[g] for g in groupby): {
                a: group[a] for a in aggregates
            }
            for group in groups
        }

    def test_the_enps_measure_averages_the_enps_question_only(self):
        """The other questions' rows hold 0 as eNPS: the pivot's average leaves them out."""
        self.release()
        Result = self.Result.with_user(self.user_officer)
        enps_question = self.pulse_questions.filtered("performance_enps")
        others = self.pulse_questions.filtered(
            lambda q: q.question_type == "scale" and not q.performance_enps
        )
        self.assertTrue(others, "the default pulse has engagement questions besides the eNPS")
        company = Result.search([("dimension", "=", "company")])
        self.assertEqual(len(company), len(others) + 1)
        self.assertEqual(set(company.filtered(lambda r: not r.is_enps).mapped("enps")), {0.0})
        # the pivot (grouping sets, as the web pivot and the spreadsheet read it)
        [totals, by_question] = Result.formatted_read_grouping_sets(
            [("dimension", "=", "company")],
            [[], ["question_id"]],
            ["enps:avg", "enps:min", "enps:max", "mean:avg", "__count"],
        )
        self.assertAlmostEqual(totals[0]["enps:avg"], 14.3)
        self.assertAlmostEqual(totals[0]["enps:min"], 14.3)
        self.assertAlmostEqual(totals[0]["enps:max"], 14.3)
        self.assertEqual(totals[0]["__count"], len(others) + 1, "every row is still counted")
        figures = {group["question_id"][0]: group["enps:avg"] for group in by_question}
        self.assertAlmostEqual(figures[enps_question.id], 14.3)
        for question in others:
            # no figure (the web client's empty value), not 0
            self.assertIs(figures[question.id], False, question.title)
        # read_group and the dimensions: the team's eNPS is its own, not diluted
        by_dimension = dict(Result._read_group([], ["dimension"], ["enps:avg"], order="dimension"))
        self.assertEqual(
            {k: round(v, 1) for k, v in by_dimension.items()},
            {"company": 14.3, "department": 14.3, "team": 50.0},
        )
        # the mean of each question is untouched: every question's rows count
        team = Result.search([("dimension", "=", "team")])
        [(mean,)] = Result._read_group([("dimension", "=", "team")], [], ["mean:avg"])
        self.assertAlmostEqual(mean, sum(team.mapped("mean")) / len(team))
        # the average over no eNPS row is no figure, not 0
        [(nothing,)] = Result._read_group([("question_id", "in", others.ids)], [], ["enps:avg"])
        self.assertIs(nothing, False)

    def test_dashboard_enps_for_each_reader(self):
        """Each reader's eNPS comes from what he may read, and he gets no error."""
        self.release()
        # the officer: the company's eNPS and the teams'
        self.assertEqual(
            {
                k: round(v["enps:avg"], 1)
                for k, v in self.read_pivot(self.user_officer, "eNPS by round").items()
            },
            {("2026-11-01", "company"): 14.3, ("2026-11-01", "team"): 50.0},
        )
        # Mia: her team's only, never the company's, though she cannot read the questions
        with self.assertRaises(AccessError):
            self.pulse_questions.with_user(self.user_manager).check_access("read")
        self.assertEqual(
            {
                k: round(v["enps:avg"], 1)
                for k, v in self.read_pivot(self.user_manager, "eNPS by round").items()
            },
            {("2026-11-01", "team"): 50.0},
        )
        # an employee, a manager of another team, Mia's own manager: no pulse result
        for user in (self.user_employee, self.user_other_manager, self.user_director):
            with self.subTest(user=user.login):
                self.assertFalse(self.read_pivot(user, "eNPS by round"))

    def test_dashboard_team_enps_and_scorecards_for_each_reader(self):
        """The Team eNPS KPI and the scorecard table read the reader's scorecards."""
        self.release()
        expected = {
            # Mia's team is the only one with a figure past the threshold
            self.user_officer: (1, 50.0),
            self.user_manager: (1, 50.0),
            self.user_director: (1, 50.0),  # the team below him, through the scorecard
            self.user_other_manager: (0, False),
            self.user_employee: (0, False),
        }
        for user, (count, enps) in expected.items():
            with self.subTest(user=user.login):
                [figures] = self.read_pivot(user, "KPI - Team eNPS").values()
                self.assertEqual(figures["__count"], count)
                self.assertEqual(figures["team_enps:avg"], enps)
                # the manager score and the table read as well: nothing for an employee
                [score] = self.read_pivot(user, "KPI - Manager score").values()
                table = self.read_pivot(user, "Manager effectiveness")
                if user == self.user_employee:
                    self.assertEqual(score["__count"], 0)
                    self.assertFalse(table)
        managers = set(self.read_pivot(self.user_director, "Manager effectiveness"))
        self.assertEqual(managers, {(self.director.id,), (self.manager.id,)})
        self.assertEqual(
            set(self.read_pivot(self.user_manager, "Manager effectiveness")),
            {(self.manager.id,)},
        )
        # the Data sheet shows "-" rather than 0 or an error where there is no figure
        data = json.loads(self.env.ref(DASHBOARD).spreadsheet_data)
        cells = next(s for s in data["sheets"] if s["id"] == "data")["cells"]
        for cell in ("B7", "B8"):
            self.assertIn('"__count")>0', cells[cell])
            self.assertTrue(cells[cell].startswith("=IFERROR("))

    def test_a_manager_higher_up_reads_the_enps_of_the_teams_below_him(self):
        """Issue #29: "his manager and officers see it for their scope". Dana reads the eNPS
        of Mia's team through Mia's scorecard, past the threshold only, and never the pulse
        results themselves; nobody outside the chain reads it."""
        self.release()
        Scorecard = self.env["performance.manager.scorecard"]
        mia_card = Scorecard.with_user(self.user_director).search(
            [("manager_id", "=", self.manager.id)]
        )
        self.assertRecordValues(mia_card, [{"has_team_enps": True, "team_enps": 50.0}])
        # his own team (Mia alone) is under the threshold: no figure, through any path
        dana_card = Scorecard.with_user(self.user_director).search(
            [("manager_id", "=", self.director.id)]
        )
        self.assertFalse(dana_card.has_team_enps)
        self.assertFalse(self.Result.sudo().search([("manager_id", "=", self.director.id)]))
        # the pulse results stay the team manager's and the officers'
        self.assertFalse(
            self.Result.with_user(self.user_director).search(
                [("manager_id", "=", self.manager.id)]
            )
        )
        self.assertTrue(
            self.Result.with_user(self.user_manager).search([("manager_id", "=", self.manager.id)])
        )
        # outside the chain: a colleague manager, a report of Mia, the portal
        for user in (self.user_other_manager, self.user_employee, self.user_officer_b):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                mia_card.with_user(user).read(["team_enps"])
        with self.assertRaises(AccessError):
            Scorecard.with_user(self.user_portal).search([])
