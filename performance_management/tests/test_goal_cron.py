from freezegun import freeze_time

from odoo.fields import Command
from odoo.tests import tagged

from .common import GoalCase


@tagged("post_install", "-at_install")
class TestGoalReminders(GoalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.performance_goal_checkin_days = 14
        cls.goal = cls._goal(cls.employee, name="Quiet", state="active", key_results=[cls._kr()])
        cls.recent = cls._goal(cls.peer, name="Recent", state="active")
        cls.draft = cls._goal(cls.peer, name="Draft")
        cls.reminder = cls.env.ref("performance_management.mail_template_goal_checkin_reminder")
        cls.warning = cls.env.ref("performance_management.mail_template_goal_manager_warning")

    def _mails(self, goal, template):
        return self.env["mail.mail"].search(
            [
                ("model", "=", "performance.goal"),
                ("res_id", "=", goal.id),
                ("subject", "=", template._render_field("subject", goal.ids)[goal.id]),
            ]
        )

    def _checkin(self, goal, confidence="on_track"):
        self.env["performance.goal.checkin"].create(
            {"goal_id": goal.id, "confidence": confidence, "line_ids": []}
        )

    def test_checkin_reminder_is_sent_once_per_period(self):
        with freeze_time("2026-03-01"):
            self._checkin(self.recent)
        with freeze_time("2026-03-05"):
            Goal = self.env["performance.goal"]
            Goal._cron_goal_reminders()
            Goal._cron_goal_reminders()
            mails = self._mails(self.goal, self.reminder)
            self.assertEqual(len(mails), 1)
            self.assertEqual(mails.recipient_ids, self.user_employee.partner_id)
            self.assertFalse(self._mails(self.recent, self.reminder))
            self.assertFalse(self._mails(self.draft, self.reminder))
            self.assertEqual(self.goal.reminder_date.isoformat(), "2026-03-05")
        with freeze_time("2026-03-12"):
            Goal._cron_goal_reminders()
            self.assertEqual(len(self._mails(self.goal, self.reminder)), 1)
        with freeze_time("2026-03-19"):
            Goal._cron_goal_reminders()
            self.assertEqual(len(self._mails(self.goal, self.reminder)), 2)
            # 18 days after its check-in, the recent goal is due too.
            self.assertEqual(len(self._mails(self.recent, self.reminder)), 1)

    def test_managers_are_warned_once_of_goals_off_track_or_overdue(self):
        overdue = self._goal(self.peer, name="Late", state="active", date_deadline="2026-02-28")
        with freeze_time("2026-03-05"):
            self._checkin(self.goal, "off_track")
            Goal = self.env["performance.goal"]
            Goal._cron_goal_reminders()
            Goal._cron_goal_reminders()
            off_track = self._mails(self.goal, self.warning)
            self.assertEqual(len(off_track), 1)
            self.assertEqual(off_track.recipient_ids, self.user_manager.partner_id)
            self.assertIn("off track", off_track.body_html)
            late = self._mails(overdue, self.warning)
            self.assertEqual(len(late), 1)
            self.assertIn("has passed", late.body_html)
            self.assertFalse(self._mails(self.recent, self.warning))
            # Back on track, then off again: a new warning.
            self._checkin(self.goal, "on_track")
            Goal._cron_goal_reminders()
            self.assertEqual(len(self._mails(self.goal, self.warning)), 1)
            self._checkin(self.goal, "off_track")
            Goal._cron_goal_reminders()
            self.assertEqual(len(self._mails(self.goal, self.warning)), 2)
            # A new deadline, missed again, warns again; the old one no more.
            overdue.date_deadline = "2026-03-01"
            Goal._cron_goal_reminders()
            self.assertEqual(len(self._mails(overdue, self.warning)), 2)

    def test_reminder_setting_is_validated(self):
        with self.assertRefused(Exception, "at least 1"):
            self.company.performance_goal_checkin_days = 0

    def test_cron_records_exist(self):
        cron = self.env.ref("performance_management.ir_cron_goal_reminders")
        self.assertEqual(cron.code, "model._cron_goal_reminders()")
        self.assertTrue(self.env.ref("performance_management.ir_cron_goal_key_results").active)

    def test_goal_without_lines_gets_snapshot_lines(self):
        with freeze_time("2026-03-05"):
            self.env["performance.goal.checkin"].create(
                {"goal_id": self.goal.id, "line_ids": [Command.clear()]}
            )
        self.assertEqual(self.goal.checkin_ids.line_ids.key_result_id, self.goal.key_result_ids)
