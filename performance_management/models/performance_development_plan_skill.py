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
        "plan_id.employee_id.employee_skill_ids.skill_id",
        "plan_id.employee_id.employee_skill_ids.skill_level_id.level_progress",
        "plan_id.employee_id.employee_skill_ids.valid_to",
    )
    def _compute_current_level(self):
        today = fields.Date.context_today(self)
        # sudo: the plans' own employees' skill levels, for the gap shown on their plans;
        # searched rather than read through employee_skill_ids, which hides the skills of an
        # archived skill type: the level the employee holds stays what it is
        held = {}
        for skill in (
            self.env["hr.employee.skill"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", self.plan_id.employee_id.ids),
                    ("skill_id", "in", self.skill_id.ids),
                ]
            )
        ):
            if not skill.valid_to or skill.valid_to >= today:
                held.setdefault((skill.employee_id.id, skill.skill_id.id), []).append(
                    skill.skill_level_id
                )
        for line in self:
            levels = held.get((line.plan_id.employee_id.id, line.skill_id.id), [])
            level = max(
                levels,
                key=lambda lvl: lvl.level_progress,
                default=self.env["hr.skill.level"],
            )
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
