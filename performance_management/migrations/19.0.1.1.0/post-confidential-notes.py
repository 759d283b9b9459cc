"""Confidential notes leave the chatter.

Up to 19.0.1.0.0 an override of ``mail.message`` hid from the employee of a review or an
improvement plan the internal notes others logged on it. That override is gone: a document's
messages are read by whoever reads the document, as everywhere in Odoo, and the notes the
employee must not read live in ``performance.review.note`` and ``performance.improvement.note``,
which record rules keep from him. This moves the notes the override hid (internal notes on a
review or a plan, logged by someone else than its employee and not addressed to him) into
those models, with their author and date, and removes them from the chatter.
"""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL, html2plaintext

# the document, its note model and the note's link to it
NOTE_MODELS = (
    ("performance.review", "performance.review.note", "review_id"),
    ("performance.improvement.plan", "performance.improvement.note", "plan_id"),
)


def migrate(cr, version):
    if not version:
        return
    move_confidential_notes(api.Environment(cr, SUPERUSER_ID, {}))


def move_confidential_notes(env):
    """Move the internal notes the employee of a review or plan did not read into the note
    model of that document; return how many moved."""
    moved = 0
    for model, note_model, link in NOTE_MODELS:
        Note = env[note_model]
        documents = env[model].with_context(active_test=False).search([])
        messages = env["mail.message"].search(
            [
                ("model", "=", model),
                ("res_id", "in", documents.ids),
                # notes people logged; what the application logged (tracking of fields he
                # reads, activities and their plans) stays
                ("message_type", "=", "comment"),
                "|",
                ("is_internal", "=", True),
                ("subtype_id.internal", "=", True),
            ],
            order="id",
        )
        subjects = {doc.id: doc.employee_id.user_id.partner_id for doc in documents}

        def hidden_from_subject(message, subjects=subjects):
            subject = subjects[message.res_id]
            sent_to_him = subject and subject in message.partner_ids
            return message.author_id != subject and not sent_to_him

        hidden = messages.filtered(hidden_from_subject)
        for message in hidden:
            author = message.author_id.user_ids[:1] or message.create_uid
            text = html2plaintext(message.body or "").strip()
            if message.attachment_ids:
                names = ", ".join(message.attachment_ids.mapped("name"))
                text = f"{text}\n({names})".strip()
            vals = {link: message.res_id, "note": text or "-"}
            if "author_id" in Note._fields and Note._fields["author_id"].store:
                vals["author_id"] = author.id
            note = Note.create(vals)
            # the note keeps who wrote it and when, as the message did
            env.cr.execute(
                SQL(
                    "UPDATE %s SET create_uid = %s, create_date = %s WHERE id = %s",
                    SQL.identifier(Note._table),
                    author.id,
                    message.date,
                    note.id,
                )
            )
        hidden.unlink()
        moved += len(hidden)
    env.invalidate_all()
    return moved
