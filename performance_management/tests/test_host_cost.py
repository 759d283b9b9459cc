"""The host pays nothing for the addon: Odoo's hottest paths for a plain employee run the
queries they run without performance_management installed.

The counts below were measured on a database with the addon's dependencies only (hr,
hr_skills, web_hierarchy, mail, calendar, portal, survey, hr_gamification,
spreadsheet_dashboard, digest), with this same test: a count above them is a cost the addon
adds to the rest of Odoo (as the override of mail.message did: 9 queries a message search
instead of 3).
"""

from odoo.fields import Domain
from odoo.tests import TransactionCase, new_test_user, tagged, users, warmup

from odoo.addons.mail.tools.discuss import Store


@tagged("post_install", "-at_install")
class TestHostCost(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a plain internal employee (no HR or performance group), with a manager and the
        # right to create contacts, as most companies give it
        cls.user_boss = new_test_user(cls.env, login="pm_cost_boss", groups="base.group_user")
        cls.user_emp = new_test_user(
            cls.env,
            login="pm_cost_emp",
            groups="base.group_user,base.group_partner_manager",
            notification_type="inbox",
        )
        boss = cls.env["hr.employee"].create({"name": "Cost Boss", "user_id": cls.user_boss.id})
        cls.env["hr.employee"].create(
            {"name": "Cost Employee", "user_id": cls.user_emp.id, "parent_id": boss.id}
        )
        cls.partner = cls.user_emp.partner_id
        boss_partner = cls.user_boss.partner_id
        # his contact card's chatter: notes, messages to him, messages of others
        for index in range(5):
            cls.partner.message_post(
                body=f"Note {index}", subtype_xmlid="mail.mt_note", author_id=boss_partner.id
            )
            cls.partner.message_post(
                body=f"Message {index}",
                author_id=boss_partner.id,
                subtype_xmlid="mail.mt_comment",
                message_type="comment",
                partner_ids=cls.partner.ids,
            )
        cls.attachment = (
            cls.env["ir.attachment"]
            .with_user(cls.user_emp)
            .create(
                {
                    "name": "cv.txt",
                    "raw": b"Curriculum",
                    "res_model": "res.partner",
                    "res_id": cls.partner.id,
                }
            )
        )

    @users("pm_cost_emp")
    @warmup
    def test_chatter_of_his_contact(self):
        partner = self.partner.with_env(self.env)
        with self.assertQueryCount(pm_cost_emp=17):
            # what /mail/thread/messages runs
            fetched = self.env["mail.message"]._message_fetch(Domain([]), thread=partner)
            Store().add(fetched["messages"]).get_result()
        self.assertGreaterEqual(len(fetched["messages"]), 10)

    @users("pm_cost_emp")
    @warmup
    def test_message_search_and_read(self):
        with self.assertQueryCount(pm_cost_emp=5):
            messages = self.env["mail.message"].search(
                [("model", "=", "res.partner"), ("res_id", "=", self.partner.id)]
            )
            messages.read(["body", "author_id", "date"])
        self.assertGreaterEqual(len(messages), 10)

    @users("pm_cost_emp")
    @warmup
    def test_inbox(self):
        with self.assertQueryCount(pm_cost_emp=16):
            # what /mail/inbox/messages runs
            fetched = self.env["mail.message"]._message_fetch(Domain("needaction", "=", True))
            Store().add(fetched["messages"]).get_result()
        self.assertEqual(len(fetched["messages"]), 5)

    @users("pm_cost_emp")
    @warmup
    def test_attachment_write(self):
        attachment = self.attachment.with_env(self.env)
        with self.assertQueryCount(pm_cost_emp=3):
            attachment.write({"name": "resume.txt", "description": "Mine"})

    @users("pm_cost_emp")
    @warmup
    def test_partner_create(self):
        with self.assertQueryCount(pm_cost_emp=11):
            self.env["res.partner"].create({"name": "A supplier", "email": "s@example.com"})
