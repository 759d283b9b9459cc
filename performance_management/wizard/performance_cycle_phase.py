from odoo import api, fields, models

from ..models.performance_cycle import BEHIND_STATES

# Reviews still in these states when the cycle moves on are left behind (the release
# releases every calibrated review).
BEHIND = {
    "launch": (),
    # closing the self reviews moves the unfinished ones to the manager without the employee
    "manager": ("self_review",),
    "calibration": BEHIND_STATES["calibration"],
    "release": BEHIND_STATES["calibration"],
}


class PerformanceCyclePhase(models.TransientModel):
    """Before a cycle moves on: who cannot take part, who is behind, and what to do."""

    _name = "performance.cycle.phase"
    _description = "Move a Review Cycle to its Next Phase"

    cycle_id = fields.Many2one("performance.cycle", required=True, ondelete="cascade")
    phase = fields.Selection(
        [
            ("launch", "Launch"),
            ("manager", "Close Self Reviews"),
            ("calibration", "Calibration"),
            ("release", "Release"),
        ],
        required=True,
    )
    participant_count = fields.Integer(compute="_compute_counts")
    behind_count = fields.Integer(string="Reviews Behind", compute="_compute_counts")
    no_login_count = fields.Integer(string="Reviewers Without Login", compute="_compute_counts")

    @api.depends("cycle_id", "phase")
    def _compute_counts(self):
        for wizard in self:
            cycle = wizard.cycle_id
            if wizard.phase == "launch":
                # sudo as the launch itself: participants and their managers, to count them
                participants = cycle._get_pending_participants()
                managers = [employee._performance_manager() for employee in participants]
                wizard.participant_count = len(participants)
                wizard.no_login_count = sum(
                    1 for manager in managers if manager and not manager.user_id
                )
                wizard.behind_count = 0
            else:
                wizard.participant_count = cycle.review_count
                wizard.no_login_count = cycle.no_login_count
                wizard.behind_count = len(wizard._get_behind_reviews())

    def _get_behind_reviews(self):
        self.ensure_one()
        return self.cycle_id.review_ids.filtered(lambda review: review.state in BEHIND[self.phase])

    def action_go_on(self):
        """Move on with the reviews that are ready; those behind stay where they are."""
        self.ensure_one()
        cycle = self.cycle_id
        method = {
            "launch": cycle.action_launch,
            "manager": cycle.action_start_manager_phase,
            "calibration": cycle.action_start_calibration,
            "release": cycle.action_release,
        }[self.phase]
        method()
        return {"type": "ir.actions.act_window_close"}

    def action_remind(self):
        """Remind the author of each review behind (the employee or the reviewer)."""
        self.ensure_one()
        self.cycle_id._check_officer()
        reviews = self._get_behind_reviews().filtered(
            lambda review: review.state in ("self_review", "manager_review")
        )
        template = self.env.ref("performance_management.mail_template_performance_review_reminder")
        # sudo: an officer (checked above) reminds the authors of his cycle's own reviews
        template.sudo().send_mail_batch(reviews.ids, email_layout_xmlid=False)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("%(count)s reminders sent.", count=len(reviews)),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def action_view_behind(self):
        """The reviews behind, to remind or reassign them one by one."""
        self.ensure_one()
        return self.cycle_id._action_view_reviews_in(BEHIND[self.phase])
