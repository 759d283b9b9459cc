from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools import html_escape

from ..tools import commit_cron_batch, decision_vals, settable, write_workflow

RULES = [
    ("low_rating", "Low final rating"),
    ("goal_off_track", "Goals off track or overdue"),
    ("missed_checkin", "Missed check-ins"),
    ("constructive_feedback", "Repeated constructive feedback"),
]
# Numeric review fields the low-rating rule understands, in order of preference.


class PerformanceIssue(models.Model):
    """A performance issue surfaced from the addon's signals."""

    _name = "performance.issue"
    _description = "Performance Issue"
    _inherit = "mail.thread"
    _order = "date desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    # whom the issue is about, its signal, reason and day are the detection's (the job, as
    # the system): readonly, so that nobody sets them by values, default_* keys, copy or
    # import; the chain and HR decide on an issue through its actions
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, ondelete="cascade", readonly=True
    )
    manager_id = fields.Many2one(related="employee_id.parent_id", string="Manager")
    rule = fields.Selection(RULES, required=True, index=True, readonly=True)
    reason = fields.Text(required=True, readonly=True)
    date = fields.Date(default=fields.Date.context_today, required=True, readonly=True)
    state = fields.Selection(
        [
            ("open", "Open"),
            ("plan", "Plan Opened"),
            ("dismissed", "Dismissed"),
            ("resolved", "Resolved"),
        ],
        default="open",
        required=True,
        index=True,
        tracking=True,
        readonly=True,
    )
    # the human decision's why: set by the dismiss action only
    dismiss_reason = fields.Text(tracking=True, readonly=True, copy=False)
    date_closed = fields.Date(readonly=True, copy=False)
    plan_id = fields.Many2one(
        "performance.improvement.plan",
        ondelete="set null",
        index="btree_not_null",
        tracking=True,
        readonly=True,
        copy=False,
    )

    @api.depends("rule", "employee_id.name")
    def _compute_name(self):
        rules = dict(self._fields["rule"]._description_selection(self.env))
        for issue in self:
            issue.name = f"{issue.employee_id.name or ''}: {rules.get(issue.rule, '')}"

    def _has_field_access(self, field, operation):
        return settable(self, field, operation) and super()._has_field_access(field, operation)

    def action_dismiss(self, reason):
        if not (reason or "").strip():
            raise UserError(self.env._("Give a reason to dismiss an issue."))
        if any(issue.state != "open" for issue in self):
            raise UserError(self.env._("Only open issues can be dismissed."))
        write_workflow(
            self,
            {
                "state": "dismissed",
                "dismiss_reason": reason,
                "date_closed": fields.Date.today(),
                **decision_vals(self.env, "", "dismissed"),
            },
        )

    def action_open_dismiss_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Dismiss"),
            "res_model": "performance.issue.dismiss",
            "view_mode": "form",
            "target": "new",
            "context": {"default_issue_ids": self.ids},
        }

    def action_open_plan(self):
        self.ensure_one()
        if self.state != "open":
            raise UserError(self.env._("This issue is already handled."))
        today = fields.Date.context_today(self)
        same = self.search([("employee_id", "=", self.employee_id.id), ("state", "=", "open")])
        plan = self.env["performance.improvement.plan"].create(
            {
                "name": self.env._("Improvement plan of %(name)s", name=self.employee_id.name),
                "employee_id": self.employee_id.id,
                "company_id": self.company_id.id,
                "date_start": today,
                "date_end": today + relativedelta(days=60),
                "reason": "<ul>{}</ul>".format(
                    "".join(f"<li>{html_escape(issue.reason)}</li>" for issue in same)
                ),
            }
        )
        write_workflow(
            same,
            {
                "state": "plan",
                "plan_id": plan.id,
                "date_closed": today,
                **decision_vals(self.env, "", "accepted"),
            },
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "performance.improvement.plan",
            "res_id": plan.id,
            "view_mode": "form",
        }

    # --- detection -------------------------------------------------------------------------

    @api.model
    def _signal_low_rating(self, company):
        threshold = company.performance_issue_rating_threshold
        domain = [
            ("company_id", "=", company.id),
            ("final_rating_id", "!=", False),
            ("final_rating", "<=", threshold),
            ("review_state", "!=", "cancel"),
            ("write_date", ">=", fields.Datetime.now() - relativedelta(years=1)),
        ]
        Model, field = self.env["performance.review.assessment"], "final_rating"
        groups = Model.sudo()._read_group(
            domain, ["employee_id"], [f"{field}:min", "id:array_agg"]
        )
        return {
            employee.id: {
                "reason": self.env._(
                    "Final rating of %(rating)s, at or below %(threshold)s.",
                    rating=round(rating, 2),
                    threshold=threshold,
                ),
                "evidence_threshold": self.env._(
                    "A final rating at or below %(threshold)s in the last 12 months",
                    threshold=threshold,
                ),
                "evidence_assessment_ids": ids,
            }
            for employee, rating, ids in groups
        }

    @api.model
    def _signal_goal_off_track(self, company):
        Goal = self.env["performance.goal"]
        today = fields.Date.context_today(self)
        domains = [
            [("confidence", "=", "off_track")],
            [("date_deadline", "<", today), ("progress", "<", 100)],
        ]
        domain = Domain.OR(domains) & self._goal_open_domain(company)
        groups = Goal._read_group(domain, ["employee_id"], ["__count", "id:array_agg"])
        return {
            employee.id: {
                "reason": self.env._(
                    "%(count)s goal(s) off track or past their deadline.", count=count
                ),
                "evidence_threshold": self.env._(
                    "An open goal checked in off track, or past its deadline below 100%"
                ),
                "evidence_goal_ids": ids,
            }
            for employee, count, ids in groups
        }

    @api.model
    def _goal_open_domain(self, company):
        return Domain(
            [
                ("company_id", "=", company.id),
                ("employee_id", "!=", False),
                ("state", "not in", ("done", "cancel", "draft")),
            ]
        )

    @api.model
    def _signal_missed_checkin(self, company):
        Goal = self.env["performance.goal"]
        days = company.performance_issue_checkin_days
        limit = fields.Date.context_today(self) - relativedelta(days=days)
        stale = Domain("last_checkin_date", "<", limit) | Domain(
            [("last_checkin_date", "=", False), ("date_start", "<", limit)]
        )
        domain = self._goal_open_domain(company) & stale
        groups = Goal._read_group(domain, ["employee_id"], ["__count", "id:array_agg"])
        return {
            employee.id: {
                "reason": self.env._(
                    "%(count)s goal(s) without a check-in for more than %(days)s days.",
                    count=count,
                    days=days,
                ),
                "evidence_threshold": self.env._(
                    "An open goal without a check-in for more than %(days)s days", days=days
                ),
                "evidence_goal_ids": ids,
            }
            for employee, count, ids in groups
        }

    @api.model
    def _signal_constructive_feedback(self, company):
        days = company.performance_issue_feedback_days
        minimum = company.performance_issue_feedback_count
        groups = self.env["performance.feedback"]._read_group(
            [
                ("company_id", "=", company.id),
                ("state", "=", "done"),
                ("feedback_type", "=", "constructive"),
                ("date", ">=", fields.Date.context_today(self) - relativedelta(days=days)),
                # an anonymous answer counts once released with its batch: a count that
                # moved with each answer would time them for the manager who refreshes
                "|",
                ("anonymous", "=", False),
                ("anonymous_released", "=", True),
            ],
            ["employee_id"],
            ["__count", "id:array_agg"],
            having=[("__count", ">=", minimum)],
        )
        return {
            employee.id: {
                "reason": self.env._(
                    "%(count)s pieces of constructive feedback in %(days)s days.",
                    count=count,
                    days=days,
                ),
                "evidence_threshold": self.env._(
                    "At least %(minimum)s pieces of constructive feedback in %(days)s days",
                    minimum=minimum,
                    days=days,
                ),
                "evidence_feedback_ids": ids,
            }
            for employee, count, ids in groups
        }

    @api.model
    def _get_signals(self, company):
        """{rule: {employee_id: {reason, threshold, evidence ids}}} for the rules switched on."""
        switches = {
            "low_rating": company.performance_issue_rating,
            "goal_off_track": company.performance_issue_goal,
            # the works agreement may keep missed check-ins out of individual monitoring
            "missed_checkin": company.performance_issue_checkin
            and company.performance_monitor_checkins == "individual",
            "constructive_feedback": company.performance_issue_feedback,
        }
        return {
            rule: getattr(self, f"_signal_{rule}")(company)
            for rule, active in switches.items()
            if active
        }

    @api.model
    def _get_companies_to_check(self):
        """Companies that switched a rule on, or whose open issues may have to be resolved."""
        open_issues = self._read_group([("state", "=", "open")], ["company_id"])
        return self.env["res.company"].search(
            Domain.OR(
                [(switch, "=", True)]
                for switch in (
                    "performance_issue_rating",
                    "performance_issue_goal",
                    "performance_issue_checkin",
                    "performance_issue_feedback",
                )
            )
            | Domain("id", "in", [company.id for (company,) in open_issues])
        )

    @api.model
    def _compute_issues(self, companies=None):
        """Raise new issues and resolve those whose signal is gone, a few queries per company."""
        today = fields.Date.context_today(self)
        companies = companies or self._get_companies_to_check()
        for index, company in enumerate(companies):
            signals = self._get_signals(company)
            existing = self.search(
                [
                    ("company_id", "=", company.id),
                    "|",
                    ("state", "=", "open"),
                    "&",
                    ("state", "in", ("dismissed", "plan")),
                    ("date_closed", ">=", today - relativedelta(days=90)),
                ]
            )
            known = {(issue.rule, issue.employee_id.id): issue for issue in existing}
            vals_list = []
            for rule, found in signals.items():
                for employee_id, signal in found.items():
                    issue = known.get((rule, employee_id))
                    if not issue:
                        vals_list.append(
                            {
                                "company_id": company.id,
                                "employee_id": employee_id,
                                "rule": rule,
                                **self._evidence_vals(signal),
                            }
                        )
                    elif issue.state == "open" and issue._evidence_differs(signal):
                        issue.write(self._evidence_vals(signal))
            self.with_context(tracking_disable=True).create(vals_list)
            gone = existing.filtered(
                lambda i, signals=signals: (
                    i.state == "open" and i.employee_id.id not in signals.get(i.rule, {})
                )
            )
            gone.write({"state": "resolved", "date_closed": today})
            # Every company in one run, whatever the time left: a company costs a few grouped
            # queries, and a run stopped here would start again from the first one.
            commit_cron_batch(self.env, 1, len(companies) - index - 1)
        return True

    @api.model
    def _cron_compute_issues(self):
        return self._compute_issues()

    def action_refresh(self):
        self.browse().check_access("read")
        # sudo: recomputes the issues of the user's companies; he reads them under the rules
        self.sudo()._compute_issues(self.env.companies)
        return {"type": "ir.actions.client", "tag": "reload"}
