from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools import is_officer

PERFORMANCE_SURVEY_TYPE = "performance"
PULSE_SURVEY_TYPE = "performance_pulse"
ADMIN = "performance_management.group_performance_admin"


def check_performance_survey_rights(env, surveys):
    """Only performance officers change 360 questionnaires, administrators pulse ones.

    Survey's own rules give its users and managers every unrestricted survey: one of them
    could else turn a 360 questionnaire into a plain survey, whose answers (anonymous ones
    not yet released too) their rules then give them, or change its questions. Checked on
    the questionnaires as they are, before a change and after it, whatever filled their
    type (values, ``default_*`` keys, a copy, an import).
    """
    if env.su:
        return
    # sudo: the type of the surveys being changed, whoever may read them
    types = set(surveys.sudo().mapped("survey_type"))
    if PERFORMANCE_SURVEY_TYPE in types and not is_officer(env.user):
        raise AccessError(env._("Only performance officers change the 360 questionnaires."))
    if PULSE_SURVEY_TYPE in types and not env.user.has_group(ADMIN):
        raise AccessError(
            env._("Only performance administrators change the pulse questionnaires.")
        )


class SurveySurvey(models.Model):
    """360 questionnaires: a survey type of their own, answered only through the review."""

    _inherit = "survey.survey"

    survey_type = fields.Selection(
        selection_add=[
            (PERFORMANCE_SURVEY_TYPE, "Performance (360)"),
            (PULSE_SURVEY_TYPE, "Performance Pulse"),
        ],
        ondelete={PERFORMANCE_SURVEY_TYPE: "set default", PULSE_SURVEY_TYPE: "set default"},
    )

    @api.model_create_multi
    def create(self, vals_list):
        surveys = super().create(vals_list)
        check_performance_survey_rights(self.env, surveys)
        return surveys

    def write(self, vals):
        check_performance_survey_rights(self.env, self)
        res = super().write(vals)
        check_performance_survey_rights(self.env, self)
        return res

    def unlink(self):
        check_performance_survey_rights(self.env, self)
        return super().unlink()

    def _check_answer_creation(
        self, user, partner, email, test_entry=False, check_attempts=True, invite_token=False
    ):
        # A 360 answer is sent by the review's launch, one per rater: no other (a retry
        # in the rater's name next to his anonymous answer, a public start) is created.
        # An officer's test entry is no rater's.
        if self.survey_type == PERFORMANCE_SURVEY_TYPE and not test_entry:
            raise UserError(self.env._("The answers of a 360 questionnaire come from a review."))
        # nor a pulse answer but from its round's invitation: no retry next to it
        if self.survey_type == PULSE_SURVEY_TYPE and not test_entry:
            raise UserError(
                self.env._("The answers of a pulse come from its round's invitations.")
            )
        return super()._check_answer_creation(
            user,
            partner,
            email,
            test_entry=test_entry,
            check_attempts=check_attempts,
            invite_token=invite_token,
        )

    @api.depends("survey_type")
    @api.depends_context("uid")
    def _compute_allowed_survey_types(self):
        res = super()._compute_allowed_survey_types()
        if is_officer(self.env.user):
            self.allowed_survey_types = (self.allowed_survey_types or []) + [
                PERFORMANCE_SURVEY_TYPE
            ]
        if self.env.user.has_group(ADMIN):
            self.allowed_survey_types = (self.allowed_survey_types or []) + [PULSE_SURVEY_TYPE]
        return res

    @api.onchange("survey_type")
    def _onchange_survey_type(self):
        res = super()._onchange_survey_type()
        if self.survey_type in (PERFORMANCE_SURVEY_TYPE, PULSE_SURVEY_TYPE):
            # raters are invited by the launch, each with a token of his own; those
            # without a user answer through it
            self.write({"access_mode": "token", "users_login_required": False})
        return res
