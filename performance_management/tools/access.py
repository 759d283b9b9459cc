from odoo.models import MAGIC_COLUMNS

OFFICER_GROUP = "performance_management.group_performance_officer"


def is_officer(user):
    """Whether ``user`` is a performance officer (HR officers and administrators are).

    The one answer to "does this user run the performance process". The superuser
    environment is not an officer here: a caller that lets it through says so
    (``env.su or is_officer(env.user)``).
    """
    return user.has_group(OFFICER_GROUP)


def settable(model, field, operation):
    """Whether users may set ``field``: a readonly field of the addon is the application's.

    Computed and related fields, workflow states and the flags the addon keeps are
    declared ``readonly``; the action methods write them in sudo after their own checks.
    Odoo asks ``_has_field_access`` on every path that sets a field (create values and
    ``default_*`` context keys, write, copy, import, a binary field's attachment), and
    ``fields_get`` shows the field read-only from it.
    """
    return operation == "read" or model.env.su or not field.readonly or field.name in MAGIC_COLUMNS


def write_workflow(records, vals):
    """Move the workflow of ``records``: for action methods, after their own checks.

    The workflow fields are readonly (the application's); the writer must be allowed to
    write the records as they are, and the write itself goes in sudo.
    """
    records.check_access("write")
    # sudo: the records the writer may write (checked above); their state is readonly
    return records.sudo().write(vals)
