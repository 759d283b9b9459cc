from datetime import timedelta
from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import PerformanceCase


@tagged("post_install", "-at_install")
class TestFeedbackVisibility(PerformanceCase):
    """Who reads which feedback: author, receiver, manager chain, others."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Feedback = cls.env["performance.feedback"]
        cls.feedback = {
            visibility: Feedback.with_user(cls.user_peer).create(
                {
                    "employee_id": cls.employee.id,
                    "message": f"<p>{visibility} feedback</p>",
                    "feedback_type": "praise",
                    "visibility": visibility,
                }
            )
            for visibility in ("private", "shared", "public")
        }

    def _visible(self, user):
        found = self.env["performance.feedback"].with_user(user).search([])
        return {v for v, fb in self.feedback.items() if fb in found}

    def test_author_defaults_to_current_employee(self):
        self.assertEqual(self.feedback["private"].author_id, self.peer)
        self.assertEqual(self.feedback["private"].state, "done")

    def test_visibility_by_role(self):
        expected = {
            self.user_peer: {"private", "shared", "public"},  # author
            self.user_employee: {"shared", "public"},  # receiver
            self.user_manager: {"private", "shared", "public"},  # receiver's manager
            self.user_director: {"private", "shared", "public"},  # manager's manager
            self.user_other_manager: {"public"},
            self.user_other_employee: {"public"},
            self.user_officer: {"private", "shared", "public"},
            self.user_employee_b: set(),  # another company
        }
        for user, visible in expected.items():
            with self.subTest(user=user.login):
                self.assertEqual(self._visible(user), visible)

    def test_receiver_cannot_read_private_directly(self):
        with self.assertRaises(AccessError):
            self.feedback["private"].with_user(self.user_employee).read(["message"])

    def test_others_cannot_edit(self):
        with self.assertRaises(AccessError):
            self.feedback["public"].with_user(self.user_other_employee).write(
                {"message": "<p>changed</p>"}
            )
        self.feedback["public"].with_user(self.user_peer).write({"message": "<p>mine</p>"})

    def test_cannot_give_feedback_in_someone_elses_name(self):
        with self.assertRaises(AccessError):
            self.env["performance.feedback"].with_user(self.user_employee).create(
                {
                    "employee_id": self.peer.id,
                    "author_id": self.manager.id,
                    "message": "<p>forged</p>",
                }
            )

    def test_bad_input(self):
        Feedback = self.env["performance.feedback"].with_user(self.user_employee)
        with self.assertRaises(ValidationError):
            Feedback.create({"employee_id": self.employee.id, "message": "<p>me</p>"})
        with self.assertRaises(ValidationError):
            Feedback.create({"employee_id": self.peer.id, "message": "<p> </p>"})
        with self.assertRaises(ValidationError):
            Feedback.create({"employee_id": self.peer.id, "message": False})

    def test_give_wizard_to_several_colleagues(self):
        wizard = (
            self.env["performance.feedback.give"]
            .with_user(self.user_employee)
            .create(
                {
                    "employee_ids": [(6, 0, (self.peer | self.manager).ids)],
                    "message": "<p>Thanks for the help</p>",
                    "feedback_type": "praise",
                    "visibility": "public",
                }
            )
        )
        action = wizard.action_give()
        feedback = self.env["performance.feedback"].search(action["domain"])
        self.assertEqual(feedback.employee_id, self.peer | self.manager)
        self.assertEqual(feedback.author_id, self.employee)
        yourself = (
            self.env["performance.feedback.give"]
            .with_user(self.user_employee)
            .create({"employee_ids": [(6, 0, self.employee.ids)], "message": "<p>me</p>"})
        )
        with self.assertRaises(ValidationError):
            yourself.action_give()


@tagged("post_install", "-at_install")
class TestFeedbackRequests(PerformanceCase):
    """Requests, anonymous answers and reminders."""

    def _request(self, requester, about, authors, anonymous=False, deadline="2026-03-10"):
        wizard = (
            self.env["performance.feedback.request.wizard"]
            .with_user(requester)
            .create(
                {
                    "employee_id": about.id,
                    "author_ids": [(6, 0, authors.ids)],
                    "date_deadline": deadline,
                    "anonymous": anonymous,
                    "request_message": "How did the launch go?",
                }
            )
        )
        wizard.action_request()
        return self.env["performance.feedback"].search(
            [("employee_id", "=", about.id), ("state", "=", "requested")]
        )

    @freeze_time("2026-03-01")
    def test_request_about_myself_and_answer(self):
        request = self._request(self.user_employee, self.employee, self.peer)
        self.assertEqual(request.requester_id, self.employee)
        self.assertEqual(request.author_id, self.peer)
        self.assertTrue(request.activity_ids, "the person asked gets a to-do")
        # Only the person asked answers.
        with self.assertRaises(UserError):
            request.with_user(self.user_employee).action_answer("<p>self</p>")
        request.with_user(self.user_peer).action_answer("<p>Great launch</p>", "praise")
        self.assertEqual(request.state, "done")
        self.assertEqual(request.visibility, "shared")
        self.assertIn(
            request, self.env["performance.feedback"].with_user(self.user_employee).search([])
        )

    @freeze_time("2026-03-01")
    def test_manager_requests_about_report_stays_private(self):
        request = self._request(self.user_manager, self.employee, self.peer)
        request.with_user(self.user_peer).action_answer("<p>Solid work</p>")
        self.assertEqual(request.visibility, "private")
        self.assertNotIn(
            request, self.env["performance.feedback"].with_user(self.user_employee).search([])
        )
        # Not about someone outside your chain.
        with self.assertRaises(ValidationError):
            self._request(self.user_manager, self.other_employee, self.peer)

    @freeze_time("2026-03-01")
    def test_request_bad_input(self):
        with self.assertRaises(ValidationError):
            self._request(self.user_employee, self.employee, self.peer, deadline="2026-02-01")
        with self.assertRaises(ValidationError):
            self._request(self.user_employee, self.employee, self.employee)
        request = self._request(self.user_employee, self.employee, self.peer)
        with self.assertRaises(ValidationError):
            request.with_user(self.user_peer).action_answer("<p></p>")

    @freeze_time("2026-03-01")
    def test_request_to_a_colleague_without_user_is_refused(self):
        """He could never answer: the wizard says so, and asks no one."""
        nouser = self.env["hr.employee"].create({"name": "Nina Nouser", "work_email": "n@x.com"})
        Feedback = self.env["performance.feedback"]
        before = Feedback.search_count([("employee_id", "=", self.employee.id)])
        with self.assertRaisesRegex(ValidationError, "Nina Nouser cannot log in"):
            self._request(self.user_employee, self.employee, self.peer | nouser)
        after = Feedback.search_count([("employee_id", "=", self.employee.id)])
        self.assertEqual(after, before, "nobody asked")

    @freeze_time("2026-03-01")
    def test_anonymous_author_hidden_everywhere(self):
        self.env.company.performance_anonymity_threshold = 1
        request = self._request(self.user_employee, self.employee, self.peer, anonymous=True)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE performance_feedback SET write_date = now() - interval '1 day' WHERE id = %s",
            [request.id],
        )
        request.invalidate_recordset()
        answer_time = request.write_date + timedelta(hours=1)
        request.with_user(self.user_peer).action_answer("<p>Secret opinion</p>", "constructive")
        self.assertEqual(request.state, "answered")
        self.assertLess(
            request.write_date, answer_time, "the request's dates do not point at the answer"
        )
        self.assertFalse(request.message, "the request keeps no text of the answer")
        Feedback = self.env["performance.feedback"]
        answer = Feedback.search([("message", "ilike", "Secret opinion")])
        self.assertEqual(len(answer), 1)
        self.assertTrue(answer.anonymous)
        self.assertFalse(answer.author_id)
        peer_ids = {self.user_peer.id}
        self.assertNotIn(answer.create_uid.id, peer_ids)
        self.assertNotIn(answer.write_uid.id, peer_ids)
        self.assertFalse(
            self.env["mail.message"].search(
                [
                    ("model", "=", answer._name),
                    ("res_id", "=", answer.id),
                    ("author_id", "=", self.user_peer.partner_id.id),
                ]
            )
        )
        self.assertFalse(answer.message_follower_ids.partner_id & self.user_peer.partner_id)
        export_group = self.env.ref("base.group_allow_export")
        for user in (self.user_officer, self.user_manager, self.user_employee):
            user.group_ids += export_group
            as_user = Feedback.with_user(user)
            with self.subTest(user=user.login):
                rec = as_user.browse(answer.id)
                self.assertFalse(rec.read(["author_id"])[0]["author_id"])
                self.assertFalse(
                    as_user.search([("author_id", "=", self.peer.id), ("id", "=", answer.id)])
                )
                self.assertFalse(
                    as_user.search(
                        [("create_uid", "=", self.user_peer.id), ("id", "=", answer.id)]
                    )
                )
                exported = rec.export_data(["author_id", "create_uid", "write_uid"])["datas"]
                self.assertNotIn(self.peer.name, str(exported))
                self.assertNotIn(self.user_peer.name, str(exported))
                groups = as_user._read_group(
                    [("id", "=", answer.id)], ["author_id", "create_uid"], ["__count"]
                )
                self.assertEqual(groups[0][0], self.env["hr.employee"])
                self.assertNotEqual(groups[0][1], self.user_peer)
        # The answer cannot be answered twice, nor rewritten by the requester.
        with self.assertRaises(UserError):
            request.with_user(self.user_peer).action_answer("<p>again</p>")
        with self.assertRaises(UserError):
            request.with_user(self.user_peer).write({"state": "requested"})
        with self.assertRaises(AccessError):
            answer.with_user(self.user_employee).write({"message": "<p>edited</p>"})

    @freeze_time("2026-03-01")
    def test_anonymous_answers_wait_for_the_threshold(self):
        self.env.company.performance_anonymity_threshold = 2
        requests = self._request(
            self.user_employee, self.employee, self.peer | self.manager, anonymous=True
        )
        Feedback = self.env["performance.feedback"]
        first = requests.filtered(lambda r: r.author_id == self.peer)
        first.with_user(self.user_peer).action_answer("<p>First opinion</p>")
        answers = Feedback.search([("anonymous", "=", True), ("state", "=", "done")])
        self.assertEqual(len(answers), 1)
        self.assertFalse(answers.anonymous_released)
        for user in (self.user_employee, self.user_director):
            self.assertFalse(Feedback.with_user(user).search([("id", "in", answers.ids)]))
        # The requester still follows their requests.
        self.assertEqual(
            Feedback.with_user(self.user_employee).search([("id", "in", requests.ids)]), requests
        )
        second = requests - first
        second.with_user(self.user_manager).action_answer("<p>Second opinion</p>")
        answers = Feedback.search([("anonymous", "=", True), ("state", "=", "done")])
        self.assertEqual(len(answers), 2)
        self.assertTrue(all(answers.mapped("anonymous_released")))
        self.assertEqual(
            Feedback.with_user(self.user_employee).search([("id", "in", answers.ids)]), answers
        )

    def test_anonymous_feedback_only_as_answer(self):
        with self.assertRaises(UserError):
            self.env["performance.feedback"].with_user(self.user_employee).create(
                {"employee_id": self.peer.id, "message": "<p>x</p>", "anonymous": True}
            )

    def test_reminder_sent_once(self):
        with freeze_time("2026-03-01"):
            request = self._request(self.user_employee, self.employee, self.peer)
        Mail = self.env["mail.mail"]
        subject = "Reminder: feedback about"
        with (
            freeze_time("2026-03-12"),
            patch.object(type(self.env["ir.cron"]), "_commit_progress", return_value=1.0),
        ):
            self.env["performance.feedback"]._cron_remind_overdue_requests()
            self.assertEqual(Mail.search_count([("subject", "ilike", subject)]), 1)
            self.assertEqual(str(request.date_reminded), "2026-03-12")
            self.env["performance.feedback"]._cron_remind_overdue_requests()
            self.assertEqual(Mail.search_count([("subject", "ilike", subject)]), 1)

    @freeze_time("2026-03-01")
    def test_cancel_request(self):
        request = self._request(self.user_employee, self.employee, self.peer)
        request.with_user(self.user_employee).action_cancel()
        self.assertEqual(request.state, "cancelled")
        with self.assertRaises(UserError):
            request.with_user(self.user_employee).action_cancel()
