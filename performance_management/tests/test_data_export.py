import json
from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import HttpCase, tagged

from .test_confidential_notes import ConfidentialNotesCase
from .test_survey_360 import Survey360Case


class DataExportCase(ConfidentialNotesCase):
    """Eli's data: his review and plan with his manager's notes, a 1:1 with a private note
    of Mia and one of his own, a released batch of anonymous feedback by Pat and Dana,
    named feedback and kudos by Olga, a reward; and a 1:1 of Pat's with a private note of
    Mia that never belongs in Eli's export."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.performance_anonymity_threshold = 2
        with freeze_time("2026-11-01"):
            cls.one_on_one = (
                cls.env["performance.coaching.log"]
                .with_user(cls.user_manager)
                .create(
                    {
                        "employee_id": cls.employee.id,
                        "date_start": datetime(2026, 11, 2, 9, 0),
                        "shared_notes": "<p>SHARED-NOTE with Eli</p>",
                    }
                )
            )
            cls.one_on_one.with_user(cls.user_manager).private_note = "<p>MIA-PRIVATE on Eli</p>"
            cls.one_on_one.with_user(cls.user_employee).private_note = "<p>ELI-OWN-NOTE</p>"
            pat_log = (
                cls.env["performance.coaching.log"]
                .with_user(cls.user_manager)
                .create({"employee_id": cls.peer.id, "date_start": datetime(2026, 11, 3, 9, 0)})
            )
            pat_log.with_user(cls.user_manager).private_note = "<p>PAT-PRIVATE by Mia</p>"
            wizard = (
                cls.env["performance.feedback.request.wizard"]
                .with_user(cls.user_manager)
                .create(
                    {
                        "employee_id": cls.employee.id,
                        "author_ids": [Command.set((cls.peer | cls.director).ids)],
                        "date_deadline": "2026-11-20",
                        "anonymous": True,
                    }
                )
            )
            wizard.action_request()
            requests = cls.env["performance.feedback"].search(
                [("employee_id", "=", cls.employee.id), ("state", "=", "requested")]
            )
            for request, text in zip(requests, ("ANON-ONE", "ANON-TWO"), strict=True):
                request.with_user(request.author_id.user_id).action_answer(f"<p>{text}</p>")
            cls.env["performance.feedback"].with_user(cls.user_other_employee).create(
                {
                    "employee_id": cls.employee.id,
                    "message": "<p>NAMED-FEEDBACK by Olga</p>",
                    "feedback_type": "praise",
                }
            )
            value = cls.env["performance.value"].create({"name": "Export Ownership"})
            cls.env["performance.recognition"].with_user(cls.user_other_employee).create(
                {
                    "receiver_ids": [Command.set((cls.employee | cls.nouser_employee).ids)],
                    "value_id": value.id,
                    "message": "<p>KUDOS-TEXT</p>",
                }
            )
            cls.reward = (
                cls.env["performance.reward"]
                .with_user(cls.user_manager)
                .create({"employee_id": cls.employee.id, "kind": "bonus", "amount": 1234.0})
            )
        cls.Export = cls.env["performance.data.export"]

    def export(self, user, scope="officer", employee=None):
        data = self.Export.with_user(user)._get_data(employee or self.employee, scope)
        return data, json.dumps(data, ensure_ascii=False)


@tagged("post_install", "-at_install")
class TestDataExport(DataExportCase):
    def test_officer_export_holds_his_data_and_no_rater(self):
        data, text = self.export(self.user_officer)
        for needle in (
            "Eli Employee",
            "Mia Manager",  # his manager
            "Olga Other",  # named author of feedback and kudos about him
            "SHARED-NOTE",
            "MIA-PRIVATE on Eli",  # his managers' private notes answer his request too
            "CHAIN-NOTE on the review",
            "CHAIN-NOTE on the plan",
            "NAMED-FEEDBACK",
            "ANON-ONE",
            "ANON-TWO",
            "KUDOS-TEXT",
            "Plan for Eli",
            "Ship",
        ):
            self.assertIn(needle, text)
        self.assertEqual(len(data["reviews"]), 1)
        self.assertEqual(data["rewards"][0]["amount"], 1234.0)
        # the anonymous raters are nowhere, nor another employee's private note
        for needle in ("Pat Peer", "Dana Director", "PAT-PRIVATE", "Noah Nouser", "pm_peer"):
            self.assertNotIn(needle, text)
        anonymous = [f for f in data["feedback"] if f.get("anonymous")]
        self.assertEqual(len(anonymous), 2)
        for feedback in anonymous:
            # no id, date, author or requester that could tell the rater
            self.assertEqual(set(feedback), {"anonymous", "type", "message"})
        named = [f for f in data["feedback"] if not f.get("anonymous")]
        self.assertEqual(named[0]["author_id"], "Olga Other")
        # the other receiver of the kudos is redacted, counted only
        self.assertEqual(data["kudos"][0]["receiver_count"], 2)

    def test_own_export_holds_only_what_he_may_read(self):
        data, text = self.export(self.user_employee, "self")
        self.assertIn("SHARED-NOTE", text)
        self.assertIn("ELI-OWN-NOTE", text)
        self.assertIn("Plan for Eli", text)
        for needle in (
            "MIA-PRIVATE",
            "PAT-PRIVATE",
            "CHAIN-NOTE",
            "Pat Peer",
            "Dana Director",
        ):
            self.assertNotIn(needle, text)
        self.assertFalse(data["calibration_moves"])
        self.assertFalse(data["review_private_notes"])
        # the same as his own rights read: each id of the export is one he may read
        for key, model in (("reviews", "performance.review"), ("goals", "performance.goal")):
            ids = [item["id"] for item in data[key]]
            self.env[model].with_user(self.user_employee).browse(ids).check_access("read")

    def test_a_portal_employee_exports_his_own(self):
        data, text = self.export(self.user_portal, "self", self.portal_employee)
        self.assertEqual(data["employee"]["name"], "Paula Portal")
        self.assertNotIn("Eli Employee", text)

    def test_nobody_else_exports_someone(self):
        for user, scope, employee in (
            (self.user_employee, "officer", self.peer),
            (self.user_employee, "self", self.peer),
            (self.user_manager, "officer", self.employee),
            (self.user_manager, "self", self.employee),
            (self.user_portal, "self", self.employee),
            (self.user_officer_b, "officer", self.employee),
            (self.user_officer, "other", self.employee),
        ):
            with self.subTest(user=user.login, scope=scope), self.assertRaises(AccessError):
                self.Export.with_user(user)._get_data(employee, scope)
        wizard = (
            self.env["performance.data.export.wizard"]
            .with_user(self.user_officer)
            .create({"employee_id": self.employee.id})
        )
        self.assertEqual(wizard.action_download_json()["type"], "ir.actions.act_url")
        with self.assertRaises(AccessError):
            self.env["performance.data.export.wizard"].with_user(self.user_manager).create(
                {"employee_id": self.employee.id}
            )

    def test_the_flags_about_him_and_who_decided(self):
        Issue = self.env["performance.issue"]
        issue, peer_issue = Issue.create(
            [
                {
                    "employee_id": person.id,
                    "company_id": self.company.id,
                    "rule": "low_rating",
                    "reason": f"ISSUE-REASON of {person.name}",
                }
                for person in (self.employee, self.peer)
            ]
        )
        issue.with_user(self.user_manager).action_dismiss("DISMISSED-IN-A-1:1")
        data, text = self.export(self.user_officer)
        [exported] = data["performance_issues"]
        self.assertEqual(exported["id"], issue.id)
        self.assertEqual(exported["reason"], "ISSUE-REASON of Eli Employee")
        self.assertEqual(exported["decision_user_id"], self.user_manager.name)
        self.assertEqual(exported["dismiss_reason"], "DISMISSED-IN-A-1:1")
        self.assertTrue(exported["decision"])
        self.assertNotIn(peer_issue.reason, text)
        # the rewards carry the merit suggestion's fields, the officers' matrix cell not
        self.assertIn("merit_explanation", data["rewards"][0])
        self.assertIn("merit_decision", data["rewards"][0])
        self.assertNotIn("merit_cell_id", data["rewards"][0])
        # his own copy holds what his rights read: the flags are his managers' and HR's
        own, own_text = self.export(self.user_employee, "self")
        self.assertFalse(own["performance_issues"])
        self.assertNotIn("ISSUE-REASON", own_text)
        report = self.env.ref("performance_management.action_report_performance_data")
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            ._render_qweb_html(report.report_name, self.employee.ids, data={"scope": "officer"})
        )
        self.assertIn("Performance issues", html.decode())
        self.assertIn("DISMISSED-IN-A-1:1", html.decode())

    def test_the_pdf_renders(self):
        report = self.env.ref("performance_management.action_report_performance_data")
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            ._render_qweb_html(report.report_name, self.employee.ids, data={"scope": "officer"})
        )
        html = html.decode()
        self.assertIn("MIA-PRIVATE on Eli", html)
        self.assertNotIn("Pat Peer", html)
        self.assertNotIn("PAT-PRIVATE", html)
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report.report_name, self.employee.ids, data={"scope": "officer"})
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.user_manager)._render_qweb_html(
                report.report_name, self.employee.ids, data={"scope": "officer"}
            )


@tagged("post_install", "-at_install")
class TestDataExportHttp(DataExportCase, HttpCase):
    def test_officer_downloads_json(self):
        self.authenticate("pm_officer", "pm_officer")
        response = self.url_open(f"/performance/data/{self.employee.id}/json")
        self.assertEqual(response.status_code, 200)
        self.assertIn("MIA-PRIVATE on Eli", response.text)
        self.assertNotIn("Pat Peer", response.text)

    def test_a_manager_cannot_download_his_report(self):
        self.authenticate("pm_manager", "pm_manager")
        response = self.url_open(f"/performance/data/{self.employee.id}/json")
        self.assertEqual(response.status_code, 404)

    def test_employee_downloads_his_own_from_the_portal(self):
        self.authenticate("pm_employee", "pm_employee")
        response = self.url_open("/my/performance/privacy/json")
        self.assertEqual(response.status_code, 200)
        data = response.json()
        self.assertEqual(data["employee"]["name"], "Eli Employee")
        self.assertIn("ELI-OWN-NOTE", response.text)
        self.assertNotIn("MIA-PRIVATE", response.text)
        self.assertNotIn("CHAIN-NOTE", response.text)
        page = self.url_open("/my/performance/privacy")
        self.assertEqual(page.status_code, 200)
        self.assertIn("/my/performance/privacy/pdf", page.text)
        pdf = self.url_open("/my/performance/privacy/pdf")
        self.assertEqual(pdf.status_code, 200)
        # rendered as HTML under tests (Odoo's test mode); test_the_pdf_renders prints it
        self.assertIn(b"Eli Employee", pdf.content)
        self.assertIn(b"ELI-OWN-NOTE", pdf.content)
        self.assertNotIn(b"MIA-PRIVATE", pdf.content)


@tagged("post_install", "-at_install")
@freeze_time("2026-11-01")
class TestDataExport360(Survey360Case):
    def test_anonymous_360_answers_carry_no_rater(self):
        self.launch()
        review = self.review_of(self.employee)
        self.answer(self.input_of(review, self.peer), self.user_peer, "Always", "Often", "P-ONE")
        self.answer(
            self.input_of(review, self.portal_employee),
            self.user_portal,
            "Often",
            "Often",
            "P-TWO",
        )
        data = (
            self.env["performance.data.export"]
            .with_user(self.user_officer)
            ._get_data(self.employee, "officer")
        )
        text = json.dumps(data, ensure_ascii=False)
        answers = data["answers_360"]
        self.assertEqual(len(answers), 2)
        for answer in answers:
            self.assertTrue(answer["anonymous"])
            self.assertFalse({"id", "rater", "role", "date"} & set(answer))
        self.assertIn("P-ONE", text)
        self.assertIn("P-TWO", text)
        for needle in ("Pat Peer", "Paula Portal", "pm_peer", "pm_portal"):
            self.assertNotIn(needle, text)
        # the officer's export of them is in the read log, the answers without their rater
        self.env.cr.flush()
        rows = self.env["performance.read.log"].search(
            [("res_model", "=", "survey.user_input"), ("path", "=", "export")]
        )
        self.assertEqual(len(rows), 2)
        self.assertEqual(rows.employee_id, self.employee)
