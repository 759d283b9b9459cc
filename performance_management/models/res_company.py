from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    performance_goal_proposal = fields.Boolean(
        string="Employees Propose Goals",
        default=True,
    )
    performance_anonymity_threshold = fields.Integer(
        string="Minimum Anonymous Answers",
        default=3,
    )

    @api.constrains("performance_anonymity_threshold")
    def _check_performance_anonymity_threshold(self):
        if any(company.performance_anonymity_threshold < 1 for company in self):
            raise ValidationError(
                self.env._("The minimum number of anonymous answers must be at least 1.")
            )
