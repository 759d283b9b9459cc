from odoo import fields, models


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
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.assessment_id.with_context(calibration_reason=self.reason).write(
            {"final_rating_id": self.new_rating_id.id}
        )
        return {"type": "ir.actions.act_window_close"}
