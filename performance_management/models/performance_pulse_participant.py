from odoo import api, fields, models


class PerformancePulseParticipant(models.Model):
    """An employee invited to a pulse round. Nothing on it tells whether he answered: his
    answer drops its link to it when he submits it."""

    _name = "performance.pulse.participant"
    _description = "Pulse Participant"
    _order = "round_id desc, id"

    round_id = fields.Many2one(
        "performance.pulse.round", required=True, index=True, ondelete="cascade", readonly=True
    )
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, ondelete="cascade", readonly=True
    )
    company_id = fields.Many2one(related="round_id.company_id", store=True, index=True)
    survey_id = fields.Many2one(related="round_id.survey_id")
    date_deadline = fields.Date(related="round_id.date_deadline")
    start_url = fields.Char(compute="_compute_start_url", string="Answer Link")

    _one_invitation = models.UniqueIndex(
        "(round_id, employee_id)", "An employee is invited once to a round."
    )

    @api.depends_context("uid")
    def _compute_start_url(self):
        """The token link of the user's own answer, while it is open."""
        own = self.filtered(lambda p: p.employee_id.user_id == self.env.user)
        # sudo: the user's own open answers, for their token link
        inputs = (
            self.env["survey.user_input"]
            .sudo()
            .search(
                [
                    ("performance_pulse_participant_id", "in", own.ids),
                    ("state", "!=", "done"),
                ]
            )
        )
        urls = {i.performance_pulse_participant_id.id: i.get_start_url() for i in inputs}
        for participant in self:
            participant.start_url = urls.get(participant.id, False)

    def action_answer(self):
        self.ensure_one()
        if not self.start_url:
            return False
        return {"type": "ir.actions.act_url", "url": self.start_url, "target": "self"}

    @api.model
    def _get_to_answer(self):
        """The user's open pulse rounds he has not answered yet."""
        participants = self.search(
            [("employee_id.user_id", "=", self.env.uid), ("round_id.state", "=", "open")]
        )
        return participants.filtered("start_url")
