from odoo.tools import SQL

# The survey types of the addon: its 360 questionnaires ("performance") and any type of
# its own named performance_<something>.
PERFORMANCE_SURVEY_TYPES = SQL(
    "survey_type = 'performance' OR survey_type LIKE 'performance\\_%%'"
)


def uninstall_hook(env):
    """Remove what the addon leaves in the host's tables, before Odoo drops its own.

    The addon's questionnaires and their answers are deleted, not handed to survey: once
    the addon is gone, its record rules go too, and survey's users and managers would read
    every answer of a questionnaire that stayed (Odoo would turn its type into a plain
    survey). Reviews, feedback and the rest of the addon's data go with its tables.
    """
    env.cr.execute(SQL("SELECT id FROM survey_survey WHERE %s", PERFORMANCE_SURVEY_TYPES))
    survey_ids = [row[0] for row in env.cr.fetchall()]
    if survey_ids:
        _release_survey_links(env)
        surveys = env["survey.survey"].sudo().with_context(active_test=False).browse(survey_ids)
        # the answers through the ORM, so that their chatter and attachments go with them
        env["survey.user_input"].sudo().with_context(active_test=False).search(
            [("survey_id", "in", surveys.ids)]
        ).unlink()
        surveys.unlink()
    env["ir.config_parameter"].sudo().search(
        [("key", "=like", "performance\\_management.%")]
    ).unlink()
    _cascade_restricting_foreign_keys(env)


def _release_survey_links(env):
    """Clear the addon's own links to surveys that forbid deleting them (ondelete restrict):
    their records are dropped with the addon's tables right after the hook."""
    for model in env.registry.values():
        if not model._name.startswith("performance.") or model._abstract or not model._auto:
            continue
        for field in model._fields.values():
            if (
                field.type == "many2one"
                and field.store
                and field.comodel_name.startswith("survey.")
                and field.ondelete == "restrict"
            ):
                table, column = SQL.identifier(model._table), SQL.identifier(field.name)
                if field.required:
                    # a required link (pulse schedules, rounds): the row goes, as its table will
                    env.cr.execute(SQL("DELETE FROM %s WHERE %s IS NOT NULL", table, column))
                else:
                    env.cr.execute(
                        SQL("UPDATE %s SET %s = NULL WHERE %s IS NOT NULL", table, column, column)
                    )
    env.invalidate_all()


def _cascade_restricting_foreign_keys(env):
    """Turn the foreign keys of the addon's tables that forbid a delete (ondelete restrict)
    into cascading ones. Odoo deletes the records that have an external id of the addon (its
    data and demo, employees included) one by one before it drops the tables: each one still
    referenced by other rows of the addon (a demo cycle by its reviews, a demo employee by a
    reward its demo created in code) failed with an error in the log. Those rows go with it
    now, as all of them go right after."""
    env.cr.execute(
        SQL(
            """SELECT con.conname, src.relname, src_col.attname, dst.relname, dst_col.attname
                 FROM pg_constraint con
                 JOIN pg_class src ON src.oid = con.conrelid
                 JOIN pg_class dst ON dst.oid = con.confrelid
                 JOIN pg_namespace ns ON ns.oid = src.relnamespace
                 JOIN pg_attribute src_col
                   ON src_col.attrelid = con.conrelid AND src_col.attnum = con.conkey[1]
                 JOIN pg_attribute dst_col
                   ON dst_col.attrelid = con.confrelid AND dst_col.attnum = con.confkey[1]
                WHERE con.contype = 'f' AND con.confdeltype IN ('r', 'a')
                  AND array_length(con.conkey, 1) = 1
                  AND ns.nspname = current_schema()
                  AND src.relname LIKE 'performance\\_%%'"""
        )
    )
    for name, table, column, target, target_column in env.cr.fetchall():
        env.cr.execute(
            SQL(
                """ALTER TABLE %(table)s DROP CONSTRAINT %(name)s,
                   ADD CONSTRAINT %(name)s FOREIGN KEY (%(column)s)
                       REFERENCES %(target)s (%(target_column)s) ON DELETE CASCADE NOT VALID""",
                table=SQL.identifier(table),
                name=SQL.identifier(name),
                column=SQL.identifier(column),
                target=SQL.identifier(target),
                target_column=SQL.identifier(target_column),
            )
        )
