from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class PerformanceCareerStep(models.Model):
    """A rung of a career path: a job at a level, with the skills it expects."""

    _name = "performance.career.step"
    _description = "Career Step"
    _order = "path_id, level, sequence, id"

    name = fields.Char(
        compute="_compute_name", store=True, readonly=False, required=True, precompute=True
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    path_id = fields.Many2one(
        "performance.career.path", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="path_id.company_id", store=True, index=True)
    job_id = fields.Many2one(
        "hr.job",
        string="Job Position",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    level = fields.Integer(default=1, required=True)
    typical_months = fields.Integer(string="Typical Time in Role (months)")
    description = fields.Html(translate=True)
    skill_ids = fields.One2many(
        "performance.career.step.skill",
        "step_id",
        string="Expected Skills",
        copy=True,
        help="Leave empty to use the skills expected by the job position.",
    )
    next_step_ids = fields.Many2many(
        "performance.career.step",
        "performance_career_step_next_rel",
        "step_id",
        "next_step_id",
        string="Next Steps",
        domain="[('id', '!=', id), ('company_id', '=', company_id)]",
    )
    successor_count = fields.Integer(compute="_compute_successor_count")
    previous_step_ids = fields.Many2many(
        "performance.career.step",
        "performance_career_step_next_rel",
        "next_step_id",
        "step_id",
        string="Previous Steps",
    )

    @api.depends_context("uid")
    def _compute_successor_count(self):
        counts = dict(
            self.env["performance.development.plan"]._read_group(
                [("target_step_id", "in", self.ids), ("state", "in", ("draft", "active"))],
                ["target_step_id"],
                ["__count"],
            )
        )
        for step in self:
            step.successor_count = counts.get(step, 0)

    @api.depends("job_id", "level")
    def _compute_name(self):
        for step in self:
            if step.job_id:
                step.name = step.job_id.name

    @api.constrains("path_id", "job_id", "active")
    def _check_unique_job(self):
        for step in self.filtered("active"):
            twin = self.search_count(
                [
                    ("id", "!=", step.id),
                    ("path_id", "=", step.path_id.id),
                    ("job_id", "=", step.job_id.id),
                ],
                limit=1,
            )
            if twin:
                raise ValidationError(
                    self.env._(
                        "The job position %(job)s is already a step of the career path %(path)s.",
                        job=step.job_id.name,
                        path=step.path_id.name,
                    )
                )

    @api.constrains("next_step_ids")
    def _check_no_loop(self):
        if any(step in step.next_step_ids for step in self) or self._has_cycle("next_step_ids"):
            raise ValidationError(
                self.env._("A career path cannot loop: a step cannot lead back to itself.")
            )

    @api.onchange("job_id")
    def _onchange_job_id(self):
        if self.job_id and not self.skill_ids:
            self.skill_ids = [
                fields.Command.create(
                    {
                        "skill_type_id": job_skill.skill_type_id.id,
                        "skill_id": job_skill.skill_id.id,
                        "skill_level_id": job_skill.skill_level_id.id,
                    }
                )
                # sudo: the skills a job expects (hr_skills data), not anyone's own
                for job_skill in self.job_id.sudo().current_job_skill_ids
            ]

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        self._check_not_used()

    def _check_not_used(self):
        # sudo: plans of any employee count, readable or not; the database would refuse anyway
        if self and self.env["performance.development.plan"].sudo().with_context(
            active_test=False
        ).search_count(
            ["|", ("current_step_id", "in", self.ids), ("target_step_id", "in", self.ids)],
            limit=1,
        ):
            raise UserError(
                self.env._("Development plans use this career step: archive it instead.")
            )

    def action_open_successors(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "performance_management.performance_development_plan_action_succession"
        )
        action["domain"] = [("target_step_id", "=", self.id)]
        action["context"] = {"search_default_open": 1}
        return action

    def _get_expected_skills(self):
        """Return {hr.skill: hr.skill.level}: the step's own skills, else its job's."""
        self.ensure_one()
        # sudo: the skills a job expects, not anyone's own skills
        lines = self.skill_ids or self.job_id.sudo().current_job_skill_ids
        return {line.skill_id: line.skill_level_id for line in lines}

    def _get_following_steps(self):
        """All steps reachable from these ones (excluded), following next_step_ids."""
        reached = self.browse()
        todo = self.next_step_ids
        while todo:
            reached |= todo
            todo = todo.next_step_ids - reached
        return reached
