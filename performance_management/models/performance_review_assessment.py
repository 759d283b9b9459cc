from odoo import api, fields, models
from odoo.exceptions import UserError

POTENTIAL = [("low", "Low"), ("medium", "Medium"), ("high", "High")]


class PerformanceReviewAssessment(models.Model):
    """The manager's verdict on a review: score, final rating and potential.

    It lives apart from the review so that record rules hide it from the employee until
    the review is released; calibration and the 9-box work on it.
    """

    _name = "performance.review.assessment"
    _description = "Review Assessment"
    _order = "id"
    _rec_name = "review_id"
    _inherit = ("performance.write.guard.mixin",)
    _guard_locked_fields = ("review_id",)
    _guard_workflow_fields = ()

    review_id = fields.Many2one(
        "performance.review", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True)
    cycle_id = fields.Many2one(related="review_id.cycle_id", store=True, index=True)
    employee_id = fields.Many2one(related="review_id.employee_id", store=True, index=True)
    manager_id = fields.Many2one(related="review_id.manager_id", store=True)
    department_id = fields.Many2one(related="review_id.department_id", store=True)
    review_state = fields.Selection(related="review_id.state", store=True)
    scale_id = fields.Many2one(related="review_id.template_id.scale_id")
    overall_score = fields.Float(
        compute="_compute_overall_score", store=True, aggregator="avg", digits=(16, 1)
    )
    suggested_rating_id = fields.Many2one(
        "performance.rating.scale.level", compute="_compute_overall_score", store=True
    )
    final_rating_id = fields.Many2one(
        "performance.rating.scale.level",
        domain="[('scale_id', '=', scale_id)]",
        index=True,
    )
    final_rating = fields.Float(related="final_rating_id.value", store=True, aggregator="avg")
    potential = fields.Selection(POTENTIAL)
    performance_tier = fields.Selection(
        POTENTIAL, string="Performance", compute="_compute_nine_box", store=True
    )
    nine_box = fields.Selection(
        [
            (f"{perf}_{pot}", f"{perf.title()} performance / {pot.title()} potential")
            for perf in ("low", "medium", "high")
            for pot in ("low", "medium", "high")
        ],
        string="9-Box",
        compute="_compute_nine_box",
        inverse="_inverse_nine_box",
        store=True,
        readonly=False,
    )
    manager_summary = fields.Text()
    calibration_log_ids = fields.One2many("performance.calibration.log", "assessment_id")

    _review_unique = models.UniqueIndex("(review_id)", "A review has one assessment.")

    @api.depends(
        "review_id.line_ids.score",
        "review_id.line_ids.role",
        "review_id.goal_attainment",
        "review_id.template_id",
    )
    def _compute_overall_score(self):
        reviews = self.review_id
        if not reviews._in_database():
            return self._compute_overall_score_from_lines()
        sums = self.env["performance.review.line"]._weighted_scores(reviews)
        for assessment in self:
            review = assessment.review_id
            template = review.template_id
            review_sums = sums[review.id]
            parts = []
            weighted, weight = review_sums.get(("manager", "rating"), (0.0, 0.0))
            if weight:
                parts.append((template.question_weight, weighted / weight))
            if ("manager", "competency") in review_sums:
                weighted, weight = review_sums["manager", "competency"]
                parts.append((template.competency_weight, weighted / weight if weight else 0.0))
            if any(kind == "goal" for _role, kind in review_sums):
                parts.append((template.goal_weight, review.goal_attainment))
            assessment._set_overall_score(parts)
        return None

    def _set_overall_score(self, parts):
        total = sum(weight for weight, _score in parts)
        score = sum(weight * value for weight, value in parts) / total if total else 0.0
        self.overall_score = score
        self.suggested_rating_id = (
            self.review_id.template_id.scale_id._level_for_score(score) if parts else False
        )

    def _compute_overall_score_from_lines(self):
        for assessment in self:
            review = assessment.review_id
            template = review.template_id
            lines = review.line_ids.filtered(lambda line: line.role == "manager")
            parts = []
            questions = lines.filtered(lambda line: line.kind == "rating" and line.rating_id)
            if questions and sum(questions.mapped("weight")):
                parts.append((template.question_weight, self._weighted(questions)))
            skills = lines.filtered(lambda line: line.kind == "competency" and line.skill_level_id)
            if skills:
                parts.append((template.competency_weight, self._weighted(skills)))
            if review.goal_line_ids:
                parts.append((template.goal_weight, review.goal_attainment))
            assessment._set_overall_score(parts)

    @api.model
    def _weighted(self, lines):
        weight = sum(lines.mapped("weight"))
        return sum(line.score * line.weight for line in lines) / weight if weight else 0.0

    @api.depends("final_rating_id", "potential")
    def _compute_nine_box(self):
        for assessment in self:
            level = assessment.final_rating_id
            if not level:
                assessment.performance_tier = False
                assessment.nine_box = False
                continue
            score = level.scale_id._normalize(level.value)
            tier = "low" if score < 100 / 3 else "medium" if score < 200 / 3 else "high"
            assessment.performance_tier = tier
            assessment.nine_box = (
                f"{tier}_{assessment.potential}" if assessment.potential else False
            )

    def _inverse_nine_box(self):
        # Moving a card in the 9-box changes the potential; the performance axis is the
        # final rating, which only changes through calibration with a reason.
        for assessment in self:
            if not assessment.nine_box:
                continue
            tier, potential = assessment.nine_box.split("_")
            if tier != assessment.performance_tier:
                raise UserError(
                    self.env._(
                        "Change the final rating of %(employee)s with Calibrate, giving a "
                        "reason; the 9-box only moves the potential.",
                        employee=assessment.employee_id.name,
                    )
                )
            assessment.potential = potential

    def write(self, vals):
        if not self.env.su:
            self._check_can_edit(vals)
        if "final_rating_id" in vals:
            self._log_calibration(vals["final_rating_id"])
        return super().write(vals)

    def _check_can_edit(self, vals):
        is_officer = self.env.user.has_group("performance_management.group_performance_officer")
        for assessment in self:
            review = assessment.review_id
            if review.state in ("released", "done", "cancel"):
                raise UserError(
                    self.env._(
                        "The review of %(employee)s is locked.", employee=review.employee_id.name
                    )
                )
            if review.state == "calibration" and not is_officer:
                raise UserError(self.env._("Reviews under calibration are changed by officers."))
            if review.state == "self_review" and not is_officer:
                raise UserError(self.env._("The manager review has not started yet."))
            if review.state == "manager_review" and not (is_officer or review._is_reviewer()):
                raise UserError(self.env._("Only the reviewer writes the manager review."))

    def _log_calibration(self, new_rating_id):
        """Keep before, after, who and why for every change during calibration."""
        reason = self.env.context.get("calibration_reason")
        to_log = self.filtered(
            lambda a: (
                a.review_id.state == "calibration"
                and a.final_rating_id.id != (new_rating_id or False)
            )
        )
        if to_log and not reason:
            raise UserError(
                self.env._("Give a reason to change a final rating during calibration.")
            )
        # sudo: the calibration history is written by the change itself, never by hand
        self.env["performance.calibration.log"].sudo().create(
            [
                {
                    "assessment_id": assessment.id,
                    "old_rating_id": assessment.final_rating_id.id,
                    "new_rating_id": new_rating_id,
                    "user_id": self.env.uid,
                    "reason": reason,
                }
                for assessment in to_log
            ]
        )

    def action_open_calibration_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Calibrate"),
            "res_model": "performance.calibration.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_assessment_id": self.id},
        }
