"""The notes the manager chain and HR keep on a review or an improvement plan live in note
models that record rules keep from the employee: his record's chatter is his to read, as Odoo
shows a document's messages to whoever reads the document, and mail.message has no override.
"""

import importlib.util

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.fields import Command, Domain
from odoo.modules.module import get_module_path
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from .common import ReviewCase


class ConfidentialNotesCase(ReviewCase):
    """Eli's review and improvement plan, each with a note of his manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2026-11-01"):
            cls.launch()
            cls.review = cls.review_of(cls.employee)
            cls.plan = (
                cls.env["performance.improvement.plan"]
                .with_user(cls.user_manager)
                .create(
                    {
                        "name": "Plan for Eli",
                        "employee_id": cls.employee.id,
                        "date_start": "2026-11-01",
                        "date_end": "2026-12-31",
                        "objective_ids": [
                            Command.create({"name": "Ship", "success_criteria": "On time"})
                        ],
                    }
                )
            )
            cls.plan.with_user(cls.user_manager).action_activate()
        cls.review_note = (
            cls.env["performance.review.note"]
            .with_user(cls.user_manager)
            .create({"review_id": cls.review.id, "note": "CHAIN-NOTE on the review"})
        )
        cls.plan_note = (
            cls.env["performance.improvement.note"]
            .with_user(cls.user_manager)
            .create({"plan_id": cls.plan.id, "note": "CHAIN-NOTE on the plan"})
        )
        # (document, its note, the note model's link to it)
        cls.cases = (
            (cls.review, cls.review_note, "review_id"),
            (cls.plan, cls.plan_note, "plan_id"),
        )


@tagged("post_install", "-at_install")
class TestConfidentialNotes(ConfidentialNotesCase):
    def test_the_subject_reads_no_note_by_any_orm_path(self):
        for record, note, link in self.cases:
            with self.subTest(model=record._name):
                Note = note.with_user(self.user_employee).browse()
                self.assertFalse(Note.search([]))
                self.assertFalse(Note.search_read([], ["note"]))
                self.assertFalse(Note.search([(link, "=", record.id)]))
                self.assertFalse(Note.search_count([("note", "ilike", "CHAIN")]))
                self.assertFalse(record.with_user(self.user_employee).note_ids)
                with self.assertRaises(AccessError):
                    note.with_user(self.user_employee).read(["note"])
                # nor does he write one on his own record, or change one
                with self.assertRaises(AccessError):
                    Note.create({link: record.id, "note": "mine"})
                with self.assertRaises(AccessError):
                    note.with_user(self.user_employee).write({"note": "changed"})
                # his record's chatter carries none of them
                fetched = (
                    self.env["mail.message"]
                    .with_user(self.user_employee)
                    ._message_fetch(Domain([]), thread=record.with_user(self.user_employee))
                )
                bodies = str(fetched["messages"].sudo().mapped("body"))
                self.assertNotIn("CHAIN-NOTE", bodies)

    def test_the_chain_and_hr_read_the_notes_outsiders_do_not(self):
        for record, note, __ in self.cases:
            for user in (self.user_manager, self.user_director, self.user_officer):
                with self.subTest(model=record._name, user=user.login):
                    self.assertIn("CHAIN-NOTE", note.with_user(user).note)
                    self.assertEqual(record.with_user(user).note_ids, note)
            for user in (self.user_peer, self.user_other_manager, self.user_officer_b):
                with self.subTest(model=record._name, user=user.login):
                    self.assertFalse(note.with_user(user).search([]))
                    with self.assertRaises(AccessError):
                        note.with_user(user).read(["note"])
            # a portal user has no access to the note models at all
            with self.assertRaises(AccessError):
                note.with_user(self.user_portal).search([])

    def test_the_plans_hr_responsible_reads_its_notes(self):
        hr = self.user_officer
        self.plan.with_user(hr).hr_responsible_id = hr
        self.assertEqual(self.plan.with_user(hr).note_ids, self.plan_note)

    def test_a_plan_note_keeps_its_author_and_its_plan(self):
        self.assertEqual(self.plan_note.author_id, self.user_manager)
        other_plan = (
            self.env["performance.improvement.plan"]
            .with_user(self.user_other_manager)
            .create(
                {
                    "name": "Plan for Olga",
                    "employee_id": self.other_employee.id,
                    "date_start": "2026-11-01",
                    "date_end": "2026-12-31",
                }
            )
        )
        note = self.plan_note.with_user(self.user_manager)
        # moved to a plan outside his chain: the rules refuse the result
        with self.assertRaises(AccessError):
            note.write({"plan_id": other_plan.id})
        # the author is who created it, whatever the request says
        forged = note.create(
            {"plan_id": self.plan.id, "note": "N", "create_uid": self.user_director.id}
        )
        self.assertEqual(forged.author_id, self.user_manager)

    def test_the_chatter_is_the_subjects_to_read(self):
        """Odoo's message access follows the document's: what the chain posts in the chatter
        of the employee's record, he reads. The note models are where a private word goes."""
        for record, __, __ in self.cases:
            record.with_user(self.user_manager).message_post(
                body="LOGGED in the chatter", subtype_xmlid="mail.mt_note"
            )
            messages = (
                self.env["mail.message"]
                .with_user(self.user_employee)
                .search([("model", "=", record._name), ("res_id", "=", record.id)])
            )
            self.assertIn("LOGGED", str(messages.sudo().mapped("body")))

    def test_the_form_shows_the_notes_to_the_chain_only(self):
        for record, __, __ in self.cases:
            arch = record.get_views([(False, "form")])["views"]["form"]["arch"]
            self.assertRegex(arch, r'<page[^>]*name="private_notes"[^>]*invisible="is_employee"')
            self.assertTrue(record.with_user(self.user_employee).is_employee)
            self.assertFalse(record.with_user(self.user_manager).is_employee)


