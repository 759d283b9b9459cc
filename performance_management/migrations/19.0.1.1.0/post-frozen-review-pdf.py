"""The PDF of a released review moves from the report's attachment, matched by its name
("Performance Review <id>.pdf"), into the review's ``released_pdf`` field: the same
attachment row, so the same bytes, now the field's; the copies beside it go."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    cr.execute(
        """
        SELECT review.id, array_agg(att.id ORDER BY att.id)
          FROM performance_review review
          JOIN ir_attachment att
            ON att.res_model = 'performance.review'
           AND att.res_id = review.id
           AND att.res_field IS NULL
           AND att.name = 'Performance Review ' || review.id || '.pdf'
         WHERE review.state IN ('released', 'done')
           AND NOT EXISTS (
                SELECT 1 FROM ir_attachment field_att
                 WHERE field_att.res_model = 'performance.review'
                   AND field_att.res_id = review.id
                   AND field_att.res_field = 'released_pdf')
         GROUP BY review.id
        """
    )
    rows = cr.fetchall()
    if not rows:
        return
    # the first one stored is the review as released (a later one was a second render)
    kept = [attachment_ids[0] for _review_id, attachment_ids in rows]
    extra = [att_id for _review_id, attachment_ids in rows for att_id in attachment_ids[1:]]
    cr.execute(
        """
        UPDATE ir_attachment
           SET res_field = 'released_pdf', name = 'released_pdf', public = FALSE
         WHERE id = ANY(%s)
        """,
        [kept],
    )
    if extra:
        env = api.Environment(cr, SUPERUSER_ID, {})
        env["ir.attachment"].browse(extra).unlink()
