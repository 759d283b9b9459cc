from odoo import api, models

from .mail_activity_plan import PERFORMANCE_PLAN_MODELS

HR_RESPONSIBLE_TYPES = ("coach", "manager", "employee")


class MailActivityPlanTemplate(models.Model):
    """The manager, the coach or the employee of an improvement or development plan."""

    _inherit = "mail.activity.plan.template"

    @api.constrains("plan_id", "responsible_type")
    def _check_responsible_hr(self):
        others = self.filtered(lambda tpl: tpl.plan_id.res_model not in PERFORMANCE_PLAN_MODELS)
        return super(MailActivityPlanTemplate, others)._check_responsible_hr()

    def _determine_responsible(self, on_demand_responsible, applied_on_record):
        if (
            self.plan_id.res_model not in PERFORMANCE_PLAN_MODELS
            or self.responsible_type not in HR_RESPONSIBLE_TYPES
        ):
            return super()._determine_responsible(on_demand_responsible, applied_on_record)
        employee = applied_on_record.employee_id
        person = applied_on_record._performance_plan_responsible(self.responsible_type)
        if person.user_id:
            return {"responsible": person.user_id, "error": False, "warning": False}
        # nobody with a user: hr's own walk up the managers, then the user launching the plan
        return self._get_closest_parent_user(
            employee=employee,
            responsible=(person or employee).parent_id,
            error_message=self.env._(
                "%(role)s of %(employee)s has no user: the activity goes to the next manager.",
                role=dict(self._fields["responsible_type"]._description_selection(self.env))[
                    self.responsible_type
                ],
                employee=employee.name,
            ),
        )
