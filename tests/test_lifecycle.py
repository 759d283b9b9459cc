"""Install, upgrade, uninstall and reinstall the addon as an administrator would."""

from check_log import main as check_log

COUNT_TABLES = """
    SELECT string_agg(table_name, ',' ORDER BY table_name)
      FROM information_schema.tables
     WHERE table_schema = 'public' AND table_name LIKE 'performance\\_%'
       AND table_type = 'BASE TABLE'
"""


def _counts(odoo_db):
    tables = odoo_db.sql(COUNT_TABLES).split(",")
    return {table: int(odoo_db.sql(f"SELECT count(*) FROM {table}")) for table in tables}


def test_install_without_demo_is_clean(odoo_db):
    log, _text = odoo_db.server("-i", "performance_management", name="install")
    assert check_log(str(log)) == 0, "the install logged warnings about the addon"
    assert (
        odoo_db.sql("SELECT state FROM ir_module_module WHERE name = 'performance_management'")
        == "installed"
    )
    # no demo record sneaks in without --with-demo
    assert (
        odoo_db.sql(
            "SELECT count(*) FROM ir_model_data"
            " WHERE module = 'performance_management' AND name LIKE '%\\_demo'"
        )
        == "0"
    )


def test_demo_upgrade_uninstall_reinstall(odoo_db):
    log, _text = odoo_db.server("-i", "performance_management", "--with-demo", name="install")
    assert check_log(str(log)) == 0, "the install with demo data logged warnings about the addon"
    demo_records = int(
        odoo_db.sql(
            "SELECT count(*) FROM ir_model_data"
            " WHERE module = 'performance_management' AND name LIKE '%\\_demo'"
        )
    )
    assert demo_records > 0
    before = _counts(odoo_db)

    log, _text = odoo_db.server("-u", "performance_management", name="upgrade")
    assert check_log(str(log)) == 0, "the upgrade logged warnings about the addon"
    assert _counts(odoo_db) == before, "the upgrade changed the addon's data"

    odoo_db.run(
        "module", "uninstall", "-d", odoo_db.db, "performance_management", name="uninstall"
    )
    assert (
        odoo_db.sql("SELECT state FROM ir_module_module WHERE name = 'performance_management'")
        == "uninstalled"
    )
    assert odoo_db.sql(COUNT_TABLES) == "", "uninstalling left the addon's tables behind"

    # Odoo's Employees app still works: its views load and employees are created and read.
    out = odoo_db.shell(
        "emp = env['hr.employee'].create({'name': 'After Uninstall'})\n"
        "for view in ('form', 'list', 'kanban', 'search'):\n"
        "    env['hr.employee'].get_views([(False, view)])\n"
        "env['hr.employee.public'].search([('id', '=', emp.id)]).read(['name'])\n"
        "env.ref('hr.open_view_employee_list_my')\n"
        "print('EMPLOYEES', env['hr.employee'].search_count([('name', '=', 'After Uninstall')]))\n"
        "env.cr.commit()\n",
        name="after-uninstall",
    )
    assert "EMPLOYEES 1" in out, out[-3000:]

    odoo_db.server("-i", "performance_management", name="reinstall")
    assert (
        odoo_db.sql("SELECT state FROM ir_module_module WHERE name = 'performance_management'")
        == "installed"
    )
