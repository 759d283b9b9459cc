from odoo import models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    # Each feature adds its counters and smart-button actions here. A field that plain
    # employees must not read carries groups="hr.group_hr_user"; any other is mirrored on
    # hr.employee.public, or employees without HR rights hit access errors.
