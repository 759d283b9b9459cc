from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited

    performance_nudge_weekly_limit = fields.Integer(
        string="Nudges per Week",
        default=3,
        help="The most reminders a user gets from the performance nudges in seven days. "
        "0 turns the nudges off.",
    )
    performance_nudge_feedback_weeks = fields.Integer(
        string="Weeks Without Giving Feedback",
        default=4,
        help="A user who has given no feedback for this many weeks is reminded to.",
    )

    _check_performance_nudges = models.Constraint(
        "CHECK(performance_nudge_weekly_limit >= 0 AND performance_nudge_feedback_weeks > 0)",
        "The nudges per week cannot be negative, and the weeks without feedback must be "
        "at least one.",
    )
