from odoo import api, fields, models

from ..models.performance_review_assessment import POTENTIAL


class PerformanceCalibrationWizard(models.TransientModel):
    """Change a final rating during calibration, saying why."""

    _name = "performance.calibration.wizard"
    _description = "Calibrate Rating"

    assessment_id = fields.Many2one("performance.review.assessment", required=True)
    scale_id = fields.Many2one(related="assessment_id.scale_id")
    current_rating_id = fields.Many2one(related="assessment_id.final_rating_id")
    new_rating_id = fields.Many2one(
        "performance.rating.scale.level",
        required=True,
        domain="[('scale_id', '=', scale_id)]",
    )
    current_potential = fields.Selection(related="assessment_id.potential")
    new_potential = fields.Selection(
        POTENTIAL,
        compute="_compute_new_potential",
        store=True,
        readonly=False,
    )
    reason = fields.Text(required=True)

    @api.depends("assessment_id")
    def _compute_new_potential(self):
        for wizard in self:
            wizard.new_potential = wizard.assessment_id.potential

    def action_confirm(self):
        self.ensure_one()
        self.assessment_id.action_calibrate(self.new_rating_id.id, self.new_potential, self.reason)
        return {"type": "ir.actions.act_window_close"}
