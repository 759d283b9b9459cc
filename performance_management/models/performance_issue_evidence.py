from odoo import fields, models
from odoo.fields import Command

from ..tools import DECISIONS


class PerformanceIssue(models.Model):
    """What an issue keeps of the rule that raised it, and of the person who decided on it."""

    _inherit = "performance.issue"  # pylint: disable=consider-merging-classes-inherited

    # The evidence is the detection's (the scheduled job, in sudo): readonly for everyone
    # else. The linked records are read with the reader's own rules.
    evidence_threshold = fields.Char(
        string="Threshold", readonly=True, copy=False, help="The rule's threshold when it fired."
    )
    evidence_assessment_ids = fields.Many2many(
        "performance.review.assessment",
        "performance_issue_assessment_rel",
        "issue_id",
        "assessment_id",
        string="Ratings Counted",
        readonly=True,
        copy=False,
    )
    evidence_goal_ids = fields.Many2many(
        "performance.goal",
        "performance_issue_goal_rel",
        "issue_id",
        "goal_id",
        string="Goals Counted",
        readonly=True,
        copy=False,
    )
    evidence_feedback_ids = fields.Many2many(
        "performance.feedback",
        "performance_issue_feedback_rel",
        "issue_id",
        "feedback_id",
        string="Feedback Counted",
        readonly=True,
        copy=False,
    )
    decision = fields.Selection(
        DECISIONS, readonly=True, copy=False, tracking=True, index="btree_not_null"
    )
    decision_user_id = fields.Many2one(
        "res.users", string="Decided By", readonly=True, copy=False, tracking=True
    )
    decision_date = fields.Datetime(string="Decided On", readonly=True, copy=False)

    @staticmethod
    def _evidence_vals(signal):
        """A signal ({field: value or ids}) as values of an issue."""
        return {
            name: [Command.set(value)] if isinstance(value, list) else value
            for name, value in signal.items()
        }

    def _evidence_differs(self, signal):
        self.ensure_one()
        return any(
            set(self[name].ids) != set(value) if isinstance(value, list) else self[name] != value
            for name, value in signal.items()
        )
