from odoo import api, models


class ReportPerformanceData(models.AbstractModel):
    """One employee's performance data as a PDF: the export, laid out section by section."""

    _name = "report.performance_management.report_performance_data"
    _description = "One Employee's Performance Data (PDF)"

    @api.model
    def _get_report_values(self, docids, data=None):
        # Never in sudo (the portal renders reports in sudo): the export checks the user
        # himself, officer or the employee exporting his own data.
        env = self.sudo(False).env
        scope = (data or {}).get("scope") or "officer"
        employees = env["hr.employee"].sudo().browse(docids)
        Export = env["performance.data.export"]
        exports = {}
        for employee in employees:
            exports[employee.id] = self._get_sections(Export._get_data(employee, scope))
        return {
            "doc_ids": docids,
            "doc_model": "hr.employee",
            # sudo: the employees whose export passed its check, for their names
            "docs": employees,
            "exports": exports,
        }

    @api.model
    def _get_section_titles(self):
        _ = self.env._
        return {
            "goals": _("Goals"),
            "reviews": _("Reviews"),
            "review_private_notes": _("Private review notes"),
            "one_on_ones": _("1:1s and coaching"),
            "one_on_one_private_notes": _("Private 1:1 notes"),
            "improvement_plans": _("Improvement plans"),
            "improvement_plan_private_notes": _("Private improvement plan notes"),
            "development_plans": _("Development plans"),
            "kudos": _("Kudos"),
            "rewards": _("Rewards"),
            "calibration_moves": _("Calibration moves"),
            "performance_issues": _("Performance issues"),
            "feedback": _("Feedback about the employee"),
            "answers_360": _("360 answers about the employee"),
        }

    @api.model
    def _get_sections(self, data):
        sections = []
        for key, title in self._get_section_titles().items():
            items = [self._get_item(item) for item in data.get(key) or []]
            sections.append({"title": title, "items": items})
        return {"employee": data["employee"], "scope": data["scope"], "sections": sections}

    @api.model
    def _get_item(self, item):
        rows, subsections = [], []
        for key, value in item.items():
            if isinstance(value, list):
                subsections.append(
                    {
                        "title": key.replace("_", " ").capitalize(),
                        "items": [self._get_item(child) for child in value],
                    }
                )
            elif value not in ("", None, False) or isinstance(value, (int, float)):
                rows.append((key.replace("_", " ").capitalize(), str(value)))
        return {"rows": rows, "subsections": subsections}
