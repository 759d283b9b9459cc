"""Forged fields: every model of the addon, every role, every way a record is made or changed.

Each role creates, writes, copies and imports (``load``) the records of every model of the
addon, with a hostile value in each field it must not set: the workflow and system fields
(states, flags such as ``is_request`` or ``anonymous_released``, scores, dates the
application keeps), the links (to a record the role cannot read) and the signature (who
wrote it). Values go as values and as ``default_<field>`` keys of the context, through
``call_kw`` as JSON-RPC and JSON-2 do. Whatever the call answers, every record the role
leaves behind must pass that role's record rules and hold none of the hostile values.

The suite looks for the class of hole (a check of the request instead of the record), not
for one instance: a model, a field or a path added later is attacked without a new line.
"""

import logging
from contextlib import closing

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.models import MAGIC_COLUMNS, BaseModel
from odoo.service.model import call_kw
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .test_write_path_matrix import WritePathCase

_logger = logging.getLogger(__name__)

# the least trusted roles that reach a record of company A, none a performance officer there
ROLES = ("portal", "employee", "colleague", "manager", "other_manager", "officer_b", "survey")

# the values a workflow field may start with, next to its default (a feedback is given, or
# asked for; a manager sets a goal running)
INITIAL = {
    ("performance.feedback", "state"): {"done", "requested"},
    ("performance.goal", "state"): {"draft", "active"},
}
# workflow fields that are not called state
WORKFLOW = {
    "performance.cycle": ("launch_state",),
    "performance.issue": ("plan_id",),
}
# who signs a record: the writer himself (his user or his employee), or nobody
SIGNATURE = {
    "performance.review.note": "author_id",
    "performance.coaching.note": "user_id",
    "performance.coaching.talking.point": "user_id",
    "performance.goal.checkin": "user_id",
    "performance.improvement.extension": "user_id",
    "performance.calibration.log": "user_id",
    "performance.recognition": "giver_id",
    "performance.reward": "recommender_id",
}
# fields written once, when the record is made, and fixed after: attacked on write only
# (an extension records the end date it moved, the reason and who moved it)
SET_AT_CREATION = {
    "performance.improvement.extension": ("previous_date_end", "date_end", "reason", "user_id"),
}
# states the owner moves by hand: a development action is a to-do list (its cancellation
# is the managers', test_write_path_matrix)
FREE = {("performance.development.action", "state")}
# technical models a link is chosen from, read with the definer's rights (automatic key
# results): not a record of somebody's
TECHNICAL = ("ir.model", "ir.model.fields")
# mail and activity bookkeeping, the host's
HOST_MODELS = ("mail.thread", "mail.activity.mixin")


