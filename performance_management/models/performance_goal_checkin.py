from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command
from odoo.tools import float_compare

from ..tools import FiniteFloat, is_officer
from .performance_goal import CONFIDENCE


class PerformanceGoalCheckin(models.Model):
    """A dated update of a goal: key-result values, a confidence and a note."""

    _name = "performance.goal.checkin"
    _description = "Goal Check-in"
    _order = "date desc, id desc"
    _rec_name = "goal_id"

    goal_id = fields.Many2one(
        "performance.goal",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('state', '=', 'active')]",
    )
    company_id = fields.Many2one(related="goal_id.company_id", store=True, index=True)
    employee_id = fields.Many2one(related="goal_id.employee_id", store=True, index=True)
    department_id = fields.Many2one(related="goal_id.department_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    user_id = fields.Many2one(
        "res.users",
        string="Author",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    confidence = fields.Selection(CONFIDENCE, required=True, default="on_track")
    note = fields.Html()
    progress = FiniteFloat(
        readonly=True, aggregator="avg", help="Progress of the goal after the check-in."
    )
    line_ids = fields.One2many("performance.goal.checkin.line", "checkin_id", string="Key Results")

    @api.constrains("date")
    def _check_date(self):
        today = fields.Date.context_today(self)
        if any(checkin.date > today for checkin in self):
            raise ValidationError(self.env._("A check-in cannot be dated in the future."))

    @api.onchange("goal_id")
    def _onchange_goal_id(self):
        self.line_ids = [Command.clear()] + [
            Command.create({"key_result_id": kr.id, "value": kr.current_value})
            for kr in self.goal_id.key_result_ids
        ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals.setdefault("user_id", self.env.uid)
        # sudo: a check-in updates key results its author may not write; what it may be
        # is checked on the new check-ins below, before any value moves
        checkins = super(PerformanceGoalCheckin, self.sudo()).create(vals_list)
        checkins.with_env(self.env)._check_new()
        checkins._apply_values()
        return checkins.with_env(self.env)

    def _check_new(self):
        goals = self.goal_id
        goals.check_access("read")
        for goal in goals:
            if goal.state != "active":
                raise ValidationError(
                    self.env._(
                        "The goal %(goal)s is not active: it takes no check-in.", goal=goal.name
                    )
                )
            if not self.env.su and not (goal._is_owner_of_goal() or goal._is_manager_of_goal()):
                raise UserError(
                    self.env._(
                        "Only the owner or the manager of %(goal)s may check in.", goal=goal.name
                    )
                )
        # Officers may record a check-in given in a meeting; everyone else signs their own.
        officer = is_officer(self.env.user)
        if not (self.env.su or officer) and self.user_id != self.env.user:
            raise UserError(self.env._("You can only check in in your own name."))

    def write(self, vals):
        if not self.env.su:
            if set(vals) - {"note", "confidence"}:
                raise UserError(self.env._("A check-in is history: only its note may change."))
            for checkin in self:
                if checkin.user_id != self.env.user and not checkin.goal_id._is_manager_of_goal():
                    raise UserError(self.env._("Only the author may edit a check-in."))
        return super().write(vals)

    def _apply_values(self):
        """Report the check-in's values on the key results and snapshot the progress."""
        for checkin in self:
            goal = checkin.goal_id
            for line in checkin.line_ids:
                kr = line.key_result_id
                if kr.goal_id != goal:
                    raise ValidationError(
                        self.env._(
                            "The key result %(kr)s is not a result of %(goal)s.",
                            kr=kr.name,
                            goal=goal.name,
                        )
                    )
                if kr.source == "automatic" and float_compare(
                    line.value, kr.current_value, precision_digits=6
                ):
                    raise ValidationError(
                        self.env._(
                            "The key result %(kr)s is computed from Odoo: it cannot be "
                            "checked in by hand.",
                            kr=kr.name,
                        )
                    )
                line.previous_value = kr.current_value
                kr.current_value = line.value
                line.progress = kr.progress
            missing = goal.key_result_ids - checkin.line_ids.key_result_id
            checkin.line_ids = [
                Command.create(
                    {
                        "key_result_id": kr.id,
                        "value": kr.current_value,
                        "previous_value": kr.current_value,
                        "progress": kr.progress,
                    }
                )
                for kr in missing
            ]
            checkin.progress = goal.progress
            if checkin.confidence != "off_track":
                goal.offtrack_warned = False
