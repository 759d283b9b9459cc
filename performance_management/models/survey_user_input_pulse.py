# pylint: disable=consider-merging-classes-inherited
import random

from odoo import SUPERUSER_ID, fields, models
from odoo.tools import SQL


class SurveyUserInput(models.Model):
    """Pulse answers: anonymous as 360 ones are (no partner, email, stamps nor dates once
    submitted), each group's figures released with its round.

    While open, an answer knows its invitation (the employee's way to his token) and the
    groups its figures count in; submitted, it drops the invitation; released, it is
    replaced by a copy that keeps only the round.
    """

    _inherit = "survey.user_input"

    performance_pulse_round_id = fields.Many2one(
        "performance.pulse.round",
        string="Pulse Round",
        readonly=True,
        index="btree_not_null",
        ondelete="cascade",
    )
    performance_pulse_participant_id = fields.Many2one(
        "performance.pulse.participant",
        string="Pulse Invitation",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
    )
    performance_pulse_department_id = fields.Many2one(
        "hr.department", string="Pulse Department", readonly=True
    )
    performance_pulse_manager_id = fields.Many2one(
        "hr.employee", string="Pulse Team", readonly=True
    )
    performance_pulse_rating_id = fields.Many2one(
        "performance.rating.scale.level", string="Pulse Rating Band", readonly=True
    )
    performance_pulse_released = fields.Boolean(string="Released Pulse Answer", readonly=True)

    def _performance_scrub(self):
        super()._performance_scrub()
        if not self:
            return
        # a submitted pulse answer leaves its invitation: nobody learns who answered
        self.env.cr.execute(
            SQL(
                "UPDATE survey_user_input SET performance_pulse_participant_id = NULL "
                "WHERE id IN %s AND performance_pulse_round_id IS NOT NULL",
                tuple(self.ids),
            )
        )
        self.env.invalidate_all()

    def _performance_pulse_copy(self):
        """Copy the submitted answers of a round being released, without their groups, dates
        or invitation, created together in the order of what they say."""
        answers = list(self.with_user(SUPERUSER_ID))
        contents = {
            a.id: repr(
                sorted(
                    (
                        line.question_id.id,
                        line.suggested_answer_id.id,
                        str(line._get_answer_value()),
                    )
                    for line in a.user_input_line_ids
                )
            )
            for a in answers
        }
        random.SystemRandom().shuffle(answers)
        answers.sort(key=lambda a: contents[a.id])
        ordered = self.browse([a.id for a in answers]).with_user(SUPERUSER_ID)
        vals_list = ordered.with_context(tracking_disable=True).copy_data()
        for vals in vals_list:
            vals.update(
                {
                    "state": "done",
                    "deadline": False,
                    "start_datetime": False,
                    "end_datetime": False,
                    "partner_id": False,
                    "email": False,
                    "nickname": False,
                    "performance_pulse_participant_id": False,
                    "performance_pulse_department_id": False,
                    "performance_pulse_manager_id": False,
                    "performance_pulse_rating_id": False,
                    "performance_pulse_released": True,
                }
            )
        return ordered.with_context(
            tracking_disable=True, mail_create_nolog=True, mail_notrack=True
        ).create(vals_list)
