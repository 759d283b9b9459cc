from odoo import api, fields, models

from .performance_review_assessment import POTENTIAL


class PerformanceCalibrationLog(models.Model):
    """Audit trail of final ratings changed during calibration."""

    _name = "performance.calibration.log"
    _description = "Calibration Change"
    _order = "create_date desc, id desc"
    # an audit trail: nothing of it moves, and no role may write it (ir.model.access.csv)

    assessment_id = fields.Many2one(
        "performance.review.assessment", required=True, index=True, ondelete="cascade"
    )
    review_id = fields.Many2one(related="assessment_id.review_id", store=True)
    cycle_id = fields.Many2one(related="assessment_id.cycle_id", store=True)
    employee_id = fields.Many2one(related="assessment_id.employee_id", store=True)
    company_id = fields.Many2one(related="assessment_id.company_id", store=True)
    old_rating_id = fields.Many2one("performance.rating.scale.level", string="Before")
    new_rating_id = fields.Many2one("performance.rating.scale.level", string="After")
    old_potential = fields.Selection(POTENTIAL, string="Potential Before")
    new_potential = fields.Selection(POTENTIAL, string="Potential After")
    user_id = fields.Many2one("res.users", string="Changed By", required=True)
    reason = fields.Text(required=True)
    session_id = fields.Many2one(
        "performance.calibration.session",
        string="Calibration Session",
        compute="_compute_session_id",
        store=True,
        precompute=True,
        index="btree_not_null",
        help="The open calibration session whose scope held the review when it moved.",
    )

    @api.depends("assessment_id")
    def _compute_session_id(self):
        # computed once, as the change is logged (precompute): the session open on it then
        sessions = self.env["performance.calibration.session"].search(
            [("state", "=", "open"), ("review_ids", "in", self.assessment_id.review_id.ids)]
        )
        for log in self:
            review = log.assessment_id.review_id
            log.session_id = sessions.filtered(lambda s, r=review: r in s.review_ids)[:1]
