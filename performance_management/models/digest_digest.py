from odoo import fields, models
from odoo.exceptions import AccessError
from odoo.fields import Domain

from ..tools import is_officer


class DigestDigest(models.Model):
    """Performance KPIs in Odoo's periodic digest, for performance officers."""

    _inherit = "digest.digest"

    kpi_performance_review_done = fields.Boolean("Reviews Completed")
    kpi_performance_review_done_value = fields.Integer(
        compute="_compute_kpi_performance_review_done_value"
    )
    kpi_performance_kudos = fields.Boolean("Kudos Given")
    kpi_performance_kudos_value = fields.Integer(compute="_compute_kpi_performance_kudos_value")
    kpi_performance_goal_at_risk = fields.Boolean("Goals at Risk")
    kpi_performance_goal_at_risk_value = fields.Integer(
        compute="_compute_kpi_performance_goal_at_risk_value"
    )

    def _performance_check_officer(self):
        # the digest skips a KPI whose compute raises AccessError, as hr_recruitment's does
        if not is_officer(self.env.user):
            raise AccessError(self.env._("Performance KPIs are for performance officers."))

    def _performance_period_dates(self):
        start, end, companies = self._get_kpi_compute_parameters()
        return fields.Date.to_date(start), fields.Date.to_date(end), companies

    def _compute_kpi_performance_review_done_value(self):
        """Reviews released to their employee in the period."""
        self._performance_check_officer()
        start, end, companies = self._performance_period_dates()
        counts = dict(
            self.env["performance.review"]._read_group(
                [
                    ("company_id", "in", companies.ids),
                    ("state", "in", ("released", "done")),
                    ("date_released", ">=", start),
                    ("date_released", "<", end),
                ],
                ["company_id"],
                ["__count"],
            )
        )
        for digest in self:
            digest.kpi_performance_review_done_value = counts.get(
                digest.company_id or self.env.company, 0
            )

    def _compute_kpi_performance_kudos_value(self):
        self._performance_check_officer()
        self._calculate_company_based_kpi(
            "performance.recognition", "kpi_performance_kudos_value", date_field="date"
        )

    def _compute_kpi_performance_goal_at_risk_value(self):
        """Running goals checked in at risk or off track in the period."""
        self._performance_check_officer()
        start, end, companies = self._performance_period_dates()
        domain = Domain(
            [
                ("company_id", "in", companies.ids),
                ("date", ">=", start),
                ("date", "<", end),
                ("confidence", "in", ("at_risk", "off_track")),
                ("goal_id.state", "=", "active"),
            ]
        )
        counts = dict(
            self.env["performance.goal.checkin"]._read_group(
                domain, ["company_id"], ["goal_id:count_distinct"]
            )
        )
        for digest in self:
            digest.kpi_performance_goal_at_risk_value = counts.get(
                digest.company_id or self.env.company, 0
            )

    def _compute_kpis_actions(self, company, user):
        res = super()._compute_kpis_actions(company, user)
        menu = self.env.ref("performance_management.performance_menu_root").id
        res.update(
            {
                "kpi_performance_review_done": (
                    f"performance_management.performance_review_action?menu_id={menu}"
                ),
                "kpi_performance_kudos": (
                    f"performance_management.performance_recognition_action_list?menu_id={menu}"
                ),
                "kpi_performance_goal_at_risk": (
                    f"performance_management.performance_goal_action?menu_id={menu}"
                ),
            }
        )
        return res
