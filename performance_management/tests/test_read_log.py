from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged, warmup

from .test_data_export import DataExportCase

REVIEW_SPEC = {"name": {}, "state": {}, "employee_id": {"fields": {"display_name": {}}}}


class ReadLogCase(DataExportCase):
    def logged(self, record, **values):
        """The log rows of ``record`` (read as superuser), after the request's flush."""
        self.env.cr.flush()
        domain = [("res_model", "=", record._name), ("res_id", "=", record.id)]
        domain += [(key, "=", value) for key, value in values.items()]
        return self.env["performance.read.log"].search(domain)


@tagged("post_install", "-at_install")
class TestReadLog(ReadLogCase):
    def test_a_backend_read_is_logged_once_per_request(self):
        review = self.review.with_user(self.user_manager)
        review.web_read(REVIEW_SPEC)
        review.web_read(REVIEW_SPEC)
        row = self.logged(self.review, path="backend", user_id=self.user_manager.id)
        self.assertEqual(len(row), 1)
        self.assertEqual(row.employee_id, self.employee)
        self.assertEqual(row.res_name, self.review.display_name)
        self.assertFalse(row.is_self)
        self.assertTrue(row.employee_visible)
        # his own review: kept, told apart as his own
        self.review.with_user(self.user_employee).web_read(REVIEW_SPEC)
        own = self.logged(self.review, user_id=self.user_employee.id)
        self.assertTrue(own.is_self)

    def test_sensitive_models_log_their_reads(self):
        for record, user in (
            (self.plan, self.user_manager),
            (self.plan_note, self.user_manager),
            (self.review_note, self.user_officer),
            (self.reward, self.user_officer),
        ):
            with self.subTest(model=record._name):
                record.with_user(user).read(["display_name"])
                self.assertTrue(self.logged(record, path="backend", user_id=user.id))

    def test_a_report_is_logged(self):
        self.env["ir.actions.report"].with_user(self.user_manager)._render_qweb_html(
            "performance_management.report_improvement_plan", self.plan.ids
        )
        self.assertTrue(self.logged(self.plan, path="report", user_id=self.user_manager.id))

    def test_an_export_is_logged(self):
        self.user_officer.group_ids |= self.env.ref("base.group_allow_export")
        self.reward.with_user(self.user_officer).export_data(["amount"])
        self.assertTrue(self.logged(self.reward, path="export", user_id=self.user_officer.id))
        self.Export.with_user(self.user_officer)._get_data(self.employee, "officer")
        for record in (self.plan, self.plan_note, self.review_note, self.review):
            with self.subTest(model=record._name):
                self.assertTrue(self.logged(record, path="export", user_id=self.user_officer.id))

    def test_the_employee_sees_who_opened_his_review_not_his_notes(self):
        self.review.with_user(self.user_manager).web_read(REVIEW_SPEC)
        self.review_note.with_user(self.user_manager).read(["note"])
        self.plan.with_user(self.user_officer).read(["name"])
        self.env.cr.flush()
        Log = self.env["performance.read.log"]
        seen = Log.with_user(self.user_employee).search([("is_self", "=", False)])
        self.assertEqual(
            {(row.res_model, row.user_id) for row in seen},
            {
                ("performance.review", self.user_manager),
                ("performance.improvement.plan", self.user_officer),
            },
        )
        # the reads of his managers' notes about him tell nothing of the notes to him
        self.assertFalse(
            Log.with_user(self.user_employee).search([("res_model", "=", self.review_note._name)])
        )
        self.assertFalse(Log.with_user(self.user_peer).search([]))
        self.assertFalse(Log.with_user(self.user_manager).search([]))
        self.assertEqual(Log.with_user(self.user_officer).search_count([]), Log.search_count([]))
        self.assertFalse(Log.with_user(self.user_officer_b).search([]))
        action = self.review.with_user(self.user_employee).action_open_read_log()
        self.assertEqual(
            Log.with_user(self.user_employee).search(action["domain"] + [("is_self", "=", False)]),
            seen.filtered(lambda row: row.res_model == "performance.review"),
        )

    def test_nobody_writes_the_log(self):
        self.review.with_user(self.user_manager).web_read(REVIEW_SPEC)
        row = self.logged(self.review, user_id=self.user_manager.id)
        system = new_test_user(self.env, login="pm_log_system", groups="base.group_system")
        for user in (
            self.user_employee,
            self.user_manager,
            self.user_officer,
            self.user_admin,
            system,
            self.user_portal,
        ):
            with self.subTest(user=user.login):
                Log = self.env["performance.read.log"].with_user(user)
                with self.assertRaises(AccessError):
                    Log.create(
                        {
                            "date": "2026-11-01 00:00:00",
                            "user_id": user.id,
                            "res_model": "performance.review",
                            "res_id": self.review.id,
                            "path": "backend",
                        }
                    )
                with self.assertRaises(AccessError):
                    row.with_user(user).write({"user_id": user.id})
                with self.assertRaises(AccessError):
                    row.with_user(user).unlink()

    def test_the_log_outlives_the_reader_and_the_employee(self):
        reader = new_test_user(
            self.env,
            login="pm_log_reader",
            groups="performance_management.group_performance_officer",
            company_id=self.company.id,
        )
        leaver = self.env["hr.employee"].create(
            {"name": "Lee Leaver", "parent_id": self.manager.id, "company_id": self.company.id}
        )
        plan = self.env["performance.improvement.plan"].create(
            {
                "name": "Plan for Lee",
                "employee_id": leaver.id,
                "date_start": "2026-11-01",
                "date_end": "2026-12-31",
            }
        )
        plan.with_user(reader).read(["name"])
        row = self.logged(plan, user_id=reader.id)
        self.assertEqual((row.user_name, row.employee_name), (reader.name, "Lee Leaver"))
        # deleting the reader erases no read of his: the row keeps his name
        reader_name = reader.name
        reader.unlink()
        self.assertTrue(row.exists())
        self.assertFalse(row.user_id)
        self.assertEqual(row.user_name, reader_name)
        # nor does deleting the employee (his plan goes with him): who read it stays told
        leaver.unlink()
        self.assertFalse(plan.exists())
        self.assertTrue(row.exists())
        self.assertFalse(row.employee_id)
        self.assertEqual((row.employee_name, row.res_name), ("Lee Leaver", "Plan for Lee"))
        # the officers still read it
        Log = self.env["performance.read.log"].with_user(self.user_officer)
        self.assertIn(row, Log.search([("user_name", "=", reader_name)]))

    @warmup
    def test_the_log_costs_a_bounded_number_of_queries(self):
        reviews = self.cycle.review_ids
        self.assertGreater(len(reviews), 3)
        Review = self.env["performance.review"].with_user(self.user_officer)
        one, many = Review.browse(reviews[:1].ids), Review.browse(reviews.ids)
        self.env.cr.flush()
        Log = self.env["performance.read.log"]
        domain = [("user_id", "=", self.user_officer.id), ("res_model", "=", "performance.review")]
        before = Log.search_count(domain)
        self.env.invalidate_all()
        # The read itself: the log only remembers the ids, it adds no query to it.
        one.web_read(REVIEW_SPEC)
        # Flushing the request's reads: who read (his employees), the records' names and
        # subjects, one insert, whatever the number of records read.
        with self.assertQueryCount(5):
            self.env.cr.flush()
        self.env.invalidate_all()
        many.web_read(REVIEW_SPEC)
        with self.assertQueryCount(5):
            self.env.cr.flush()
        self.assertEqual(Log.search_count(domain) - before, 1 + len(reviews))


