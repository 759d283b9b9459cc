from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

from ..tools import FiniteFloat, is_officer, settable

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
    overall_score = FiniteFloat(
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
    final_rating = FiniteFloat(related="final_rating_id.value", store=True, aggregator="avg")
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
        "review_id.line_ids.kind",
        "review_id.line_ids.weight",
        "review_id.line_ids.rating_id",
        "review_id.line_ids.skill_level_id",
        "review_id.goal_attainment",
        "review_id.template_id.question_weight",
        "review_id.template_id.competency_weight",
        "review_id.template_id.goal_weight",
        # the suggested level is the closest one of the template's scale
        "review_id.template_id.scale_id.level_ids.value",
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
            parts = assessment._score_parts()
            assessment._set_overall_score([(weight, score) for _kind, weight, score in parts])

    def _score_parts(self):
        """[(kind, weight, 0-100 score)] the overall score weighs, from the review's lines."""
        self.ensure_one()
        review = self.review_id
        template = review.template_id
        lines = review.line_ids.filtered(lambda line: line.role == "manager")
        parts = []
        questions = lines.filtered(lambda line: line.kind == "rating" and line.rating_id)
        if questions and sum(questions.mapped("weight")):
            parts.append(("rating", template.question_weight, self._weighted(questions)))
        skills = lines.filtered(lambda line: line.kind == "competency" and line.skill_level_id)
        if skills:
            parts.append(("competency", template.competency_weight, self._weighted(skills)))
        if review.goal_line_ids:
            parts.append(("goal", template.goal_weight, review.goal_attainment))
        return parts

    @api.model
    def _weighted(self, lines):
        weight = sum(lines.mapped("weight"))
        return sum(line.score * line.weight for line in lines) / weight if weight else 0.0

    # the tier is the level's place on its scale's range: a level edited after use moves it
    @api.depends("final_rating_id.scale_id.level_ids.value", "potential")
    def _compute_nine_box(self):
        for assessment in self:
            level = assessment.final_rating_id
            if not level:
                assessment.performance_tier = False
                assessment.nine_box = False
                continue
            tier = self._tier_of(level)
            assessment.performance_tier = tier
            assessment.nine_box = (
                f"{tier}_{assessment.potential}" if assessment.potential else False
            )

    def _inverse_nine_box(self):
        # The box names a potential; the performance axis is the final rating, which only
        # changes through action_calibrate (the 9-box, the wizard) with a reason.
        for assessment in self:
            if not assessment.nine_box:
                continue
            tier, potential = assessment.nine_box.split("_")
            if tier != assessment.performance_tier:
                raise UserError(
                    self.env._(
                        "Change the final rating of %(employee)s with Calibrate or by moving "
                        "the card in the 9-box, giving a reason.",
                        employee=assessment.employee_id.name,
                    )
                )
            assessment.potential = potential

    def _has_field_access(self, field, operation):
        return settable(self, field, operation) and super()._has_field_access(field, operation)

    def write(self, vals):
        if not self.env.su:
            self._check_can_edit(vals)
        if "final_rating_id" in vals or "potential" in vals:
            self._log_calibration(vals)
        res = super().write(vals)
        if "review_id" in vals and not self.env.su:
            # moved: the writer must still be allowed to write it where it went
            self._check_can_edit(vals)
            self.check_access("write")
        return res

    def _check_can_edit(self, vals):
        officer = is_officer(self.env.user)
        for assessment in self:
            review = assessment.review_id
            if review.state in ("released", "done", "cancel"):
                raise UserError(
                    self.env._(
                        "The review of %(employee)s is locked.", employee=review.employee_id.name
                    )
                )
            if review.state == "calibration" and not officer:
                raise UserError(self.env._("Reviews under calibration are changed by officers."))
            if review.state == "self_review" and not officer:
                raise UserError(self.env._("The manager review has not started yet."))
            if review.state == "manager_review" and not (officer or review._is_reviewer()):
                raise UserError(self.env._("Only the reviewer writes the manager review."))

    def _log_calibration(self, vals):
        """Keep before, after, who and why for every change during calibration."""
        reason = (self.env.context.get("calibration_reason") or "").strip()
        changes = []
        for assessment in self.filtered(lambda a: a.review_id.state == "calibration"):
            new_rating_id = vals.get("final_rating_id", assessment.final_rating_id.id) or False
            new_potential = vals.get("potential", assessment.potential) or False
            if (
                new_rating_id != assessment.final_rating_id.id
                or new_potential != assessment.potential
            ):
                changes.append(
                    {
                        "assessment_id": assessment.id,
                        "old_rating_id": assessment.final_rating_id.id,
                        "new_rating_id": new_rating_id,
                        "old_potential": assessment.potential,
                        "new_potential": new_potential,
                        "user_id": self.env.uid,
                        "reason": reason,
                    }
                )
        if changes and not reason:
            raise UserError(
                self.env._(
                    "Give a reason to change a final rating or a potential during calibration."
                )
            )
        # sudo: the calibration history is written by the change itself, never by hand
        self.env["performance.calibration.log"].sudo().create(changes)

    def action_calibrate(self, rating_id, potential, reason):
        """Move one review in calibration (the 9-box and the wizard): rating, potential, why.

        The rights are those of ``write``: officers during calibration, the reviewer during
        the manager review; the reason is kept in the calibration log.
        """
        self.ensure_one()
        self.check_access("write")
        rating = self.env["performance.rating.scale.level"].browse(rating_id or [])
        if rating and (not rating.exists() or rating.scale_id != self.scale_id):
            raise UserError(
                self.env._("Pick a rating of the scale %(scale)s.", scale=self.scale_id.name)
            )
        if potential and potential not in dict(POTENTIAL):
            raise UserError(self.env._("Pick a potential: low, medium or high."))
        if not (reason or "").strip():
            raise UserError(self.env._("Give a reason for this calibration change."))
        vals = {}
        if rating != self.final_rating_id:
            vals["final_rating_id"] = rating.id
        if (potential or False) != self.potential:
            vals["potential"] = potential or False
        if vals:
            self.with_context(calibration_reason=reason.strip()).write(vals)
        return True

    @api.model
    def get_nine_box_data(self, domain):
        """Counts of the 9-box and the rating distribution against the guideline.

        Read with the user's rights over the given domain: what the 9-box shows, whatever
        page of cards is loaded.
        """
        self.check_access("read")
        try:
            domain = Domain(domain or [])
        except (TypeError, ValueError):
            raise ValidationError(
                self.env._("The 9-box counts the reviews of a search.")
            ) from None
        placed = Domain("performance_tier", "!=", False) & Domain("potential", "!=", False)
        boxes = {
            f"{tier}_{potential}": count
            for tier, potential, count in self._read_group(
                domain & placed,
                ["performance_tier", "potential"],
                ["__count"],
            )
        }
        total = self.search_count(domain)
        by_level = dict(
            self._read_group(
                domain & Domain("final_rating_id", "!=", False), ["final_rating_id"], ["__count"]
            )
        )
        scales = self.env["performance.rating.scale"]
        for template, _count in self._read_group(domain, ["review_id.template_id"], ["__count"]):
            scales |= template.scale_id
        return {
            "total": total,
            "placed": sum(boxes.values()),
            "boxes": boxes,
            "scales": [
                {
                    "id": scale.id,
                    "name": scale.name,
                    "levels": [
                        {
                            "id": level.id,
                            "name": level.name,
                            "description": level.description or "",
                            "value": level.value,
                            "tier": self._tier_of(level),
                            "target": level.target_percent,
                            "count": by_level.get(level, 0),
                        }
                        for level in scale.level_ids.sorted("value")
                    ],
                }
                for scale in scales
            ],
        }

    @api.model
    def _tier_of(self, level):
        """Low, medium or high performance: the normalised value of a level in thirds."""
        score = level.scale_id._normalize(level.value)
        return "low" if score < 100 / 3 else "medium" if score < 200 / 3 else "high"

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
