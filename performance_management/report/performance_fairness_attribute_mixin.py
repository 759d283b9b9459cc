from odoo import fields, models

from ..tools.fairness import AGE_BANDS, GENDERS


class PerformanceFairnessAttributeMixin(models.AbstractModel):
    """The employee attributes a fairness view groups people by (tools.attribute_columns)."""

    _name = "performance.fairness.attribute.mixin"
    _description = "Employee Attributes of a Fairness View"

    cycle_id = fields.Many2one("performance.cycle", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    gender = fields.Selection(GENDERS, readonly=True)
    age_band = fields.Selection(AGE_BANDS, readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    job_id = fields.Many2one("hr.job", string="Job Position", readonly=True)
    resource_calendar_id = fields.Many2one(
        "resource.calendar", string="Working Time", readonly=True
    )
    work_location_id = fields.Many2one("hr.work.location", readonly=True)
