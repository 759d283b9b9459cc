from odoo import api, models

# The addon's plans whose activities go to the manager, the coach or the employee of the record
PERFORMANCE_PLAN_MODELS = ("performance.improvement.plan", "performance.development.plan")


class MailActivityPlan(models.Model):
    """Activity plans of improvement and development plans may name HR responsibles."""

    _inherit = "mail.activity.plan"

    @api.constrains("res_model")
    def _check_compatibility_with_model(self):
        # hr keeps coach, manager and employee to employee plans; ours have an employee too
        others = self.filtered(lambda plan: plan.res_model not in PERFORMANCE_PLAN_MODELS)
        return super(MailActivityPlan, others)._check_compatibility_with_model()
