# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models


class PerformanceFeedback(models.Model):
    """The wording flags of a feedback, for its author while he may still edit it."""

    _inherit = "performance.feedback"

    text_flags_html = fields.Html(
        string="Wording Flags",
        compute="_compute_text_flags_html",
        sanitize=False,
        help="Hints on the wording of your feedback, never blocking.",
    )

    @api.depends_context("uid", "lang")
    @api.depends("message", "author_id", "state")
    def _compute_text_flags_html(self):
        Rule = self.env["performance.text.rule"]
        # sudo: the ids of the user's own employees, to know whether he wrote the feedback
        mine = self.env.user.sudo().employee_ids
        for feedback in self:
            written = feedback.state == "done" and feedback.author_id in mine
            feedback.text_flags_html = (
                Rule._flags_html([("", feedback.message)], exclude_feedback=feedback._origin)
                if written
                else False
            )
