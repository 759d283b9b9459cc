from datetime import datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import PerformanceCase


@tagged("post_install", "-at_install")
class TestCoachingLog(PerformanceCase):
    """1:1s: calendar event, notes, carry-over and nudges."""

    def _one_on_one(self, user=None, **vals):
        return (
            self.env["performance.coaching.log"]
            .with_user(user or self.user_manager)
            .create(
                {
                    "employee_id": self.employee.id,
                    "date_start": datetime(2026, 3, 2, 9, 0),
                    "cadence": "weekly",
                    **vals,
                }
            )
        )

    def test_coach_defaults_to_manager_and_calendar_event(self):
        log = self._one_on_one()
        self.assertEqual(log.coach_id, self.manager)
        event = log.sudo().calendar_event_id
        self.assertTrue(event)
        self.assertEqual(
            event.partner_ids,
            self.employee.work_contact_id | self.manager.work_contact_id,
        )
        self.assertEqual(event.start, datetime(2026, 3, 2, 9, 0))
        log.date_start = datetime(2026, 3, 3, 10, 0)
        self.assertEqual(event.start, datetime(2026, 3, 3, 10, 0), "the event follows the 1:1")
        log.action_cancel()
        self.assertFalse(event.exists())

    def test_coach_and_employee_must_differ(self):
        with self.assertRaises(ValidationError):
            self._one_on_one(coach_id=self.employee.id)
        log = self._one_on_one()
        with self.assertRaises(ValidationError):
            log.with_user(self.user_manager).coach_id = self.employee
        with self.assertRaises(UserError):
            log.with_user(self.user_employee).coach_id = self.director
        log.with_user(self.user_manager).coach_id = self.director
        self.assertEqual(log.coach_id, self.director)

    def test_access_by_role(self):
        log = self._one_on_one()
        Log = self.env["performance.coaching.log"]
        for user in (self.user_employee, self.user_manager, self.user_director, self.user_officer):
            self.assertEqual(Log.with_user(user).search([("id", "=", log.id)]), log)
        for user in (self.user_peer, self.user_other_manager, self.user_employee_b):
            self.assertFalse(Log.with_user(user).search([("id", "=", log.id)]))
            with self.assertRaises(AccessError):
                log.with_user(user).read(["shared_notes"])

    def test_shared_and_private_notes(self):
        log = self._one_on_one()
        log.with_user(self.user_manager).write(
            {"shared_notes": "<p>We both see this</p>", "private_note": "<p>Manager secret</p>"}
        )
        log.with_user(self.user_employee).write({"private_note": "<p>Employee secret</p>"})
        as_employee = log.with_user(self.user_employee)
        self.assertIn("We both see this", as_employee.shared_notes)
        self.assertIn("Employee secret", as_employee.private_note)
        self.assertIn("Manager secret", log.with_user(self.user_manager).private_note)
        # Nobody else, officers included, reads someone's private notes: read, search,
        # export and read_group.
        Note = self.env["performance.coaching.note"]
        for user in (self.user_employee, self.user_officer, self.user_director):
            with self.subTest(user=user.login):
                self.assertNotIn(
                    "Manager secret",
                    log.with_user(user).read(["private_note"])[0]["private_note"] or "",
                )
                self.assertFalse(
                    Note.with_user(user).search([("note", "ilike", "Manager secret")])
                )
                user.group_ids += self.env.ref("base.group_allow_export")
                exported = log.with_user(user).export_data(["private_note"])["datas"]
                self.assertNotIn("Manager secret", str(exported))
                groups = Note.with_user(user)._read_group([], ["user_id"], ["__count"])
                self.assertEqual(
                    {u for u, _c in groups}, {user} if user == self.user_employee else set()
                )
        manager_note = Note.sudo().search([("user_id", "=", self.user_manager.id)])
        with self.assertRaises(AccessError):
            manager_note.with_user(self.user_officer).read(["note"])

    def test_carry_over(self):
        log = self._one_on_one()
        Point = self.env["performance.coaching.talking.point"]
        Point.with_user(self.user_employee).create({"log_id": log.id, "name": "Training budget"})
        Point.with_user(self.user_manager).create(
            {"log_id": log.id, "name": "Release retro", "resolved": True}
        )
        item_open = (
            self.env["performance.coaching.action.item"]
            .with_user(self.user_manager)
            .create(
                {"log_id": log.id, "name": "Book the course", "owner_id": self.user_employee.id}
            )
        )
        self.env["performance.coaching.action.item"].with_user(self.user_manager).create(
            {
                "log_id": log.id,
                "name": "Send notes",
                "owner_id": self.user_manager.id,
                "done": True,
            }
        )
        self.assertTrue(item_open.activity_id, "an action item is an activity of its owner")
        self.assertEqual(item_open.activity_id.user_id, self.user_employee)
        log.with_user(self.user_manager).action_done()
        following = log.next_id
        self.assertEqual(following.date_start, datetime(2026, 3, 9, 9, 0))
        self.assertEqual(following.previous_id, log)
        self.assertEqual(following.talking_point_ids.mapped("name"), ["Training budget"])
        self.assertTrue(following.talking_point_ids.carried_over)
        self.assertEqual(following.action_item_ids, item_open)
        self.assertEqual(item_open.activity_id.res_id, following.id)
        self.assertTrue(following.sudo().calendar_event_id)
        with self.assertRaises(UserError):
            log.action_done()
        item_open.with_user(self.user_employee).done = True
        self.assertFalse(item_open.activity_id.exists() and item_open.activity_id.active)

    def test_nudge_sent_once(self):
        with freeze_time("2026-01-01"):
            self._one_on_one(date_start=datetime(2026, 1, 1, 9, 0))
        Activity = self.env["mail.activity"]
        activity_type = self.env.ref("performance_management.mail_activity_type_one_on_one")
        domain = [("activity_type_id", "=", activity_type.id), ("res_model", "=", "hr.employee")]
        with (
            freeze_time("2026-01-20"),
            patch.object(type(self.env["ir.cron"]), "_commit_progress", return_value=1.0),
        ):
            self.env["performance.coaching.log"]._cron_nudge_managers()
            nudged = Activity.search(domain)
            self.assertNotIn(self.employee.id, nudged.mapped("res_id"), "met recently")
            self.assertIn(self.peer.id, nudged.mapped("res_id"))
            self.assertEqual(
                nudged.filtered(lambda a: a.res_id == self.peer.id).user_id, self.user_manager
            )
        with (
            freeze_time("2026-02-15"),
            patch.object(type(self.env["ir.cron"]), "_commit_progress", return_value=1.0),
        ):
            self.env["performance.coaching.log"]._cron_nudge_managers()
            first = Activity.search_count(domain)
            self.assertIn(self.employee.id, Activity.search(domain).mapped("res_id"))
            self.env["performance.coaching.log"]._cron_nudge_managers()
            self.assertEqual(Activity.search_count(domain), first, "nothing sent twice")

    def test_journal_shows_what_the_reader_may_see(self):
        with freeze_time("2026-03-05"):
            self.env["performance.feedback"].with_user(self.user_peer).create(
                [
                    {
                        "employee_id": self.employee.id,
                        "message": "<p>Shared praise</p>",
                        "feedback_type": "praise",
                        "visibility": "shared",
                    },
                    {
                        "employee_id": self.employee.id,
                        "message": "<p>Private concern</p>",
                        "feedback_type": "constructive",
                        "visibility": "private",
                    },
                ]
            )
        log = self._one_on_one(shared_notes="<p>Talked about growth</p>")
        log.action_done()
        Journal = self.env["performance.journal"]
        for user, sees_private in ((self.user_manager, True), (self.user_employee, False)):
            journal = Journal.with_user(user).create(
                {
                    "employee_id": self.employee.id,
                    "date_from": "2026-03-01",
                    "date_to": "2026-03-31",
                }
            )
            html = str(journal.journal_html)
            self.assertIn("Shared praise", html)
            self.assertIn("Talked about growth", html)
            self.assertEqual("Private concern" in html, sees_private)

    def test_goal_checkin_from_meeting(self):
        goal = self.env["performance.goal"].create(
            {"name": "Ship the mobile app", "employee_id": self.employee.id, "state": "active"}
        )
        log = self._one_on_one(goal_ids=[(6, 0, goal.ids)])
        wizard = (
            self.env["performance.coaching.goal.checkin"]
            .with_user(self.user_manager)
            .with_context(default_log_id=log.id)
            .create({})
        )
        self.assertEqual(wizard.line_ids.goal_id, goal)
        wizard.line_ids.write({"confidence": "at_risk", "note": "<p>Backend late</p>"})
        wizard.action_checkin()
        self.assertEqual(goal.checkin_ids.confidence, "at_risk")
        self.assertEqual(goal.checkin_ids.user_id, self.user_manager)
        empty = self.env["performance.coaching.goal.checkin"].create(
            {"log_id": self._one_on_one().id}
        )
        with self.assertRaises(UserError):
            empty.action_checkin()


