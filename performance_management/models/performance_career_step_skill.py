from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PerformanceCareerStepSkill(models.Model):
    """A skill and the level a career step expects of it."""

    _name = "performance.career.step.skill"
    _description = "Career Step Expected Skill"
    _order = "skill_type_id, skill_id"
    _rec_name = "skill_id"

    step_id = fields.Many2one(
        "performance.career.step", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="step_id.company_id", store=True)
    skill_type_id = fields.Many2one("hr.skill.type", required=True, ondelete="cascade")
    skill_id = fields.Many2one(
        "hr.skill",
        required=True,
        ondelete="cascade",
        domain="[('skill_type_id', '=', skill_type_id)]",
    )
    skill_level_id = fields.Many2one(
        "hr.skill.level",
        string="Required Level",
        required=True,
        ondelete="cascade",
        domain="[('skill_type_id', '=', skill_type_id)]",
    )
    level_progress = fields.Integer(related="skill_level_id.level_progress")

    @api.constrains("skill_id", "skill_level_id", "skill_type_id")
    def _check_skill_type(self):
        for line in self:
            if (
                line.skill_id.skill_type_id != line.skill_type_id
                or line.skill_level_id.skill_type_id != line.skill_type_id
            ):
                raise ValidationError(
                    self.env._(
                        "The skill %(skill)s and its level must belong to the skill type "
                        "%(type)s.",
                        skill=line.skill_id.name,
                        type=line.skill_type_id.name,
                    )
                )
            twins = line.step_id.skill_ids.filtered(
                lambda x, line=line: x.skill_id == line.skill_id
            )
            if len(twins) > 1:
                raise ValidationError(
                    self.env._(
                        "The skill %(skill)s is expected twice by the step %(step)s.",
                        skill=line.skill_id.name,
                        step=line.step_id.name,
                    )
                )
