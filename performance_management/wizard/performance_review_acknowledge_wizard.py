from odoo import fields, models


class PerformanceReviewAcknowledgeWizard(models.TransientModel):
    """The employee acknowledges a released review, agreeing or not."""

    _name = "performance.review.acknowledge.wizard"
    _description = "Acknowledge Review"

    review_id = fields.Many2one("performance.review", required=True)
    agreement = fields.Selection(
        [("agree", "I agree"), ("disagree", "I disagree")], required=True, default="agree"
    )
    comment = fields.Text()

    def action_confirm(self):
        self.ensure_one()
        self.review_id._acknowledge(self.agreement, self.comment)
        return {"type": "ir.actions.act_window_close"}
