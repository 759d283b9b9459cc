from odoo import fields, models
from odoo.tools import SQL

from ..tools import attribute_columns, create_report_view


class PerformanceFairnessReport(models.Model):
    """One rated review with the attributes of its employee, for the fairness analysis.

    Officers only; no screen lists it: the analysis shows its groups, never a group under
    the company's minimum size.
    """

    _name = "performance.fairness.report"
    _description = "Fairness Analysis Data"
    _inherit = "performance.fairness.attribute.mixin"
    _auto = False
    _order = "id desc"
    _rec_name = "review_id"

    review_id = fields.Many2one("performance.review", readonly=True)
    final_rating_id = fields.Many2one("performance.rating.scale.level", readonly=True)
    final_score = fields.Float(string="Final Rating (0-100)", aggregator="sum", readonly=True)
    top_count = fields.Integer(string="Top Ratings", readonly=True)
    self_gap = fields.Float(
        string="Self Minus Manager (0-100)",
        aggregator="sum",
        readonly=True,
        help="The employee's own ratings minus the manager's, on 0-100, where both rated.",
    )
    gap_count = fields.Integer(string="Reviews With Both Ratings", readonly=True)
    rater_count = fields.Integer(string="360 Raters", readonly=True)
    rater_spread = fields.Float(
        string="360 Spread",
        aggregator="sum",
        readonly=True,
        help="Standard deviation of the 360 raters' scores (0-100) on this review.",
    )
    spread_count = fields.Integer(string="Reviews With Two Raters or More", readonly=True)

    def _select(self):
        return SQL(
            """
            r.id AS id,
            r.id AS review_id,
            r.cycle_id,
            r.company_id,
            r.employee_id,
            %(attributes)s,
            a.final_rating_id,
            CASE WHEN bounds.high = bounds.low THEN 100.0
                 ELSE (level.value - bounds.low) * 100.0 / (bounds.high - bounds.low)
            END AS final_score,
            CASE WHEN a.performance_tier = 'high' THEN 1 ELSE 0 END AS top_count,
            lines.own - lines.mgr AS self_gap,
            CASE WHEN lines.own IS NOT NULL AND lines.mgr IS NOT NULL THEN 1 ELSE 0 END
                AS gap_count,
            COALESCE(raters.n, 0) AS rater_count,
            CASE WHEN raters.n >= 2 THEN raters.spread END AS rater_spread,
            CASE WHEN raters.n >= 2 THEN 1 ELSE 0 END AS spread_count
            """,
            attributes=attribute_columns(
                "e", "v", SQL("r.department_id"), SQL("r.job_id"), SQL("r.date_end")
            ),
        )

    def _from(self):
        # the bounds of each scale computed once and joined by hash: as a lateral subquery
        # per review they cost the drift across cycles half its time (benchmarks/README.md)
        # the raters' score of a 360 answer: its scale questions on 0-100, else the survey's
        # own score; anonymous answers only once released, as everywhere else
        return SQL(
            """
            performance_review r
            JOIN performance_review_assessment a
              ON a.review_id = r.id AND a.final_rating_id IS NOT NULL
            JOIN performance_rating_scale_level level ON level.id = a.final_rating_id
            JOIN hr_employee e ON e.id = r.employee_id
            LEFT JOIN hr_version v ON v.id = e.current_version_id
            LEFT JOIN (
                SELECT s.scale_id, min(s.value) AS low, max(s.value) AS high
                  FROM performance_rating_scale_level s
                 GROUP BY s.scale_id
            ) bounds ON bounds.scale_id = level.scale_id
            LEFT JOIN LATERAL (
                SELECT avg(l.score) FILTER (WHERE l.role = 'employee') AS own,
                       avg(l.score) FILTER (WHERE l.role = 'manager') AS mgr
                  FROM performance_review_line l
                 WHERE l.review_id = r.id AND l.kind = 'rating' AND l.rating_id IS NOT NULL
            ) lines ON TRUE
            LEFT JOIN (
                SELECT answer.review_id, count(*) AS n, stddev_pop(answer.score) AS spread
                  FROM (
                    SELECT i.performance_review_id AS review_id,
                           COALESCE(
                               avg((line.value_scale - q.scale_min) * 100.0
                                   / NULLIF(q.scale_max - q.scale_min, 0)),
                               CASE WHEN sv.scoring_type != 'no_scoring'
                                    THEN i.scoring_percentage END
                           ) AS score
                      FROM survey_user_input i
                      JOIN survey_survey sv ON sv.id = i.survey_id
                      LEFT JOIN survey_user_input_line line
                        ON line.user_input_id = i.id AND line.answer_type = 'scale'
                       AND NOT COALESCE(line.skipped, FALSE)
                      LEFT JOIN survey_question q ON q.id = line.question_id
                     WHERE i.performance_review_id IS NOT NULL
                       AND i.state = 'done'
                       AND NOT COALESCE(i.test_entry, FALSE)
                       AND i.performance_role IN ('peer', 'report', 'manager')
                       AND (NOT COALESCE(i.performance_anonymous, FALSE)
                            OR COALESCE(i.performance_released, FALSE))
                     GROUP BY i.id, sv.scoring_type
                  ) answer
                 WHERE answer.score IS NOT NULL
                 GROUP BY answer.review_id
            ) raters ON raters.review_id = r.id
            """
        )

    def _where(self):
        return SQL("r.active AND r.state != 'cancel'")

    def init(self):
        create_report_view(
            self, SQL("SELECT %s FROM %s WHERE %s", self._select(), self._from(), self._where())
        )
