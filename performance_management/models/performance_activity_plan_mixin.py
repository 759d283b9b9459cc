from odoo import fields, models


class PerformanceActivityPlanMixin(models.AbstractModel):
    """Improvement and development plans start Odoo's activity plans made for them."""

    _name = "performance.activity.plan.mixin"
    _description = "Activity Plans Started with the Record"

    def _performance_plan_responsible(self, responsible_type):
        """The employee record behind a plan template's coach, manager or employee."""
        self.ensure_one()
        if responsible_type == "manager":
            return self.manager_id or self.employee_id._performance_manager()
        if responsible_type == "coach":
            return self._performance_plan_coach()
        return self.employee_id

    def _performance_plan_coach(self):
        """Who a plan template's coach steps go to: the employee's coach."""
        return self.employee_id.coach_id

    def _get_activity_plans_domain(self):
        return [
            ("res_model", "=", self._name),
            ("company_id", "in", [False, *self.company_id.ids]),
        ]

    def _launch_activity_plans(self):
        """Start the active plans of this model through the host's plan wizard."""
        plans = self.env["mail.activity.plan"].search(self._get_activity_plans_domain())
        today = fields.Date.context_today(self)
        for record in self:
            for plan in plans.filtered(
                lambda p, r=record: not p.company_id or p.company_id == r.company_id
            ):
                wizard = self.env["mail.activity.schedule"].create(
                    {
                        "res_model": self._name,
                        "res_ids": repr(record.ids),
                        "plan_id": plan.id,
                        # the steps count forward from the plan's start (from today when it
                        # is started late), so that none is overdue on its first day
                        "plan_date": max(record.date_start or today, today),
                    }
                )
                wizard.action_schedule_plan()
