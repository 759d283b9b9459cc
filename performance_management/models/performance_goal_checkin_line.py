from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import FiniteFloat


class PerformanceGoalCheckinLine(models.Model):
    """The value of one key result reported in a check-in."""

    _name = "performance.goal.checkin.line"
    _description = "Check-in Key Result Value"
    _inherit = ("performance.write.guard.mixin",)
    _order = "checkin_id, sequence, id"
    _guard_locked_fields = ("checkin_id", "key_result_id")
    _guard_workflow_fields = ()

    checkin_id = fields.Many2one(
        "performance.goal.checkin", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="checkin_id.company_id", store=True, index=True)
    key_result_id = fields.Many2one(
        "performance.key.result", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(related="key_result_id.sequence")
    kind = fields.Selection(related="key_result_id.kind")
    unit = fields.Char(related="key_result_id.unit")
    target_value = FiniteFloat(related="key_result_id.target_value")
    source = fields.Selection(related="key_result_id.source")
    previous_value = FiniteFloat(readonly=True)
    value = FiniteFloat()
    is_reached = fields.Boolean(
        string="Reached", compute="_compute_is_reached", inverse="_inverse_is_reached"
    )
    progress = FiniteFloat(readonly=True, help="Progress of the key result after the check-in.")

    @api.constrains("checkin_id", "key_result_id")
    def _check_key_result_goal(self):
        for line in self:
            if line.key_result_id.goal_id != line.checkin_id.goal_id:
                raise ValidationError(
                    self.env._(
                        "The key result %(kr)s is not a result of %(goal)s.",
                        kr=line.key_result_id.name,
                        goal=line.checkin_id.goal_id.name,
                    )
                )

    @api.constrains("value")
    def _check_value(self):
        for line in self:
            line.key_result_id._check_reported_value(line.value)

    @api.depends("value")
    def _compute_is_reached(self):
        for line in self:
            line.is_reached = line.value >= 1

    def _inverse_is_reached(self):
        for line in self.filtered(lambda line: line.kind == "milestone"):
            line.value = 1.0 if line.is_reached else 0.0

    @api.onchange("value")
    def _onchange_value(self):
        kr = self.key_result_id
        if kr and kr._is_far_outside(self.value):
            return {
                "warning": {
                    "title": self.env._("Is this value right?"),
                    "message": kr._far_outside_message(self.value),
                }
            }
        return None
