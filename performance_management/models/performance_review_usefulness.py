from odoo import fields, models

USEFULNESS = [("yes", "Yes"), ("somewhat", "Somewhat"), ("no", "No")]


class PerformanceReviewUsefulness(models.Model):
    """One anonymous answer to "was this review useful?", counted per template.

    It holds no review, no employee and no access log (no create_uid, no create_date): once
    stored, nothing ties it to its author. Nobody reads the rows; the template shows their
    counts once the company's anonymity threshold is reached.
    """

    _name = "performance.review.usefulness"
    _description = "Review Usefulness Answer"
    _log_access = False

    template_id = fields.Many2one(
        "performance.review.template", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one("res.company", required=True, index=True)
    answer = fields.Selection(USEFULNESS, required=True)
