from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools import is_officer, settable, write_workflow


class PerformanceImprovementPlan(models.Model):
    """A confidential, structured performance improvement plan."""

    _name = "performance.improvement.plan"
    _description = "Performance Improvement Plan"
    _inherit = (
        "mail.thread",
        "mail.activity.mixin",
        "performance.activity.plan.mixin",
    )
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, tracking=True
    )
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        check_company=True,
    )
    manager_id = fields.Many2one(
        "hr.employee",
        compute="_compute_manager_id",
        store=True,
        readonly=False,
        tracking=True,
        check_company=True,
    )
    hr_responsible_id = fields.Many2one(
        "res.users",
        string="HR Responsible",
        tracking=True,
        domain="[('share', '=', False)]",
    )
    reason = fields.Html()
    review_id = fields.Many2one("performance.review", string="From Review", ondelete="set null")
    issue_ids = fields.One2many("performance.issue", "plan_id", string="From Issues")
    date_start = fields.Date(
        string="Start", required=True, default=fields.Date.context_today, tracking=True
    )
    date_end = fields.Date(string="End", required=True, tracking=True)
    objective_ids = fields.One2many(
        "performance.improvement.objective", "plan_id", string="Objectives"
    )
    support = fields.Html(string="Support Given")
    note_ids = fields.One2many("performance.improvement.note", "plan_id", string="Private Notes")
    hr_note = fields.Html(
        string="HR Internal Notes",
        groups="performance_management.group_performance_officer",
    )
    checkin_ids = fields.One2many("performance.improvement.checkin", "plan_id", string="Check-ins")
    extension_ids = fields.One2many(
        "performance.improvement.extension", "plan_id", string="Extensions"
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("active", "Active"),
            ("extended", "Extended"),
            ("closed", "Closed"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        readonly=True,
    )
    outcome = fields.Selection(
        [
            ("successful", "Successful"),
            ("extended", "Extended"),
            ("unsuccessful", "Unsuccessful (escalated to HR)"),
        ],
        tracking=True,
        copy=False,
    )
    outcome_note = fields.Html(string="Outcome Summary", copy=False)
    acknowledged_date = fields.Datetime(readonly=True, copy=False, tracking=True)
    acknowledgement_comment = fields.Text(readonly=True, copy=False)
    outcome_acknowledged_date = fields.Datetime(readonly=True, copy=False, tracking=True)
    outcome_comment = fields.Text(readonly=True, copy=False)
    objective_count = fields.Integer(compute="_compute_objective_count")
    is_employee = fields.Boolean(compute="_compute_is_employee")
    color = fields.Integer(compute="_compute_color")

    _check_dates = models.Constraint(
        "CHECK(date_end >= date_start)", "The end of a plan cannot be before its start."
    )

    @api.depends("employee_id")
    def _compute_manager_id(self):
        for plan in self:
            plan.manager_id = plan.employee_id._performance_manager()

    @api.depends("objective_ids")
    def _compute_objective_count(self):
        for plan in self:
            plan.objective_count = len(plan.objective_ids)

    @api.depends_context("uid")
    @api.depends("employee_id")
    def _compute_is_employee(self):
        for plan in self:
            plan.is_employee = plan.employee_id.user_id == self.env.user

    @api.depends("state", "outcome")
    def _compute_color(self):
        colors = {"active": 4, "extended": 3, "closed": 10, "cancelled": 1}
        for plan in self:
            color = colors.get(plan.state, 0)
            plan.color = 1 if plan.outcome == "unsuccessful" else color

    @api.constrains("date_start", "date_end")
    def _check_date_range(self):
        for plan in self:
            if plan.date_end and plan.date_start and plan.date_end < plan.date_start:
                raise ValidationError(self.env._("The end of a plan cannot be before its start."))

    @api.model_create_multi
    def create(self, vals_list):
        plans = super().create(vals_list)
        if not self.env.su:
            # a plan follows only a review its writer may read
            plans.review_id.check_access("read")
            plans._check_hr_responsible()
        return plans

    def _has_field_access(self, field, operation):
        return settable(self, field, operation) and super()._has_field_access(field, operation)

    def write(self, vals):
        res = super().write(vals)
        if vals.keys() & {"employee_id", "company_id", "review_id", "hr_responsible_id"}:
            # moved: checked again as at creation, on where it went
            self.check_access("write")
            if not self.env.su:
                self.review_id.check_access("read")
                self._check_hr_responsible()
        # Html fields cannot be tracked: log which ones changed (HR notes stay unlogged). A
        # shared log, not an internal note: the employee reads it, internal notes he does not.
        changed = [
            self._fields[name].get_description(self.env)["string"]
            for name in ("reason", "support", "outcome_note")
            if name in vals
        ]
        if changed and not self.env.context.get("tracking_disable"):
            for plan in self:
                plan.message_post(
                    body=self.env._("Updated: %(fields)s", fields=", ".join(changed)),
                    subtype_xmlid="performance_management.mt_improvement_plan_update",
                )
        return res

    def _check_hr_responsible(self):
        # the HR responsible reaches the plan: only a performance officer may be named
        for plan in self.filtered("hr_responsible_id"):
            # sudo: whether the user named is an officer, and his name for the message
            if not is_officer(plan.hr_responsible_id.sudo()):
                raise UserError(
                    self.env._(
                        "The HR responsible of an improvement plan is a performance officer: "
                        "%(user)s is not.",
                        user=plan.hr_responsible_id.sudo().name,
                    )
                )

    def action_activate(self):
        for plan in self:
            if plan.state != "draft":
                raise UserError(self.env._("Only draft plans can be activated."))
            if not plan.objective_ids:
                raise ValidationError(
                    self.env._("Add at least one objective before activating the plan.")
                )
        write_workflow(self, {"state": "active"})
        for plan in self.filtered(lambda p: p.employee_id.user_id):
            plan.activity_schedule(
                "performance_management.mail_activity_type_improvement_ack",
                user_id=plan.employee_id.user_id.id,
                summary=self.env._("Acknowledge your improvement plan"),
            )
        self._launch_activity_plans()

    def action_extend(self, date_end, reason=False):
        self.ensure_one()
        if self.state not in ("active", "extended"):
            raise UserError(self.env._("Only running plans can be extended."))
        if not date_end:
            raise ValidationError(self.env._("Extending a plan needs a new end date."))
        date_end = fields.Date.to_date(date_end)
        if date_end <= self.date_end:
            raise ValidationError(
                self.env._(
                    "The new end date must be after the current one (%(date)s).",
                    date=self.date_end,
                )
            )
        self.check_access("write")
        # sudo: the history of end dates is the application's (readonly); the writer may
        # write this plan (checked above)
        self.env["performance.improvement.extension"].sudo().create(
            {
                "plan_id": self.id,
                "previous_date_end": self.date_end,
                "date_end": date_end,
                "reason": reason,
            }
        )
        write_workflow(self, {"state": "extended", "outcome": "extended", "date_end": date_end})

    def action_close(self):
        for plan in self:
            if plan.state not in ("active", "extended"):
                raise UserError(self.env._("Only running plans can be closed."))
            if plan.outcome not in ("successful", "unsuccessful"):
                raise ValidationError(
                    self.env._("Set the outcome (successful or unsuccessful) before closing.")
                )
        write_workflow(self, {"state": "closed"})
        for plan in self.filtered(lambda p: p.outcome == "unsuccessful"):
            plan.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=(plan.hr_responsible_id or self.env.user).id,
                summary=self.env._("Improvement plan unsuccessful: HR follow-up"),
            )
        for plan in self.filtered(lambda p: p.employee_id.user_id):
            plan.activity_schedule(
                "performance_management.mail_activity_type_improvement_ack",
                user_id=plan.employee_id.user_id.id,
                summary=self.env._("Acknowledge the outcome of your improvement plan"),
            )

    def action_cancel(self):
        if any(plan.state == "closed" for plan in self):
            raise UserError(self.env._("A closed plan cannot be cancelled."))
        write_workflow(self, {"state": "cancelled"})

    def action_draft(self):
        if any(plan.state != "cancelled" for plan in self):
            raise UserError(self.env._("Only cancelled plans go back to draft."))
        write_workflow(self, {"state": "draft"})

    def _check_is_employee(self):
        self.ensure_one()
        if self.employee_id.user_id != self.env.user:
            raise AccessError(self.env._("Only the employee acknowledges their own plan."))

    def action_acknowledge(self, comment=False):
        """The employee acknowledges the plan, or its outcome once closed."""
        self.ensure_one()
        self._check_is_employee()
        if self.state in ("active", "extended"):
            if self.acknowledged_date:
                raise UserError(self.env._("You already acknowledged this plan."))
            vals = {"acknowledged_date": fields.Datetime.now(), "acknowledgement_comment": comment}
        elif self.state == "closed":
            if self.outcome_acknowledged_date:
                raise UserError(self.env._("You already acknowledged this outcome."))
            vals = {"outcome_acknowledged_date": fields.Datetime.now(), "outcome_comment": comment}
        else:
            raise UserError(self.env._("There is nothing to acknowledge on this plan yet."))
        # Employees read their plan but write only this, hence sudo after the check.
        self.sudo().write(vals)
        self.activity_feedback(["performance_management.mail_activity_type_improvement_ack"])
        return True

    def action_open_acknowledge_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Acknowledge"),
            "res_model": "performance.improvement.acknowledge",
            "view_mode": "form",
            "target": "new",
            "context": {"default_plan_id": self.id},
        }

    def action_open_extend_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Extend the plan"),
            "res_model": "performance.improvement.extend",
            "view_mode": "form",
            "target": "new",
            "context": {"default_plan_id": self.id},
        }
