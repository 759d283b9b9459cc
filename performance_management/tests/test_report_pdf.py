import io

from freezegun import freeze_time
from PyPDF2 import PdfReader

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import tagged

from .common import ReportCase


@tagged("post_install", "-at_install")
@freeze_time("2026-12-10")
class TestReportPdf(ReportCase):
    """Every document is rendered by wkhtmltopdf and read back from the PDF."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Assets from a closed port: the text does not need them, and wkhtmltopdf must not
        # wait on whatever server happens to listen on the default port.
        cls.env["ir.config_parameter"].sudo().set_param("report.url", "http://127.0.0.1:9")
        cls.company.write(
            {
                "name": "Northwind Appraisals Ltd",
                "report_footer": "Registered office: 4 Quay Street",
            }
        )
        cls.goal = cls.env["performance.goal"].create(
            {
                "name": "Publish the evaluation handbook",
                "employee_id": cls.employee.id,
                "progress_mode": "manual",
                "manual_progress": 65.0,
                "state": "active",
                "date_deadline": "2026-12-31",
            }
        )
        cls.value = cls.env["performance.value"].create({"name": "Radical Candour"})
        cls.env["performance.recognition"].create(
            {
                "giver_id": cls.peer.id,
                "receiver_ids": [Command.set(cls.employee.ids)],
                "value_id": cls.value.id,
                "message": "<p>Thanks for the handbook.</p>",
            }
        )
        path = cls.env["performance.career.path"].create({"name": "Report Engineering"})
        step = cls.env["performance.career.step"].create(
            {
                "path_id": path.id,
                "job_id": cls.env["hr.job"].create({"name": "Staff Analyst"}).id,
            }
        )
        cls.plan = cls.env["performance.development.plan"].create(
            {
                "employee_id": cls.employee.id,
                "target_step_id": step.id,
                "state": "active",
                "action_ids": [
                    Command.create({"name": "Statistics course", "date_deadline": "2027-03-31"})
                ],
            }
        )
        cls.improvement_plan = cls.env["performance.improvement.plan"].create(
            {
                "name": "Reliable delivery plan",
                "employee_id": cls.other_employee.id,
                "date_start": "2026-10-01",
                "date_end": "2026-12-31",
                "objective_ids": [
                    Command.create(
                        {
                            "name": "Deliver every sprint on time",
                            "success_criteria": "No sprint slips",
                        }
                    )
                ],
                "outcome": "successful",
            }
        )

    def render(self, xmlid, records, user):
        report = self.env.ref(xmlid)
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(user)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report, records.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        reader = PdfReader(io.BytesIO(pdf))
        return " ".join(" ".join(page.extract_text() for page in reader.pages).split())

    def test_review_pdf(self):
        text = self.render(
            "performance_management.action_report_performance_review",
            self.review_eli,
            self.user_officer,
        )
        self.assertIn("Eli Employee", text)
        self.assertIn("Exceeds Expectations", text)
        self.assertIn("Mia Manager", text)

    def test_employee_summary_pdf(self):
        text = self.render(
            "performance_management.action_report_performance_employee_summary",
            self.employee,
            self.user_officer,
        )
        self.assertIn("Performance Summary", text)
        self.assertIn("Eli Employee", text)
        self.assertIn("Annual Review 2026", text)
        self.assertIn("Exceeds Expectations", text)
        self.assertIn("Publish the evaluation handbook", text)
        self.assertIn("65%", text)
        self.assertIn("Recognitions received: 1", text)
        self.assertIn("Radical Candour", text)
        self.assertIn("Statistics course", text)

    def test_company_header_and_footer_print_on_every_document(self):
        # Whatever the wkhtmltopdf build (Debian's ignores separate header and footer pages),
        # a document a company signs names the company at its top and ends on its footer.
        for xmlid, record in (
            ("performance_management.action_report_performance_review", self.review_eli),
            ("performance_management.action_report_performance_employee_summary", self.employee),
            ("performance_management.action_report_improvement_plan", self.improvement_plan),
            ("performance_management.action_report_improvement_outcome", self.improvement_plan),
            ("performance_management.action_report_performance_cycle_evaluation", self.cycle),
        ):
            with self.subTest(report=xmlid):
                text = self.render(xmlid, record, self.user_officer)
                self.assertIn("Northwind Appraisals Ltd", text)
                self.assertIn("Registered office: 4 Quay Street", text)
                self.assertTrue(text.startswith("Northwind Appraisals Ltd"), text[:80])
                self.assertTrue(text.endswith("Registered office: 4 Quay Street"), text[-80:])

    def test_several_reviews_print_in_one_pdf(self):
        reviews = self.review_eli | self.review_olga
        text = self.render(
            "performance_management.action_report_performance_review", reviews, self.user_officer
        )
        self.assertIn("Eli Employee", text)
        self.assertIn("Olga Other", text)
        self.assertEqual(text.count("Registered office: 4 Quay Street"), 2)

    def test_employee_summary_shows_only_what_the_reader_may_see(self):
        hr_user = self.env["res.users"].create(
            {
                "name": "Harriet HR",
                "login": "pm_report_hr",
                "group_ids": [Command.set(self.env.ref("hr.group_hr_user").ids)],
            }
        )
        text = self.render(
            "performance_management.action_report_performance_employee_summary",
            self.employee,
            hr_user,
        )
        # HR users outside the Performance app and the chain see no review.
        self.assertIn("Eli Employee", text)
        self.assertNotIn("Exceeds Expectations", text)
        self.assertIn("No completed review yet", text)
        with self.assertRaises(AccessError):
            self.render(
                "performance_management.action_report_performance_employee_summary",
                self.employee,
                self.user_manager,
            )

    def test_improvement_plan_and_outcome_letter_pdf(self):
        text = self.render(
            "performance_management.action_report_improvement_plan",
            self.improvement_plan,
            self.user_officer,
        )
        self.assertIn("Reliable delivery plan", text)
        self.assertIn("Olga Other", text)
        self.assertIn("Deliver every sprint on time", text)
        text = self.render(
            "performance_management.action_report_improvement_outcome",
            self.improvement_plan,
            self.user_officer,
        )
        self.assertIn("Outcome of your improvement plan", text)
        self.assertIn("Successful", text)
        self.assertIn("Olga Other", text)
        # Her manager, without HR rights, prints it too, in her language.
        text = self.render(
            "performance_management.action_report_improvement_plan",
            self.improvement_plan,
            self.user_other_manager,
        )
        self.assertIn("Deliver every sprint on time", text)

    def test_cycle_evaluation_pdf(self):
        text = self.render(
            "performance_management.action_report_performance_cycle_evaluation",
            self.cycle,
            self.user_officer,
        )
        self.assertIn("Cycle Evaluation: Annual Review 2026", text)
        self.assertIn("Reviews: 8", text)
        self.assertIn("Average final rating: 3.43", text)
        # Completion, on-time and 360 participation.
        self.assertIn("Manager reviews 88% 75%", text)
        self.assertIn("Released to employees 38%", text)
        self.assertIn("360 feedback answered 75% (3 / 4)", text)
        # Distribution against the guideline: three reviews at Exceeds, 43% for 20%.
        self.assertIn("Exceeds Expectations 20% 3 43% +23 pts", text)
        self.assertIn("2 final ratings changed in calibration: 1 raised, 1 lowered", text)
        self.assertIn("Mia Manager 4 4.25 3.00 +1.25 Lenient 1 / 0", text)
        self.assertIn("Otto Other 2 2.00 4.00 -2.00 Severe 0 / 1", text)
        self.assertIn("90%", text)

    def test_cycle_evaluation_is_for_officers(self):
        with self.assertRaises(AccessError):
            self.render(
                "performance_management.action_report_performance_cycle_evaluation",
                self.cycle,
                self.user_manager,
            )
