from odoo import api, fields, models

PERFORMANCE_SURVEY_TYPE = "performance"


class SurveySurvey(models.Model):
    """360 questionnaires: a survey type of their own, answered only through the review."""

    _inherit = "survey.survey"

    survey_type = fields.Selection(
        selection_add=[(PERFORMANCE_SURVEY_TYPE, "Performance (360)")],
        ondelete={PERFORMANCE_SURVEY_TYPE: "set default"},
    )

    @api.depends("survey_type")
    @api.depends_context("uid")
    def _compute_allowed_survey_types(self):
        res = super()._compute_allowed_survey_types()
        if self.env.user.has_group("performance_management.group_performance_officer"):
            self.allowed_survey_types = (self.allowed_survey_types or []) + [
                PERFORMANCE_SURVEY_TYPE
            ]
        return res

    @api.onchange("survey_type")
    def _onchange_survey_type(self):
        res = super()._onchange_survey_type()
        if self.survey_type == PERFORMANCE_SURVEY_TYPE:
            # raters are invited by the launch, each with a token of his own; those
            # without a user answer through it
            self.write({"access_mode": "token", "users_login_required": False})
        return res
