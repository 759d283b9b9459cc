from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import settable


class PerformancePrinciplesVersion(models.Model):
    """A version of the appraisal principles (the configuration in force) for the works
    agreement: dated, approved, frozen."""

    _name = "performance.principles.version"
    _description = "Appraisal Principles Version"
    _inherit = ("mail.thread",)
    _order = "company_id, date_effective desc, id desc"

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    date_effective = fields.Date(
        string="Effective Date", required=True, default=fields.Date.context_today, tracking=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    approver_id = fields.Many2one("res.users", string="Approved By", readonly=True, copy=False)
    date_approved = fields.Datetime(string="Approved On", readonly=True, copy=False)
    note = fields.Html(string="Agreement Notes")
    snapshot = fields.Json(readonly=True, copy=False)
    snapshot_date = fields.Datetime(string="Snapshot Taken On", readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        versions = super().create(vals_list)
        versions._take_snapshot()
        return versions

    def write(self, vals):
        if self.filtered(lambda version: version.state == "approved") and not self.env.su:
            raise UserError(self.env._("An approved version of the principles is frozen."))
        return super().write(vals)

    def _has_field_access(self, field, operation):
        # the approval and its snapshot are the actions' (readonly): never set from outside
        return settable(self, field, operation) and super()._has_field_access(field, operation)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_approved(self):
        if self.filtered(lambda version: version.state == "approved"):
            raise UserError(self.env._("An approved version of the principles is kept."))

    def action_refresh_snapshot(self):
        self.check_access("write")
        self._take_snapshot()

    def action_approve(self):
        # who may write a version may approve it: performance administrators (ACL)
        self.check_access("write")
        if self.filtered(lambda version: version.state != "draft"):
            raise UserError(self.env._("Only a draft version can be approved."))
        self._take_snapshot()
        # sudo: past the access check, the approval stamps are the system's
        self.sudo().write(
            {
                "state": "approved",
                "approver_id": self.env.user.id,
                "date_approved": fields.Datetime.now(),
            }
        )

    def action_print(self):
        return self.env.ref(
            "performance_management.performance_principles_version_report"
        ).report_action(self)

    def _take_snapshot(self):
        for version in self:
            # sudo: the configuration of the version's company, written for its readers
            super(PerformancePrinciplesVersion, version.sudo()).write(
                {
                    "snapshot": version._get_configuration(),
                    "snapshot_date": fields.Datetime.now(),
                }
            )
        return True

    def _get_roles(self):
        """Who sees what, as design.md describes the roles, for the works agreement."""
        return [
            (
                self.env._("Employee"),
                self.env._(
                    "Own goals, check-ins, self reviews, released reviews, feedback shared with "
                    "him, shared 1:1 notes, his improvement and development plans, recognitions "
                    "on the wall."
                ),
            ),
            (
                self.env._("Manager (the manager chain)"),
                self.env._(
                    "The same for direct and indirect reports, manager reviews, private 1:1 "
                    "notes he writes, improvement plans and reward recommendations of his team; "
                    "never anonymous raters."
                ),
            ),
            (
                self.env._("Performance officer"),
                self.env._(
                    "Cycles, reviews, calibration, rewards and improvement plans of the company; "
                    "legal holds."
                ),
            ),
            (
                self.env._("Performance administrator"),
                self.env._(
                    "Configuration: rating scales, templates, key-result sources, merit matrix, "
                    "retention rules, these principles."
                ),
            ),
        ]

    def _get_configuration(self):
        """The configuration in force in the version's company, as plain data."""
        self.ensure_one()
        company = self.company_id.sudo()
        env = self.env(su=True, context=dict(self.env.context, active_test=True))
        company_domain = [("company_id", "in", [company.id, False])]

        def selection(record, field):
            return dict(record._fields[field]._description_selection(self.env)).get(
                record[field], ""
            )

        return {
            "templates": [
                {
                    "name": template.name,
                    "scale": template.scale_id.name,
                    "goals": template.include_goals,
                    "questions": [
                        {
                            "name": line.name,
                            "type": selection(line, "question_type"),
                            "answered_by": selection(line, "answered_by"),
                            "weight": line.weight,
                        }
                        for line in template.line_ids
                        if not line.display_type
                    ],
                }
                for template in env["performance.review.template"].search(company_domain)
            ],
            "scales": [
                {
                    "name": scale.name,
                    "levels": [
                        {"name": level.name, "value": level.value, "target": level.target_percent}
                        for level in scale.level_ids
                    ],
                }
                for scale in env["performance.rating.scale"].search(company_domain)
            ],
            "issue_rules": [
                {"name": label, "active": bool(company[flag]), "detail": detail}
                for flag, label, detail in (
                    (
                        "performance_issue_rating",
                        self.env._("Low final rating"),
                        self.env._(
                            "below %(threshold)s",
                            threshold=company.performance_issue_rating_threshold,
                        ),
                    ),
                    ("performance_issue_goal", self.env._("Goals off track"), ""),
                    (
                        "performance_issue_checkin",
                        self.env._("Missed check-ins"),
                        self.env._(
                            "%(days)s days; %(monitoring)s",
                            days=company.performance_issue_checkin_days,
                            monitoring=selection(company, "performance_monitor_checkins"),
                        ),
                    ),
                    (
                        "performance_issue_feedback",
                        self.env._("Repeated constructive feedback"),
                        self.env._(
                            "%(count)s in %(days)s days",
                            count=company.performance_issue_feedback_count,
                            days=company.performance_issue_feedback_days,
                        ),
                    ),
                )
            ],
            "key_result_sources": {
                "monitoring": selection(company, "performance_monitor_key_results"),
                "models": company.performance_kr_model_ids.mapped("name"),
            },
            "scorecards": selection(company, "performance_monitor_scorecards"),
            "merit_matrix": [
                {
                    "rating": cell.rating_min,
                    "attainment": cell.attainment_min,
                    "raise": cell.raise_percent,
                }
                for cell in env["performance.merit.matrix"].search(
                    [("company_id", "=", company.id)]
                )
            ],
            "roles": [{"name": name, "sees": sees} for name, sees in self._get_roles()],
            "groups": [
                {"name": group.full_name, "users": len(group.all_user_ids.filtered("active"))}
                for group in (
                    env.ref("performance_management.group_performance_officer")
                    | env.ref("performance_management.group_performance_admin")
                )
            ],
            "retention": [
                {
                    "type": selection(rule, "record_type"),
                    "event": selection(rule, "event"),
                    "months": rule.months,
                    "action": selection(rule, "action"),
                }
                for rule in env["performance.retention.rule"].search(
                    [("company_id", "=", company.id)]
                )
            ],
        }