@tagged("post_install", "-at_install")
class TestCoachingLogForm(PerformanceCase):
    def test_new_one_on_one_saved_once_with_everything(self):
        """The manager fills a whole new 1:1 (talking point, action item) and saves once."""
        Log = (
            self.env["performance.coaching.log"]
            .with_user(self.user_manager)
            .with_context(tracking_disable=False)  # followers as in real life
        )
        with Form(Log) as form:
            form.employee_id = self.employee
            form.date_start = datetime(2026, 3, 2, 9, 0)
            with form.talking_point_ids.new() as point:
                point.name = "Roadmap"
            with form.action_item_ids.new() as item:
                item.name = "Send the plan"  # owned by the manager, who saves the 1:1
            with form.action_item_ids.new() as item:
                item.name = "Read the plan"
                item.owner_id = self.user_employee
        log = form.record
        self.assertEqual(log.action_item_ids.mapped("name"), ["Send the plan", "Read the plan"])
        activities = log.action_item_ids.sudo().activity_id
        self.assertEqual(activities.user_id, self.user_manager | self.user_employee)
        self.assertEqual(set(activities.mapped("res_id")), {log.id})
        partners = log.sudo().message_partner_ids
        self.assertIn(self.user_manager.partner_id, partners)
        self.assertIn(self.user_employee.partner_id, partners)


@tagged("post_install", "-at_install")
class TestJournalEntries(PerformanceCase):
    def test_kudos_to_several_people_in_every_journal(self):
        kudos = (
            self.env["performance.recognition"]
            .with_user(self.user_manager)
            .create(
                {
                    "receiver_ids": [(6, 0, (self.employee | self.peer).ids)],
                    "message": "<p>Great launch, both of you</p>",
                }
            )
        )
        today = kudos.date.date()
        Journal = self.env["performance.journal"].with_user(self.user_manager)
        for employee in (self.employee, self.peer):
            with self.subTest(employee=employee.name):
                journal = Journal.create(
                    {"employee_id": employee.id, "date_from": today, "date_to": today}
                )
                html = str(journal.journal_html)
                self.assertIn("Great launch, both of you", html)
                self.assertIn("Kudos from Mia Manager", html)
        empty = Journal.create(
            {"employee_id": self.other_employee.id, "date_from": today, "date_to": today}
        )
        self.assertIn("Nothing in this period.", str(empty.journal_html))
