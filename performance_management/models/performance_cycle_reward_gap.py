from odoo import models


class PerformanceCycle(models.Model):
    """The cycle's entry to approve its rewards after seeing the reward gap."""

    _inherit = "performance.cycle"

    def action_open_reward_approval(self):
        self.ensure_one()
        return self.env["performance.fairness.analysis"]._open_reward_approval(self)
