from odoo import fields, models

from ..models.performance_goal import CONFIDENCE


class PerformanceCoachingGoalCheckinLine(models.TransientModel):
    """One goal to check in from a 1:1."""

    _name = "performance.coaching.goal.checkin.line"
    _description = "Goal Check-in Line from a 1:1"

    wizard_id = fields.Many2one(
        "performance.coaching.goal.checkin", required=True, ondelete="cascade"
    )
    goal_id = fields.Many2one("performance.goal", required=True)
    confidence = fields.Selection(CONFIDENCE, required=True, default="on_track")
    note = fields.Html()
