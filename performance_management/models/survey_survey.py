from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain

from ..tools import is_officer

PERFORMANCE_SURVEY_TYPE = "performance"
PULSE_SURVEY_TYPE = "performance_pulse"
PERFORMANCE_SURVEY_TYPES = (PERFORMANCE_SURVEY_TYPE, PULSE_SURVEY_TYPE)
ADMIN = "performance_management.group_performance_admin"
# what sends a questionnaire, by its fields: a review template one per kind of rater
SURVEY_SENDERS = {
    "performance.review.template": (
        "survey_peer_id",
        "survey_report_id",
        "survey_manager_id",
        "survey_self_id",
    ),
    "performance.pulse.schedule": ("survey_id",),
    "performance.pulse.round": ("survey_id",),
}


def check_performance_survey_rights(env, surveys):
    """Only performance officers change 360 questionnaires, administrators pulse ones.

    Survey's own rules give its users and managers every unrestricted survey: one of them
    could else turn a 360 questionnaire into a plain survey, whose answers (anonymous ones
    not yet released too) their rules then give them, or change its questions. A
    questionnaire of a company is changed by the officers (administrators for a pulse) of
    that company, a questionnaire shared by every company (no company) by the administrators
    only. Checked on the questionnaires as they are, before a change and after it, whatever
    filled their type and company (values, ``default_*`` keys, a copy, an import).
    """
    if env.su:
        return
    # sudo: the type and company of the surveys being changed, whoever may read them
    own = surveys.sudo().filtered(lambda s: s.survey_type in PERFORMANCE_SURVEY_TYPES)
    types = set(own.mapped("survey_type"))
    admin = env.user.has_group(ADMIN)
    if PERFORMANCE_SURVEY_TYPE in types and not is_officer(env.user):
        raise AccessError(env._("Only performance officers change the 360 questionnaires."))
    if PULSE_SURVEY_TYPE in types and not admin:
        raise AccessError(
            env._("Only performance administrators change the pulse questionnaires.")
        )
    if not admin and any(not survey.company_id for survey in own):
        raise AccessError(
            env._(
                "Only performance administrators change the questionnaires shared by every "
                "company."
            )
        )
    foreign = own.company_id - env.companies
    if foreign:
        raise AccessError(
            env._(
                "You may not change the questionnaires of %(companies)s.",
                companies=", ".join(foreign.mapped("display_name")),
            )
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
    # Survey has no company: a performance questionnaire has one, that of the officer who
    # made it; none when it is shared by every company (the addon's own, kept by the
    # administrators). Other surveys keep none.
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
        copy=False,
        index="btree_not_null",
        help="The company whose officers keep this questionnaire and whose review templates "
        "and pulses use it. Empty: shared by every company, kept by the performance "
        "administrators.",
    )

    @api.depends("survey_type")
    def _compute_company_id(self):
        for survey in self:
            if survey.survey_type not in PERFORMANCE_SURVEY_TYPES:
                survey.company_id = False
            elif not survey.company_id:
                survey.company_id = self.env.company

    @api.model_create_multi
    def create(self, vals_list):
        surveys = super().create(vals_list)
        check_performance_survey_rights(self.env, surveys)
        return surveys

    def write(self, vals):
        check_performance_survey_rights(self.env, self)
        # sudo: the types as they are, whoever may read the surveys
        types = {survey: survey.survey_type for survey in self.sudo()}
        res = super().write(vals)
        check_performance_survey_rights(self.env, self)
        # A performance questionnaire stays one, of its kind: as a plain survey, survey's
        # rules would give its answers (anonymous ones, with the request that names their
        # rater) to every Surveys user; as a pulse, its template would send a pulse.
        if not self.env.su and any(
            survey_type in PERFORMANCE_SURVEY_TYPES and survey.survey_type != survey_type
            for survey, survey_type in types.items()
        ):
            raise UserError(self.env._("A performance questionnaire keeps its type."))
        return res

    def unlink(self):
        check_performance_survey_rights(self.env, self)
        return super().unlink()

    @api.constrains("company_id")
    def _check_performance_company_users(self):
        """A questionnaire given a company stays that of everything that sends it: a review
        template or a pulse of another company, or shared by every company, keeps sending
        it (their launch runs as the system), so it is refused, as ``check_company`` refuses
        the template or the pulse that picks another company's questionnaire."""
        given = self.filtered(lambda s: s.survey_type in PERFORMANCE_SURVEY_TYPES and s.company_id)
        for survey in given:
            others = survey._performance_senders_elsewhere()
            if others:
                raise ValidationError(
                    self.env._(
                        "The questionnaire %(survey)s cannot become %(company)s's: %(users)s, "
                        "of another company or shared by every company, send it.",
                        survey=survey.title,
                        company=survey.company_id.name,
                        users=", ".join(others),
                    )
                )

    def _performance_senders_elsewhere(self):
        """The names of what sends this questionnaire from outside its company."""
        self.ensure_one()
        names = []
        for model, fnames in SURVEY_SENDERS.items():
            # sudo: whatever sends the questionnaire, whoever may read it
            senders = (
                self.env[model]
                .sudo()
                .with_context(active_test=False)
                .search(
                    Domain.OR(Domain(fname, "=", self.id) for fname in fnames)
                    & Domain("company_id", "!=", self.company_id.id)
                )
            )
            names += senders.mapped("display_name")
        return names

    @api.constrains("survey_type", "session_state")
    def _check_no_performance_session(self):
        # survey's live sessions write the questionnaire in sudo; a performance one is
        # answered through the review or the pulse only, never live
        if any(s.survey_type in PERFORMANCE_SURVEY_TYPES and s.session_state for s in self):
            raise ValidationError(
                self.env._("A performance questionnaire is not run as a live session.")
            )

    def action_end_session(self):
        # which closes every answer of the survey, in sudo
        if any(s.survey_type in PERFORMANCE_SURVEY_TYPES for s in self.sudo()):
            raise UserError(
                self.env._("A performance questionnaire is not run as a live session.")
            )
        return super().action_end_session()

    def copy_data(self, default=None):
        # a copy of a questionnaire is the copier's, in his company (its compute): he keeps
        # it, as he could not keep a shared one or another officer's
        vals_list = super().copy_data(default=default)
        for survey, vals in zip(self, vals_list, strict=True):
            if survey.survey_type in PERFORMANCE_SURVEY_TYPES and "user_id" not in (default or {}):
                vals["user_id"] = self.env.user.id
        return vals_list

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
