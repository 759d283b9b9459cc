from odoo import fields, models
from odoo.fields import Command


class HrEmployee(models.Model):
    _name = "hr.employee"
    _inherit = ("hr.employee", "performance.employee.mixin")

    # The performance counters and their buttons are performance.employee.mixin's, shared
    # with hr.employee.public. A field that plain employees must not read carries
    # groups="hr.group_hr_user"; any other is mirrored on hr.employee.public, or employees
    # without HR rights hit access errors.

    # Career: position on the path and development (HR users; employees use the Career menu)
    performance_career_step_id = fields.Many2one(
        "performance.career.step",
        string="Career Step",
        compute="_compute_performance_career",
        groups="hr.group_hr_user",
    )
    performance_next_step_ids = fields.Many2many(
        "performance.career.step",
        string="Next Career Steps",
        compute="_compute_performance_career",
        groups="hr.group_hr_user",
    )
    performance_development_plan_id = fields.Many2one(
        "performance.development.plan",
        string="Development Plan",
        compute="_compute_performance_career",
        groups="hr.group_hr_user",
    )
    performance_skill_gap_ids = fields.Many2many(
        "performance.development.plan.skill",
        string="Skill Gap",
        compute="_compute_performance_career",
        groups="hr.group_hr_user",
    )
    # Goals
    performance_goal_ids = fields.One2many(
        "performance.goal", "employee_id", string="Goals", groups="hr.group_hr_user"
    )

    def _performance_reports_to(self, managers):
        """Whether each of these employees reports, directly or not, to one of managers."""
        return self._performance_reporting_to(managers) == self

    def _performance_manager(self):
        """The manager who runs this employee's goals, reviews and 1:1s by default.

        Odoo accepts a self-managed employee (its demo's Mitchell Admin) and a manager in
        another company; neither can be the manager of the employee's own records.
        """
        if not self:
            return self
        manager = self.parent_id - self
        if manager.company_id and self.company_id and manager.company_id != self.company_id:
            return self.browse()
        return manager

    def _performance_reporting_to(self, managers):
        """Those of these employees who report, directly or not, to one of managers."""
        chains = self._performance_chains()
        return self.filtered(
            lambda employee: set(chains.get(employee.id, [])[1:]) & set(managers.ids)
        )

    def _performance_set_skill_levels(self, skill_levels):
        """Set skill levels the way the employee form does, through hr_skills' write path.

        ``skill_levels`` is a list of ``(hr.skill, hr.skill.level)``. hr_skills archives a
        changed skill (its ``valid_to`` becomes yesterday) beside the new level, so the skill
        history keeps both. A certification is attested with its dates: a valid one takes
        the new level over the same dates, an expired one stays as it ended.
        """
        self.ensure_one()
        today = fields.Date.today()
        current = self.employee_skill_ids.filtered(
            lambda skill: not skill.valid_to or skill.valid_to >= today
        )
        commands = []
        for skill, level in skill_levels:
            held = current.filtered(lambda employee_skill, s=skill: employee_skill.skill_id == s)
            if level in held.skill_level_id:
                continue
            if skill.skill_type_id.is_certification:
                commands += [
                    Command.update(cert.id, {"skill_level_id": level.id}) for cert in held
                ]
                continue
            commands.append(
                Command.create(
                    {
                        "skill_id": skill.id,
                        "skill_type_id": skill.skill_type_id.id,
                        "skill_level_id": level.id,
                        "valid_from": today,
                    }
                )
            )
        if commands:
            self.write({"employee_skill_ids": commands})

    def _compute_performance_career(self):
        Plan = self.env["performance.development.plan"]
        plans = Plan.search(
            [("employee_id", "in", self.ids), ("state", "in", ("draft", "active"))],
            order="state desc, date_start desc, id desc",
        )
        for employee in self:
            plan = plans.filtered(lambda p, employee=employee: p.employee_id == employee)[:1]
            step = plan.current_step_id or Plan._guess_current_step(employee)
            employee.performance_development_plan_id = plan
            employee.performance_career_step_id = step
            employee.performance_next_step_ids = step.next_step_ids
            employee.performance_skill_gap_ids = plan.skill_line_ids
