from odoo import api, models
from odoo.exceptions import ValidationError


class SurveyUserInputLine(models.Model):
    """An answer line stays where its writer may write it: on his own answers.

    Survey's rules let its users write the lines of their own surveys' answers, checked
    on the lines as they were: moving one onto a 360 or pulse answer (``user_input_id``,
    whose survey then changes) is checked again on the lines as written. And a line's survey
    is its answer's: survey stores it (a related field it lets its users set), and its rules
    decide on it; a line created on a 360 answer with a plain survey passed them.
    """

    _inherit = "survey.user_input.line"

    def write(self, vals):
        res = super().write(vals)
        if not self.env.su:
            # the rules on the lines as written: the survey types their writer may write
            self.check_access("write")
        return res

    @api.constrains("survey_id", "user_input_id")
    def _check_survey_of_its_answer(self):
        # sudo: the answers of the lines, whoever may read them
        if any(line.survey_id != line.user_input_id.survey_id for line in self.sudo()):
            raise ValidationError(
                self.env._("An answer line belongs to the survey of its answer.")
            )
