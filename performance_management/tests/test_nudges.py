from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import tagged

from .common import PulseCase

TODAY = date(2026, 11, 2)


@tagged("post_install", "-at_install")
@freeze_time("2026-11-02 08:00:00")
class TestNudges(PulseCase):
    """The daily nudges: a 1:1 due, a pulse to answer, a goal check-in missed, feedback not
    given; by OdooBot or activity, capped per week, never twice."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Nudge = cls.env["performance.nudge"]
        cls.odoobot = cls.env.ref("base.partner_root")
        cls.company.performance_nudge_weekly_limit = 10
        # only the test's pulse runs (a database with demo data has its own)
        cls.env["performance.pulse.schedule"].search(
            [("id", "!=", cls.schedule.id)]
        ).active = False
        cls.env["performance.pulse.round"].search([("state", "=", "open")]).state = "closed"
        # Eli: a 1:1 with Mia tomorrow, a goal without a check-in for a month, an open
        # pulse, and no feedback given ever
        cls.one_on_one = cls.env["performance.coaching.log"].create(
            {"employee_id": cls.employee.id, "date_start": datetime(2026, 11, 3, 9, 0)}
        )
        cls.goal = cls.env["performance.goal"].create(
            {
                "name": "Ship the nudges",
                "employee_id": cls.employee.id,
                "state": "active",
                "date_start": TODAY - timedelta(days=30),
            }
        )
        # Pat gave feedback last week, as anyone does: by the give wizard
        with freeze_time("2026-10-27"):
            cls.env["performance.feedback.give"].with_user(cls.user_peer).create(
                {
                    "employee_ids": [Command.set(cls.employee.ids)],
                    "message": "<p>Thanks for the help</p>",
                    "feedback_type": "praise",
                    "visibility": "public",
                }
            ).action_give()

    def nudges(self, user):
        return self.Nudge.search([("user_id", "=", user.id)])

    def kinds(self, user):
        return {(n.kind, n.res_model, n.res_id) for n in self.nudges(user)}

    def bot_messages(self, user):
        return self.env["mail.message"].search(
            [
                ("model", "=", "discuss.channel"),
                ("author_id", "=", self.odoobot.id),
                ("res_id", "in", self._chat(user).ids),
            ]
        )

    def _chat(self, user):
        members = self.env["discuss.channel.member"].search(
            [("partner_id", "=", user.partner_id.id), ("channel_id.channel_type", "=", "chat")]
        )
        return members.channel_id.filtered(
            lambda c: self.odoobot in c.channel_member_ids.partner_id
        )

    def test_each_kind_fires_on_known_data(self):
        pulse_round = self.run_pulse_cron()
        self.Nudge._cron_send_nudges()
        self.assertEqual(
            self.kinds(self.user_employee),
            {
                ("one_on_one", "performance.coaching.log", self.one_on_one.id),
                ("pulse", "performance.pulse.round", pulse_round.id),
                ("checkin", "performance.goal", self.goal.id),
                ("feedback", "hr.employee", self.employee.id),
            },
        )
        # Mia coaches the 1:1; Pat gave feedback last week; Paula is a portal user
        self.assertIn(
            ("one_on_one", "performance.coaching.log", self.one_on_one.id),
            self.kinds(self.user_manager),
        )
        self.assertNotIn("feedback", {kind for kind, *__ in self.kinds(self.user_peer)})
        self.assertFalse(self.nudges(self.user_portal))
        # by OdooBot in Eli's chat with him, in his language, the 1:1 linked
        messages = self.bot_messages(self.user_employee)
        self.assertEqual(len(messages), 4)
        self.assertTrue(
            any(f"/odoo/performance.coaching.log/{self.one_on_one.id}" in m.body for m in messages)
        )
        self.assertEqual(set(self.nudges(self.user_employee).mapped("channel")), {"discuss"})

    def test_an_answered_pulse_is_not_nudged(self):
        self.run_pulse_cron()
        self.answer_pulse(self.employee, 9, 4)
        self.Nudge._cron_send_nudges()
        self.assertNotIn("pulse", {kind for kind, *__ in self.kinds(self.user_employee)})
        self.assertIn("pulse", {kind for kind, *__ in self.kinds(self.user_peer)})

    def test_weekly_cap(self):
        self.company.performance_nudge_weekly_limit = 3
        self.run_pulse_cron()
        self.Nudge._cron_send_nudges()
        # the first three in order of importance: the feedback reminder waits
        self.assertEqual(
            {kind for kind, *__ in self.kinds(self.user_employee)},
            {"one_on_one", "pulse", "checkin"},
        )
        with freeze_time("2026-11-05"):
            self.Nudge._cron_send_nudges()
            self.assertEqual(len(self.nudges(self.user_employee)), 3)
        # a week later: room again, the feedback first, the others repeated
        with freeze_time("2026-11-09"):
            self.Nudge._cron_send_nudges()
            nudges = self.nudges(self.user_employee)
            recent = nudges.filtered(lambda n: n.date == date(2026, 11, 9))
            self.assertEqual(len(recent), 3)
            self.assertIn("feedback", recent.mapped("kind"))
            self.assertEqual(len(nudges), 6)

    def test_old_nudges_are_deleted(self):
        self.Nudge._cron_send_nudges()
        sent = self.nudges(self.user_employee)
        self.assertTrue(sent)
        with freeze_time("2027-03-01"):
            self.Nudge._cron_send_nudges()
            self.assertFalse(sent.exists())

    def test_a_cap_of_zero_turns_the_company_off(self):
        self.company.performance_nudge_weekly_limit = 0
        self.Nudge._cron_send_nudges()
        self.assertFalse(self.nudges(self.user_employee))

    def test_run_twice_creates_nothing_twice(self):
        self.run_pulse_cron()
        self.Nudge._cron_send_nudges()
        count = self.Nudge.search_count([])
        messages = self.bot_messages(self.user_employee)
        self.Nudge._cron_send_nudges()
        self.assertEqual(self.Nudge.search_count([]), count)
        self.assertEqual(self.bot_messages(self.user_employee), messages)
        # nor the next day: the same reminder waits a week
        with freeze_time("2026-11-03"):
            self.Nudge._cron_send_nudges()
            self.assertEqual(self.Nudge.search_count([]), count)

    def test_preference_off_sends_nothing(self):
        self.user_employee.with_user(self.user_employee).performance_nudge_channel = "off"
        self.Nudge._cron_send_nudges()
        self.assertFalse(self.nudges(self.user_employee))
        self.assertFalse(self.bot_messages(self.user_employee))
        self.assertFalse(
            self.env["mail.activity"].search([("user_id", "=", self.user_employee.id)])
        )

    def test_activity_channel(self):
        self.user_employee.with_user(self.user_employee).performance_nudge_channel = "activity"
        self.run_pulse_cron()
        self.Nudge._cron_send_nudges()
        self.assertEqual(set(self.nudges(self.user_employee).mapped("channel")), {"activity"})
        self.assertFalse(self.bot_messages(self.user_employee))
        activities = self.env["mail.activity"].search([("user_id", "=", self.user_employee.id)])
        self.assertEqual(len(activities), 4)
        # on his 1:1 and his goal; the pulse and feedback reminders are his private to-dos
        self.assertEqual(
            {(a.res_model or False, a.res_id or False) for a in activities},
            {
                ("performance.coaching.log", self.one_on_one.id),
                ("performance.goal", self.goal.id),
                (False, False),
            },
        )
        private = activities.filtered(lambda a: not a.res_model)
        with self.assertRaises(AccessError):
            private.with_user(self.user_peer).read(["summary"])
        # Mia kept OdooBot
        self.assertTrue(self.bot_messages(self.user_manager))

    def test_another_company_is_unaffected(self):
        goal_b = self.env["performance.goal"].create(
            {
                "name": "Company B goal",
                "employee_id": self.employee_b.id,
                "company_id": self.company_b.id,
                "state": "active",
                "date_start": TODAY - timedelta(days=30),
            }
        )
        # company A keeps check-ins out of monitoring; B keeps its defaults
        self.company.performance_monitor_checkins = "off"
        self.Nudge._cron_send_nudges()
        self.assertNotIn("checkin", {kind for kind, *__ in self.kinds(self.user_employee)})
        self.assertIn(("checkin", "performance.goal", goal_b.id), self.kinds(self.user_employee_b))
        # and B's cap of zero leaves A's users nudged
        self.Nudge.search([]).unlink()
        self.company.performance_monitor_checkins = "individual"
        self.company_b.performance_nudge_weekly_limit = 0
        self.Nudge._cron_send_nudges()
        self.assertFalse(self.nudges(self.user_employee_b))
        self.assertIn(
            ("checkin", "performance.goal", self.goal.id), self.kinds(self.user_employee)
        )

    def test_access(self):
        self.run_pulse_cron()
        self.Nudge._cron_send_nudges()
        mine = self.nudges(self.user_employee)
        # Eli reads his own, Pat none of Eli's
        self.assertEqual(self.Nudge.with_user(self.user_employee).search([]), mine)
        self.assertFalse(
            self.Nudge.with_user(self.user_peer).search([("user_id", "=", self.user_employee.id)])
        )
        with self.assertRaises(AccessError):
            mine.with_user(self.user_peer).read(["kind"])
        # no one writes, creates or deletes one
        for user in (self.user_employee, self.user_officer, self.user_admin):
            with self.assertRaises(AccessError):
                mine[:1].with_user(user).write({"date": "2026-01-01"})
            with self.assertRaises(AccessError):
                mine[:1].with_user(user).unlink()
            with self.assertRaises(AccessError):
                self.Nudge.with_user(user).create(
                    {
                        "user_id": user.id,
                        "company_id": self.company.id,
                        "kind": "feedback",
                        "res_model": "hr.employee",
                        "res_id": self.employee.id,
                        "channel": "discuss",
                    }
                )
        # officers read the 1:1, check-in and feedback reminders, never who had a pulse open
        seen = self.Nudge.with_user(self.user_officer).search(
            [("user_id", "=", self.user_employee.id)]
        )
        self.assertEqual(set(seen.mapped("kind")), {"one_on_one", "checkin", "feedback"})
        self.company.performance_monitor_checkins = "team"
        self.env.invalidate_all()
        seen = self.Nudge.with_user(self.user_officer).search(
            [("user_id", "=", self.user_employee.id)]
        )
        self.assertEqual(set(seen.mapped("kind")), {"one_on_one", "feedback"})
        # another company's officer, nothing
        self.assertFalse(
            self.Nudge.with_user(self.user_officer_b).search(
                [("user_id", "=", self.user_employee.id)]
            )
        )

    def test_the_preference_is_the_users_own(self):
        self.user_employee.with_user(self.user_employee).performance_nudge_channel = "activity"
        self.assertEqual(self.user_employee.performance_nudge_channel, "activity")
        with self.assertRaises(AccessError):
            self.user_peer.with_user(self.user_employee).performance_nudge_channel = "off"
