from odoo import api, fields, models
from odoo.tools import SQL


class PerformanceEmployeeChain(models.Model):
    """Who stands above whom: a row per employee and each person up their manager chain."""

    _name = "performance.employee.chain"
    _description = "Reporting Chain of an Employee"
    _log_access = False

    employee_id = fields.Many2one("hr.employee", required=True, ondelete="cascade", index=True)
    manager_id = fields.Many2one("hr.employee", required=True, ondelete="cascade", index=True)
    depth = fields.Integer(required=True, help="0 for the employee, 1 for the manager, and so on.")

    _employee_manager_unique = models.UniqueIndex("(employee_id, manager_id)")

    @api.model
    def _refresh(self, employee_ids=None):
        """Rebuild the chains of these employees and of everyone below them (all when None).

        The host accepts any manager graph (Odoo's demo makes Mitchell Admin his own manager):
        the walk up ``parent_id`` is one recursive query that stops at a person already met,
        so a self-managed employee or a manager loop gives a finite chain, and everyone in a
        loop stands above everyone else in it, as Odoo's own ``child_of`` reads it.
        """
        self.env["hr.employee"].flush_model(["parent_id"])
        cr = self.env.cr
        if employee_ids is None:
            cr.execute(SQL("DELETE FROM performance_employee_chain"))
            start = SQL("SELECT id FROM hr_employee")
        else:
            ids = list(employee_ids)
            if not ids:
                return
            # who is below them now: those whose chain goes through one of them
            cr.execute(
                SQL(
                    "SELECT DISTINCT employee_id FROM performance_employee_chain"
                    " WHERE manager_id = ANY(%s)",
                    ids,
                )
            )
            ids = list({*ids, *(row[0] for row in cr.fetchall())})
            cr.execute(
                SQL("DELETE FROM performance_employee_chain WHERE employee_id = ANY(%s)", ids)
            )
            start = SQL("SELECT id FROM hr_employee WHERE id = ANY(%s)", ids)
        cr.execute(
            SQL(
                """
                WITH RECURSIVE up(employee_id, manager_id, depth, seen) AS (
                    SELECT id, id, 0, ARRAY[id] FROM (%(start)s) AS start
                    UNION ALL
                    SELECT up.employee_id, boss.parent_id, up.depth + 1, up.seen || boss.parent_id
                      FROM up
                      JOIN hr_employee boss ON boss.id = up.manager_id
                     WHERE boss.parent_id IS NOT NULL AND boss.parent_id <> ALL(up.seen)
                )
                INSERT INTO performance_employee_chain (employee_id, manager_id, depth)
                SELECT employee_id, manager_id, depth FROM up
                """,
                start=start,
            )
        )
        if employee_ids is None or len(ids) > 200:
            # fresh statistics, or the planner takes a rebuilt table for a few rows
            cr.execute(SQL("ANALYZE performance_employee_chain"))
        self.invalidate_model()
        self.env["hr.employee"].invalidate_model(["performance_chain_ids"])
        self.env["hr.employee.public"].invalidate_model(["performance_chain_ids"])

    @api.model
    def _managers_of(self, employee_ids, strict=False):
        """{employee id: set of the ids above them (and their own unless strict)}."""
        self.env.cr.execute(
            SQL(
                "SELECT employee_id, array_agg(manager_id) FROM performance_employee_chain"
                " WHERE employee_id = ANY(%s) AND depth >= %s GROUP BY employee_id",
                list(employee_ids),
                1 if strict else 0,
            )
        )
        return {employee_id: set(managers) for employee_id, managers in self.env.cr.fetchall()}

    @api.model
    def _subordinates_query(self, manager_ids, strict=False):
        """SQL selecting the employees at or below these managers (only below if strict)."""
        return SQL(
            "SELECT employee_id FROM performance_employee_chain"
            " WHERE manager_id = ANY(%s) AND depth >= %s",
            list(manager_ids),
            1 if strict else 0,
        )
