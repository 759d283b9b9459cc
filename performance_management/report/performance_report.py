from odoo import fields, models
from odoo.tools import SQL

from ..models.performance_review_assessment import POTENTIAL
from ..tools import create_report_view

REVIEW_STATES = [
    ("self_review", "Self Review"),
    ("manager_review", "Manager Review"),
    ("calibration", "Calibration"),
    ("released", "Released"),
    ("done", "Acknowledged"),
]


class PerformanceReport(models.Model):
    """Review analysis: one row per review, joined with its assessment and calibration."""

    _name = "performance.report"
    _description = "Review Analysis"
    _inherit = ("performance.my.team.mixin",)
    _auto = False
    _order = "date_end desc, id desc"
    _rec_name = "review_id"

    review_id = fields.Many2one("performance.review", readonly=True)
    cycle_id = fields.Many2one("performance.cycle", readonly=True)
    is_current_cycle = fields.Boolean(string="Current Cycle", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    manager_id = fields.Many2one("hr.employee", string="Reviewer", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    job_id = fields.Many2one("hr.job", readonly=True)
    review_type = fields.Selection(
        [("cycle", "Review Cycle"), ("probation", "Probation"), ("recurring", "Recurring")],
        readonly=True,
    )
    state = fields.Selection(REVIEW_STATES, string="Phase", readonly=True)
    date_start = fields.Date(string="Period Start", readonly=True)
    date_end = fields.Date(string="Period End", readonly=True)
    final_rating_id = fields.Many2one("performance.rating.scale.level", readonly=True)
    initial_rating_id = fields.Many2one(
        "performance.rating.scale.level",
        string="Rating Before Calibration",
        readonly=True,
    )
    final_rating = fields.Float(string="Final Rating Value", aggregator="avg", readonly=True)
    final_rating_target = fields.Float(
        string="Guideline (%)",
        aggregator="avg",
        readonly=True,
        help="The share of reviews the calibration guideline expects at this final rating.",
    )
    initial_rating = fields.Float(
        string="Rating Value Before Calibration", aggregator="avg", readonly=True
    )
    rating_shift = fields.Float(
        string="Calibration Shift",
        aggregator="avg",
        readonly=True,
        help="Final rating value minus the rating before calibration.",
    )
    is_calibrated = fields.Boolean(string="Changed in Calibration", readonly=True)
    overall_score = fields.Float(string="Score (0-100)", aggregator="avg", readonly=True)
    goal_attainment = fields.Float(string="Goal Attainment (%)", aggregator="avg", readonly=True)
    potential = fields.Selection(POTENTIAL, readonly=True)
    self_done_rate = fields.Float(string="Self Reviews Done (%)", aggregator="avg", readonly=True)
    manager_done_rate = fields.Float(
        string="Manager Reviews Done (%)", aggregator="avg", readonly=True
    )
    released_rate = fields.Float(string="Released (%)", aggregator="avg", readonly=True)
    acknowledged_rate = fields.Float(string="Acknowledged (%)", aggregator="avg", readonly=True)
    self_on_time_rate = fields.Float(
        string="Self Review On Time (%)", aggregator="avg", readonly=True
    )
    manager_on_time_rate = fields.Float(
        string="Manager Review On Time (%)", aggregator="avg", readonly=True
    )
    has_goals = fields.Boolean(string="Goals Scored", readonly=True)
    is_raised = fields.Boolean(string="Raised in Calibration", readonly=True)

    def _select(self):
        return SQL(
            """
            r.id AS id,
            r.id AS review_id,
            r.cycle_id,
            r.cycle_id IS NOT NULL AND r.cycle_id = current.id AS is_current_cycle,
            r.company_id,
            r.employee_id,
            r.manager_id,
            r.department_id,
            r.job_id,
            r.review_type,
            r.state,
            r.date_start,
            r.date_end,
            a.final_rating_id,
            COALESCE(calib.old_rating_id, a.final_rating_id) AS initial_rating_id,
            final_level.value AS final_rating,
            final_level.target_percent AS final_rating_target,
            COALESCE(old_level.value, final_level.value) AS initial_rating,
            CASE WHEN calib.old_rating_id IS NOT NULL
                 THEN final_level.value - old_level.value ELSE 0 END AS rating_shift,
            calib.old_rating_id IS NOT NULL
                AND calib.old_rating_id IS DISTINCT FROM a.final_rating_id AS is_calibrated,
            a.overall_score,
            r.goal_attainment,
            a.potential,
            CASE WHEN r.state != 'self_review' THEN 100.0 ELSE 0.0 END AS self_done_rate,
            CASE WHEN r.state IN ('calibration', 'released', 'done')
                 THEN 100.0 ELSE 0.0 END AS manager_done_rate,
            CASE WHEN r.state IN ('released', 'done') THEN 100.0 ELSE 0.0 END AS released_rate,
            CASE WHEN r.state = 'done' THEN 100.0 ELSE 0.0 END AS acknowledged_rate,
            CASE WHEN r.date_self_done IS NOT NULL AND (
                    r.date_self_deadline IS NULL OR r.date_self_done <= r.date_self_deadline)
                 THEN 100.0 ELSE 0.0 END AS self_on_time_rate,
            CASE WHEN r.date_manager_done IS NOT NULL AND (
                    r.date_manager_deadline IS NULL
                    OR r.date_manager_done <= r.date_manager_deadline)
                 THEN 100.0 ELSE 0.0 END AS manager_on_time_rate,
            EXISTS (
                SELECT 1 FROM performance_review_line gl
                 WHERE gl.review_id = r.id AND gl.kind = 'goal'
            ) AS has_goals,
            COALESCE(final_level.value > old_level.value, FALSE) AS is_raised
            """
        )

    def _from(self):
        # The first calibration change of an assessment holds the rating before calibration.
        return SQL(
            """
            performance_review r
            LEFT JOIN current_cycle current ON current.company_id = r.company_id
            LEFT JOIN performance_review_assessment a ON a.review_id = r.id
            LEFT JOIN performance_rating_scale_level final_level
                   ON final_level.id = a.final_rating_id
            LEFT JOIN LATERAL (
                SELECT l.old_rating_id FROM performance_calibration_log l
                 WHERE l.assessment_id = a.id
                 ORDER BY l.create_date, l.id
                 LIMIT 1
            ) calib ON TRUE
            LEFT JOIN performance_rating_scale_level old_level
                   ON old_level.id = calib.old_rating_id
            """
        )

    def _with(self):
        # The current cycle of each company: the running one, else the latest launched.
        return SQL(
            """
            current_cycle AS (
                SELECT DISTINCT ON (c.company_id) c.id, c.company_id
                  FROM performance_cycle c
                 WHERE c.active AND c.state NOT IN ('draft', 'cancel')
                 ORDER BY c.company_id, c.state IN ('running', 'calibration') DESC,
                          c.date_start DESC, c.id DESC
            )
            """
        )

    def _where(self):
        return SQL("r.active AND r.state != 'cancel'")

    def init(self):
        create_report_view(
            self,
            SQL(
                "WITH %s SELECT %s FROM %s WHERE %s",
                self._with(),
                self._select(),
                self._from(),
                self._where(),
            ),
        )