@tagged("post_install", "-at_install")
class TestConfidentialNotesOverRpc(ConfidentialNotesCase, HttpCase):
    def test_json_rpc_gives_the_subject_no_note(self):
        self.authenticate("pm_employee", "pm_employee")
        for record, note, link in self.cases:
            with self.subTest(model=record._name):
                try:
                    found = self.make_jsonrpc_request(
                        f"/web/dataset/call_kw/{note._name}/search_read",
                        {
                            "model": note._name,
                            "method": "search_read",
                            "args": [[(link, "=", record.id)], ["note"]],
                            "kwargs": {},
                        },
                    )
                except JsonRpcException as error:
                    self.assertIn("AccessError", str(error))
                else:
                    self.assertEqual(found, [])
                with self.assertRaises(JsonRpcException):
                    self.make_jsonrpc_request(
                        f"/web/dataset/call_kw/{note._name}/read",
                        {
                            "model": note._name,
                            "method": "read",
                            "args": [note.ids, ["note"]],
                            "kwargs": {},
                        },
                    )
                chatter = self.make_jsonrpc_request(
                    "/mail/thread/messages",
                    {"thread_model": record._name, "thread_id": record.id},
                )
                self.assertTrue(chatter["messages"], "he reads his record's chatter")
                self.assertNotIn("CHAIN-NOTE", str(chatter))


def _migration():
    """The post-migration script of 19.0.1.1.0 that moves the notes out of the chatter."""
    path = f"{get_module_path('performance_management')}/migrations/19.0.1.1.0"
    spec = importlib.util.spec_from_file_location(
        "post_confidential_notes", f"{path}/post-confidential-notes.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestConfidentialNotesMigration(ConfidentialNotesCase):
    """Up to 19.0.1.0.0 an override of mail.message hid from the employee the internal notes
    others logged on his review or plan; the upgrade moves them into the note models."""

    def test_upgrade_moves_the_hidden_notes_out_of_the_chatter(self):
        posted = {}
        for record, __, __ in self.cases:
            as_manager = record.with_user(self.user_manager)
            posted[record] = {
                # a note logged in the chatter ("Log note")
                "hidden": as_manager.message_post(
                    body="OLD-NOTE about Eli", subtype_xmlid="mail.mt_note", message_type="comment"
                ),
                # what the application logs (activity plans, tracking) stays
                "log": as_manager.message_post(
                    body="Activities planned", subtype_xmlid="mail.mt_note"
                ),
                "to_eli": as_manager.message_post(
                    body="NOTE-TO-ELI",
                    subtype_xmlid="mail.mt_note",
                    partner_ids=self.user_employee.partner_id.ids,
                ),
                "comment": as_manager.message_post(
                    body="FOR-ELI", subtype_xmlid="mail.mt_comment", message_type="comment"
                ),
            }
        # the employee writes his review (not his plan): his own notes stay in its chatter
        posted[self.review]["his_own"] = self.review.with_user(self.user_employee).message_post(
            body="MY-OWN note", subtype_xmlid="mail.mt_note"
        )
        dates = {record: posted[record]["hidden"].date for record in posted}
        moved = _migration().move_confidential_notes(self.env(su=True))
        self.assertEqual(moved, 2)
        for record, note, link in self.cases:
            with self.subTest(model=record._name):
                messages = posted[record]
                self.assertFalse(messages["hidden"].exists(), "gone from the chatter")
                kept = messages["to_eli"] | messages["comment"] | messages["log"]
                kept |= messages.get("his_own", kept.browse())
                self.assertEqual(kept.exists(), kept)
                new = self.env[note._name].search([(link, "=", record.id)]) - note
                self.assertEqual(new.note, "OLD-NOTE about Eli")
                self.assertEqual(new.author_id, self.user_manager)
                self.assertEqual(new.create_date, dates[record])
                # the employee reads neither the note nor the old message
                self.assertFalse(new.with_user(self.user_employee).search([]))
                chatter = (
                    self.env["mail.message"]
                    .with_user(self.user_employee)
                    .search([("model", "=", record._name), ("res_id", "=", record.id)])
                )
                self.assertNotIn("OLD-NOTE", str(chatter.sudo().mapped("body")))
        # run twice, nothing moves twice
        self.assertEqual(_migration().move_confidential_notes(self.env(su=True)), 0)
