import json

from odoo.fields import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.spreadsheet.utils.validate_data import fields_in_spreadsheet, odoo_charts

from .common import ReportCase

DASHBOARD = "performance_management.spreadsheet_dashboard_performance"


@tagged("post_install", "-at_install")
class TestDashboard(ReportCase):
    """The Performance dashboard is a spreadsheet dashboard on the addon's reporting models."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dashboard = cls.env.ref(DASHBOARD)
        cls.data = json.loads(cls.dashboard.spreadsheet_data)
        value = cls.env["performance.value"].create({"name": "Dashboard Courage"})
        cls.env["performance.recognition"].with_user(cls.user_peer).create(
            {
                "receiver_ids": [Command.set((cls.employee | cls.nouser_employee).ids)],
                "value_id": value.id,
                "message": "<p>Brave!</p>",
            }
        )

    def read_group(self, user, model, domain, groupby, aggregates):
        return self.env[model].with_user(user)._read_group(domain, groupby, aggregates)

    def test_dashboard_in_the_human_resources_group(self):
        self.assertEqual(
            self.dashboard.dashboard_group_id,
            self.env.ref("spreadsheet_dashboard.spreadsheet_dashboard_group_hr"),
        )
        self.assertTrue(self.dashboard.is_published)
        action = self.env.ref("performance_management.spreadsheet_dashboard_performance_action")
        self.assertEqual(action.tag, "action_spreadsheet_dashboard")
        self.assertEqual(action.params, {"dashboard_id": self.dashboard.id})
        menu = self.env.ref("performance_management.performance_dashboard_menu")
        self.assertEqual(menu.action, action)
        module = self.env["ir.module.module"].search([("name", "=", "performance_management")])
        depends = module.dependencies_id.mapped("name")
        self.assertIn("spreadsheet_dashboard", depends)
        self.assertNotIn("board", depends)

    def test_who_opens_it(self):
        for user in (self.user_officer, self.user_manager, self.user_employee):
            self.assertTrue(self.dashboard.with_user(user).has_access("read"), user.login)
            self.assertIn(
                self.dashboard,
                self.env["spreadsheet.dashboard"].with_user(user).search([]),
            )
        self.assertFalse(self.dashboard.with_user(self.user_portal).has_access("read"))

    def test_every_model_and_field_is_readable_by_an_hr_officer(self):
        used = fields_in_spreadsheet(self.data)
        self.assertEqual(
            set(used),
            {
                "performance.report",
                "performance.goal.report",
                "performance.activity.report",
                "performance.improvement.plan",
                "performance.manager.scorecard",
                "performance.pulse.result",
            },
        )
        for model, chains in used.items():
            records = self.env[model].with_user(self.user_officer)
            self.assertTrue(records.has_access("read"), model)
            for chain in chains:
                self.assertIn(chain, records._fields, f"{model}.{chain}")
                self.assertTrue(records._has_field_access(records._fields[chain], "read"))

    def test_every_pivot_and_chart_reads_as_an_officer_a_manager_and_an_employee(self):
        sources = []
        for pivot in self.data["pivots"].values():
            groupby = [
                ":".join(filter(None, (row["fieldName"], row.get("granularity"))))
                for row in pivot["rows"] + pivot["columns"]
            ]
            aggregates = [
                measure["id"] if measure["id"] != "__count" else "__count"
                for measure in pivot["measures"]
            ]
            sources.append((pivot["name"], pivot["model"], pivot["domain"], groupby, aggregates))
        charts = odoo_charts(self.data)
        self.assertEqual(len(charts), 6)
        for chart in charts:
            meta = chart["metaData"]
            measure = meta["measure"]
            if measure != "__count":  # the graph reads a field by its aggregator
                measure += ":" + self.env[meta["resModel"]]._fields[measure].aggregator
            sources.append(
                (
                    chart["id"],
                    meta["resModel"],
                    chart["searchParams"]["domain"],
                    meta["groupBy"],
                    [measure],
                )
            )
        for user in (self.user_officer, self.user_manager, self.user_employee):
            for name, model, domain, groupby, aggregates in sources:
                with self.subTest(user=user.login, source=name):
                    self.read_group(user, model, domain, groupby, aggregates)

    def test_rating_distribution_against_the_guideline(self):
        pivot = next(
            p for p in self.data["pivots"].values() if p["name"].startswith("Rating distribution")
        )
        rows = self.read_group(
            self.user_officer,
            pivot["model"],
            pivot["domain"],
            ["final_rating_id"],
            ["__count", "final_rating_target:avg"],
        )
        self.assertTrue(rows)
        for level, count, target in rows:
            self.assertGreater(count, 0)
            self.assertEqual(target, level.target_percent)

    def test_kudos_by_value(self):
        pivot = next(p for p in self.data["pivots"].values() if p["name"] == "Kudos by value")
        rows = self.read_group(
            self.user_officer, pivot["model"], pivot["domain"], ["value_id"], ["__count"]
        )
        counts = [(value.name, count) for value, count in rows]
        self.assertEqual(counts, [("Dashboard Courage", 2)])


@tagged("post_install", "-at_install")
class TestDashboardTour(HttpCase, ReportCase):
    """Performance > Analysis > Dashboard played in Chromium, with no cell in error for an
    officer, a manager and a plain employee. A released pulse gives the company and Mia's
    team an eNPS."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        survey = cls.env.ref("performance_management.performance_pulse_survey_default")
        schedule = cls.env["performance.pulse.schedule"].create(
            {
                "name": "Dashboard pulse",
                "company_id": cls.company.id,
                "department_ids": [Command.set(cls.department.ids)],
                "survey_id": survey.id,
                "cadence": "monthly",
            }
        )
        pulse_round = cls.env["performance.pulse.round"].create(
            {
                "schedule_id": schedule.id,
                "company_id": cls.company.id,
                "survey_id": survey.id,
                "date_start": "2026-10-01",
                "date_deadline": "2026-10-15",
                "state": "closed",
            }
        )
        cls.env["performance.pulse.result"].create(
            [
                {
                    "round_id": pulse_round.id,
                    "dimension": dimension,
                    "manager_id": manager.id,
                    "question_id": question.id,
                    "answer_count": 4,
                    "mean": 4.0,
                    "enps": enps if question.performance_enps else 0.0,
                }
                for dimension, manager, enps in (
                    ("company", cls.env["hr.employee"], 10.0),
                    ("team", cls.manager, 50.0),
                )
                for question in survey.question_ids.filtered(lambda q: q.question_type == "scale")
            ]
        )

    def test_dashboard_tour_admin(self):
        self.start_tour(
            "/odoo/action-performance_management.spreadsheet_dashboard_performance_action",
            "performance_dashboard_tour",
            login="admin",
        )

    def test_dashboard_tour_manager(self):
        self.start_tour(
            "/odoo/action-performance_management.spreadsheet_dashboard_performance_action",
            "performance_dashboard_tour",
            login="pm_manager",
        )

    def test_dashboard_tour_employee(self):
        self.start_tour(
            "/odoo/action-performance_management.spreadsheet_dashboard_performance_action",
            "performance_dashboard_tour",
            login="pm_employee",
        )

    def test_dashboard_tour_officer(self):
        self.start_tour(
            "/odoo/action-performance_management.spreadsheet_dashboard_performance_action",
            "performance_dashboard_tour",
            login="pm_officer",
        )
