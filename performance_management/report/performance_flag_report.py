from typing import ClassVar

from odoo import fields, models
from odoo.tools import SQL

from ..models.performance_issue import RULES
from ..tools import DECISIONS, create_report_view


class PerformanceFlagReport(models.Model):
    """Every automated flag (issues, suggested ratings, merit raises) and its human decision."""

    _name = "performance.flag.report"
    _description = "Automated Flags Analysis"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "employee_id"
    # what the view reads: flushed before it is queried
    _depends: ClassVar[dict[str, list[str]]] = {
        "performance.issue": [
            "rule",
            "decision",
            "decision_user_id",
            "decision_date",
            "state",
            "date",
            "company_id",
            "employee_id",
        ],
        "performance.review.assessment": [
            "suggested_rating_id",
            "suggestion_decision",
            "suggestion_decision_user_id",
            "suggestion_decision_date",
            "create_date",
            "company_id",
            "employee_id",
        ],
        "performance.reward": [
            "merit_explanation",
            "merit_decision",
            "merit_decision_user_id",
            "merit_decision_date",
            "create_date",
            "company_id",
            "employee_id",
        ],
    }

    flag_type = fields.Selection(
        [
            ("issue", "Performance Issue"),
            ("rating", "Suggested Rating"),
            ("merit", "Merit Raise"),
        ],
        string="Flag",
        readonly=True,
    )
    rule = fields.Selection(
        [*RULES, ("suggested_rating", "Suggested Rating"), ("merit_matrix", "Merit Matrix")],
        readonly=True,
    )
    decision = fields.Selection(
        [
            *DECISIONS,
            ("pending", "Awaiting a Decision"),
            ("resolved", "Gone Before a Decision"),
        ],
        readonly=True,
    )
    decision_user_id = fields.Many2one("res.users", string="Decided By", readonly=True)
    decision_date = fields.Datetime(string="Decided On", readonly=True)
    date = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    issue_id = fields.Many2one("performance.issue", readonly=True)
    assessment_id = fields.Many2one("performance.review.assessment", readonly=True)
    reward_id = fields.Many2one("performance.reward", readonly=True)

    def init(self):
        # ids: three flag types interleaved, each keeps its record's id recoverable
        create_report_view(
            self,
            SQL(
                """
                    SELECT i.id * 3 AS id,
                           'issue' AS flag_type,
                           i.rule AS rule,
                           COALESCE(
                               i.decision,
                               CASE WHEN i.state = 'resolved' THEN 'resolved' ELSE 'pending' END
                           ) AS decision,
                           i.decision_user_id,
                           i.decision_date,
                           i.date,
                           i.company_id,
                           i.employee_id,
                           i.id AS issue_id,
                           NULL::integer AS assessment_id,
                           NULL::integer AS reward_id
                      FROM performance_issue i
                    UNION ALL
                    SELECT a.id * 3 + 1,
                           'rating',
                           'suggested_rating',
                           COALESCE(a.suggestion_decision, 'pending'),
                           a.suggestion_decision_user_id,
                           a.suggestion_decision_date,
                           COALESCE(a.suggestion_decision_date, a.create_date)::date,
                           a.company_id,
                           a.employee_id,
                           NULL,
                           a.id,
                           NULL
                      FROM performance_review_assessment a
                     WHERE a.suggested_rating_id IS NOT NULL
                    UNION ALL
                    SELECT r.id * 3 + 2,
                           'merit',
                           'merit_matrix',
                           COALESCE(r.merit_decision, 'pending'),
                           r.merit_decision_user_id,
                           r.merit_decision_date,
                           COALESCE(r.merit_decision_date, r.create_date)::date,
                           r.company_id,
                           r.employee_id,
                           NULL,
                           NULL,
                           r.id
                      FROM performance_reward r
                     WHERE r.merit_explanation IS NOT NULL
                """
            ),
        )
