from unittest.mock import patch

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from .common import ReviewCase


@tagged("post_install", "-at_install")
@freeze_time("2026-11-01")
class TestReviewSchedule(ReviewCase):
    def run_cron(self):
        Cron = type(self.env["ir.cron"])
        with patch.object(Cron, "_commit_progress", return_value=60.0):
            self.env["performance.review"]._cron_schedule_reviews()

    def scheduled(self, review_type):
        return self.env["performance.review"].search([("review_type", "=", review_type)])

    def test_probation_and_recurring_reviews_run_twice_create_once(self):
        today = fields.Date.today()
        self.company.write(
            {
                "performance_probation_review_days": 90,
                "performance_recurring_review_months": 12,
                "performance_review_template_id": self.template.id,
            }
        )
        self.env["hr.employee"].search([]).sudo().write({"contract_date_start": today})
        self.employee.contract_date_start = today - relativedelta(days=100)
        self.peer.contract_date_start = today - relativedelta(years=2)
        self.run_cron()
        probation = self.scheduled("probation")
        recurring = self.scheduled("recurring")
        self.assertEqual(probation.employee_id, self.employee)
        self.assertEqual(recurring.employee_id, self.peer)
        self.assertEqual(probation.manager_id, self.manager)
        self.assertTrue(probation.self_line_ids)
        self.assertEqual(probation.activity_ids.user_id, self.user_employee)
        self.run_cron()
        self.assertEqual(self.scheduled("probation"), probation)
        self.assertEqual(self.scheduled("recurring"), recurring)
        # A year later the peer is due again, the probation is not repeated.
        with freeze_time("2027-11-02"):
            self.run_cron()
            self.assertEqual(self.scheduled("probation"), probation)
            self.assertEqual(
                len(self.scheduled("recurring").filtered(lambda r: r.employee_id == self.peer)), 2
            )

    def test_schedules_off_by_default(self):
        self.peer.contract_date_start = fields.Date.today() - relativedelta(years=2)
        self.run_cron()
        self.assertFalse(self.scheduled("recurring") | self.scheduled("probation"))

    def test_deadline_reminders_are_sent_once_per_phase(self):
        self.launch()
        review = self.review_of(self.employee)
        Mail = self.env["mail.mail"]
        reminder = [("subject", "like", "Reminder:"), ("res_id", "=", review.id)]
        Cron = type(self.env["ir.cron"])
        with patch.object(Cron, "_commit_progress", return_value=60.0):
            self.env["performance.review"]._cron_remind_reviews()
            self.assertFalse(Mail.search(reminder))  # deadline still far
            with freeze_time("2026-11-13"):
                self.env["performance.review"]._cron_remind_reviews()
                self.env["performance.review"]._cron_remind_reviews()
                self.assertEqual(len(Mail.search(reminder)), 1)
                self.fill(review, "employee", self.user_employee)
                review.with_user(self.user_employee).action_submit_self()
            with freeze_time("2026-11-28"):
                self.env["performance.review"]._cron_remind_reviews()
                self.env["performance.review"]._cron_remind_reviews()
                mails = Mail.search(reminder)
                self.assertEqual(len(mails), 2)
                self.assertIn("pm_manager@example.com", mails[0].email_to + mails[1].email_to)
