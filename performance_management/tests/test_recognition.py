from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .common import PerformanceCase


class RecognitionCase(PerformanceCase):
    """A company value to recognise, and kudos given with the giver's own rights."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.value = cls.env["performance.value"].create({"name": "Customer first", "icon": "🤝"})

    def _recognise(self, user, receivers, **vals):
        return (
            self.env["performance.recognition"]
            .with_user(user)
            .create(
                {
                    "receiver_ids": [Command.set(receivers.ids)],
                    "value_id": self.value.id,
                    "message": "<p>Thank you!</p>",
                    **vals,
                }
            )
        )


@tagged("post_install", "-at_install")
class TestRecognition(RecognitionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.badge = cls.env["gamification.badge"].create(
            {"name": "Team Player", "rule_auth": "everyone"}
        )
        cls.company.performance_recognition_quota = 3

    def test_recognise_colleagues_with_and_without_user(self):
        recognition = self._recognise(self.user_employee, self.peer | self.nouser_employee)
        self.assertEqual(recognition.giver_id, self.employee)
        self.assertEqual(recognition.employee_id, self.peer)
        self.assertEqual(recognition.name, "Kudos to Pat Peer, Noah Nouser for Customer first")
        self.assertEqual(recognition.department_ids, self.department)
        self.assertEqual(self.value.recognition_count, 1)

    def test_receivers_and_managers_are_notified(self):
        recognition = self._recognise(self.user_other_employee, self.employee)
        message = recognition.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertEqual(len(message), 1)
        partners = (self.employee | self.manager).work_contact_id
        self.assertEqual(message.partner_ids, partners)
        self.assertIn("Customer first", message.body)
        self.assertLessEqual(partners, recognition.message_partner_ids)

    def test_self_recognition_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot recognise yourself"):
            self._recognise(self.user_employee, self.employee | self.peer)
        with self.assertRaisesRegex(ValidationError, "at least one"):
            self._recognise(self.user_employee, self.env["hr.employee"])

    def test_only_in_own_name(self):
        with self.assertRaisesRegex(UserError, "own name"):
            self._recognise(self.user_employee, self.peer, giver_id=self.manager.id)
        # Officers may record a recognition on someone's behalf.
        recognition = self._recognise(self.user_officer, self.peer, giver_id=self.manager.id)
        self.assertEqual(recognition.giver_id, self.manager)

    def test_monthly_quota(self):
        with freeze_time("2026-03-10"):
            for _i in range(3):
                self._recognise(self.user_employee, self.peer)
            with self.assertRaisesRegex(ValidationError, "monthly quota"):
                self._recognise(self.user_employee, self.peer)
            # The quota is per giver.
            self._recognise(self.user_peer, self.employee)
        with freeze_time("2026-04-01"):
            self._recognise(self.user_employee, self.peer)
        self.company.performance_recognition_quota = 0
        with freeze_time("2026-04-02"):
            for _i in range(4):
                self._recognise(self.user_employee, self.peer)
        with self.assertRaises(ValidationError):
            self.company.performance_recognition_quota = -1

    def test_badge_only_for_receivers_with_user(self):
        recognition = self._recognise(
            self.user_employee, self.peer | self.nouser_employee, badge_id=self.badge.id
        )
        badge_user = recognition.badge_user_ids
        self.assertEqual(len(badge_user), 1)
        self.assertEqual(badge_user.user_id, self.user_peer)
        self.assertEqual(badge_user.employee_id, self.peer)
        self.assertEqual(badge_user.sender_id, self.user_employee)
        self.assertEqual(self.peer.badge_ids, badge_user)
        self.assertFalse(self.nouser_employee.badge_ids)

    def test_badge_granting_rules_apply(self):
        self.badge.rule_auth = "nobody"
        with self.assertRaisesRegex(UserError, "can not be sent"):
            self._recognise(self.user_employee, self.peer, badge_id=self.badge.id)

    def test_visibility(self):
        public = self._recognise(self.user_peer, self.employee)
        team = self._recognise(self.user_peer, self.employee, visibility="team")
        private = self._recognise(self.user_other_employee, self.employee, visibility="private")
        Recognition = self.env["performance.recognition"]

        def seen(user):
            return Recognition.with_user(user).search(
                [("id", "in", (public | team | private).ids)]
            )

        self.assertEqual(seen(self.user_employee), public | team | private)  # receiver
        self.assertEqual(seen(self.user_manager), public | team | private)  # their manager
        self.assertEqual(seen(self.user_director), public | team | private)  # the chain
        self.assertEqual(seen(self.user_other_employee), public | private)  # the giver
        self.assertEqual(seen(self.user_officer), public | team | private)
        # Same team as the receiver, not their manager: no private kudos.
        self.assertEqual(seen(self.user_peer), public | team)
        # Another team sees only what is public.
        self.assertEqual(seen(self.user_other_manager), public)
        with self.assertRaises(AccessError):
            private.with_user(self.user_peer).read(["message"])
        # Another company sees nothing.
        self.assertFalse(seen(self.user_employee_b))

    def test_portal_employee(self):
        received = self._recognise(self.user_employee, self.portal_employee, visibility="team")
        other = self._recognise(self.user_employee, self.peer, visibility="team")
        # The company wall is public to portal employees too (the /my portal shows it).
        wall = self._recognise(self.user_employee, self.peer)
        Recognition = self.env["performance.recognition"].with_user(self.user_portal)
        self.assertEqual(Recognition.search([]), received | wall)
        given = self._recognise(self.user_portal, self.employee, visibility="private")
        self.assertEqual(given.giver_id, self.portal_employee)
        self.assertEqual(Recognition.search([]), received | given | wall)
        with self.assertRaises(AccessError):
            other.with_user(self.user_portal).read(["message"])

    def test_only_the_giver_edits(self):
        recognition = self._recognise(self.user_employee, self.peer)
        recognition.with_user(self.user_employee).message = "<p>Thanks a lot!</p>"
        with self.assertRaises(AccessError):
            recognition.with_user(self.user_peer).message = "<p>Hacked</p>"
        with self.assertRaises(UserError):
            recognition.with_user(self.user_employee).badge_id = self.badge
        # Readers may react and comment through the chatter.
        recognition.with_user(self.user_other_employee).message_post(
            body="Well deserved!", message_type="comment"
        )

    def test_wall_groups_by_value(self):
        other_value = self.env["performance.value"].create({"name": "Ownership"})
        with freeze_time(datetime(2026, 5, 4, 10, 0)):
            self._recognise(self.user_employee, self.peer)
            self._recognise(self.user_peer, self.employee, value_id=other_value.id)
            self._recognise(self.user_manager, self.employee)
        groups = self.env["performance.recognition"]._read_group(
            [("value_id", "in", (self.value | other_value).ids)], ["value_id"], ["__count"]
        )
        self.assertEqual(dict(groups), {self.value: 2, other_value: 1})
        wall = self.env["performance.recognition"].search(
            [("value_id", "in", (self.value | other_value).ids)]
        )
        self.assertEqual(wall[0].giver_id, self.manager)  # newest first

    def test_value_names_unique(self):
        with self.assertRaisesRegex(ValidationError, "already exists"):
            self.env["performance.value"].create({"name": "Customer first"})
        with self.assertRaises(AccessError):
            self.env["performance.value"].with_user(self.user_employee).create({"name": "X"})

    def test_recommend_reward_from_recognition(self):
        recognition = self._recognise(self.user_manager, self.employee | self.peer)
        action = recognition.with_user(self.user_manager).action_recommend_reward()
        context = action["context"]
        reward = (
            self.env["performance.reward"]
            .with_user(self.user_manager)
            .with_context(**context)
            .create({"amount": 250})
        )
        self.assertEqual(reward.source, "recognition")
        self.assertEqual(reward.recognition_id, recognition)
        self.assertEqual(reward.employee_id, self.employee)
        self.assertEqual(reward.kind, "spot")

    def test_employee_form_counter(self):
        self._recognise(self.user_employee, self.peer | self.nouser_employee)
        self._recognise(self.user_manager, self.peer)
        peer = self.peer.with_user(self.user_officer)
        self.assertEqual(peer.performance_recognition_count, 2)
        self.assertEqual(self.nouser_employee.performance_recognition_count, 1)
        action = peer.action_open_performance_recognitions()
        self.assertEqual(self.env["performance.recognition"].search_count(action["domain"]), 2)

    def test_settings(self):
        self.user_admin.group_ids |= self.env.ref("base.group_system")
        settings = (
            self.env["res.config.settings"]
            .with_user(self.user_admin)
            .create(
                {
                    "performance_recognition_quota": 7,
                    "performance_reward_manager_approval": True,
                    "performance_readiness_skill_weight": 60,
                }
            )
        )
        settings.execute()
        self.assertEqual(self.company.performance_recognition_quota, 7)
        self.assertTrue(self.company.performance_reward_manager_approval)
        self.assertEqual(self.company.performance_readiness_skill_weight, 60)
        with self.assertRaisesRegex(ValidationError, "percentage"):
            self.company.performance_readiness_skill_weight = 120
        action = settings.action_open_performance_merit_matrix()
        self.assertEqual(action["res_model"], "performance.merit.matrix")


@tagged("post_install", "-at_install")
class TestRecognitionPublic(RecognitionCase):
    """Kudos link employees through hr.mixin, with the giver's own rights: no superuser."""

    def test_plain_user_recognises_an_employee_without_user(self):
        kudos = self._recognise(self.user_peer, self.nouser_employee | self.employee)
        self.assertFalse(kudos.env.su)
        self.assertEqual(kudos.create_uid, self.user_peer)
        self.assertEqual(kudos.giver_id, self.peer)
        self.assertEqual(kudos.receiver_ids, self.nouser_employee | self.employee)
        # the names a plain user sees are the public employee's; private data stays closed
        public = self.env["hr.employee.public"].with_user(self.user_peer)
        self.assertEqual(
            sorted(public.browse(kudos.receiver_ids.ids).mapped("name")),
            ["Eli Employee", "Noah Nouser"],
        )
        self.assertEqual(kudos.name, "Kudos to Noah Nouser, Eli Employee for Customer first")
        with self.assertRaises(AccessError):
            kudos.receiver_ids.mapped("private_email")
        # the giver adds a receiver, again without superuser
        kudos.write({"receiver_ids": [Command.link(self.director.id)]})
        self.assertIn(self.director, kudos.receiver_ids)

    def test_portal_user_recognises_an_employee_without_user(self):
        kudos = self._recognise(self.user_portal, self.nouser_employee)
        self.assertEqual(kudos.create_uid, self.user_portal)
        self.assertEqual(kudos.sudo().giver_id, self.portal_employee)
        self.assertEqual(kudos.sudo().receiver_ids, self.nouser_employee)
        # portal users read their kudos, not the employees behind them (the portal pages
        # name them from the kudos they passed)
        self.assertTrue(kudos.has_access("read"))
        with self.assertRaises(AccessError):
            kudos.receiver_ids.mapped("name")

    def test_refusals_come_from_the_rules_not_from_a_superuser(self):
        with self.assertRaisesRegex(UserError, "in your own name"):
            self._recognise(self.user_portal, self.nouser_employee, giver_id=self.employee.id)
        with self.assertRaisesRegex(UserError, "in your own name"):
            self._recognise(self.user_peer, self.nouser_employee, giver_id=self.manager.id)
        kudos = self._recognise(self.user_peer, self.nouser_employee)
        # only the giver changes the receivers; a portal user never writes
        with self.assertRaises(AccessError):
            kudos.with_user(self.user_employee).write(
                {"receiver_ids": [Command.link(self.director.id)]}
            )
        portal_kudos = self._recognise(self.user_portal, self.nouser_employee)
        with self.assertRaises(AccessError):
            portal_kudos.write({"receiver_ids": [Command.link(self.director.id)]})
        self.assertEqual(portal_kudos.sudo().receiver_ids, self.nouser_employee)
        # a company the giver is not in stays closed, as for any record
        with self.assertRaises(UserError):
            self._recognise(self.user_peer, self.nouser_employee, company_id=self.company_b.id)
