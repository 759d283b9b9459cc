from odoo.tests import tagged
from odoo.tools.misc import file_open

from .common import PerformanceCase

IMPORT_OPTIONS = {
    "import_skip_records": [],
    "import_set_empty_fields": [],
    "fallback_values": {},
    "name_create_enabled_fields": {},
    "encoding": "utf-8",
    "separator": ",",
    "quoting": '"',
    "date_format": "%Y-%m-%d",
    "datetime_format": "",
    "float_thousand_separator": ",",
    "float_decimal_separator": ".",
    "advanced": True,
    "has_headers": True,
    "keep_matches": False,
    "limit": 2000,
    "skip": 0,
    "tracking_disable": True,
}


@tagged("post_install", "-at_install")
class TestSampleImports(PerformanceCase):
    """The sample files shipped in static/import load through Odoo's import."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The samples name Odoo's demo employees and values; tests build them.
        Employee = cls.env["hr.employee"]
        department = cls.env["hr.department"].create({"name": "Research & Development"})
        for name in ("Marc Demo", "Abigail Peterson", "Mitchell Admin"):
            if not Employee.search([("name", "=", name)]):
                Employee.create({"name": name, "department_id": department.id})
        for name in ("Customer First", "Better Together", "Ownership"):
            if not cls.env["performance.value"].search([("name", "=", name)]):
                cls.env["performance.value"].create({"name": name})

    def import_file(self, model, filename, user=None):
        path = f"performance_management/static/import/{filename}"
        with file_open(path, "rb") as file:
            content = file.read()
        env = self.env(user=user) if user else self.env
        wizard = env["base_import.import"].create(
            {"res_model": model, "file": content, "file_type": "text/csv", "file_name": filename}
        )
        preview = wizard.parse_preview(dict(IMPORT_OPTIONS))
        self.assertFalse(preview.get("error"), preview.get("error"))
        fields = ["/".join(match) for match in preview["matches"].values()]
        self.assertEqual(len(fields), len(preview["headers"]), "every column maps to a field")
        return wizard.execute_import(fields, preview["headers"], dict(IMPORT_OPTIONS))

    def test_goals_key_results_and_recognition_import(self):
        result = self.import_file("performance.goal", "performance_goal.csv", self.user_officer)
        self.assertFalse(result["messages"])
        self.assertEqual(len(result["ids"]), 4)
        goals = self.env["performance.goal"].browse(result["ids"])
        response = goals.filtered(lambda g: g.employee_id.name == "Marc Demo")
        self.assertEqual(response.parent_id.scope, "company")
        self.assertEqual(response.state, "active")

        result = self.import_file(
            "performance.key.result", "performance_key_result.csv", self.user_officer
        )
        self.assertFalse(result["messages"])
        self.assertEqual(len(result["ids"]), 4)
        # 48 h down to 12 h, now 24 h: two thirds of the way; the milestone is not reached.
        self.assertAlmostEqual(response.key_result_ids[0].progress, 200 / 3)
        self.assertEqual(len(response.key_result_ids), 2)

        result = self.import_file(
            "performance.recognition", "performance_recognition.csv", self.user_officer
        )
        self.assertFalse(result["messages"])
        recognitions = self.env["performance.recognition"].browse(result["ids"])
        self.assertEqual(len(recognitions), 3)
        self.assertEqual(
            recognitions.filtered(lambda r: r.giver_id.name == "Marc Demo").receiver_ids.mapped(
                "name"
            ),
            ["Abigail Peterson", "Mitchell Admin"],
        )

    def test_import_templates_offered(self):
        for model in ("performance.goal", "performance.key.result", "performance.recognition"):
            [template] = self.env[model].get_import_templates()
            path = template["template"].lstrip("/")
            with file_open(path, "rb") as file:
                self.assertTrue(file.read())

    def test_employee_cannot_import_recognition_in_another_name(self):
        result = self.import_file(
            "performance.recognition", "performance_recognition.csv", self.user_employee
        )
        self.assertTrue(result["messages"])
        self.assertFalse(result["ids"])
