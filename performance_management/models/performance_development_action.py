from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..tools import process_cron_batches, settable


class PerformanceDevelopmentAction(models.Model):
    """A concrete step of a development plan: a training, a course, mentoring..."""

    _name = "performance.development.action"
    _description = "Development Action"
    _inherit = ("mail.thread",)
    _order = "date_deadline, sequence, id"
    _check_company_auto = True

    # The employee of the plan may move their actions along, nothing more.
    _EMPLOYEE_WRITABLE_FIELDS = frozenset({"state", "date_done"})

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    plan_id = fields.Many2one(
        "performance.development.plan", required=True, index=True, ondelete="cascade"
    )
    employee_id = fields.Many2one(related="plan_id.employee_id", store=True, index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    kind = fields.Selection(
        [
            ("training", "Training"),
            ("mentoring", "Mentoring"),
            ("stretch", "Stretch Assignment"),
            ("course", "Course"),
            ("other", "Other"),
        ],
        default="training",
        required=True,
    )
    date_deadline = fields.Date(string="Deadline", tracking=True)
    owner_id = fields.Many2one(
        "hr.employee",
        help="Who makes it happen: the employee, their manager, the mentor...",
        check_company=True,
    )
    state = fields.Selection(
        [
            ("todo", "To Do"),
            ("in_progress", "In Progress"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="todo",
        required=True,
        tracking=True,
    )
    date_done = fields.Date(string="Completed On")
    date_reminded = fields.Date(readonly=True, copy=False)
    skill_ids = fields.Many2many("hr.skill", string="Skills Developed")
    note = fields.Text()
    is_late = fields.Boolean(compute="_compute_is_late")

    @api.depends("date_deadline", "state")
    def _compute_is_late(self):
        today = fields.Date.context_today(self)
        for action in self:
            action.is_late = bool(
                action.date_deadline
                and action.date_deadline < today
                and action.state in ("todo", "in_progress")
            )

    @api.constrains("date_deadline", "plan_id", "state")
    def _check_deadline(self, plan_state=None):
        for action in self:
            if (
                (plan_state or action.plan_id.state) == "active"
                and action.state not in ("done", "cancelled")
                and not action.date_deadline
            ):
                raise ValidationError(
                    self.env._(
                        "The development action %(action)s needs a deadline: its plan is in "
                        "progress.",
                        action=action.name,
                    )
                )

    def _has_field_access(self, field, operation):
        return settable(self, field, operation) and super()._has_field_access(field, operation)

    @api.model_create_multi
    def create(self, vals_list):
        actions = super().create(vals_list)
        actions._check_manager_rights()
        return actions

    def write(self, vals):
        if vals.get("state") == "done" and "date_done" not in vals:
            vals["date_done"] = fields.Date.context_today(self)
        if set(vals) - self._EMPLOYEE_WRITABLE_FIELDS:
            self._check_manager_rights()
        # cancelling an action (or reviving one) changes the readiness: the managers'
        if (
            "state" in vals
            and not self.env.su
            and (vals["state"] == "cancelled" or "cancelled" in self.mapped("state"))
        ):
            self._check_manager_rights()
        res = super().write(vals)
        if "plan_id" in vals:
            # moved: the writer must still manage it where it went
            self._check_manager_rights()
            self.check_access("write")
        if "date_deadline" in vals:
            self.sudo().date_reminded = False  # a new deadline deserves a new reminder
        return res

    def unlink(self):
        self._check_manager_rights()
        return super().unlink()

    def _check_manager_rights(self):
        if not self.plan_id._is_managed_by_current_user():
            raise AccessError(
                self.env._(
                    "Only the manager chain and performance officers change a development "
                    "action; you may update its status."
                )
            )

    def action_start(self):
        self.state = "in_progress"

    def action_done(self):
        self.state = "done"

    @api.model
    def _get_overdue_domain(self):
        return [
            ("state", "in", ("todo", "in_progress")),
            ("plan_id.state", "=", "active"),
            ("date_deadline", "<", fields.Date.context_today(self)),
            ("date_reminded", "=", False),
        ]

    @api.model
    def _cron_remind_overdue_actions(self, batch_size=200):
        """Put a to-do on the plan for whoever owns each overdue action, once per deadline."""
        today = fields.Date.context_today(self)

        def remind(actions):
            for action in actions:
                owner = action.owner_id.user_id or action.employee_id.user_id
                user = owner if owner and not owner.share else action.employee_id.parent_id.user_id
                action.plan_id.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=user.id or self.env.uid,
                    summary=self.env._("Overdue: %(action)s", action=action.name),
                    note=self.env._(
                        "The development action %(action)s was due on %(date)s.",
                        action=action.name,
                        date=action.date_deadline,
                    ),
                )
            # sudo: the cron's own bookkeeping on the actions it just reminded
            actions.sudo().write({"date_reminded": today})

        process_cron_batches(
            self, self._get_overdue_domain(), remind, batch_size, order="date_deadline, id"
        )
