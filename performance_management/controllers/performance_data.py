import json

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import content_disposition, request, route

from .portal import PerformancePortal


def _json_response(data, name):
    content = json.dumps(data, indent=2, ensure_ascii=False)
    filename = f"{name}.json"
    return request.make_response(
        content,
        [
            ("Content-Type", "application/json; charset=utf-8"),
            ("Content-Disposition", content_disposition(filename)),
        ],
    )


class PerformanceDataExportController(http.Controller):
    """An officer's download of one employee's performance data (the export wizard)."""

    @route("/performance/data/<int:employee_id>/json", type="http", auth="user")
    def performance_data_json(self, employee_id, **kw):
        employee = request.env["hr.employee"].browse(employee_id)
        try:
            # the export checks the officer and his rights on the employee
            data = request.env["performance.data.export"]._get_data(employee.exists(), "officer")
        except (AccessError, MissingError, ValueError):
            raise NotFound() from None
        return _json_response(
            data, request.env._("Performance data - %(name)s", name=data["employee"]["name"])
        )


class PerformanceDataPortal(PerformancePortal):
    """The employee's own performance data and who opened his review and plans."""

    def _pm_own_employee(self):
        employees = self._pm_employees()
        if not employees:
            raise NotFound()
        return employees[:1]

    @route("/my/performance/privacy", type="http", auth="user", website=True)
    def portal_my_privacy(self, **kw):
        employee = self._pm_own_employee()
        # read with his rights: the rules show him the reads of his review and his plans
        reads = request.env["performance.read.log"].search(
            [("employee_id", "=", employee.id), ("is_self", "=", False)], limit=200
        )
        values = self._pm_values(
            "performance_privacy",
            [(request.env._("My Data"), False)],
            reads=reads,
        )
        return request.render("performance_management.portal_my_privacy", values)

    @route("/my/performance/privacy/json", type="http", auth="user", website=True)
    def portal_my_privacy_json(self, **kw):
        employee = self._pm_own_employee()
        # his rights, scope "self": only what he may read
        data = request.env["performance.data.export"]._get_data(employee, "self")
        return _json_response(data, request.env._("My performance data"))

    @route("/my/performance/privacy/pdf", type="http", auth="user", website=True)
    def portal_my_privacy_pdf(self, **kw):
        employee = self._pm_own_employee()
        # The report renders with the user's rights (it drops the portal's sudo) in the
        # "self" scope: only what he may read.
        pdf, _type = (
            request.env["ir.actions.report"]
            .sudo()
            ._render_qweb_pdf(
                "performance_management.action_report_performance_data",
                employee.ids,
                data={"scope": "self"},
            )
        )
        return request.make_response(
            pdf,
            [
                ("Content-Type", "application/pdf"),
                ("Content-Length", len(pdf)),
                (
                    "Content-Disposition",
                    content_disposition(request.env._("My performance data") + ".pdf"),
                ),
            ],
        )
