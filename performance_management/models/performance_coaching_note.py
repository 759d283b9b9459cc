from odoo import api, fields, models


class PerformanceCoachingNote(models.Model):
    """A private note on a 1:1: a global rule keeps it to its author alone."""

    _name = "performance.coaching.note"
    _description = "Private 1:1 Note"
    _inherit = ("performance.write.guard.mixin",)
    _guard_locked_fields = ("log_id", "user_id")
    _guard_workflow_fields = ()

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
        # the global rule only checks the author: the 1:1 itself must be one you can see
        self.env["performance.coaching.log"].browse(
            {vals["log_id"] for vals in vals_list if vals.get("log_id")}
        ).check_access("read")
        return super().create(vals_list)