class AccessAttackCase(WritePathCase):
    """The write-path records, each role's user, and what each role may not set."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_survey = new_test_user(
            cls.env,
            login="pm_attack_survey_user",
            groups="base.group_user,survey.group_survey_user",
        )
        cls.users["colleague"] = cls.user_peer
        cls.users["survey"] = cls.user_survey
        cls._unreadable_cache = {}

    # what is attacked ------------------------------------------------------------------
    def _models(self):
        return sorted(
            name
            for name, model in self.env.registry.items()
            if name.startswith("performance.")
            and not model._transient
            and not model._abstract
            and model._auto
            and name in self.records["employee"]
        )

    def _kind(self, model, fname):
        """How a field is attacked: 'system', 'link', 'signature', or None (free data)."""
        field = self.env[model]._fields[fname]
        if (
            fname in MAGIC_COLUMNS
            or fname == "display_name"
            or any(fname in self.env[host]._fields for host in HOST_MODELS)
            or not field.store
            or field.related
            or field.type in ("one2many", "many2many", "binary", "properties", "json")
            or (model, fname) in FREE
            or getattr(field, "comodel_name", None) in TECHNICAL
        ):
            return None
        if SIGNATURE.get(model) == fname:
            return "signature"
        if field.readonly or fname == "state" or fname in WORKFLOW.get(model, ()):
            return "system"
        if field.type == "many2one":
            return "link"
        return None

    def _attacked_fields(self, model):
        return [
            (fname, kind)
            for fname in sorted(self.env[model]._fields)
            if (kind := self._kind(model, fname))
        ]

    def _unreadable(self, comodel, user):
        """A record of ``comodel`` that ``user`` cannot read (employees: their public card)."""
        key = (comodel, user.id)
        if key not in self._unreadable_cache:
            readable_model = "hr.employee.public" if comodel == "hr.employee" else comodel
            candidates = self.env[comodel].sudo().search([])
            readable = (
                self.env[readable_model]
                .with_user(user)
                .browse(candidates.ids)
                ._filtered_access("read")
            )
            hidden = candidates.filtered(lambda rec: rec.id not in readable.ids)
            self._unreadable_cache[key] = hidden[-1:].id
        return self._unreadable_cache[key]

    def _hostile(self, model, fname, kind, user, current=None):
        """The hostile values of a field: nothing a role may set there."""
        field = self.env[model]._fields[fname]
        if kind == "link":
            hidden = self._unreadable(field.comodel_name, user)
            return [hidden] if hidden else []
        if kind == "signature":
            others = self.env[field.comodel_name].sudo().search([], limit=50)
            if field.comodel_name == "res.users":
                other = others.filtered(lambda rec: rec != user)[:1]
            else:
                other = others.filtered(lambda rec: rec.user_id != user)[:1]
            return other.ids
        if field.type == "many2one":
            hidden = self._unreadable(field.comodel_name, user)
            readable = self.env[field.comodel_name].sudo().search([], limit=1)
            return [value for value in {hidden, readable.id} - {False, current} if value]
        if field.type == "selection":
            values = [value for value, _label in field._description_selection(self.env)]
            allowed = INITIAL.get((model, fname), set())
            if current is None and field.default:
                allowed = allowed | {field.default(self.env[model])}
            # one forbidden value is enough to tell a check of the record from none
            return [value for value in values if value not in allowed and value != current][-1:]
        if field.type == "boolean":
            return [not current] if current is not None else [True]
        return {
            "float": [37.5],
            "monetary": [37.5],
            "integer": [37],
            "date": ["2020-02-29"],
            "datetime": ["2020-02-29 10:00:00"],
            "char": ["Forged"],
            "text": ["Forged"],
            "html": ["<p>Forged</p>"],
        }.get(field.type, [])

    # who attacks what ------------------------------------------------------------------
    def _pool(self, role):
        return self.records["portal" if role == "portal" else "employee"]

    def _subject(self, role):
        return self.portal_employee if role == "portal" else self.employee

    def _base_vals(self, model, role):
        return self._create_vals(model, self._subject(role), self._pool(role))

    # one call, and what it left behind ---------------------------------------------------
    def _run(self, role, model, path, fname, kind, value, record):
        """Run one attack in a savepoint; return the holes it leaves behind."""
        user = self.users[role]
        Model = self.env[model].with_user(user)
        base = dict(self._base_vals(model, role))
        if path == "create":
            call = ("create", [[{**base, fname: value}]], {})
        elif path == "create_default":
            base.pop(fname, None)
            call = ("create", [[base]], {"context": {f"default_{fname}": value}})
        elif path == "copy":
            call = ("copy", [record.ids], {"default": {fname: value}})
        elif path == "copy_default":
            call = ("copy", [record.ids], {"context": {f"default_{fname}": value}})
        elif path == "write":
            call = ("write", [record.ids, {fname: value}], {})
        else:  # load, as the import of a file does
            load = self._load_row(model, base, fname, value)
            if not load:
                return []
            call = ("load", list(load), {})
        self.env.flush_all()
        holes = []
        # the database refuses some forged values (a crash is no hole): not an error to log
        with closing(self.env.cr.savepoint()), mute_logger("odoo.sql_db"):
            try:
                result = call_kw(Model, call[0], call[1], call[2])
                self.env.flush_all()
            except (AccessError, UserError, ValidationError):
                result = None
            except Exception as error:  # noqa: BLE001 - a crash is a finding too
                _logger.info("attack %s %s.%s crashed: %s", path, model, fname, error)
                result = None
            if result is not None:
                if path == "write":
                    left, operation = record, "write"
                elif path == "load":
                    left, operation = self.env[model].browse(result["ids"] or []), "read"
                else:
                    ids = result if isinstance(result, list) else [result]
                    # what one made, one reads (create rules were checked at the insert,
                    # before the application filled its own fields)
                    left, operation = self.env[model].browse(ids), "read"
                holes = self._holes(user, left, operation, fname, kind, value)
        self.env.invalidate_all()
        self.env.transaction.clear()
        return holes

    def _load_row(self, model, base, fname, value):
        fields_, row = [], []
        field_types = self.env[model]._fields
        for key, val in {**base, fname: value}.items():
            if isinstance(val, list | tuple | dict):
                return None
            if field_types[key].type == "many2one":
                fields_.append(f"{key}/.id")
                row.append(str(val))
            elif isinstance(val, bool):
                fields_.append(key)
                row.append("1" if val else "0")
            else:
                fields_.append(key)
                row.append(str(val))
        return fields_, [row]

    def _holes(self, user, left, operation, fname, kind, value):
        holes = []
        model = left._name
        field = left._fields[fname]
        for rec in left.sudo():
            if not rec.with_user(user)._filtered_access(operation):
                holes.append(f"passes no {operation} rule of its author")
            held = rec[fname]
            if kind == "signature":
                mine = user if field.comodel_name == "res.users" else user.employee_ids
                if held and held not in mine:
                    holes.append(f"signed {fname} by someone else")
                continue
            try:
                hostile = field.convert_to_record(field.convert_to_cache(value, rec), rec)
            except (TypeError, ValueError):
                continue
            if field.type == "many2one":
                if held and held.id == value:
                    holes.append(f"holds {fname}={value} ({kind})")
            elif held == hostile and (kind == "system"):
                holes.append(f"holds {fname}={value!r}")
        return [f"{model} {fname}: {hole}" for hole in dict.fromkeys(holes)]

    def _attack(self, model, role, paths):
        user = self.users[role]
        Model = self.env[model].with_user(user)
        record = self._pool(role)[model]
        can_create = Model.has_access("create")
        can_write = record.with_user(user).has_access("write")
        can_read = record.with_user(user).has_access("read")
        holes = []
        for fname, kind in self._attacked_fields(model):
            for path in paths:
                if path.startswith(("create", "load")) and not can_create:
                    continue
                if path != "write" and fname in SET_AT_CREATION.get(model, ()):
                    continue
                if path.startswith("copy") and not (can_create and can_read):
                    continue
                if path == "write" and not can_write:
                    continue
                # a computed field is attacked with a value its computation does not give
                computed = self.env[model]._fields[fname].compute
                current = record.sudo()[fname] if path == "write" or computed else None
                if isinstance(current, BaseModel):
                    current = current.id
                for value in self._hostile(model, fname, kind, user, current):
                    for hole in self._run(role, model, path, fname, kind, value, record):
                        holes.append(f"{role} {path}: {hole}")
        return holes


PATHS = ("create", "create_default", "copy", "copy_default", "write", "load")


@tagged("post_install", "-at_install")
class TestForgedFields(AccessAttackCase):
    def _assert_no_holes(self, models):
        holes = []
        for model in models:
            for role in ROLES:
                holes += self._attack(model, role, PATHS)
        holes = list(dict.fromkeys(holes))
        self.assertFalse(holes, "holes left behind:\n    " + "\n    ".join(holes))

    def test_goals_and_check_ins(self):
        self._assert_no_holes([m for m in self._models() if ".goal" in m or ".key." in m])

    def test_reviews(self):
        self._assert_no_holes(
            [m for m in self._models() if ".review" in m or m == "performance.calibration.log"]
        )

    def test_feedback_and_one_to_ones(self):
        self._assert_no_holes(
            [m for m in self._models() if m == "performance.feedback" or ".coaching." in m]
        )

    def test_improvement_and_development(self):
        self._assert_no_holes(
            [
                m
                for m in self._models()
                if ".improvement." in m or ".development." in m or m == "performance.issue"
            ]
        )

    def test_rewards_kudos_and_configuration(self):
        covered = (".goal", ".key.", ".review", ".coaching.", ".improvement.", ".development.")
        self._assert_no_holes(
            [
                m
                for m in self._models()
                if not any(part in m for part in covered)
                and m
                not in ("performance.feedback", "performance.issue", "performance.calibration.log")
            ]
        )

    @settings(
        max_examples=40,
        derandomize=True,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(data=st.data())
    def test_several_default_keys_at_once(self, data):
        """Checks that look at one key miss two: any mix of default keys on a create."""
        model = data.draw(st.sampled_from(self._models()))
        role = data.draw(st.sampled_from(ROLES))
        user = self.users[role]
        if not self.env[model].with_user(user).has_access("create"):
            return
        attacked = [
            (fname, kind, value)
            for fname, kind in self._attacked_fields(model)
            for value in self._hostile(model, fname, kind, user)[:1]
        ]
        if not attacked:
            return
        chosen = data.draw(st.lists(st.sampled_from(attacked), min_size=2, max_size=4))
        base = dict(self._base_vals(model, role))
        context = {}
        for fname, _kind, value in chosen:
            base.pop(fname, None)
            context[f"default_{fname}"] = value
        Model = self.env[model].with_user(user)
        self.env.flush_all()
        holes = []
        # the database refuses some forged values (a crash is no hole): not an error to log
        with closing(self.env.cr.savepoint()), mute_logger("odoo.sql_db"):
            try:
                ids = call_kw(Model, "create", [[base]], {"context": context})
                self.env.flush_all()
            except (AccessError, UserError, ValidationError):
                ids = []
            except Exception:  # noqa: BLE001 - the ORM refusing a malformed value
                ids = []
            left = self.env[model].browse(ids)
            for fname, kind, value in chosen:
                holes += self._holes(user, left, "read", fname, kind, value)
        self.env.invalidate_all()
        self.env.transaction.clear()
        self.assertEqual(holes, [], f"{role} create with {sorted(context)}")
