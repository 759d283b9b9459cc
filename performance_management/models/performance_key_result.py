from datetime import datetime, time

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import float_compare, float_is_zero, formatLang
from odoo.tools.safe_eval import safe_eval

from ..tools import FiniteFloat, process_cron_batches, settable

# How an automatic key result reads Odoo data is for Performance administrators: it counts
# or sums the records of an allowed model, with its definer's rights.
AUTOMATIC_FIELDS = {
    "source",
    "model_id",
    "computation_mode",
    "field_id",
    "domain",
    "owner_field_id",
    "date_field_id",
}


class PerformanceKeyResult(models.Model):
    """A measurable result of a goal, entered by hand or computed from Odoo data."""

    _name = "performance.key.result"
    _description = "Key Result"
    _inherit = ("performance.import.template.mixin",)
    _order = "goal_id, sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    goal_id = fields.Many2one("performance.goal", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="goal_id.company_id", store=True, index=True)
    employee_id = fields.Many2one(related="goal_id.employee_id", store=True, index=True)
    kind = fields.Selection(
        [
            ("number", "Number"),
            ("percentage", "Percentage"),
            ("currency", "Amount"),
            ("milestone", "Milestone"),
        ],
        required=True,
        default="number",
    )
    direction = fields.Selection(
        [("increase", "Increase"), ("decrease", "Decrease")],
        required=True,
        compute="_compute_direction",
        store=True,
        readonly=False,
        precompute=True,
        help="Decrease for results to bring down, e.g. a response time from 48 h to 12 h. "
        "Follows the start and the target.",
    )
    unit = fields.Char(help="Unit shown next to the values, e.g. h or deals.")
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.company.currency_id
    )
    start_value = FiniteFloat()
    target_value = FiniteFloat(default=100.0)
    current_value = FiniteFloat(help="Where the result stands; a new one starts at its start.")
    is_reached = fields.Boolean(
        string="Reached", compute="_compute_is_reached", inverse="_inverse_is_reached"
    )
    weight = FiniteFloat(default=1.0)
    progress = FiniteFloat(compute="_compute_progress", store=True, aggregator="avg")
    source = fields.Selection(
        [("manual", "Manual"), ("automatic", "Computed from Odoo")],
        required=True,
        default="manual",
    )
    model_id = fields.Many2one(
        "ir.model",
        ondelete="cascade",
        domain=[("transient", "=", False), ("abstract", "=", False)],
    )
    model_name = fields.Char(related="model_id.model", string="Model Name")
    computation_mode = fields.Selection(
        [("count", "Count of records"), ("sum", "Sum of a field")],
        default="count",
    )
    field_id = fields.Many2one(
        "ir.model.fields",
        string="Field to Sum",
        ondelete="cascade",
        domain="[('model_id', '=', model_id), ('ttype', 'in', ('integer', 'float', 'monetary'))]",
    )
    domain = fields.Char(default="[]", help="Records counted or summed.")
    owner_field_id = fields.Many2one(
        "ir.model.fields",
        ondelete="cascade",
        domain="[('model_id', '=', model_id), ('ttype', '=', 'many2one'), "
        "('relation', 'in', ('res.users', 'hr.employee'))]",
        help="The user or employee the records belong to, e.g. the salesperson.",
    )
    date_field_id = fields.Many2one(
        "ir.model.fields",
        ondelete="cascade",
        domain="[('model_id', '=', model_id), ('ttype', 'in', ('date', 'datetime'))]",
        help="Only the records dated within the goal's period count.",
    )
    last_computed = fields.Datetime(readonly=True, copy=False)
    definer_id = fields.Many2one(
        "res.users",
        string="Defined By",
        readonly=True,
        copy=False,
        help="The value is counted with this administrator's rights, in the goal's company.",
    )
    allowed_model_ids = fields.Many2many(
        related="company_id.performance_kr_model_ids", string="Allowed Models"
    )

    @api.depends("start_value", "target_value")
    def _compute_direction(self):
        for kr in self:
            if kr.target_value < kr.start_value:
                kr.direction = "decrease"
            elif kr.target_value > kr.start_value or not kr.direction:
                kr.direction = "increase"

    @api.depends("current_value", "kind")
    def _compute_is_reached(self):
        for kr in self:
            kr.is_reached = kr.kind == "milestone" and kr.current_value >= 1

    def _inverse_is_reached(self):
        for kr in self.filtered(lambda kr: kr.kind == "milestone"):
            kr.current_value = 1.0 if kr.is_reached else 0.0

    @api.depends("kind", "direction", "start_value", "target_value", "current_value")
    def _compute_progress(self):
        for kr in self:
            kr.progress = kr._get_progress(kr.current_value)

    def _get_progress(self, value):
        """Progress (0-100) of the key result if its current value were ``value``."""
        self.ensure_one()
        if self.kind == "milestone":
            return 100.0 if value >= 1 else 0.0
        span = self.target_value - self.start_value
        if (self.direction == "decrease" and span > 0) or (
            self.direction == "increase" and span < 0
        ):
            # the direction says the other way (refused on save, _check_values): no progress
            # to preview, the form says why
            return 0.0
        if float_is_zero(span, precision_digits=6):
            sign = 1 if self.direction == "increase" else -1
            reached = float_compare(value, self.target_value, precision_digits=6) * sign >= 0
            return 100.0 if reached else 0.0
        return min(max((value - self.start_value) / span, 0.0), 1.0) * 100.0

    @api.constrains("weight")
    def _check_weight(self):
        if any(kr.weight < 0 for kr in self):
            raise ValidationError(self.env._("The weight of a key result cannot be negative."))

    @api.constrains("kind", "direction", "start_value", "target_value", "current_value")
    def _check_values(self):
        for kr in self:
            if kr.kind == "milestone":
                if kr.start_value != 0 or kr.target_value != 1:
                    raise ValidationError(
                        self.env._(
                            "The milestone %(kr)s is reached or not: it takes no numeric "
                            "start or target.",
                            kr=kr.name,
                        )
                    )
                if kr.current_value not in (0, 1):
                    raise ValidationError(
                        self.env._("The milestone %(kr)s is reached or not.", kr=kr.name)
                    )
            elif kr.direction == "increase" and kr.target_value < kr.start_value:
                raise ValidationError(
                    self.env._(
                        "The key result %(kr)s increases: its target cannot be below its start.",
                        kr=kr.name,
                    )
                )
            elif kr.direction == "decrease" and kr.target_value > kr.start_value:
                raise ValidationError(
                    self.env._(
                        "The key result %(kr)s decreases: its target cannot be above its start.",
                        kr=kr.name,
                    )
                )
            kr._check_reported_value(kr.current_value)

    @api.constrains(*AUTOMATIC_FIELDS, "goal_id")
    def _check_automatic(self):
        for kr in self.filtered(lambda kr: kr.source == "automatic"):
            if not kr.model_id:
                raise ValidationError(
                    self.env._("The automatic key result %(kr)s needs a model.", kr=kr.name)
                )
            if kr.model_id not in kr.goal_id.company_id.performance_kr_model_ids:
                raise ValidationError(
                    self.env._(
                        "%(model)s is not among the models an administrator allows key "
                        "results to count (Settings, Goals).",
                        model=kr.model_id.name,
                    )
                )
            for field in kr.field_id | kr.owner_field_id | kr.date_field_id:
                if field.model_id != kr.model_id:
                    raise ValidationError(
                        self.env._(
                            "The field %(field)s is not a field of %(model)s.",
                            field=field.field_description,
                            model=kr.model_id.name,
                        )
                    )
            if kr.computation_mode == "sum" and kr.field_id.ttype not in (
                "integer",
                "float",
                "monetary",
            ):
                raise ValidationError(
                    self.env._("The key result %(kr)s needs a numeric field to sum.", kr=kr.name)
                )
            try:
                kr._get_record_domain(kr.goal_id)
            except Exception as error:
                raise ValidationError(
                    self.env._(
                        "The domain of the key result %(kr)s is invalid: %(error)s",
                        kr=kr.name,
                        error=error,
                    )
                ) from error

    def _check_reported_value(self, value):
        """Refuse a value the result cannot take: below zero when it counts from zero up."""
        self.ensure_one()
        if self.kind != "milestone" and value < 0 <= min(self.start_value, self.target_value):
            raise ValidationError(
                self.env._(
                    "%(kr)s goes from %(start)s to %(target)s: it cannot stand at %(value)s.",
                    kr=self.name,
                    start=self.start_value,
                    target=self.target_value,
                    value=value,
                )
            )

    def _is_far_outside(self, value):
        """Whether a reported value lies far outside the result's range (a slip of the keys:
        99,999,999,999 on a result from 60 to 90), more than ten spans past either end."""
        self.ensure_one()
        if self.kind == "milestone":
            return False
        low, high = sorted((self.start_value, self.target_value))
        margin = 10 * max(high - low, 1.0)
        return not low - margin <= value <= high + margin

    def _far_outside_message(self, value):
        return self.env._(
            "%(kr)s goes from %(start)s to %(target)s: %(value)s is far outside that range.",
            kr=self.name,
            start=formatLang(self.env, self.start_value),
            target=formatLang(self.env, self.target_value),
            value=formatLang(self.env, value),
        )

    @api.onchange("start_value")
    def _onchange_start_value(self):
        if not self._origin.id:  # a new key result starts where it starts
            self.current_value = self.start_value

    @api.onchange("current_value")
    def _onchange_current_value(self):
        # a slip of the keys asks before it counts: the form warns, the save still may
        if self._is_far_outside(self.current_value):
            return {
                "warning": {
                    "title": self.env._("Is this value right?"),
                    "message": self._far_outside_message(self.current_value),
                }
            }
        return None

    @api.onchange("kind")
    def _onchange_kind(self):
        if self.kind == "milestone":
            self.start_value, self.target_value, self.current_value = 0.0, 1.0, 0.0
            self.direction = "increase"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("kind") == "milestone":
                vals.setdefault("target_value", 1.0)
            vals.setdefault("current_value", vals.get("start_value") or 0.0)
        krs = super().create(vals_list)
        if not self.env.su:
            if krs.filtered(lambda kr: kr.source == "automatic"):
                self._check_automatic_rights()
            krs.goal_id._check_key_result_rights()
        # definer_id is the application's: the creator of an automatic result, unless the
        # addon itself names one (a library copy, demo data); nobody for a manual one
        for kr in krs:
            definer = self.env.user if kr.source == "automatic" else self.env["res.users"]
            if kr.definer_id != definer and not (self.env.su and kr.definer_id):
                # sudo: the field is the application's (readonly: users never write it)
                kr.sudo().definer_id = definer
        krs.filtered(lambda kr: kr.source == "automatic")._update_automatic_value(
            check=not self.env.su
        )
        return krs

    def _has_field_access(self, field, operation):
        return settable(self, field, operation) and super()._has_field_access(field, operation)

    def write(self, vals):
        if not self.env.su:
            if AUTOMATIC_FIELDS & set(vals) or "definer_id" in vals:
                self._check_automatic_rights()
            if set(vals) - {"last_computed"}:
                self.goal_id._check_key_result_rights()
        res = super().write(vals)
        if "goal_id" in vals and not self.env.su:
            # moved: the writer must still define the results of the goal it went to
            self.goal_id._check_key_result_rights()
            self.check_access("write")
        if AUTOMATIC_FIELDS & set(vals) and not (self.env.su and vals.get("definer_id")):
            # whoever changes what is counted counts it with his own rights from now on
            self.sudo().write({"definer_id": self.env.uid})
        if AUTOMATIC_FIELDS & set(vals):
            self.filtered(lambda kr: kr.source == "automatic")._update_automatic_value(
                check=not self.env.su
            )
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_if_goal_editable(self):
        if not self.env.su:
            self.goal_id._check_key_result_rights()

    def _prepare_copy_values(self):
        self.ensure_one()
        # a copy counts as its original did, with the rights of the same administrator
        values = self.copy_data({"current_value": self.start_value})[0]
        return values | {"goal_id": False, "definer_id": self.definer_id.id}

    def _check_automatic_rights(self):
        if not self.env.user.has_group("performance_management.group_performance_admin"):
            raise UserError(
                self.env._(
                    "Only performance administrators define key results computed from Odoo."
                )
            )

    # Automatic values ----------------------------------------------------------------------

    def _get_record_domain(self, goal):
        """Domain of the records this key result counts or sums for ``goal``."""
        self.ensure_one()
        Model = self.env[self.model_id.model]
        owner = goal._get_owner_employee() if goal.scope != "company" else False
        context = {"user": owner.user_id if owner else self.env["res.users"]}
        domain = Domain(safe_eval(self.domain or "[]", context))
        if self.owner_field_id:
            if goal.scope == "employee":
                employees = goal.employee_id
            elif goal.scope == "department":
                employees = goal.department_id.member_ids
            else:
                employees = None
            if employees is not None:
                owners = (
                    employees.user_id if self.owner_field_id.relation == "res.users" else employees
                )
                domain &= Domain(self.owner_field_id.name, "in", owners.ids)
        if "company_id" in Model._fields and Model._fields["company_id"].store:
            domain &= Domain("company_id", "in", [goal.company_id.id, False])
        if self.date_field_id:
            start, end = goal.date_start, goal.date_deadline
            if self.date_field_id.ttype == "datetime":
                start = start and datetime.combine(start, time.min)
                end = end and datetime.combine(end, time.max)
            if start:
                domain &= Domain(self.date_field_id.name, ">=", start)
            if end:
                domain &= Domain(self.date_field_id.name, "<=", end)
        domain.validate(Model)
        return domain

    def _update_automatic_value(self, check=False):
        """Recompute the automatic values; with ``check``, say why one cannot be computed."""
        now = fields.Datetime.now()
        for kr in self.filtered(lambda kr: kr.source == "automatic" and kr.model_id):
            value = kr._get_automatic_value(check=check)
            vals = {"last_computed": now}
            if value is not None:
                vals["current_value"] = value
            # sudo: only the value computed with the definer's rights, on this key result
            kr.sudo().write(vals)

    def _get_automatic_value(self, check=False):
        """Count or sum of the records, read as the definer in the goal's company, never in
        sudo; None when the definer may no longer count them."""
        self.ensure_one()
        # sudo: the definition itself (definer, model, company); the count below is not sudo
        kr = self.sudo()
        goal, definer = kr.goal_id, kr.definer_id
        company = goal.company_id
        if not definer or not definer.active or definer._is_superuser():
            error = self.env._(
                "The key result %(kr)s has no administrator to count it.", kr=kr.name
            )
        elif not definer.has_group("performance_management.group_performance_admin"):
            error = self.env._(
                "The key result %(kr)s was defined by someone who is no longer a performance "
                "administrator.",
                kr=kr.name,
            )
        elif company.performance_monitor_key_results == "off" or (
            company.performance_monitor_key_results == "team" and goal.scope == "employee"
        ):
            # the works agreement: no key result from Odoo data, or team aggregates only
            error = self.env._(
                "The company's works agreement does not let the key result %(kr)s be "
                "computed from Odoo data.",
                kr=kr.name,
            )
        elif kr.model_id not in company.performance_kr_model_ids:
            error = self.env._(
                "The key result %(kr)s counts a model that is no longer allowed.", kr=kr.name
            )
        elif company not in definer.company_ids:
            error = self.env._(
                "The key result %(kr)s belongs to a company its administrator has no access to.",
                kr=kr.name,
            )
        else:
            env = self.env(
                user=definer.id,
                su=False,
                context=dict(self.env.context, allowed_company_ids=[company.id], active_test=True),
            )
            Model = env[kr.model_id.model]
            try:
                domain = kr._get_record_domain(goal)
                if kr.computation_mode == "sum" and kr.field_id:
                    return Model._read_group(domain, [], [f"{kr.field_id.name}:sum"])[0][0] or 0.0
                return Model.search_count(domain)
            except AccessError:
                error = self.env._(
                    "The key result %(kr)s counts records its administrator may not read.",
                    kr=kr.name,
                )
        if check:
            raise UserError(error)
        return None

    @api.model
    def _cron_update_automatic_values(self, batch_size=200):
        today_start = datetime.combine(fields.Date.today(), time.min)
        domain = Domain(
            [
                ("source", "=", "automatic"),
                ("goal_id.state", "=", "active"),
                "|",
                ("last_computed", "=", False),
                ("last_computed", "<", today_start),
            ]
        )
        process_cron_batches(
            self,
            domain,
            lambda krs: krs._update_automatic_value(),
            batch_size,
            order="last_computed, id",
        )
