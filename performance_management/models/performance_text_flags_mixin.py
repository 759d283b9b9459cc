from odoo import api, fields, models


class PerformanceTextFlagsMixin(models.AbstractModel):
    """The wording flags of a message being written in a wizard (give or answer feedback)."""

    _name = "performance.text.flags.mixin"
    _description = "Wording Flags of a Message"

    message = fields.Html(required=True)
    text_flags_html = fields.Html(
        string="Wording Flags", compute="_compute_text_flags_html", sanitize=False
    )

    @api.depends_context("uid", "lang")
    @api.depends("message")
    def _compute_text_flags_html(self):
        Rule = self.env["performance.text.rule"]
        for wizard in self:
            wizard.text_flags_html = Rule._flags_html([("", wizard.message)])
