from odoo import api, fields, models


class HrEmployeePublic(models.Model):
    _name = "hr.employee.public"
    _inherit = ("hr.employee.public", "performance.employee.mixin")

    # The smart buttons of the public employee form, which managers without HR rights and
    # the employees themselves open. Every counter is computed with the reader's rights.
    performance_show_private = fields.Boolean(
        string="Sees Performance Areas",
        compute="_compute_performance_show_private",
        help="The reader is a performance officer, the employee or in their manager chain.",
    )
    performance_goal_count = fields.Integer(compute="_compute_performance_counts")
    performance_review_count = fields.Integer(compute="_compute_performance_counts")
    performance_feedback_count = fields.Integer(compute="_compute_performance_counts")
    performance_coaching_count = fields.Integer(compute="_compute_performance_counts")
    performance_improvement_plan_count = fields.Integer(compute="_compute_performance_counts")
    performance_development_plan_count = fields.Integer(compute="_compute_performance_counts")
    performance_recognition_count = fields.Integer(compute="_compute_performance_counts")
    performance_reward_count = fields.Integer(compute="_compute_performance_counts")

    @api.depends_context("uid")
    def _compute_performance_show_private(self):
        if self.env.user.has_group("performance_management.group_performance_officer"):
            self.performance_show_private = True
            return
        # sudo, as in the record rules (user.employee_ids): the reader's own employees,
        # even in a company the reader cannot open.
        own = set(self.env.user.sudo().employee_ids.ids)
        chains = self._performance_chains()
        for employee in self:
            employee.performance_show_private = bool(
                set(chains.get(employee._origin.id, [])) & own
            )

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_performance_counts(self):
        self._compute_performance_count_fields(
            [
                name
                for name, field in self._fields.items()
                if field.compute == "_compute_performance_counts"
            ]
        )

    def get_performance_overview(self):
        """The employee's performance overview: who it is, each area as its reader sees it."""
        self.ensure_one()
        self.check_access("read")
        return {
            # the page's breadcrumb when it is opened from its URL, without the button's action
            "title": self.env._("Performance of %(name)s", name=self.name),
            "employee": {
                "id": self.id,
                "name": self.name,
                "job_title": self.job_title or "",
                "department": self.department_id.display_name or "",
                "show_private": self.performance_show_private,
            },
            "sections": self._performance_overview_sections(self.performance_show_private),
        }

    def _performance_employee(self):
        self.ensure_one()
        return self.employee_id

    # The buttons open hr.employee's own actions: one definition of what each one shows.
    def action_open_performance_goals(self):
        return self._performance_employee().action_open_performance_goals()

    def action_open_performance_reviews(self):
        return self._performance_employee().action_open_performance_reviews()

    def action_open_performance_feedback(self):
        return self._performance_employee().action_open_performance_feedback()

    def action_open_performance_coaching(self):
        return self._performance_employee().action_open_performance_coaching()

    def action_open_performance_improvement_plans(self):
        return self._performance_employee().action_open_performance_improvement_plans()

    def action_open_performance_development_plans(self):
        return self._performance_employee().action_open_performance_development_plans()

    def action_open_performance_recognitions(self):
        return self._performance_employee().action_open_performance_recognitions()

    def action_open_performance_rewards(self):
        return self._performance_employee().action_open_performance_rewards()

    def action_open_performance_journal(self):
        return self._performance_employee().action_open_performance_journal()
