from odoo import fields, models

# placeholders are created quietly: no chatter, avatar nor welcome of a new employee
QUIET = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "salary_simulation": True,
}

MONITORING = [
    ("individual", "Per Employee"),
    ("team", "Team Aggregates Only"),
    ("off", "Off"),
]


class ResCompany(models.Model):
    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited

    # Works agreement: how far the addon monitors individuals
    performance_monitor_key_results = fields.Selection(
        MONITORING,
        string="Key Results From Odoo Data",
        default="individual",
        required=True,
        help="Per employee: key results may count an employee's own records. Team "
        "aggregates: only team and company goals count records. Off: no key result is "
        "computed from Odoo data.",
    )
    performance_monitor_checkins = fields.Selection(
        MONITORING,
        string="Missed Check-in Issues",
        default="individual",
        required=True,
        help="Per employee: a performance issue is raised for an employee who misses his "
        "check-ins. Team aggregates or off: no such issue; check-ins are only counted in "
        "the team reports.",
    )
    performance_monitor_scorecards = fields.Selection(
        MONITORING,
        string="Manager Scorecards",
        default="individual",
        required=True,
        help="Per manager, per team only, or no manager effectiveness scorecard.",
    )
    # Retention: the archived "Anonymised employee" records that take the place of erased
    # people on required links (several: a cycle holds one review per employee)
    performance_anonymous_employee_ids = fields.Many2many(
        "hr.employee",
        "performance_anonymous_employee_company_rel",
        "company_id",
        "employee_id",
        readonly=True,
        copy=False,
        groups="hr.group_hr_user",
    )

    def _get_performance_anonymous_employees(self, count=1):
        """At least ``count`` of the company's anonymised employees, oldest first."""
        self.ensure_one()
        # sudo: placeholder records of the company, made by the retention job
        company = self.sudo()
        pool = company.performance_anonymous_employee_ids.sorted("id")
        if count > len(pool):
            new = (
                self.env["hr.employee"]
                .sudo()
                .with_context(**QUIET)
                .create(
                    [
                        {
                            "name": self.env._("Anonymised employee"),
                            "company_id": company.id,
                            "active": False,
                        }
                        for __ in range(count - len(pool))
                    ]
                )
            )
            company.performance_anonymous_employee_ids |= new
            pool |= new
        return pool
