from werkzeug.exceptions import NotFound

from odoo.http import request, route

from .portal import PerformancePortal


class PerformancePayPortal(PerformancePortal):
    """The pay criteria an employee's company discloses: its text and its merit matrix."""

    @route("/my/performance/pay", type="http", auth="user", website=True)
    def portal_my_pay_criteria(self, **kw):
        employees = self._pm_employees()
        if not employees:
            raise NotFound()
        # sudo: the criteria and merit matrix of the user's own employers (found from the
        # user's own employees above), disclosed to each of their employees; portal users
        # and plain employees cannot read the matrix model
        companies = employees.company_id.sudo()
        cells = (
            request.env["performance.merit.matrix"]
            .sudo()
            .search([("company_id", "in", companies.ids)])
        )
        values = self._pm_values(
            "performance_pay",
            [(request.env._("Pay Criteria"), False)],
            pay_companies=[
                (
                    company,
                    cells.filtered(lambda cell, company=company: cell.company_id == company),
                )
                for company in companies
            ],
        )
        return request.render("performance_management.portal_my_pay_criteria", values)