@tagged("post_install", "-at_install")
class TestReadLogHttp(ReadLogCase, HttpCase):
    def test_a_portal_page_is_logged_and_shows_who_opened_his_review(self):
        self.review.with_user(self.user_manager).web_read(REVIEW_SPEC)
        self.env.cr.flush()
        self.authenticate("pm_employee", "pm_employee")
        page = self.url_open(f"/my/performance/reviews/{self.review.id}")
        self.assertEqual(page.status_code, 200)
        self.assertTrue(self.logged(self.review, path="portal", user_id=self.user_employee.id))
        page = self.url_open(f"/my/performance/improvement/{self.plan.id}")
        self.assertEqual(page.status_code, 200)
        self.assertTrue(self.logged(self.plan, path="portal", is_self=True))
        privacy = self.url_open("/my/performance/privacy")
        self.assertEqual(privacy.status_code, 200)
        self.assertIn("o_pm_read_log_row", privacy.text)
        self.assertIn(self.user_manager.name, privacy.text)

    def test_a_backend_read_over_json_rpc_is_logged(self):
        # Without a replica, Odoo serves web_read on the read/write cursor: the insert runs
        # at the request's end, in its transaction. (With a replica the cursor is read-only
        # and the rows go through a cursor of the primary after the request; the test
        # cursors drop post-commit hooks, so that branch is not exercised here.)
        self.set_registry_readonly_mode(False)
        self.addCleanup(self.set_registry_readonly_mode, True)
        self.authenticate("pm_manager", "pm_manager")
        result = self.make_jsonrpc_request(
            "/web/dataset/call_kw/performance.review/web_read",
            {
                "model": "performance.review",
                "method": "web_read",
                "args": [self.review.ids, REVIEW_SPEC],
                "kwargs": {},
            },
        )
        self.assertEqual(result[0]["id"], self.review.id)
        self.assertTrue(self.logged(self.review, path="backend", user_id=self.user_manager.id))
