from odoo import api, fields, models
from odoo.tools import float_compare

from ..tools import DECISIONS, FiniteFloat, decision_vals

RELEASED = ("released", "done")


class PerformanceReward(models.Model):
    """The merit matrix cell behind a suggested raise, and what the approver did with it."""

    _inherit = "performance.reward"  # pylint: disable=consider-merging-classes-inherited

    # The review's figures when it was linked (or the merit matrix last applied): computed,
    # never typed, so that the suggestion below always follows a rating someone gave.
    merit_rating = FiniteFloat(
        string="Final Rating",
        digits=(16, 2),
        compute="_compute_merit_inputs",
        store=True,
        precompute=True,
    )
    merit_attainment = FiniteFloat(
        string="Goal Attainment (%)",
        compute="_compute_merit_inputs",
        store=True,
        precompute=True,
    )
    # Computed in sudo (stored) when the merit figures change: a snapshot of the cell used,
    # which a later edit of the matrix does not rewrite.
    merit_cell_id = fields.Many2one(
        "performance.merit.matrix",
        string="Merit Matrix Cell",
        compute="_compute_merit_suggestion",
        store=True,
        ondelete="set null",
        groups="performance_management.group_performance_officer",
    )
    merit_suggested_percent = FiniteFloat(
        string="Suggested Raise (%)",
        digits=(16, 2),
        compute="_compute_merit_suggestion",
        store=True,
    )
    merit_explanation = fields.Char(
        string="Merit Matrix Rule", compute="_compute_merit_suggestion", store=True
    )
    merit_decision = fields.Selection(DECISIONS, readonly=True, copy=False, tracking=True)
    merit_decision_user_id = fields.Many2one(
        "res.users", string="Raise Decided By", readonly=True, copy=False, tracking=True
    )
    merit_decision_date = fields.Datetime(string="Raise Decided On", readonly=True, copy=False)
    merit_decision_percent = FiniteFloat(
        string="Raise Decided (%)", digits=(16, 2), readonly=True, copy=False
    )

    @api.depends("review_id")
    def _compute_merit_inputs(self):
        for reward in self:
            review = reward.review_id
            # computed in sudo (stored): which review a reward may link, one of the
            # employee's own that its recommender reads, is _check_recommendation's
            if review.state in RELEASED:
                reward.merit_rating = review.final_rating
                reward.merit_attainment = review.goal_attainment
            else:
                reward.merit_rating = reward.merit_attainment = 0.0

    @api.depends("kind", "merit_rating", "merit_attainment", "company_id")
    def _compute_merit_suggestion(self):
        Matrix = self.env["performance.merit.matrix"]
        for reward in self:
            cell = Matrix
            if reward.kind == "raise" and (reward.merit_rating or reward.merit_attainment):
                cell = Matrix._get_cell(
                    reward.merit_rating, reward.merit_attainment, reward.company_id
                )
            reward.merit_cell_id = cell
            reward.merit_suggested_percent = cell.raise_percent
            reward.merit_explanation = cell.id and self.env._(
                "Final rating %(rating)s (cell from %(rating_min)s) and goal attainment "
                "%(attainment)s%% (cell from %(attainment_min)s%%): raise of %(percent)s%%.",
                rating=round(reward.merit_rating, 2),
                rating_min=round(cell.rating_min, 2),
                attainment=round(reward.merit_attainment, 1),
                attainment_min=round(cell.attainment_min, 1),
                percent=round(cell.raise_percent, 2),
            )

    def _take_merit_inputs(self):
        """Take the review's figures again (it was not released when it was linked)."""
        for name in ("merit_rating", "merit_attainment"):
            self.env.add_to_compute(self._fields[name], self.filtered("id"))

    def action_approve(self):
        res = super().action_approve()
        self._record_merit_decision(approved=True)
        return res

    def action_refuse(self):
        res = super().action_refuse()
        self._record_merit_decision(approved=False)
        return res

    def action_reset_draft(self):
        res = super().action_reset_draft()
        # sudo: the action above checked the state; a new submission will be decided anew
        self.sudo().write(
            {**decision_vals(self.env, "merit_", False), "merit_decision_percent": 0.0}
        )
        return res

    def _record_merit_decision(self, approved):
        """The approver kept the matrix's raise, changed it, or refused the reward."""
        for reward in self.filtered("merit_explanation"):
            if not approved:
                decision = "dismissed"
            elif (
                reward.kind == "raise"
                and float_compare(
                    reward.raise_percent, reward.merit_suggested_percent, precision_digits=2
                )
                == 0
            ):
                decision = "accepted"
            else:
                decision = "changed"
            # sudo: the approver was checked by the action above; decisions are readonly
            reward.sudo().write(
                {
                    **decision_vals(self.env, "merit_", decision),
                    "merit_decision_percent": reward.raise_percent if approved else 0.0,
                }
            )
