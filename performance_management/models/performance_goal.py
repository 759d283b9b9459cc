from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command, Domain

from ..tools import FiniteFloat, is_officer, process_cron_batches, settable, write_workflow

CONFIDENCE = [
    ("on_track", "On Track"),
    ("at_risk", "At Risk"),
    ("off_track", "Off Track"),
]

# Computed fields and reminder markers, written by the system whoever triggers it.
SYSTEM_FIELDS = {
    "progress",
    "confidence",
    "last_checkin_date",
    "reminder_date",
    "offtrack_warned",
    "overdue_warned",
    "approval_requested",
}

# Fields the owner of a goal may still change once it is out of draft: the rest is the
# manager's.
OWNER_WRITABLE_FIELDS = {"description", "tag_ids", "color", "message_follower_ids"}
MANAGER_ONLY_FIELDS = {
    "state",
    "employee_id",
    "department_id",
    "scope",
    "manager_id",
    "is_template",
    "company_id",
}


class PerformanceGoal(models.Model):
    """An individual, team or company goal, measured by key results or aligned goals."""

    _name = "performance.goal"
    _description = "Performance Goal"
    _inherit = (
        "mail.thread",
        "mail.activity.mixin",
        "performance.import.template.mixin",
        "performance.my.team.mixin",
    )
    _order = "date_deadline, id desc"
    _parent_store = True
    _check_company_auto = True

    @api.model
    def default_get(self, fields):
        defaults = super().default_get(fields)
        # My Goals > New: the goal is the reader's own (the form would otherwise fail on save)
        if (
            self.env.context.get("performance_my_goal")
            and "employee_id" in fields
            and not defaults.get("employee_id")
        ):
            defaults["employee_id"] = self.env.user.employee_id.id
        return defaults

    name = fields.Char(required=True, tracking=True)
    description = fields.Html()
    active = fields.Boolean(default=True)
    is_template = fields.Boolean(
        string="Library Template",
        help="A template of the goal library: it has no owner and is assigned to employees.",
    )
    scope = fields.Selection(
        [("employee", "Individual"), ("department", "Team"), ("company", "Company")],
        required=True,
        default="employee",
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    employee_id = fields.Many2one(
        "hr.employee", index=True, ondelete="cascade", tracking=True, check_company=True
    )
    department_id = fields.Many2one(
        "hr.department", string="Team", index=True, tracking=True, check_company=True
    )
    manager_id = fields.Many2one(
        "hr.employee",
        compute="_compute_manager_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
        check_company=True,
        help="Approves the goal and follows it; by default the employee's manager or the "
        "team's manager.",
    )
    user_id = fields.Many2one(related="employee_id.user_id", string="Owner User")
    tag_ids = fields.Many2many("performance.goal.tag", string="Tags")
    color = fields.Integer()
    weight = FiniteFloat(default=1.0, help="Weight of the goal when rolled up into its parent.")
    state = fields.Selection(
        [("draft", "Draft"), ("active", "Active"), ("done", "Done"), ("cancel", "Cancelled")],
        required=True,
        default="draft",
        tracking=True,
        index=True,
    )
    approval_requested = fields.Boolean(
        readonly=True, copy=False, help="The owner proposed this goal; the manager approves it."
    )
    date_start = fields.Date(string="Start Date", default=fields.Date.context_today, tracking=True)
    date_deadline = fields.Date(string="Deadline", tracking=True, index=True)
    parent_id = fields.Many2one(
        "performance.goal",
        string="Supports",
        index=True,
        ondelete="set null",
        domain="[('is_template', '=', is_template), ('id', '!=', id), "
        "('company_id', '=', company_id)]",
        tracking=True,
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("performance.goal", "parent_id", string="Supporting Goals")
    child_count = fields.Integer(compute="_compute_child_count")
    progress_mode = fields.Selection(
        [
            ("key_results", "Key Results"),
            ("children", "Supporting Goals"),
            ("manual", "Manual"),
        ],
        string="Progress From",
        required=True,
        default="key_results",
    )
    manual_progress = FiniteFloat()
    progress = FiniteFloat(
        compute="_compute_progress",
        store=True,
        recursive=True,
        aggregator="avg",
        help="Achievement from 0 to 100.",
    )
    key_result_ids = fields.One2many("performance.key.result", "goal_id", copy=True)
    checkin_ids = fields.One2many("performance.goal.checkin", "goal_id", string="Check-ins")
    checkin_count = fields.Integer(compute="_compute_checkin_count")
    checkin_history = fields.Json(
        compute="_compute_checkin_history",
        help="The progress and confidence of each check-in, oldest first, for the chart.",
    )
    last_checkin_date = fields.Date(
        string="Last Check-in", compute="_compute_last_checkin", store=True
    )
    confidence = fields.Selection(CONFIDENCE, compute="_compute_last_checkin", store=True)
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue")
    can_manage = fields.Boolean(compute="_compute_can_manage")
    performance_can_edit = fields.Boolean(
        string="May Edit the Goal",
        compute="_compute_can_manage",
        help="The reader may change what the goal is (name, period, weight, key results): "
        "its manager, or its owner while it is a draft. The form follows the server's rule "
        "(_check_write_rights).",
    )
    is_mine = fields.Boolean(compute="_compute_is_mine", search="_search_is_mine")
    is_my_team = fields.Boolean(compute="_compute_is_mine", search="_search_is_my_team")
    owner_partner_id = fields.Many2one("res.partner", compute="_compute_partners")
    manager_partner_id = fields.Many2one("res.partner", compute="_compute_partners")
    # Reminder markers, so that running the cron twice sends nothing twice.
    reminder_date = fields.Date(readonly=True, copy=False)
    offtrack_warned = fields.Boolean(readonly=True, copy=False)
    overdue_warned = fields.Boolean(readonly=True, copy=False)

    @api.depends("employee_id", "department_id", "scope")
    def _compute_manager_id(self):
        for goal in self:
            if goal.scope == "employee" and goal.employee_id:
                goal.manager_id = goal.employee_id._performance_manager()
            elif goal.scope == "department" and goal.department_id:
                goal.manager_id = goal.department_id.manager_id
            elif not goal.manager_id:
                goal.manager_id = False

    def _compute_child_count(self):
        counts = dict(
            self.env["performance.goal"]._read_group(
                [("parent_id", "in", self.ids)], ["parent_id"], ["__count"]
            )
        )
        for goal in self:
            goal.child_count = counts.get(goal, 0)

    def _compute_checkin_count(self):
        counts = dict(
            self.env["performance.goal.checkin"]._read_group(
                [("goal_id", "in", self.ids)], ["goal_id"], ["__count"]
            )
        )
        for goal in self:
            goal.checkin_count = counts.get(goal, 0)

    @api.depends("checkin_ids.date", "checkin_ids.progress", "checkin_ids.confidence")
    def _compute_checkin_history(self):
        # one read for all the goals, under the reader's rules on check-ins
        checkins = self.env["performance.goal.checkin"].search(
            [("goal_id", "in", self._origin.ids)], order="date, id"
        )
        history = {}
        for checkin in checkins:
            history.setdefault(checkin.goal_id.id, []).append(
                {
                    "date": fields.Date.to_string(checkin.date),
                    "progress": round(checkin.progress, 2),
                    "confidence": checkin.confidence,
                }
            )
        for goal in self:
            goal.checkin_history = history.get(goal._origin.id, [])

    @api.depends(
        "progress_mode",
        "manual_progress",
        "key_result_ids.progress",
        "key_result_ids.weight",
        "child_ids.progress",
        "child_ids.weight",
        "child_ids.state",
        "child_ids.active",
    )
    def _compute_progress(self):
        for goal in self:
            if goal.progress_mode == "manual":
                goal.progress = goal.manual_progress
                continue
            if goal.progress_mode == "children":
                # archived and cancelled goals support nothing; filtered here rather than by
                # the context's active_test, so that every trigger computes the same figure
                parts = goal.with_context(active_test=False).child_ids.filtered(
                    lambda child: child.active and child.state != "cancel"
                )
            else:
                parts = goal.key_result_ids
            goal.progress = self._weighted_average(parts)

    @api.model
    def _weighted_average(self, parts):
        total_weight = sum(parts.mapped("weight"))
        if not total_weight:
            return 0.0
        # each share first: progress * weight underflows for a tiny weight (5e-324 gave 2.0)
        return sum(part.progress * (part.weight / total_weight) for part in parts)

    @api.depends("checkin_ids.date", "checkin_ids.confidence")
    def _compute_last_checkin(self):
        for goal in self:
            last = goal.checkin_ids.sorted(lambda c: (c.date, c.id))[-1:]
            goal.last_checkin_date = last.date
            goal.confidence = last.confidence

    @api.depends("date_deadline", "state")
    @api.depends_context("tz")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for goal in self:
            goal.is_overdue = bool(
                goal.state == "active" and goal.date_deadline and goal.date_deadline < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        domain = Domain(
            [
                ("state", "=", "active"),
                ("date_deadline", "<", fields.Date.context_today(self)),
            ]
        )
        return domain if operator == "in" else ~domain

    @api.depends("state", "scope", "employee_id", "department_id", "manager_id")
    @api.depends_context("uid")
    def _compute_can_manage(self):
        for goal in self:
            goal.can_manage = goal._is_manager_of_goal()
            goal.performance_can_edit = (
                not goal._origin.id
                or goal.can_manage
                or (goal.state == "draft" and goal._is_owner_of_goal())
            )

    @api.depends_context("uid")
    def _compute_is_mine(self):
        mine = self.filtered_domain(self._search_is_mine("in", [True]))
        team = self.filtered_domain(self._search_is_my_team("in", [True]))
        for goal in self:
            goal.is_mine = goal in mine
            goal.is_my_team = goal in team

    def _search_is_mine(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        domain = Domain("employee_id.user_id", "=", self.env.uid) | Domain(
            [("scope", "=", "department"), ("department_id.manager_id.user_id", "=", self.env.uid)]
        )
        return domain if operator == "in" else ~domain

    def _get_my_team_domain(self, employees):
        # the goals of the employees below me, and the goals I am the manager of
        return super()._get_my_team_domain(employees) | Domain("manager_id", "in", employees.ids)

    @api.depends("employee_id", "department_id", "manager_id")
    def _compute_partners(self):
        for goal in self:
            owner = goal._get_owner_employee()
            goal.owner_partner_id = owner.user_id.partner_id or owner.work_contact_id
            manager = goal.manager_id
            goal.manager_partner_id = manager.user_id.partner_id or manager.work_contact_id

    @api.constrains("date_start", "date_deadline")
    def _check_dates(self):
        for goal in self:
            if goal.date_start and goal.date_deadline and goal.date_deadline < goal.date_start:
                raise ValidationError(
                    self.env._(
                        "The deadline of the goal %(goal)s cannot be before its start.",
                        goal=goal.name,
                    )
                )

    @api.constrains("weight", "manual_progress")
    def _check_weight(self):
        for goal in self:
            if goal.weight < 0:
                raise ValidationError(self.env._("The weight of a goal cannot be negative."))
            if not 0 <= goal.manual_progress <= 100:
                raise ValidationError(self.env._("A progress is between 0 and 100."))

    @api.constrains("scope", "employee_id", "department_id", "is_template")
    def _check_owner(self):
        for goal in self:
            if goal.is_template:
                if goal.employee_id or goal.department_id:
                    raise ValidationError(
                        self.env._("A goal of the library has no owner: it is assigned.")
                    )
            elif goal.scope == "employee" and not goal.employee_id:
                raise ValidationError(
                    self.env._("The individual goal %(goal)s needs an employee.", goal=goal.name)
                )
            elif goal.scope == "department" and not goal.department_id:
                raise ValidationError(
                    self.env._("The team goal %(goal)s needs a department.", goal=goal.name)
                )

    @api.constrains("parent_id", "company_id")
    def _check_parent(self):
        if self._has_cycle():
            raise ValidationError(self.env._("A goal cannot support itself, even indirectly."))
        for goal in self.filtered("parent_id"):
            if goal.parent_id.company_id != goal.company_id:
                raise ValidationError(
                    self.env._(
                        "The goal %(goal)s cannot support %(parent)s, a goal of another company.",
                        goal=goal.name,
                        parent=goal.parent_id.name,
                    )
                )
            if goal.parent_id.is_template != goal.is_template:
                raise ValidationError(
                    self.env._("Goals of the library align only with goals of the library.")
                )

    def _check_parent_cycle(self, parent):
        # The parent store refuses cycles too, but with a generic message: say it clearly.
        ancestors = {int(part) for part in (parent.sudo().parent_path or "").split("/") if part}
        if parent in self or ancestors & set(self.ids):
            raise ValidationError(self.env._("A goal cannot support itself, even indirectly."))

    @api.onchange("scope")
    def _onchange_scope(self):
        if self.scope != "employee":
            self.employee_id = False
        if self.scope != "department":
            self.department_id = False

    @api.model_create_multi
    def create(self, vals_list):
        goals = super().create(vals_list)
        if not self.env.su:
            # one aligns only on goals one may read
            goals.parent_id.check_access("read")
            goals._check_named_manager()
            goals._check_create_rights()
        return goals

    def _has_field_access(self, field, operation):
        return settable(self, field, operation) and super()._has_field_access(field, operation)

    def write(self, vals):
        if "state" in vals and not self.env.su:
            # a goal is created draft or running; then its buttons move it (write_workflow)
            self.check_access("write")
            raise UserError(self.env._("The status of a goal moves through its buttons."))
        checked = {
            fname
            for fname in vals
            if fname not in SYSTEM_FIELDS and not fname.startswith(("message_", "activity_"))
        }
        if checked and not self.env.su:
            self.check_access("write")
            self._check_write_rights(checked)
        if vals.get("parent_id"):
            if not self.env.su:
                self.browse(vals["parent_id"]).check_access("read")
            self._check_parent_cycle(self.browse(vals["parent_id"]))
        res = super().write(vals)
        moved = {"company_id", "employee_id", "department_id", "scope", "manager_id"}
        if vals.keys() & (moved | {"is_template"}) and not self.env.su:
            # reassigned: its writer must still manage it where it went
            self.check_access("write")
            self._check_named_manager()
            self._check_manager_action()
        if "date_deadline" in vals:
            # a new deadline deserves a new warning
            self.sudo().overdue_warned = False
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_managed(self):
        if self.env.su:
            return
        for goal in self:
            if not goal._is_manager_of_goal() and not (
                goal.state == "draft" and goal._is_owner_of_goal()
            ):
                raise UserError(
                    self.env._(
                        "Only the manager of the goal %(goal)s may delete it.", goal=goal.name
                    )
                )

    def action_propose(self):
        for goal in self:
            if goal.state != "draft":
                raise UserError(self.env._("Only a draft goal can be proposed."))
            if not (goal._is_owner_of_goal() or goal._is_manager_of_goal()):
                raise UserError(
                    self.env._("Only the owner of %(goal)s may propose it.", goal=goal.name)
                )
            manager_user = goal.manager_id.user_id
            if manager_user:
                goal.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Approve the goal %(goal)s", goal=goal.name),
                    user_id=manager_user.id,
                )
        # sudo: a workflow flag the owner may not write; the request is his (checked above)
        self.sudo().approval_requested = True

    def action_activate(self):
        self._check_manager_action()
        if self.filtered(lambda goal: goal.state != "draft"):
            raise UserError(self.env._("Only a draft goal can be approved."))
        write_workflow(self, {"state": "active", "approval_requested": False})
        self.activity_feedback(["mail.mail_activity_data_todo"])

    def action_done(self):
        self._check_manager_action()
        if self.filtered(lambda goal: goal.state != "active"):
            raise UserError(self.env._("Only an active goal can be completed."))
        write_workflow(self, {"state": "done"})

    def action_cancel(self):
        for goal in self:
            if not goal._is_manager_of_goal() and not (
                goal.state == "draft" and goal._is_owner_of_goal()
            ):
                raise UserError(
                    self.env._(
                        "Only the manager of the goal %(goal)s may cancel it.", goal=goal.name
                    )
                )
        write_workflow(self, {"state": "cancel", "approval_requested": False})
        self.activity_unlink(["mail.mail_activity_data_todo"])

    def action_reset_draft(self):
        self._check_manager_action()
        write_workflow(self, {"state": "draft"})

    def action_open_children(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "performance_management.performance_goal_action"
        )
        action.update(
            name=self.env._("Goals supporting %(goal)s", goal=self.name),
            domain=[("parent_id", "=", self.id)],
            context={
                "default_parent_id": self.id,
                "default_company_id": self.company_id.id,
                "default_date_start": self.date_start,
                "default_date_deadline": self.date_deadline,
            },
        )
        return action

    def action_open_checkins(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "performance_management.performance_goal_checkin_action"
        )
        # Progress over time first: the history plotted, then the list.
        action.update(
            domain=[("goal_id", "=", self.id)],
            context={"default_goal_id": self.id},
            views=[(False, "graph"), (False, "list"), (False, "form")],
        )
        return action

    def action_open_alignment(self):
        """The alignment tree, opened on this goal: what it supports and what supports it."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "performance_management.performance_goal_action_alignment"
        )
        action["context"] = {"hierarchy_res_id": self.id, "search_default_group_by_parent": 1}
        return action

    def action_checkin(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Check In"),
            "res_model": "performance.goal.checkin",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_goal_id": self.id},
        }

    def action_compute_key_results(self):
        self.check_access("read")
        self.key_result_ids._update_automatic_value()

    # Rights ------------------------------------------------------------------------------

    def _get_owner_employee(self):
        self.ensure_one()
        if self.scope == "employee":
            return self.employee_id
        if self.scope == "department":
            return self.department_id.manager_id
        return self.manager_id

    def _is_owner_of_goal(self):
        self.ensure_one()
        owner = self._get_owner_employee()
        return bool(owner.user_id) and owner.user_id == self.env.user

    def _is_manager_of_goal(self):
        """Officers, the goal's manager and the employees above either of them."""
        self.ensure_one()
        user = self.env.user
        if self.env.su or is_officer(user):
            return True
        if not user.employee_ids:
            return False
        # sudo: the goal's manager chain and department heads, only to tell if the user is one
        goal = self.sudo()
        heads = goal.manager_id
        if goal.scope == "employee":
            heads |= goal.employee_id.parent_id - goal.employee_id
        elif goal.scope == "department":
            heads |= goal.department_id.manager_id
        return bool(heads.performance_chain_ids & user.employee_ids)

    def _get_natural_manager(self):
        """The manager a goal has unless someone who manages it names another."""
        self.ensure_one()
        if self.scope == "employee":
            return self.employee_id._performance_manager()
        if self.scope == "department":
            return self.department_id.manager_id
        return self.env["hr.employee"]

    def _check_named_manager(self):
        """A goal's manager, when not its natural one, is named by an officer or by the
        natural manager's chain: naming oneself the manager of a colleague's goal (a
        department's, the company's) gives no right over it."""
        if self.env.su or is_officer(self.env.user):
            return
        mine = self.env.user.employee_ids
        # sudo: the org chart, only to tell whether the writer is above the natural manager
        for goal in self.sudo():
            natural = goal._get_natural_manager()
            if (
                goal.manager_id
                and goal.manager_id != natural
                and not (natural.performance_chain_ids & mine)
            ):
                raise UserError(
                    self.env._(
                        "Only an officer or the manager of %(goal)s may name another manager "
                        "for it.",
                        goal=goal.name,
                    )
                )

    def _check_manager_action(self):
        for goal in self:
            if not goal._is_manager_of_goal():
                raise UserError(
                    self.env._(
                        "Only the manager of the goal %(goal)s may do this.", goal=goal.name
                    )
                )

    def _check_create_rights(self):
        for goal in self:
            if goal._is_manager_of_goal():
                continue
            if (
                goal.scope != "employee"
                or goal.is_template
                or not goal._is_owner_of_goal()
                or goal.state != "draft"
            ):
                raise UserError(
                    self.env._(
                        "You may only propose goals for yourself; your manager sets the others."
                    )
                )
            if not goal.company_id.performance_goal_proposal:
                raise UserError(
                    self.env._(
                        "In %(company)s, managers set the goals.", company=goal.company_id.name
                    )
                )

    def _check_write_rights(self, fnames):
        for goal in self:
            if goal._is_manager_of_goal():
                continue
            forbidden = fnames - OWNER_WRITABLE_FIELDS
            if goal._is_owner_of_goal() and goal.state == "draft":
                forbidden &= MANAGER_ONLY_FIELDS
            if forbidden:
                raise UserError(
                    self.env._(
                        "Only the manager of the goal %(goal)s may change it.", goal=goal.name
                    )
                )

    def _check_key_result_rights(self):
        for goal in self:
            if goal._is_manager_of_goal():
                continue
            if not (goal._is_owner_of_goal() and goal.state == "draft"):
                raise UserError(
                    self.env._(
                        "The key results of %(goal)s change through check-ins; only its "
                        "manager may edit them.",
                        goal=goal.name,
                    )
                )

    # Library -----------------------------------------------------------------------------

    def _prepare_assignment_values(self, employee, date_start=False, date_deadline=False):
        """Values of an employee's own copy of this library goal, key results included."""
        self.ensure_one()
        return {
            "name": self.name,
            "description": self.description,
            "scope": "employee",
            "employee_id": employee.id,
            "company_id": employee.company_id.id,
            "tag_ids": [Command.set(self.tag_ids.ids)],
            "weight": self.weight,
            "progress_mode": self.progress_mode,
            "date_start": date_start or self.date_start,
            "date_deadline": date_deadline or self.date_deadline,
            "key_result_ids": [
                Command.create(kr._prepare_copy_values()) for kr in self.key_result_ids
            ],
        }

    # Reminders ---------------------------------------------------------------------------

    def _get_checkin_reminder_domain(self, company):
        limit = fields.Date.context_today(self) - timedelta(
            days=company.performance_goal_checkin_days
        )
        return Domain(
            [
                ("company_id", "=", company.id),
                ("state", "=", "active"),
                ("is_template", "=", False),
                ("date_start", "<=", limit),
                "|",
                ("last_checkin_date", "=", False),
                ("last_checkin_date", "<=", limit),
                "|",
                ("reminder_date", "=", False),
                ("reminder_date", "<=", limit),
            ]
        )

    def _get_manager_warning_domain(self):
        return Domain(
            [("state", "=", "active"), ("is_template", "=", False), ("manager_id", "!=", False)]
        ) & (
            Domain([("confidence", "=", "off_track"), ("offtrack_warned", "=", False)])
            | Domain([("is_overdue", "=", True), ("overdue_warned", "=", False)])
        )

    @api.model
    def _cron_goal_reminders(self, batch_size=200):
        today = fields.Date.context_today(self)
        reminder = self.env.ref("performance_management.mail_template_goal_checkin_reminder")
        warning = self.env.ref("performance_management.mail_template_goal_manager_warning")
        active = [("state", "=", "active"), ("is_template", "=", False)]
        domain = Domain.OR(
            self._get_checkin_reminder_domain(company)
            for (company,) in self._read_group(active, ["company_id"])
        )

        def remind_owners(goals):
            goals._send_template(reminder, "owner_partner_id")
            goals.reminder_date = today

        def warn_managers(goals):
            goals._send_template(warning, "manager_partner_id")
            goals.filtered(lambda g: g.confidence == "off_track").offtrack_warned = True
            goals.filtered("is_overdue").overdue_warned = True

        if process_cron_batches(self, domain, remind_owners, batch_size):
            process_cron_batches(
                self, self._get_manager_warning_domain(), warn_managers, batch_size
            )

    def _send_template(self, template, partner_field):
        # One batch per slice: send_mail per goal costs a dozen queries for each.
        goals = self.filtered(partner_field)
        if goals:
            template.send_mail_batch(goals.ids, email_layout_xmlid="mail.mail_notification_light")
