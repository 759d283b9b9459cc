from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import FiniteFloat, is_officer, settable, write_workflow


class PerformanceDevelopmentPlan(models.Model):
    """An employee's growth plan towards a target career step."""

    _name = "performance.development.plan"
    _description = "Development Plan"
    _inherit = (
        "mail.thread",
        "mail.activity.mixin",
        "performance.activity.plan.mixin",
    )
    _order = "state, date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        compute="_compute_name", store=True, readonly=False, required=True, precompute=True
    )
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, tracking=True, check_company=True
    )
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        readonly=False,
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    user_id = fields.Many2one(related="employee_id.user_id", string="Employee User")
    manager_id = fields.Many2one(
        "hr.employee", related="employee_id.parent_id", store=True, string="Manager"
    )
    department_id = fields.Many2one(related="employee_id.department_id", store=True)
    mentor_id = fields.Many2one("hr.employee", tracking=True, check_company=True)
    review_id = fields.Many2one(
        "performance.review", string="From Review", index="btree_not_null", check_company=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("active", "In Progress"),
            ("done", "Completed"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        readonly=True,
    )
    date_start = fields.Date(default=fields.Date.context_today, required=True)
    date_end = fields.Date(string="Target Date")
    current_step_id = fields.Many2one(
        "performance.career.step", tracking=True, check_company=True, index="btree_not_null"
    )
    target_step_id = fields.Many2one(
        "performance.career.step",
        required=True,
        tracking=True,
        check_company=True,
        index=True,
    )
    path_id = fields.Many2one(related="target_step_id.path_id", store=True, string="Path")
    target_job_id = fields.Many2one(
        related="target_step_id.job_id", store=True, string="Target Job"
    )
    next_step_ids = fields.Many2many(related="current_step_id.next_step_ids", string="Next Steps")
    note = fields.Html()
    action_ids = fields.One2many(
        "performance.development.action", "plan_id", string="Development Actions"
    )
    skill_line_ids = fields.One2many(
        "performance.development.plan.skill", "plan_id", string="Skill Gap"
    )
    action_count = fields.Integer(compute="_compute_progress", store=True)
    action_done_count = fields.Integer(compute="_compute_progress", store=True)
    skill_readiness = FiniteFloat(compute="_compute_progress", store=True, aggregator="avg")
    action_progress = FiniteFloat(compute="_compute_progress", store=True, aggregator="avg")
    readiness = FiniteFloat(
        compute="_compute_progress", store=True, aggregator="avg", tracking=True
    )
    readiness_band = fields.Selection(
        [("ready", "Ready Now"), ("soon", "Ready Soon"), ("later", "Not Yet Ready")],
        compute="_compute_progress",
        store=True,
    )

    @api.depends("employee_id", "target_step_id")
    def _compute_name(self):
        for plan in self:
            if plan.employee_id and plan.target_step_id:
                plan.name = self.env._(
                    "%(employee)s: towards %(step)s",
                    employee=plan.employee_id.name,
                    step=plan.target_step_id.name,
                )

    @api.depends("employee_id")
    def _compute_company_id(self):
        for plan in self:
            plan.company_id = plan.employee_id.company_id or plan.company_id

    @api.depends(
        "skill_line_ids.required_progress",
        "skill_line_ids.current_progress",
        "action_ids.state",
        "company_id.performance_readiness_skill_weight",
    )
    def _compute_progress(self):
        for plan in self:
            actions = plan.action_ids.filtered(lambda a: a.state != "cancelled")
            done = actions.filtered(lambda a: a.state == "done")
            plan.action_count = len(actions)
            plan.action_done_count = len(done)
            skills = plan._get_skill_score()
            acts = len(done) / len(actions) if actions else None
            weight = plan.company_id.performance_readiness_skill_weight / 100.0
            if skills is not None and acts is not None:
                score = weight * skills + (1 - weight) * acts
            else:
                score = skills if skills is not None else (acts or 0.0)
            plan.skill_readiness = 100.0 * skills if skills is not None else 0.0
            plan.action_progress = 100.0 * acts if acts is not None else 0.0
            plan.readiness = round(100.0 * score, 1)
            plan.readiness_band = (
                "ready" if plan.readiness >= 90 else "soon" if plan.readiness >= 60 else "later"
            )

    def _get_skill_score(self):
        """Mean of current/required progress per expected skill, capped at 1 per skill.

        A skill above its requirement does not make up for another one below it.
        """
        self.ensure_one()
        if not self.skill_line_ids:
            return None
        ratios = [
            min(line.current_progress / line.required_progress, 1.0)
            if line.required_progress
            else 1.0
            for line in self.skill_line_ids
        ]
        return sum(ratios) / len(ratios)

    @api.constrains("current_step_id", "target_step_id")
    def _check_target_ahead(self):
        for plan in self:
            current, target = plan.current_step_id, plan.target_step_id
            if current and target not in current._get_following_steps():
                raise ValidationError(
                    self.env._(
                        "The target step %(target)s is not ahead of the current step %(current)s.",
                        target=target.name,
                        current=current.name,
                    )
                )

    @api.constrains("state")
    def _check_actions_deadline(self):
        self.action_ids._check_deadline()

    @api.onchange("employee_id")
    def _onchange_employee_id(self):
        if self.employee_id and not self.current_step_id:
            self.current_step_id = self._guess_current_step(self.employee_id)
            if not self.target_step_id and self.current_step_id.next_step_ids:
                self.target_step_id = self.current_step_id.next_step_ids[:1]
            self.mentor_id = self.mentor_id or self.employee_id.coach_id

    @api.model_create_multi
    def create(self, vals_list):
        plans = super().create(vals_list)
        if not self.env.su:
            # a plan follows only a review its writer may read
            plans.review_id.check_access("read")
        plans._sync_skill_lines()
        # its readiness is the application's, whatever the request held: computed again
        plans.modified(["action_ids"])
        return plans

    def _has_field_access(self, field, operation):
        return settable(self, field, operation) and super()._has_field_access(field, operation)

    def write(self, vals):
        res = super().write(vals)
        if vals.keys() & {"employee_id", "company_id", "review_id"}:
            # moved: the writer must still write it where it went, from a review he reads
            self.check_access("write")
            if not self.env.su:
                self.review_id.check_access("read")
        if "target_step_id" in vals or "employee_id" in vals:
            self._sync_skill_lines()
        return res

    def action_start(self):
        self._check_state({"draft"})
        self.action_ids._check_deadline(plan_state="active")
        write_workflow(self, {"state": "active"})
        self._launch_activity_plans()

    def action_done(self):
        self._check_state({"active"})
        write_workflow(self, {"state": "done"})

    def action_cancel(self):
        self._check_state({"draft", "active"})
        write_workflow(self, {"state": "cancelled"})

    def action_reset_draft(self):
        self._check_state({"cancelled", "done"})
        write_workflow(self, {"state": "draft"})

    def action_refresh_skills(self):
        self._sync_skill_lines()

    def _performance_plan_coach(self):
        return self.mentor_id or super()._performance_plan_coach()

    def _check_state(self, allowed):
        if any(plan.state not in allowed for plan in self):
            raise UserError(self.env._("This action is not possible in the plan's current state."))

    def _sync_skill_lines(self):
        """Rebuild the gap lines from the target step's expected skills."""
        # sudo: the gap lines are derived data of the plan being written, rebuilt from its step
        Line = self.env["performance.development.plan.skill"].sudo()
        for plan in self:
            expected = plan.target_step_id._get_expected_skills() if plan.target_step_id else {}
            plan.skill_line_ids.sudo().unlink()
            Line.create(
                [
                    {
                        "plan_id": plan.id,
                        "skill_id": skill.id,
                        "required_level_id": level.id,
                    }
                    for skill, level in expected.items()
                ]
            )

    @api.model
    def _guess_current_step(self, employee):
        # sudo: the job of an employee the caller is working on (public data on hr.employee.public)
        if not employee.sudo().job_id:
            return self.env["performance.career.step"]
        return self.env["performance.career.step"].search(
            [("job_id", "=", employee.sudo().job_id.id)], limit=1
        )

    def _prepare_from_review(self, review):
        employee = review.employee_id
        current = self._guess_current_step(employee)
        target = current.next_step_ids[:1]
        if not target:
            raise UserError(
                self.env._(
                    "No next career step is known for %(employee)s: put their job on a career "
                    "path first.",
                    employee=employee.name,
                )
            )
        return {
            "employee_id": employee.id,
            "review_id": review.id,
            "current_step_id": current.id,
            "target_step_id": target.id,
            # sudo: the coach is public (hr.employee.public); the review's reader creates the plan
            "mentor_id": employee.sudo().coach_id.id,
            "company_id": review.company_id.id or employee.company_id.id,
        }

    @api.model
    def action_create_from_reviews(self, reviews):
        """Open (or create) a development plan from each review's outcome.

        ``reviews``: the reviews (the action's records), or their ids (over RPC)."""
        reviews = self.env["performance.review"].browse(getattr(reviews, "ids", reviews))
        plans = self.search([("review_id", "in", reviews.ids)])
        missing = reviews - plans.review_id
        plans |= self.create([self._prepare_from_review(review) for review in missing])
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "performance_management.performance_development_plan_action"
        )
        if len(plans) == 1:
            action.update(res_id=plans.id, views=[(False, "form")], view_mode="form")
        else:
            action["domain"] = [("id", "in", plans.ids)]
        return action

    def _is_managed_by_current_user(self):
        """Officers and the employee's manager chain (not the employee) manage a plan."""
        if self.env.su or is_officer(self.env.user):
            return True
        return self.employee_id._performance_reports_to(self.env.user.employee_ids)
