from odoo.tools import SQL, drop_view_if_exists


def create_report_view(model, query):
    """(Re)create the SQL view of the report ``model`` as ``query``: its ``init``."""
    drop_view_if_exists(model.env.cr, model._table)
    model.env.cr.execute(
        SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(model._table), query)
    )
