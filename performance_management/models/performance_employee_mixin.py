from odoo import api, fields, models
from odoo.fields import Domain


class PerformanceEmployeeMixin(models.AbstractModel):
    """Smart-button counters shared by the private and the public employee forms."""

    _name = "performance.employee.mixin"
    _description = "Performance Counters of an Employee"

    # The manager chain as the record rules read it: "employee_id.performance_chain_ids in
    # user.employee_ids.ids" is Odoo's "employee_id child_of me" in one indexed subquery, on
    # whatever manager graph the host accepts (performance.employee.chain). Mirrored on the
    # public employee, where parent_id is public too.
    performance_chain_ids = fields.Many2many(
        "hr.employee",
        string="Reporting Chain",
        compute="_compute_performance_chain_ids",
        compute_sudo=True,  # the org chart is public (parent_id is on the public employee)
        search="_search_performance_chain_ids",
        help="The employee and everyone above them in the manager chain.",
    )

    def _compute_performance_chain_ids(self):
        chains = self.env["performance.employee.chain"]._managers_of(self._origin.ids)
        for employee in self:
            manager_ids = chains.get(employee._origin.id) or {employee._origin.id} - {False}
            employee.performance_chain_ids = self.env["hr.employee"].browse(sorted(manager_ids))

    def _search_performance_chain_ids(self, operator, value):
        if operator in ("any", "not any"):
            # e.g. "performance_chain_ids.user_id = uid" in a search filter: the managers are
            # searched with the reader's rights
            value = self.env["hr.employee"].search(value).ids
            operator = "in" if operator == "any" else "not in"
        if operator not in ("in", "not in"):
            return NotImplemented
        manager_ids = [manager_id for manager_id in value if isinstance(manager_id, int)]
        query = self.env["performance.employee.chain"]._subordinates_query(manager_ids)
        return Domain("id", "any!" if operator == "in" else "not any!", query)

    @api.model
    def _get_performance_count_specs(self):
        """What each smart button counts: {field: (model, employee field, extra domain)}.

        The button's action opens the same records (hr.employee's action_open_*): keep
        both in step. Another area adds its counter by extending this dict.
        """
        return {
            "performance_goal_count": ("performance.goal", "employee_id", Domain.TRUE),
            "performance_review_count": ("performance.review", "employee_id", Domain.TRUE),
            "performance_feedback_count": (
                "performance.feedback",
                "employee_id",
                Domain("state", "=", "done"),
            ),
            "performance_coaching_count": ("performance.coaching.log", "employee_id", Domain.TRUE),
            "performance_improvement_plan_count": (
                "performance.improvement.plan",
                "employee_id",
                Domain.TRUE,
            ),
            "performance_development_plan_count": (
                "performance.development.plan",
                "employee_id",
                Domain.TRUE,
            ),
            "performance_recognition_count": (
                "performance.recognition",
                "receiver_ids",
                Domain.TRUE,
            ),
            "performance_reward_count": ("performance.reward", "employee_id", Domain.TRUE),
        }

    def _compute_performance_count_fields(self, field_names):
        """Set the counters ``field_names`` of ``self``: one grouped query per counter.

        Counted with the reader's rights (record rules included): a button never shows
        more records than its action opens for this reader.
        """
        specs = self._get_performance_count_specs()
        employee_ids = [employee_id for employee_id in self._origin.ids if employee_id]
        for field_name in field_names:
            model, employee_field, domain = specs[field_name]
            Model = self.env[model]
            counts = {}
            if employee_ids and Model.has_access("read"):
                counts = {
                    employee.id: count
                    for employee, count in Model._read_group(
                        Domain(employee_field, "in", employee_ids) & domain,
                        [employee_field],
                        ["__count"],
                    )
                }
            for record in self:
                record[field_name] = counts.get(record._origin.id, 0)
