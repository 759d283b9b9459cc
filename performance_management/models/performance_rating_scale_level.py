from odoo import fields, models

from ..tools import FiniteFloat


class PerformanceRatingScaleLevel(models.Model):
    """One level of a rating scale, with its share in the calibration guideline."""

    _name = "performance.rating.scale.level"
    _description = "Rating Scale Level"
    _order = "scale_id, value"

    scale_id = fields.Many2one(
        "performance.rating.scale", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="scale_id.company_id", store=True, index=True)
    name = fields.Char(required=True, translate=True)
    value = FiniteFloat(required=True, digits=(16, 2))
    description = fields.Text(translate=True)
    target_percent = FiniteFloat(
        string="Target (%)",
        help="Share of the reviews expected at this level after calibration.",
    )
    color = fields.Integer()

    _target_percent_range = models.Constraint(
        "CHECK(target_percent >= 0 AND target_percent <= 100)",
        "The target share of a level must be between 0 and 100%.",
    )
