"""The steps of the addon's activity plans count forward from the plan's start.

Their data is noupdate: the steps an administrator has not changed are moved from "before the
plan date" (due before the plan started, so overdue on day one) to "after the plan date".
"""

from odoo.tools import SQL

STEPS = (
    "mail_activity_plan_improvement_kickoff",
    "mail_activity_plan_improvement_support",
    "mail_activity_plan_improvement_self",
    "mail_activity_plan_development_mentor",
    "mail_activity_plan_development_manager",
    "mail_activity_plan_development_employee",
)


def migrate(cr, version):
    cr.execute(
        SQL(
            """
            UPDATE mail_activity_plan_template step
               SET delay_from = 'after_plan_date'
              FROM ir_model_data data
             WHERE data.module = 'performance_management'
               AND data.model = 'mail.activity.plan.template'
               AND data.name IN %s
               AND data.res_id = step.id
               AND step.delay_from = 'before_plan_date'
            """,
            STEPS,
        )
    )
