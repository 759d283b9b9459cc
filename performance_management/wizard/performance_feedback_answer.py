from odoo import fields, models

from ..models.performance_feedback import FEEDBACK_TYPES


class PerformanceFeedbackAnswer(models.TransientModel):
    """Answer a feedback request; anonymous answers lose their author here."""

    _name = "performance.feedback.answer"
    _description = "Answer a Feedback Request"
    _inherit = "performance.text.flags.mixin"

    request_id = fields.Many2one("performance.feedback", required=True, ondelete="cascade")
    # read with the user's rights: a wizard made on someone else's request shows nothing
    anonymous = fields.Boolean(related="request_id.anonymous", compute_sudo=False)
    request_message = fields.Text(related="request_id.request_message", compute_sudo=False)
    feedback_type = fields.Selection(
        FEEDBACK_TYPES,
        string="Type",
        default="general",
        required=True,
    )

    def action_answer(self):
        self.ensure_one()
        self.request_id.action_answer(self.message, self.feedback_type)
        # Drop the draft: a transient record keeps create_uid next to the text.
        self.sudo().unlink()
        return {"type": "ir.actions.act_window_close"}
