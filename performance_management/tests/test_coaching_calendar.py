from datetime import datetime

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PerformanceCase


@tagged("post_install", "-at_install")
class TestCoachingCalendar(PerformanceCase):
    """A 1:1 follows its calendar event both ways, driven from calendar.event itself."""

    def setUp(self):
        super().setUp()
        self.log = (
            self.env["performance.coaching.log"]
            .with_user(self.user_manager)
            .create({"employee_id": self.employee.id, "date_start": datetime(2026, 3, 2, 9, 0)})
        )
        self.event = self.log.sudo().calendar_event_id

    def event_as(self, user):
        return self.env["calendar.event"].with_user(user).browse(self.event.id)

    def test_moving_the_event_moves_the_one_on_one(self):
        self.event_as(self.user_manager).write(
            {"start": datetime(2026, 3, 4, 14, 0), "stop": datetime(2026, 3, 4, 15, 0)}
        )
        self.assertEqual(self.log.date_start, datetime(2026, 3, 4, 14, 0))
        self.assertEqual(self.log.duration, 1.0)
        # and the event stays where it was put (no write bounced back)
        self.assertEqual(self.event.start, datetime(2026, 3, 4, 14, 0))
        self.assertEqual(self.event.stop, datetime(2026, 3, 4, 15, 0))

    def test_the_employee_moves_his_own_one_on_one(self):
        self.event_as(self.user_employee).write(
            {"start": datetime(2026, 3, 5, 9, 0), "stop": datetime(2026, 3, 5, 9, 30)}
        )
        self.assertEqual(self.log.date_start, datetime(2026, 3, 5, 9, 0))

    def test_moving_the_one_on_one_moves_the_event(self):
        self.log.with_user(self.user_manager).write(
            {"date_start": datetime(2026, 3, 6, 11, 0), "duration": 1.5}
        )
        self.assertEqual(self.event.start, datetime(2026, 3, 6, 11, 0))
        self.assertEqual(self.event.stop, datetime(2026, 3, 6, 12, 30))
        self.assertEqual(self.log.date_start, datetime(2026, 3, 6, 11, 0))

    def test_archiving_the_event_cancels_the_one_on_one(self):
        self.event_as(self.user_manager).action_archive()
        self.assertEqual(self.log.state, "cancelled")
        self.assertEqual(self.log.sudo().calendar_event_id, self.event)
        # planned again, it is back in the calendar
        self.log.with_user(self.user_manager).action_reset()
        self.assertEqual(self.log.state, "planned")
        self.assertTrue(self.event.active)

    def test_deleting_the_event_cancels_the_one_on_one(self):
        self.event_as(self.user_manager).unlink()
        self.assertEqual(self.log.state, "cancelled")
        self.assertFalse(self.log.sudo().calendar_event_id)
        self.log.with_user(self.user_manager).action_reset()
        event = self.log.sudo().calendar_event_id
        self.assertTrue(event)
        self.assertEqual(event.start, datetime(2026, 3, 2, 9, 0))

    def test_cancelling_the_one_on_one_removes_its_event(self):
        self.log.with_user(self.user_manager).action_cancel()
        self.assertFalse(self.event.exists())
        self.assertEqual(self.log.state, "cancelled")

    def test_nobody_moves_someone_elses_one_on_one_through_the_event(self):
        # the peer is invited to the event, so Calendar lets him edit it; the 1:1 is not his
        self.event.partner_ids |= self.peer.work_contact_id
        peer_event = self.event_as(self.user_peer)
        with self.assertRaises(AccessError):
            peer_event.write(
                {"start": datetime(2026, 3, 9, 9, 0), "stop": datetime(2026, 3, 9, 9, 30)}
            )
        with self.assertRaises(AccessError):
            peer_event.action_archive()
        with self.assertRaises(AccessError):
            peer_event.unlink()
        self.assertEqual(self.log.date_start, datetime(2026, 3, 2, 9, 0))
        self.assertEqual(self.log.state, "planned")
        self.assertEqual(self.event.start, datetime(2026, 3, 2, 9, 0))
        self.assertTrue(self.event.active)

    def test_a_done_one_on_one_keeps_its_date(self):
        self.log.with_user(self.user_manager).action_done()
        self.event_as(self.user_manager).write(
            {"start": datetime(2026, 3, 9, 9, 0), "stop": datetime(2026, 3, 9, 9, 30)}
        )
        self.assertEqual(self.log.date_start, datetime(2026, 3, 2, 9, 0))
        self.assertEqual(self.log.state, "done")

    def test_plan_a_one_on_one_is_a_meeting_that_opens_the_calendar(self):
        activity_type = self.env.ref("performance_management.mail_activity_type_one_on_one")
        self.assertEqual(activity_type.category, "meeting")
        activity = self.employee.activity_schedule(
            activity_type_id=activity_type.id, user_id=self.user_manager.id
        )
        action = activity.with_user(self.user_manager).action_create_calendar_event()
        self.assertEqual(action["res_model"], "calendar.event")
        self.assertEqual(action["context"]["default_activity_ids"], [(6, 0, activity.ids)])

    def test_a_meeting_planned_from_the_activity_is_the_one_on_one(self):
        activity_type = self.env.ref("performance_management.mail_activity_type_one_on_one")
        activity = self.peer.activity_schedule(
            activity_type_id=activity_type.id, user_id=self.user_manager.id
        )
        action = activity.with_user(self.user_manager).action_create_calendar_event()
        context = dict(
            action["context"], default_res_model="hr.employee", default_res_id=self.peer.id
        )
        event = (
            self.env["calendar.event"]
            .with_user(self.user_manager)
            .with_context(**context)
            .create(
                {
                    "name": "1:1 with Pat",
                    "start": datetime(2026, 3, 10, 9, 0),
                    "stop": datetime(2026, 3, 10, 9, 45),
                }
            )
        )
        log = self.env["performance.coaching.log"].search([("calendar_event_id", "=", event.id)])
        self.assertEqual(log.employee_id, self.peer)
        self.assertEqual(log.coach_id, self.manager)
        self.assertEqual(log.date_start, datetime(2026, 3, 10, 9, 0))
        # as long as the event Calendar shows (Calendar sets its stop from the activity)
        self.assertEqual(log.duration, (event.stop - event.start).total_seconds() / 3600)
        self.assertEqual(activity.calendar_event_id, event)
        # and it follows the event from then on
        event.write({"start": datetime(2026, 3, 11, 9, 0), "stop": datetime(2026, 3, 11, 9, 45)})
        self.assertEqual(log.date_start, datetime(2026, 3, 11, 9, 0))

    def test_a_meeting_planned_for_someone_one_does_not_manage_stays_a_meeting(self):
        activity_type = self.env.ref("performance_management.mail_activity_type_one_on_one")
        activity = self.other_employee.activity_schedule(
            activity_type_id=activity_type.id, user_id=self.user_employee.id
        )
        action = activity.with_user(self.user_employee).action_create_calendar_event()
        context = dict(
            action["context"],
            default_res_model="hr.employee",
            default_res_id=self.other_employee.id,
        )
        event = (
            self.env["calendar.event"]
            .with_user(self.user_employee)
            .with_context(**context)
            .create(
                {
                    "name": "Coffee with Olga",
                    "start": datetime(2026, 3, 10, 9, 0),
                    "stop": datetime(2026, 3, 10, 9, 30),
                }
            )
        )
        self.assertTrue(event)
        self.assertFalse(
            self.env["performance.coaching.log"].search([("calendar_event_id", "=", event.id)])
        )

    def test_the_one_on_one_event_adds_no_meeting_activity(self):
        self.assertFalse(self.event.activity_ids)
