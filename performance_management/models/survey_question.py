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

    def _performance_check_rights(self, vals_list=()):
        surveys = self.env["survey.survey"].browse(
            {vals["survey_id"] for vals in vals_list if vals.get("survey_id")}
        )
        # sudo: the questionnaires of the questions being changed
        check_performance_survey_rights(self.env, surveys | self.sudo().survey_id)

    @api.model_create_multi
    def create(self, vals_list):
        self._performance_check_rights(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._performance_check_rights([vals])
        return super().write(vals)

    def unlink(self):
        self._performance_check_rights()
        return super().unlink()


class SurveyQuestionAnswer(models.Model):
    """Nor the choices of their questions."""

    _inherit = "survey.question.answer"

    def _performance_check_rights(self, vals_list=()):
        questions = self.env["survey.question"].browse(
            {
                vals[fname]
                for vals in vals_list
                for fname in ("question_id", "matrix_question_id")
                if vals.get(fname)
            }
        )
        # sudo: the questions of the choices being changed
        own = self.sudo()
        questions |= own.question_id | own.matrix_question_id
        questions._performance_check_rights()

    @api.model_create_multi
    def create(self, vals_list):
        self._performance_check_rights(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._performance_check_rights([vals])
        return super().write(vals)

    def unlink(self):
        self._performance_check_rights()
        return super().unlink()
