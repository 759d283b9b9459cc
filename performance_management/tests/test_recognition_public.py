from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import tagged

from .common import PerformanceCase


@tagged("post_install", "-at_install")
class TestRecognitionPublic(PerformanceCase):
    """Kudos link employees through hr.mixin, with the giver's own rights: no superuser."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.value = cls.env["performance.value"].create({"name": "Public Spirit"})

    def give(self, user, receivers, **vals):
        return (
            self.env["performance.recognition"]
            .with_user(user)
            .create(
                {
                    "receiver_ids": [Command.set(receivers.ids)],
                    "value_id": self.value.id,
                    "message": "<p>Thanks</p>",
                    **vals,
                }
            )
        )

    def test_plain_user_recognises_an_employee_without_user(self):
        kudos = self.give(self.user_peer, self.nouser_employee | self.employee)
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
        self.assertEqual(kudos.name, "Kudos to Noah Nouser, Eli Employee for Public Spirit")
        with self.assertRaises(AccessError):
            kudos.receiver_ids.mapped("private_email")
        # the giver adds a receiver, again without superuser
        kudos.write({"receiver_ids": [Command.link(self.director.id)]})
        self.assertIn(self.director, kudos.receiver_ids)

    def test_portal_user_recognises_an_employee_without_user(self):
        kudos = self.give(self.user_portal, self.nouser_employee)
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
            self.give(self.user_portal, self.nouser_employee, giver_id=self.employee.id)
        with self.assertRaisesRegex(UserError, "in your own name"):
            self.give(self.user_peer, self.nouser_employee, giver_id=self.manager.id)
        kudos = self.give(self.user_peer, self.nouser_employee)
        # only the giver changes the receivers; a portal user never writes
        with self.assertRaises(AccessError):
            kudos.with_user(self.user_employee).write(
                {"receiver_ids": [Command.link(self.director.id)]}
            )
        portal_kudos = self.give(self.user_portal, self.nouser_employee)
        with self.assertRaises(AccessError):
            portal_kudos.write({"receiver_ids": [Command.link(self.director.id)]})
        self.assertEqual(portal_kudos.sudo().receiver_ids, self.nouser_employee)
        # a company the giver is not in stays closed, as for any record
        with self.assertRaises(UserError):
            self.give(self.user_peer, self.nouser_employee, company_id=self.company_b.id)
