from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import FiniteFloat, settable


class PerformanceGoalCheckinLine(models.Model):
    """The value of one key result reported in a check-in."""

    _name = "performance.goal.checkin.line"
    _description = "Check-in Key Result Value"
    _order = "checkin_id, sequence, id"

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
    previous_value = FiniteFloat(readonly=True, copy=False)
    value = FiniteFloat()
    is_reached = fields.Boolean(
        string="Reached", compute="_compute_is_reached", inverse="_inverse_is_reached"
    )
    progress = FiniteFloat(
        readonly=True, help="Progress of the key result after the check-in.", copy=False
    )

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

    def _has_field_access(self, field, operation):
        return settable(self, field, operation) and super()._has_field_access(field, operation)

    def write(self, vals):
        res = super().write(vals)
        if vals.keys() & {"checkin_id", "key_result_id"}:
            # moved: the writer must still be allowed to write it where it went
            self.check_access("write")
        return res
