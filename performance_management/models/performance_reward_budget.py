from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import FiniteFloat, FiniteMonetary


class PerformanceRewardBudget(models.Model):
    """The money set aside for the rewards of a cycle or a period."""

    _name = "performance.reward.budget"
    _description = "Reward Budget"
    _inherit = ("mail.thread",)
    _order = "date_from desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    cycle_id = fields.Many2one(
        "performance.cycle", index="btree_not_null", check_company=True, tracking=True
    )
    amount = FiniteMonetary(string="Budget", tracking=True)
    date_from = fields.Date()
    date_to = fields.Date()
    reward_ids = fields.One2many("performance.reward", "budget_id", string="Rewards")
    recommended_amount = FiniteMonetary(compute="_compute_totals", string="Recommended")
    approved_amount = FiniteMonetary(compute="_compute_totals", string="Approved")
    remaining_amount = FiniteMonetary(compute="_compute_totals", string="Remaining")
    average_raise = FiniteFloat(compute="_compute_totals", string="Average Raise (%)")

    @api.depends("amount", "reward_ids.amount", "reward_ids.state", "reward_ids.raise_percent")
    def _compute_totals(self):
        for budget in self:
            live = budget.reward_ids.filtered(lambda r: r.state not in ("refused", "draft"))
            approved = live.filtered(lambda r: r.state in ("approved", "done"))
            budget.recommended_amount = sum(live.mapped("amount"))
            budget.approved_amount = sum(approved.mapped("amount"))
            budget.remaining_amount = budget.amount - budget.approved_amount
            raises = live.filtered(lambda r: r.kind == "raise").mapped("raise_percent")
            budget.average_raise = sum(raises) / len(raises) if raises else 0.0

    @api.constrains("amount", "date_from", "date_to")
    def _check_amount(self):
        for budget in self:
            if budget.amount < 0:
                raise ValidationError(self.env._("A budget cannot be negative."))
            if budget.date_from and budget.date_to and budget.date_from > budget.date_to:
                raise ValidationError(self.env._("A budget cannot end before it starts."))
