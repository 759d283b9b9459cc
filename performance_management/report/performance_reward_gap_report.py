from odoo import fields, models
from odoo.tools import SQL

from ..tools import attribute_columns, create_report_view


class PerformanceRewardGapReport(models.Model):
    """One reward of a cycle with the attributes of its employee, for the reward gap shown
    before the cycle's rewards are approved. Officers only, read through the analysis."""

    _name = "performance.reward.gap.report"
    _description = "Reward Gap Data"
    _inherit = "performance.fairness.attribute.mixin"
    _auto = False
    _order = "id desc"
    _rec_name = "reward_id"

    reward_id = fields.Many2one("performance.reward", readonly=True)
    state = fields.Selection(
        [("submitted", "Submitted"), ("approved", "Approved"), ("done", "Done")], readonly=True
    )
    raise_percent = fields.Float(string="Raise (%)", aggregator="sum", readonly=True)
    raise_count = fields.Integer(string="Raises", readonly=True)
    amount = fields.Float(aggregator="sum", readonly=True)
    amount_count = fields.Integer(string="Bonuses", readonly=True)

    def _select(self):
        return SQL(
            """
            w.id AS id,
            w.id AS reward_id,
            w.cycle_id,
            w.company_id,
            w.employee_id,
            w.state,
            %(attributes)s,
            CASE WHEN w.kind = 'raise' THEN COALESCE(w.raise_percent, 0) END AS raise_percent,
            CASE WHEN w.kind = 'raise' THEN 1 ELSE 0 END AS raise_count,
            CASE WHEN w.kind IN ('bonus', 'spot') THEN COALESCE(w.amount, 0) END AS amount,
            CASE WHEN w.kind IN ('bonus', 'spot') THEN 1 ELSE 0 END AS amount_count
            """,
            attributes=attribute_columns(
                "e",
                "v",
                SQL("w.department_id"),
                SQL("v.job_id"),
                SQL("COALESCE(c.date_end, w.create_date::date)"),
            ),
        )

    def _from(self):
        return SQL(
            """
            performance_reward w
            JOIN performance_cycle c ON c.id = w.cycle_id
            JOIN hr_employee e ON e.id = w.employee_id
            LEFT JOIN hr_version v ON v.id = e.current_version_id
            """
        )

    def _where(self):
        return SQL("w.state IN ('submitted', 'approved', 'done')")

    def init(self):
        create_report_view(
            self, SQL("SELECT %s FROM %s WHERE %s", self._select(), self._from(), self._where())
        )
