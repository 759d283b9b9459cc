from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command


class PerformanceCoachingGoalCheckin(models.TransientModel):
    """Check in the goals of a 1:1 in one go, from the meeting."""

    _name = "performance.coaching.goal.checkin"
    _description = "Goal Check-in from a 1:1"

    log_id = fields.Many2one("performance.coaching.log", required=True, ondelete="cascade")
    line_ids = fields.One2many("performance.coaching.goal.checkin.line", "wizard_id")

    @api.model
    def default_get(self, fields):
        res = super().default_get(fields)
        log = self.env["performance.coaching.log"].browse(res.get("log_id"))
        if log and "line_ids" in fields:
            res["line_ids"] = [
                Command.create({"goal_id": goal.id, "confidence": goal.confidence or "on_track"})
                for goal in log.goal_ids.filtered(lambda g: g.state == "active")
            ]
        return res

    def action_checkin(self):
        self.ensure_one()
        if not self.line_ids:
            raise UserError(self.env._("Link active goals to the 1:1 to check them in."))
        checkins = self.env["performance.goal.checkin"].create(
            [
                {"goal_id": line.goal_id.id, "confidence": line.confidence, "note": line.note}
                for line in self.line_ids
            ]
        )
        self.log_id.message_post(
            body=self.env._(
                "Goals checked in during the meeting: %(goals)s",
                goals=", ".join(checkins.goal_id.mapped("name")),
            ),
            subtype_xmlid="mail.mt_note",
        )
        return {"type": "ir.actions.act_window_close"}
