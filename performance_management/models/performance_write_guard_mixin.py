from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.models import MAGIC_COLUMNS


class PerformanceWriteGuardMixin(models.AbstractModel):
    """What ``write()`` refuses from outside: moved owners and links, system and workflow fields.

    A record rule checks a record as it is. Moving it to another owner, parent or link
    escapes the check that let it be written, so each model declares:

    - ``_guard_locked_fields``: owner and link fields, fixed once the record exists;
    - ``_guard_officer_fields``: the locked fields a performance officer still corrects;
    - ``_guard_recheck_fields``: owner and link fields whoever may write the record moves
      (a manager reassigns a goal);
      a moved field is re-checked on its new value: the linked record must be readable by
      the writer, the record must still pass the writer's rules once moved, and the
      model's own ``_guard_check_moved()`` hook runs (the checks of its creation);
    - ``_guard_workflow_fields``: moved only by the action methods.

    Readonly fields (computed, related, markers, links the addon keeps itself such as a
    calendar event or an activity) are the system's: never written from outside. What a
    new record may hold is the create rules' (``performance_create_security.xml``): Odoo
    checks them on the inserted record, whatever filled its fields.

    Superuser writes pass: they are the addon's own, made after its checks. That is the one
    way a workflow field moves: an action method checks who may run it, then writes with
    ``_write_state()`` (the writer's record rules still apply) or, where the actor is not
    one who writes the record (an employee acknowledging his review, a manager approving
    a reward), in sudo directly. Nothing sent over RPC (no context key) can do the same.
    """

    _name = "performance.write.guard.mixin"
    _description = "Guarded Writes"

    _guard_locked_fields = ()
    _guard_officer_fields = ()
    _guard_recheck_fields = ()
    _guard_workflow_fields = ("state",)

    performance_guard_officer = fields.Boolean(
        string="Reader Is a Performance Officer",
        compute="_compute_performance_guard_officer",
        help="Whether the reader may still correct the officer fields of this record.",
    )

    @api.depends_context("uid")
    def _compute_performance_guard_officer(self):
        self.performance_guard_officer = self._guard_is_officer()

    @api.model
    def _get_view(self, view_id=None, view_type="form", **options):
        arch, view = super()._get_view(view_id, view_type, **options)
        if view_type == "form":
            self._guard_readonly_arch(arch)
        return arch, view

    @api.model
    def _guard_readonly_arch(self, arch):
        """The form shows what write() refuses as read-only: a saved record's locked fields.

        The officer fields stay editable to the officers. Only the form's own fields are
        touched, not those of its sub-lists, and a field already read-only stays so. The
        arch is cached for every reader: the reader's part is a field of the record.
        """
        locked = set(self._guard_locked_fields)
        officer = set(self._guard_officer_fields)
        for node in arch.iter("field"):
            name = node.get("name")
            if name not in locked or node.get("readonly") in ("1", "True", "true"):
                continue
            if any(
                parent.tag in ("list", "kanban", "form", "tree")
                for parent in node.iterancestors()
                if parent is not arch
            ):
                continue
            condition = "id and not performance_guard_officer" if name in officer else "id"
            existing = node.get("readonly")
            node.set("readonly", f"({existing}) or ({condition})" if existing else condition)

    def write(self, vals):
        if self.env.su:
            return super().write(vals)
        moved = self._guard_check_write(vals)
        res = super().write(vals)
        if moved:
            # where it went, the record must still be the writer's to write
            self.check_access("write")
            self._guard_check_moved(moved)
        return res

    def _write_state(self, vals):
        """Move the workflow; only action methods call this, after their own checks."""
        self.check_access("write")
        # sudo: the writer may write these records (checked above); the guard refuses state
        # to everyone else
        return self.sudo().write(vals)

    @api.model
    def _guard_system_fields(self):
        return {
            name
            for name, field in self._fields.items()
            if field.readonly and name not in MAGIC_COLUMNS and name != "display_name"
        }

    @api.model
    def _guard_is_officer(self):
        return self.env.user.has_group("performance_management.group_performance_officer")

    @api.model
    def _guard_field_label(self, fname):
        return self._fields[fname].get_description(self.env)["string"]

    def _guard_check_write(self, vals):
        """Refuse what ``vals`` may not change; return the moved fields to re-check."""
        for fname in vals:
            if fname in self._guard_workflow_fields:
                self._guard_check_access()
                raise UserError(
                    self.env._(
                        "%(field)s moves only through the buttons of the %(model)s.",
                        field=self._guard_field_label(fname),
                        model=self._description,
                    )
                )
        system = self._guard_system_fields() & set(vals)
        if system:
            self._guard_check_access()
            raise UserError(
                self.env._(
                    "%(field)s is set by the application, not by hand.",
                    field=self._guard_field_label(min(system)),
                )
            )
        guarded = set(self._guard_locked_fields) | set(self._guard_recheck_fields)
        moved = {fname for fname in set(vals) & guarded if self._guard_changes(fname, vals[fname])}
        if not moved:
            return moved
        refused = moved - set(self._guard_recheck_fields)
        if refused and self._guard_is_officer():
            refused -= set(self._guard_officer_fields)
        if refused:
            self._guard_check_access()
            raise UserError(
                self.env._(
                    "%(field)s of a %(model)s is set when it is created: create a new one "
                    "instead.",
                    field=self._guard_field_label(min(refused)),
                    model=self._description,
                )
            )
        for fname in moved:
            field = self._fields[fname]
            if field.type == "many2one" and isinstance(vals[fname], int) and vals[fname]:
                # one links only to what one may read (employees: their public profile,
                # which is what plain users read of them)
                comodel = field.comodel_name
                if comodel == "hr.employee":
                    comodel = "hr.employee.public"
                self.env[comodel].browse(vals[fname]).check_access("read")
        return moved

    def _guard_check_access(self):
        # who may not write at all learns that first, before any business rule
        self.check_access("write")

    def _guard_changes(self, fname, value):
        field = self._fields[fname]
        if field.type in ("one2many", "many2many"):
            return True
        for record in self:
            try:
                new = field.convert_to_record(field.convert_to_cache(value, record), record)
            except (TypeError, ValueError):
                return True  # a malformed value: the ORM refuses it with its own message
            if new != record[fname]:
                return True
        return False

    def _guard_check_moved(self, fnames):
        """Hook: the model's own checks on the new value of its moved fields."""
