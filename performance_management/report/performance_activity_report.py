from odoo import fields, models, tools
from odoo.tools import SQL

from ..models.performance_feedback import FEEDBACK_TYPES


class PerformanceActivityReport(models.Model):
    """Feedback, recognition, goal check-ins and 1:1s, one row per event and receiver.

    Anonymous answers are counted only once released and never carry their author.
    """

    _name = "performance.activity.report"
    _description = "Feedback and Recognition Activity"
    _inherit = ("performance.my.team.mixin",)
    _auto = False
    _order = "date desc, id desc"

    kind = fields.Selection(
        [
            ("feedback", "Feedback"),
            ("recognition", "Recognition"),
            ("checkin", "Goal Check-in"),
            ("one_on_one", "1:1 and Coaching"),
        ],
        readonly=True,
    )
    feedback_type = fields.Selection(FEEDBACK_TYPES, readonly=True)
    date = fields.Date(readonly=True)
    employee_id = fields.Many2one("hr.employee", string="About", readonly=True)
    author_id = fields.Many2one("hr.employee", string="From", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    value_id = fields.Many2one("performance.value", readonly=True)
    is_private = fields.Boolean(
        string="Private", readonly=True, help="Only the manager chain sees it."
    )

    def _union(self):
        return SQL(
            """
            SELECT 'feedback' AS kind, f.id AS res_id, f.feedback_type, f.date,
                   f.employee_id,
                   CASE WHEN f.anonymous THEN NULL ELSE f.author_id END AS author_id,
                   f.company_id, f.value_id, f.visibility = 'private' AS is_private
              FROM performance_feedback f
             WHERE f.state = 'done'
               AND (NOT COALESCE(f.anonymous, FALSE) OR f.anonymous_released)
            UNION ALL
            SELECT 'recognition', r.id, NULL, r.date::date, rel.employee_id, r.giver_id,
                   r.company_id, r.value_id, r.visibility = 'private'
              FROM performance_recognition r
              JOIN performance_recognition_receiver_rel rel ON rel.recognition_id = r.id
            UNION ALL
            SELECT 'checkin', c.id, NULL, c.date, g.employee_id, NULL,
                   g.company_id, NULL, FALSE
              FROM performance_goal_checkin c
              JOIN performance_goal g ON g.id = c.goal_id
             WHERE g.employee_id IS NOT NULL
            UNION ALL
            SELECT 'one_on_one', l.id, NULL, l.date_start::date, l.employee_id, l.coach_id,
                   l.company_id, NULL, FALSE
              FROM performance_coaching_log l
             WHERE l.state = 'done'
            """
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %s AS (
                    SELECT ROW_NUMBER() OVER (ORDER BY u.kind, u.res_id, u.employee_id) AS id,
                           u.kind, u.feedback_type, u.date, u.employee_id, u.author_id,
                           v.department_id, u.company_id, u.value_id, u.is_private
                      FROM (%s) u
                      JOIN hr_employee e ON e.id = u.employee_id
                      LEFT JOIN hr_version v ON v.id = e.current_version_id
                )
                """,
                SQL.identifier(self._table),
                self._union(),
            )
        )
