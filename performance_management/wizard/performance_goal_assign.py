from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

from ..tools import is_officer


class PerformanceGoalAssign(models.TransientModel):
    """Assign goals of the library to many employees in one action."""

    _name = "performance.goal.assign"
    _description = "Assign Library Goals"

    template_ids = fields.Many2many(
        "performance.goal",
        string="Library Goals",
        required=True,
        domain=[("is_template", "=", True)],
        default=lambda self: self._default_template_ids(),
    )
    assign_by = fields.Selection(
        [("employee", "Employees"), ("department", "Departments"), ("job", "Job Positions")],
        required=True,
        default="employee",
    )
    # Public employees, so that managers without HR rights can pick their team.
    employee_ids = fields.Many2many("hr.employee.public", string="Employees")
    department_ids = fields.Many2many("hr.department", string="Departments")
    job_ids = fields.Many2many("hr.job", string="Job Positions")
    date_start = fields.Date(string="Start Date", default=fields.Date.context_today)
    date_deadline = fields.Date(string="Deadline")
    parent_id = fields.Many2one(
        "performance.goal",
        string="Supports",
        domain=[("is_template", "=", False), ("scope", "!=", "employee")],
    )
    activate = fields.Boolean(string="Activate Now", default=True)
    target_employee_ids = fields.Many2many(
        "hr.employee.public", string="Assigned To", compute="_compute_target_employee_ids"
    )

    @api.model
    def _default_template_ids(self):
        if self.env.context.get("active_model") == "performance.goal":
            goals = self.env["performance.goal"].browse(self.env.context.get("active_ids", []))
            return goals.filtered("is_template").ids
        return []

    @api.depends("assign_by", "employee_ids", "department_ids", "job_ids")
    def _compute_target_employee_ids(self):
        for wizard in self:
            wizard.target_employee_ids = wizard._get_employees()

    @api.constrains("date_start", "date_deadline")
    def _check_dates(self):
        for wizard in self:
            if (
                wizard.date_start
                and wizard.date_deadline
                and wizard.date_deadline < wizard.date_start
            ):
                raise ValidationError(self.env._("The deadline cannot be before the start."))

    def _get_employees(self):
        self.ensure_one()
        if self.assign_by == "employee":
            return self.employee_ids
        if self.assign_by == "department":
            domain = Domain("department_id", "child_of", self.department_ids.ids)
        else:
            domain = Domain("job_id", "in", self.job_ids.ids)
        if not (self.department_ids if self.assign_by == "department" else self.job_ids):
            return self.env["hr.employee.public"]
        return self.env["hr.employee.public"].search(
            domain & Domain("company_id", "in", self.env.companies.ids)
        )

    def _check_employees(self, employees):
        if is_officer(self.env.user):
            return
        employees = self.env["hr.employee"].browse(employees.ids)
        outsiders = employees - employees._performance_reporting_to(self.env.user.employee_ids)
        if outsiders:
            raise UserError(
                self.env._(
                    "You may only assign goals to your team; not to %(names)s.",
                    names=", ".join(outsiders.mapped("name")),
                )
            )

    def action_assign(self):
        self.ensure_one()
        # sudo: employees checked by _check_employees to be the user's reports (or an officer's)
        employees = self.env["hr.employee"].sudo().browse(self._get_employees().ids)
        if not employees:
            raise UserError(self.env._("Choose the employees who get these goals."))
        if not self.template_ids:
            raise UserError(self.env._("Choose the goals of the library to assign."))
        self._check_employees(employees)
        # one aligns only on goals one may read, as the goal's own create checks: the goals
        # are created in sudo below
        self.parent_id.check_access("read")
        vals_list = []
        for employee in employees:
            for template in self.template_ids:
                vals = template._prepare_assignment_values(
                    employee, self.date_start, self.date_deadline
                )
                if self.parent_id:
                    vals["parent_id"] = self.parent_id.id
                if self.activate:
                    vals["state"] = "active"
                vals_list.append(vals)
        # Rights were checked above; the copies carry the library's automatic key results,
        # which only administrators could have defined, and count with their rights.
        goals = self.env["performance.goal"].sudo().create(vals_list)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "performance_management.performance_goal_action"
        )
        action.update(
            domain=[("id", "in", goals.ids)],
            context={"search_default_group_by_employee": 1},
        )
        return action
