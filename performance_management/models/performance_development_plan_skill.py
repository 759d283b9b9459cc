from odoo import api, fields, models


class PerformanceDevelopmentPlanSkill(models.Model):
    """One expected skill of a plan's target step against the employee's level."""

    _name = "performance.development.plan.skill"
    _description = "Development Plan Skill Gap"
    _order = "gap desc, skill_id"
    _rec_name = "skill_id"

    plan_id = fields.Many2one(
        "performance.development.plan", required=True, index=True, ondelete="cascade"
    )
    employee_id = fields.Many2one(related="plan_id.employee_id", store=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    skill_id = fields.Many2one("hr.skill", required=True, ondelete="cascade")
    skill_type_id = fields.Many2one(related="skill_id.skill_type_id", store=True)
    required_level_id = fields.Many2one("hr.skill.level", required=True, ondelete="cascade")
    required_progress = fields.Integer(related="required_level_id.level_progress", store=True)
    current_level_id = fields.Many2one(
        "hr.skill.level", compute="_compute_current_level", store=True
    )
    current_progress = fields.Integer(compute="_compute_current_level", store=True)
    gap = fields.Integer(compute="_compute_current_level", store=True, aggregator="sum")
    status = fields.Selection(
        [("missing", "Missing"), ("below", "Below"), ("met", "Met"), ("above", "Above")],
        compute="_compute_current_level",
        store=True,
    )

    @api.depends(
        "skill_id",
        "required_progress",
        "plan_id.employee_id.employee_skill_ids.skill_level_id",
        "plan_id.employee_id.employee_skill_ids.valid_to",
    )
    def _compute_current_level(self):
        today = fields.Date.context_today(self)
        for line in self:
            levels = (
                # sudo: the plan's own employee's skill levels, for the gap shown on his plan
                line.plan_id.employee_id.sudo()
                .employee_skill_ids.filtered(
                    lambda s, line=line: (
                        s.skill_id == line.skill_id and (not s.valid_to or s.valid_to >= today)
                    )
                )
                .skill_level_id
            )
            level = max(levels, key=lambda lvl: lvl.level_progress, default=levels)
            line.current_level_id = level
            line.current_progress = level.level_progress if level else 0
            line.gap = max(line.required_progress - line.current_progress, 0)
            if not level:
                line.status = "missing"
            elif line.current_progress < line.required_progress:
                line.status = "below"
            elif line.current_progress == line.required_progress:
                line.status = "met"
            else:
                line.status = "above"
