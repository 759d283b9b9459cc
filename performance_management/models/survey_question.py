from odoo import api, fields, models

from .survey_survey import check_performance_survey_rights


class SurveyQuestion(models.Model):
    """The questions of a 360 questionnaire are the performance officers' to change."""

    _inherit = "survey.question"

    performance_enps = fields.Boolean(
        string="eNPS Question",
        help="A pulse question on a 0-10 scale whose answers give the eNPS: promoters "
        "(9-10) minus detractors (0-6), in percent.",
    )

    def _performance_check_rights(self):
        # sudo: the questionnaires of the questions being changed, as they are
        check_performance_survey_rights(self.env, self.sudo().survey_id)

    @api.model_create_multi
    def create(self, vals_list):
        questions = super().create(vals_list)
        questions._performance_check_rights()
        return questions

    def write(self, vals):
        self._performance_check_rights()
        res = super().write(vals)
        self._performance_check_rights()
        return res

    def unlink(self):
        self._performance_check_rights()
        return super().unlink()


class SurveyQuestionAnswer(models.Model):
    """Nor the choices of their questions."""

    _inherit = "survey.question.answer"

    def _performance_check_rights(self):
        # sudo: the questions of the choices being changed, as they are
        own = self.sudo()
        (own.question_id | own.matrix_question_id).with_env(self.env)._performance_check_rights()

    @api.model_create_multi
    def create(self, vals_list):
        choices = super().create(vals_list)
        choices._performance_check_rights()
        return choices

    def write(self, vals):
        self._performance_check_rights()
        res = super().write(vals)
        self._performance_check_rights()
        return res

    def unlink(self):
        self._performance_check_rights()
        return super().unlink()
