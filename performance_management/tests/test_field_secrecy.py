"""Secrets stay secret through every path a user has: read, search on the field, export,
grouping, and the chatter (messages, tracking values and the notifications they send).

Each secret carries a marker text; every path, run as each user who must not see it, must
either be refused (AccessError) or answer without the marker.
"""

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ReviewCase


@tagged("post_install", "-at_install")
@freeze_time("2026-11-01")
class TestFieldSecrecy(ReviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # export is a right companies grant: assume the worst, everyone has it
        export = cls.env.ref("base.group_allow_export")
        for user in (
            cls.user_employee,
            cls.user_peer,
            cls.user_manager,
            cls.user_director,
            cls.user_other_manager,
            cls.user_employee_b,
            cls.user_officer,
            cls.user_admin,
        ):
            user.group_ids |= export

    # the paths ----------------------------------------------------------------------
    def _paths(self, records, field, search_domain, group_field=None):
        """Yield (path name, callable returning what the user gets) for one field."""
        Model = records.browse()
        yield "read", lambda: records.read([field.split(".")[0]])
        yield "search", lambda: Model.search(search_domain)
        yield "export", lambda: records.export_data([field.replace(".", "/")])
        if group_field:
            yield (
                "formatted_read_group",
                lambda: Model.formatted_read_group([], groupby=[group_field]),
            )
            yield (
                "read_group",
                lambda: Model.read_group([], [group_field], [group_field], lazy=False),
            )

    def assertHidden(self, users, records, field, secret, search_domain, group_field=None):
        for user in users:
            as_user = records.with_user(user)
            for path, call in self._paths(as_user, field, search_domain, group_field):
                with self.subTest(user=user.login, field=field, path=path):
                    self.env.invalidate_all()
                    try:
                        got = call()
                    except AccessError:
                        continue
                    except UserError:
                        # export_data refuses users without the export right
                        self.assertEqual(path, "export")
                        self.assertFalse(user.has_group("base.group_allow_export"))
                        continue
                    if path == "search":
                        self.assertFalse(got & records, "found through its secret")
                    else:
                        self.assertNotIn(str(secret), str(got))
            with self.subTest(user=user.login, field=field, path="chatter"):
                self.assertNotIn(str(secret), self._chatter_seen_by(user, records))

    def _chatter_seen_by(self, user, records):
        """What the user reads of the records' chatter and of the notifications sent to them,
        tracking values filtered as the web client filters them."""
        Message = self.env["mail.message"].with_user(user)
        messages = Message.search([("model", "=", records._name), ("res_id", "in", records.ids)])
        notified = (
            self.env["mail.message"]
            .sudo()
            .search(
                [
                    ("model", "=", records._name),
                    ("res_id", "in", records.ids),
                    ("notification_ids.res_partner_id", "=", user.partner_id.id),
                ]
            )
        )
        seen = []
        for message in messages | notified.with_user(user):
            seen.append(str(message.sudo().body))
            seen.append(str(message.sudo().subject))
            tracking = message.sudo().tracking_value_ids._filter_has_field_access(
                self.env(user=user)
            )
            seen.append(str(tracking._tracking_value_format()))
        return "\n".join(seen)

    def launch_and_rate(self, summary="SECRET-SUMMARY"):
        review = self.launch() and self.review_of(self.employee)
        review = review.with_context(tracking_disable=False)
        self.fill(review, "employee", self.user_employee)
        review.with_user(self.user_employee).action_submit_self()
        self.fill(review, "manager", self.user_manager, level_index=4)
        review.with_user(self.user_manager).write(
            {"potential": "high", "manager_summary": summary}
        )
        review.with_user(self.user_manager).action_submit_manager()
        return review

    # the secrets --------------------------------------------------------------------
    def test_review_private_note(self):
        review = self.launch() and self.review_of(self.employee)
        note = (
            self.env["performance.review.note"]
            .with_user(self.user_manager)
            .create({"review_id": review.id, "note": "SECRET-NOTE flight risk"})
        )
        outsiders = (self.user_employee, self.user_portal, self.user_peer, self.user_other_manager)
        self.assertHidden(
            outsiders,
            review,
            "note_ids.note",
            "SECRET-NOTE",
            [("note_ids.note", "ilike", "SECRET")],
        )
        self.assertHidden(
            outsiders,
            note,
            "note",
            "SECRET-NOTE",
            [("note", "ilike", "SECRET")],
            group_field="review_id",
        )
        # its author and the chain above read it
        self.assertIn("SECRET", note.with_user(self.user_manager).note)
        self.assertIn("SECRET", note.with_user(self.user_director).note)

    def test_one_on_one_private_note(self):
        log = (
            self.env["performance.coaching.log"]
            .with_user(self.user_manager)
            .with_context(tracking_disable=False)
            .create({"employee_id": self.employee.id, "shared_notes": "<p>Shared</p>"})
        )
        log.private_note = "<p>SECRET-COACH worried</p>"
        self.assertIn("SECRET-COACH", log.private_note)
        # nobody else, HR included, reads a private 1:1 note
        others = (self.user_employee, self.user_director, self.user_officer, self.user_admin)
        self.assertHidden(others, log, "private_note", "SECRET-COACH", [("id", "=", 0)])
        note = self.env["performance.coaching.note"].search([("log_id", "=", log.id)])
        self.assertHidden(
            others,
            note,
            "note",
            "SECRET-COACH",
            [("note", "ilike", "SECRET")],
            group_field="log_id",
        )
        # writing one's own note leaves the manager's alone
        log.with_user(self.user_employee).private_note = "<p>Mine</p>"
        self.assertIn("SECRET-COACH", log.with_user(self.user_manager).private_note)

    def test_improvement_plan_hr_note(self):
        plan = (
            self.env["performance.improvement.plan"]
            .with_user(self.user_manager)
            .with_context(tracking_disable=False)
            .create(
                {
                    "name": "Plan",
                    "employee_id": self.employee.id,
                    "date_end": "2027-01-31",
                    "reason": "<p>Missed deadlines</p>",
                }
            )
        )
        plan.with_user(self.user_officer).write(
            {"hr_note": "<p>SECRET-HR legal</p>", "support": "<p>Mentoring</p>"}
        )
        self.assertHidden(
            (self.user_employee, self.user_manager, self.user_director, self.user_portal),
            plan,
            "hr_note",
            "SECRET-HR",
            [("hr_note", "ilike", "SECRET")],
        )
        self.assertIn("SECRET-HR", plan.with_user(self.user_officer).hr_note)

    def test_anonymous_feedback_author(self):
        self.env.company.performance_anonymity_threshold = 1
        wizard = (
            self.env["performance.feedback.request.wizard"]
            .with_user(self.user_employee)
            .create(
                {
                    "employee_id": self.employee.id,
                    "author_ids": [(6, 0, self.peer.ids)],
                    "date_deadline": "2026-11-20",
                    "anonymous": True,
                    "request_message": "How am I doing?",
                }
            )
        )
        wizard.action_request()
        Feedback = self.env["performance.feedback"]
        request = Feedback.search(
            [("employee_id", "=", self.employee.id), ("anonymous", "=", True)]
        )
        request.with_user(self.user_peer).action_answer("<p>Frank words</p>", "constructive")
        answer = Feedback.search([("message", "ilike", "Frank words")])
        self.assertEqual(len(answer), 1)
        self.assertFalse(answer.author_id)
        self.assertNotEqual(answer.create_uid, self.user_peer)
        self.assertNotEqual(answer.write_uid, self.user_peer)
        self.assertFalse(
            answer.message_ids.filtered(lambda m: m.author_id == self.peer.work_contact_id)
        )
        readers = (self.user_employee, self.user_manager, self.user_director, self.user_officer)
        for user in readers:
            as_user = Feedback.with_user(user)
            with self.subTest(user=user.login):
                self.assertIn(answer, as_user.search([("id", "=", answer.id)]))
                self.assertFalse(answer.with_user(user).author_id)
                self.assertNotIn(answer, as_user.search([("author_id", "=", self.peer.id)]))
                self.assertNotIn(
                    answer, as_user.search([("author_id.user_id", "=", self.user_peer.id)])
                )
                self.assertNotIn(answer, as_user.search([("create_uid", "=", self.user_peer.id)]))
                exported = answer.with_user(user).export_data(["author_id", "create_uid"])
                self.assertNotIn(self.peer.name, str(exported))
                self.assertNotIn(self.user_peer.name, str(exported))
                groups = as_user.formatted_read_group(
                    [("id", "=", answer.id)], groupby=["author_id"]
                )
                self.assertEqual([g["author_id"] for g in groups], [False])
                self.assertNotIn(self.peer.name, self._chatter_seen_by(user, answer))

    def test_calibration_reason(self):
        review = self.launch_and_rate()
        self.cycle.with_user(self.user_officer).action_start_calibration()
        assessment = review.assessment_ids
        self.env["performance.calibration.wizard"].with_user(self.user_officer).create(
            {
                "assessment_id": assessment.id,
                "new_rating_id": self.levels[2].id,
                "reason": "SECRET-CALIBRATION budget",
            }
        ).action_confirm()
        log = assessment.calibration_log_ids
        self.assertEqual(len(log), 1)
        plain = (self.user_employee, self.user_manager, self.user_director, self.user_portal)
        self.assertHidden(
            plain,
            log,
            "reason",
            "SECRET-CALIBRATION",
            [("reason", "ilike", "SECRET")],
            group_field="review_id",
        )
        self.assertHidden(plain, review, "display_name", "SECRET-CALIBRATION", [("id", "=", 0)])
        # the officer reads the audit
        self.assertIn("SECRET", log.with_user(self.user_officer).reason)

    def test_ratings_before_release(self):
        review = self.launch_and_rate()
        assessment = review.assessment_ids
        top = self.levels[4]
        self.assertEqual(assessment.final_rating_id, top)
        for field, secret, domain in (
            (
                "manager_summary",
                "SECRET-SUMMARY",
                [("assessment_ids.manager_summary", "ilike", "SECRET")],
            ),
            ("final_rating_id", top.name, [("final_rating_id", "=", top.id)]),
            (
                "manager_line_ids.rating_id",
                top.name,
                [("manager_line_ids.rating_id", "=", top.id)],
            ),
        ):
            self.assertHidden(
                (self.user_employee, self.user_portal, self.user_peer),
                review,
                field,
                secret,
                domain,
            )
        self.assertHidden(
            (self.user_employee, self.user_peer, self.user_other_manager),
            assessment,
            "final_rating_id",
            top.name,
            [("final_rating_id", "=", top.id)],
            group_field="final_rating_id",
        )
        self.assertEqual(review.with_user(self.user_employee).overall_score, 0.0)

    def test_ratings_show_once_released(self):
        review = self.launch_and_rate()
        top = self.levels[4]
        as_employee = review.with_user(self.user_employee)
        self.assertFalse(as_employee.final_rating_id)
        review.with_user(self.user_officer).action_release()
        as_employee.invalidate_recordset()
        self.assertEqual(as_employee.final_rating_id, top)
        self.assertEqual(as_employee.manager_summary, "SECRET-SUMMARY")
        # released to the employee, still not to a colleague
        self.assertFalse(review.with_user(self.user_peer).search([("id", "=", review.id)]))

    def test_employee_cannot_set_own_assessment(self):
        review = self.launch() and self.review_of(self.employee)
        for vals in (
            {"final_rating_id": self.levels[4].id},
            {"potential": "high"},
            {"manager_summary": "I am great"},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                review.with_user(self.user_employee).write(vals)
        self.assertFalse(review.assessment_ids.final_rating_id)
        self.assertFalse(review.assessment_ids.manager_summary)

    def test_reward_amounts(self):
        reward = (
            self.env["performance.reward"]
            .with_user(self.user_manager)
            .with_context(tracking_disable=False)
            .create({"employee_id": self.employee.id, "kind": "bonus", "amount": 4321.0})
        )
        reward.with_user(self.user_manager).with_context(tracking_disable=False).write(
            {"amount": 8765.0}
        )
        outsiders = (
            self.user_employee,
            self.user_peer,
            self.user_other_manager,
            self.user_portal,
            self.user_employee_b,
        )
        for secret in ("4321", "8765"):
            self.assertHidden(
                outsiders,
                reward,
                "amount",
                secret,
                [("amount", ">", 4000)],
                group_field="employee_id",
            )
        for user in outsiders:
            with self.subTest(user=user.login, path="sum"):
                groups = (
                    self.env["performance.reward"]
                    .with_user(user)
                    .formatted_read_group([], aggregates=["amount:sum"])
                )
                self.assertFalse(groups and groups[0].get("amount:sum"))
        # the manager who recommended it and HR read it
        self.assertEqual(reward.with_user(self.user_manager).amount, 8765.0)
        self.assertEqual(reward.with_user(self.user_officer).amount, 8765.0)
