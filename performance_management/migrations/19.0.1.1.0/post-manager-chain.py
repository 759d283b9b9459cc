"""The manager chains are read from hr_employee.parent_id as it is: drop their old table.

Odoo removes the ir.model of a model gone from the code on upgrade but does not drop its
table (ir.model._drop_table only drops the tables of models still in the registry).
"""

from odoo.tools import SQL


def migrate(cr, version):
    cr.execute(SQL("DROP TABLE IF EXISTS performance_employee_chain CASCADE"))
