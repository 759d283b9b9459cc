from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

from ..tools import process_cron_batches, settable
from ..tools.retention import (
    ACTIONS,
    DEFAULT_RULES,
    EVENTS,
    PLACEHOLDER,
    RECORD_TYPES,
    UNLINK,
)


class PerformanceRetentionRule(models.Model):
    """How long a company keeps one type of performance record, and what then erases it."""

    _name = "performance.retention.rule"
    _description = "Retention Rule"
    _inherit = ("mail.thread",)
    _order = "company_id, record_type, id"

    name = fields.Char(
        compute="_compute_name", store=True, readonly=False, required=True, precompute=True
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    record_type = fields.Selection(
        [(key, spec["label"]) for key, spec in RECORD_TYPES.items()],
        required=True,
        tracking=True,
    )
    event = fields.Selection(
        EVENTS,
        string="Counted From",
        required=True,
        default="departure",
        tracking=True,
        help="The departure counts for archived employees with a departure date.",
    )
    months = fields.Integer(string="Retention (Months)", required=True, default=24, tracking=True)
    action = fields.Selection(ACTIONS, required=True, default="anonymise", tracking=True)
    last_run = fields.Datetime(readonly=True, copy=False)

    _months_positive = models.Constraint(
        "CHECK(months > 0)", "A retention period counts at least one month."
    )
    _type_event_unique = models.UniqueIndex(
        "(company_id, record_type, event) WHERE active",
        "A company has one active rule per record type and event.",
    )

    @api.depends("record_type", "months", "action")
    def _compute_name(self):
        labels = dict(self._fields["record_type"]._description_selection(self.env))
        actions = dict(self._fields["action"]._description_selection(self.env))
        for rule in self:
            if rule.record_type:
                rule.name = self.env._(
                    "%(type)s: %(action)s after %(months)s months",
                    type=labels[rule.record_type],
                    action=actions.get(rule.action, ""),
                    months=rule.months,
                )

    @api.constrains("record_type", "event", "action")
    def _check_type(self):
        for rule in self:
            spec = RECORD_TYPES[rule.record_type]
            if rule.action not in spec["actions"]:
                raise ValidationError(
                    self.env._(
                        "%(type)s cannot be erased that way: %(actions)s only.",
                        type=rule.name,
                        actions=", ".join(spec["actions"]),
                    )
                )
            if rule.event != "departure" and rule.event not in spec["dates"]:
                raise ValidationError(
                    self.env._(
                        "The rule %(rule)s counts from an event its records do not have.",
                        rule=rule.name,
                    )
                )

    def _has_field_access(self, field, operation):
        # when a rule last ran is the run's (readonly), never set from outside
        return settable(self, field, operation) and super()._has_field_access(field, operation)

    # Actions -------------------------------------------------------------------------------

    def action_preview(self):
        return self.env["performance.retention.preview"]._open(self or None)

    def action_run(self):
        self.check_access("write")
        self._apply_rules()
        return True

    # Business --------------------------------------------------------------------------------

    @api.model
    def _create_default_rules(self, companies=None):
        """Add the default rules a company lacks (at install, and from the settings)."""
        companies = companies or self.env["res.company"].search([])
        existing = {
            (rule.company_id.id, rule.record_type)
            for rule in self.with_context(active_test=False).search(
                [("company_id", "in", companies.ids)]
            )
        }
        self.create(
            [
                {
                    "company_id": company.id,
                    "record_type": record_type,
                    "event": event,
                    "months": months,
                    "action": action,
                }
                for company in companies
                for record_type, event, months, action in DEFAULT_RULES
                if (company.id, record_type) not in existing
            ]
        )

    def _spec(self):
        return RECORD_TYPES[self.record_type]

    def _get_model(self):
        # superuser: the erasure runs whatever the record rules of its readers; who may run it
        # was checked on the rule (administrators only), and it reads nothing back to them
        # but counts and names in the preview
        return (
            self.env[self._spec()["model"]]
            .sudo()
            .with_context(active_test=False, tracking_disable=True, mail_notrack=True)
        )

    def _get_placeholder(self):
        return self.company_id._get_performance_anonymous_employees()[:1]

    def _get_domain(self, today=None):
        """The records past the retention of this rule, not on legal hold, not yet erased."""
        self.ensure_one()
        spec = self._spec()
        cutoff = (today or fields.Date.context_today(self)) - relativedelta(months=self.months)
        employee = spec["employee"]
        domain = Domain(spec["company"], "=", self.company_id.id)
        if self.event == "departure":
            departed = (
                self.env["hr.employee"]
                .sudo()
                .with_context(active_test=False)
                ._search(
                    [
                        ("active", "=", False),
                        ("departure_date", "!=", False),
                        ("departure_date", "<=", cutoff),
                    ]
                )
            )
            domain &= Domain(employee, "in", departed)
        else:
            path = spec["dates"][self.event]
            domain &= Domain(path, "<=", cutoff)
            if self.event == "cycle_close":
                domain &= Domain(path.rsplit(".", 1)[0] + ".state", "=", "closed")
        held = (
            self.env["hr.employee"]
            .sudo()
            .with_context(active_test=False)
            ._search([("performance_legal_hold", "=", True)])
        )
        domain &= Domain(employee, "not in", held)
        placeholders = self.company_id.sudo().performance_anonymous_employee_ids.ids
        for name, operator, value in spec["pending"]:
            domain &= Domain(name, operator, placeholders if value == PLACEHOLDER else value)
        return domain

    def _get_pending_records(self, limit=None):
        self.ensure_one()
        return self._get_model().search(self._get_domain(), limit=limit, order="id")

    def _apply_rules(self, batch_size=500):
        """Apply the rules in ``self`` (all the active ones when empty) a batch at a time.

        :return: True once every rule is done, False when the cron's time ran out first
        """
        rules = self or self.search([])
        for rule in rules.sudo():
            Model = rule._get_model()
            done = process_cron_batches(
                Model, rule._get_domain(), rule._erase, batch_size, order="id"
            )
            rule.last_run = fields.Datetime.now()
            if not done:
                return False
        return True

    def _erase(self, records):
        """Anonymise or delete ``records`` with what they hold elsewhere (chatter, files),
        then tell the rule's chatter and the employees' what went, never the content."""
        self.ensure_one()
        spec = self._spec()
        employees = records.mapped(spec["employee"]).exists()
        employees -= self.company_id.sudo().performance_anonymous_employee_ids
        model_name, ids = records._name, records.ids
        if self.action == "delete":
            self._purge_chatter(model_name, ids)
            records.unlink()
        else:
            for field, value in spec.get("children", []):
                children = records.mapped(field)
                if value == UNLINK:
                    self._purge_chatter(children._name, children.ids)
                    children.unlink()
                else:
                    children.write(value)
                    self._purge_chatter(children._name, children.ids)
            placeholder = self._get_placeholder()
            records.write(
                {
                    field: placeholder.id if value == PLACEHOLDER else value
                    for field, value in spec["anonymise"].items()
                }
            )
            self._purge_chatter(model_name, ids)
        self._log_erasure(len(ids), employees)

    def _purge_chatter(self, model_name, ids):
        """Messages (with their tracked values), activities, followers and files of erased
        records: they hold the text and the names the records no longer do."""
        if not ids:
            return
        env = self.env(su=True)
        domain = [("model", "=", model_name), ("res_id", "in", ids)]
        env["mail.message"].with_context(active_test=False).search(domain).unlink()
        env["mail.activity"].with_context(active_test=False).search(
            [("res_model", "=", model_name), ("res_id", "in", ids)]
        ).unlink()
        env["mail.followers"].search(
            [("res_model", "=", model_name), ("res_id", "in", ids)]
        ).unlink()
        env["ir.attachment"].search(
            [("res_model", "=", model_name), ("res_id", "in", ids)]
        ).unlink()

    def _log_erasure(self, count, employees):
        labels = dict(self._fields["record_type"]._description_selection(self.env))
        actions = dict(self._fields["action"]._description_selection(self.env))
        values = {
            "count": count,
            "type": labels[self.record_type],
            "action": actions[self.action],
            "rule": self.name,
            "date": fields.Date.to_string(fields.Date.context_today(self)),
        }
        self.message_post(
            body=self.env._("%(action)s: %(count)s %(type)s on %(date)s.", **values),
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        if employees:
            body = self.env._(
                "Retention rule %(rule)s: %(type)s (%(action)s) on %(date)s.", **values
            )
            employees.sudo()._message_log_batch(bodies=dict.fromkeys(employees.ids, body))

    @api.model
    def _cron_apply(self, batch_size=500):
        # superuser (the cron's user): erasure crosses every record rule by design; the rules
        # themselves are written by performance administrators only
        self.sudo().search([])._apply_rules(batch_size=batch_size)
