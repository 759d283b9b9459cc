from odoo import api, models


class ReportPerformanceEmployeeSummary(models.AbstractModel):
    """An employee's performance summary, built from what the reader may see."""

    _name = "report.performance_management.report_employee_summary"
    _description = "Employee Performance Summary"

    REVIEW_LIMIT = 5
    RECOGNITION_LIMIT = 5

    @api.model
    def _get_report_values(self, docids, data=None):
        employees = self.env["hr.employee"].browse(docids)
        employees.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": "hr.employee",
            "docs": employees,
            "summaries": {employee.id: self._get_summary(employee) for employee in employees},
        }

    @api.model
    def _get_summary(self, employee):
        # Searched with the reader's rights: record rules decide what the summary shows.
        reviews = self.env["performance.review"].search(
            [("employee_id", "=", employee.id), ("state", "in", ("released", "done"))],
            order="date_end desc, id desc",
            limit=self.REVIEW_LIMIT,
        )
        goals = self.env["performance.goal"].search(
            [("employee_id", "=", employee.id), ("state", "in", ("active", "done"))],
            order="date_deadline desc, id desc",
        )
        Recognition = self.env["performance.recognition"]
        recognition_domain = [("receiver_ids", "in", employee.ids)]
        plan = self.env["performance.development.plan"].search(
            [("employee_id", "=", employee.id), ("state", "in", ("active", "draft"))],
            order="state, date_start desc, id desc",
            limit=1,
        )
        return {
            "reviews": reviews,
            "trend": self._get_trend(reviews),
            "goals": goals,
            "goal_average": (sum(goals.mapped("progress")) / len(goals) if goals else 0.0),
            "recognition_count": Recognition.search_count(recognition_domain),
            "recognitions": Recognition.search(
                recognition_domain, order="date desc, id desc", limit=self.RECOGNITION_LIMIT
            ),
            "plan": plan,
        }

    @api.model
    def _get_trend(self, reviews):
        """Compare the latest two final ratings (on 0-100) of the reviews, newest first."""
        scores = [
            review.final_rating_id.scale_id._normalize(review.final_rating)
            for review in reviews
            if review.final_rating_id
        ]
        if len(scores) < 2:
            return False
        if scores[0] > scores[1] + 5:
            return self.env._("Improving")
        if scores[0] < scores[1] - 5:
            return self.env._("Declining")
        return self.env._("Steady")
