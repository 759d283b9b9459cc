from odoo import api, fields, models


class PerformanceDataExportWizard(models.TransientModel):
    """An officer answers an employee's access request: his performance data, redacted."""

    _name = "performance.data.export.wizard"
    _description = "Export One Employee's Performance Data"

    employee_id = fields.Many2one("hr.employee", required=True, readonly=True)

    @api.model
    def default_get(self, fields):
        result = super().default_get(fields)
        if self.env.context.get("active_model") == "hr.employee" and "employee_id" in fields:
            result.setdefault("employee_id", self.env.context.get("active_id"))
        return result

    def action_download_json(self):
        self.ensure_one()
        # checked now, and again by the download route
        self.env["performance.data.export"]._check_scope(self.employee_id, "officer")
        return {
            "type": "ir.actions.act_url",
            "url": f"/performance/data/{self.employee_id.id}/json",
            "target": "download",
        }

    def action_download_pdf(self):
        self.ensure_one()
        self.env["performance.data.export"]._check_scope(self.employee_id, "officer")
        return self.env.ref("performance_management.action_report_performance_data").report_action(
            self.employee_id, data={"scope": "officer"}
        )
