from odoo import models


class SurveyUserInputLine(models.Model):
    """An answer line stays where its writer may write it: on his own answers.

    Survey's rules let its users write the lines of their own surveys' answers, checked
    on the lines as they were: moving one onto a 360 or pulse answer (``user_input_id``,
    whose survey then changes) is checked again on the lines as written.
    """

    _inherit = "survey.user_input.line"

    def write(self, vals):
        res = super().write(vals)
        if not self.env.su:
            # the rules on the lines as written: the survey types their writer may write
            self.check_access("write")
        return res
