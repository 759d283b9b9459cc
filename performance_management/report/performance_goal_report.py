from odoo import fields, models, tools
from odoo.fields import Domain
from odoo.tools import SQL

from ..models.performance_goal import CONFIDENCE


class PerformanceGoalReport(models.Model):
    """Goal attainment by team, manager and period (library templates left out)."""

    _name = "performance.goal.report"
    _description = "Goal Attainment Analysis"
    _inherit = ("performance.my.team.mixin",)
    _auto = False
    _order = "date_deadline desc, id desc"
    _rec_name = "goal_id"

    goal_id = fields.Many2one("performance.goal", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    manager_id = fields.Many2one("hr.employee", readonly=True)
    department_id = fields.Many2one("hr.department", string="Team", readonly=True)
    department_manager_id = fields.Many2one(
        "hr.employee", string="Team Manager", readonly=True, help="Team goals only."
    )
    scope = fields.Selection(
        [("employee", "Individual"), ("department", "Team"), ("company", "Company")],
        readonly=True,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("active", "Active"), ("done", "Done"), ("cancel", "Cancelled")],
        readonly=True,
    )
    confidence = fields.Selection(CONFIDENCE, readonly=True)
    date_start = fields.Date(readonly=True)
    date_deadline = fields.Date(string="Deadline", readonly=True)
    progress = fields.Float(string="Attainment (%)", aggregator="avg", readonly=True)
    achieved_rate = fields.Float(
        string="Achieved (%)",
        aggregator="avg",
        readonly=True,
        help="Share of goals at 100% or more.",
    )
    key_result_count = fields.Integer(string="Key Results", readonly=True)
    checkin_count = fields.Integer(string="Check-ins", readonly=True)

    def _get_my_team_domain(self, employees):
        # a team goal belongs to the manager of its department
        return super()._get_my_team_domain(employees) | Domain(
            "department_manager_id", "in", employees.ids
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %s AS (
                    SELECT g.id AS id,
                           g.id AS goal_id,
                           g.company_id,
                           g.employee_id,
                           g.manager_id,
                           COALESCE(g.department_id, v.department_id) AS department_id,
                           d.manager_id AS department_manager_id,
                           g.scope,
                           g.state,
                           g.confidence,
                           g.date_start,
                           g.date_deadline,
                           g.progress,
                           CASE WHEN g.progress >= 100 THEN 100.0 ELSE 0.0 END AS achieved_rate,
                           (SELECT COUNT(*) FROM performance_key_result kr
                             WHERE kr.goal_id = g.id) AS key_result_count,
                           (SELECT COUNT(*) FROM performance_goal_checkin ci
                             WHERE ci.goal_id = g.id) AS checkin_count
                      FROM performance_goal g
                      LEFT JOIN hr_employee e ON e.id = g.employee_id
                      LEFT JOIN hr_version v ON v.id = e.current_version_id
                      LEFT JOIN hr_department d ON d.id = g.department_id
                     WHERE g.active AND NOT COALESCE(g.is_template, FALSE)
                )
                """,
                SQL.identifier(self._table),
            )
        )
