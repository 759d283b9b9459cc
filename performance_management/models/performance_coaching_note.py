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
