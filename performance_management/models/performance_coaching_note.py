from odoo import api, fields, models


class PerformanceCoachingNote(models.Model):
    """A private note on a 1:1: a global rule keeps it to its author alone."""

    _name = "performance.coaching.note"
    _description = "Private 1:1 Note"

    log_id = fields.Many2one(
        "performance.coaching.log", required=True, index=True, ondelete="cascade"
    )
    user_id = fields.Many2one(
        "res.users", required=True, default=lambda self: self.env.user, ondelete="cascade"
    )
    note = fields.Html()

    _log_user_uniq = models.UniqueIndex(
        "(log_id, user_id)", "You already keep a private note on this 1:1."
    )

    @api.model_create_multi
    def create(self, vals_list):
        # a 1:1 that does not exist is refused as one you may not read: no error tells
        # which ids exist (the database would refuse the missing link by name)
        logs = self.env["performance.coaching.log"].browse(
            {self._add_missing_default_values(vals).get("log_id") for vals in vals_list}
            - {False, None}
        )
        if logs - logs.exists():
            raise self.env["ir.rule"]._make_access_error("read", logs.browse())
        notes = super().create(vals_list)
        # the global rule only checks the author: the 1:1 itself must be one you can see
        notes.log_id.check_access("read")
        return notes

    def write(self, vals):
        res = super().write(vals)
        # still its writer's, on a 1:1 its writer sees
        self.check_access("write")
        self.log_id.check_access("read")
        return res
