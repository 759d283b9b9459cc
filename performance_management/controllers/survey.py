from werkzeug.exceptions import NotFound

from odoo.fields import Domain
from odoo.http import request, route

from odoo.addons.survey.controllers import main

from ..models.survey_survey import PERFORMANCE_SURVEY_TYPE, PULSE_SURVEY_TYPE
from ..tools import is_officer


class PerformanceSurvey(main.Survey):
    """360 questionnaires: the token of an anonymous answer is its only key, and results
    show only what the feedback model released."""

    def _check_validity(
        self, survey_sudo, answer_sudo, answer_token, ensure_token=True, check_partner=True
    ):
        if answer_sudo and answer_token and answer_sudo.performance_anonymous:
            # an anonymous answer has no partner to match: whoever holds its token answers
            check_partner = False
        return super()._check_validity(
            survey_sudo,
            answer_sudo,
            answer_token,
            ensure_token=ensure_token,
            check_partner=check_partner,
        )

    @route(
        "/performance/360/text_check/<string:survey_token>/<string:answer_token>",
        type="jsonrpc",
        auth="public",
        readonly=True,
    )
    def performance_360_text_check(self, survey_token, answer_token, text="", **kw):
        """The wording flags of a free-text answer of a 360 questionnaire, as the rater types.

        Whoever may answer it through the survey page (its token, and the checks of the
        survey controller) gets them, for an answer still open; nothing else. A hint only:
        the answer is submitted whatever it says.
        """
        access = self._get_access_data(survey_token, answer_token, ensure_token=True)
        answer_sudo = access["answer_sudo"]
        if (
            access["validity_code"] is not True
            or answer_sudo.survey_id.survey_type != PERFORMANCE_SURVEY_TYPE
            or not answer_sudo.performance_review_id
            or answer_sudo.state == "done"
        ):
            raise NotFound()
        return {"flags": request.env["performance.text.rule"]._writer_flags(text)}

    @route()
    def survey_report(self, survey, answer_token=None, **post):
        if survey.sudo().survey_type in (
            PERFORMANCE_SURVEY_TYPE,
            PULSE_SURVEY_TYPE,
        ) and not is_officer(request.env.user):
            raise NotFound()
        return super().survey_report(survey, answer_token=answer_token, **post)

    def _get_results_page_user_input_domain(self, survey, **post):
        domain = super()._get_results_page_user_input_domain(survey, **post)
        if survey.sudo().survey_type == PULSE_SURVEY_TYPE:
            # the officer's own rules on the answers: the released copies only, which
            # name no one
            allowed = request.env["survey.user_input"]._search(
                [("survey_id", "=", survey.id), ("performance_pulse_released", "=", True)]
            )
            return domain & Domain("id", "in", allowed)
        if survey.sudo().survey_type != PERFORMANCE_SURVEY_TYPE:
            return domain
        # the officer's own rules on the answers: named ones, released anonymous ones
        allowed = request.env["survey.user_input"]._search(
            [("survey_id", "=", survey.id), ("performance_review_id", "!=", False)]
        )
        domain &= Domain("id", "in", allowed)
        cycle = post.get("performance_cycle_id")
        if cycle and str(cycle).isdigit():
            domain &= Domain("performance_cycle_id", "=", int(cycle))
        return domain
