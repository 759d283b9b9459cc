from odoo import fields, models

from ..tools import FiniteFloat


class PerformanceFairnessAnalysisLine(models.TransientModel):
    """One figure of a fairness analysis: a group, a rating of a group, a cycle or a review.

    Only groups of the minimum size or more ever become lines; each opens the records
    behind it, recomputed (never taken from the line) and read with the officer's rights.
    """

    _name = "performance.fairness.analysis.line"
    _description = "Fairness Analysis Figure"
    _order = "sequence, id"

    analysis_id = fields.Many2one(
        "performance.fairness.analysis", required=True, index=True, ondelete="cascade"
    )
    kind = fields.Selection(
        [
            ("group", "Group"),
            ("distribution", "Rating Distribution"),
            ("drift", "Cycle"),
            ("agreement", "360 Agreement"),
            ("reward", "Reward Gap"),
        ],
        required=True,
    )
    sequence = fields.Integer()
    group_key = fields.Char()
    name = fields.Char(string="Group")
    level_id = fields.Many2one("performance.rating.scale.level", string="Rating")
    cycle_id = fields.Many2one("performance.cycle")
    review_id = fields.Many2one("performance.review")
    count = fields.Integer(string="People")
    top_count = fields.Integer(string="Top Ratings")
    top_share = FiniteFloat(string="Top Share (%)", digits=(16, 1))
    ratio = FiniteFloat(
        string="Ratio to Best",
        digits=(16, 2),
        help="This group's share (top ratings or mean raise) divided by the best group's; "
        "under 0.8 fails the four-fifths rule.",
    )
    flagged = fields.Boolean(string="Under Four Fifths")
    share = FiniteFloat(string="Share of Group (%)", digits=(16, 1))
    mean_score = FiniteFloat(string="Mean Rating (0-100)", digits=(16, 1))
    mean_delta = FiniteFloat(string="Mean Change", digits=(16, 1))
    top_delta = FiniteFloat(string="Top Share Change (pts)", digits=(16, 1))
    self_gap = FiniteFloat(
        string="Self Minus Manager",
        digits=(16, 1),
        help="Mean of the employees' own ratings minus their managers', on 0-100.",
    )
    has_self_gap = fields.Boolean()
    rater_spread = FiniteFloat(
        string="360 Spread",
        digits=(16, 1),
        help="Standard deviation of the 360 raters' scores (0-100): higher, less agreement.",
    )
    has_rater_spread = fields.Boolean()
    rater_count = fields.Integer(string="360 Raters")
    raise_mean = FiniteFloat(string="Mean Raise (%)", digits=(16, 2))
    raise_count = fields.Integer(string="Raises")
    amount_mean = FiniteFloat(string="Mean Bonus", digits=(16, 2))

    def action_open_records(self):
        self.ensure_one()
        return self.analysis_id._open_line(self, top=False)

    def action_open_top(self):
        self.ensure_one()
        return self.analysis_id._open_line(self, top=True)
