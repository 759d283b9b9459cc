from odoo import SUPERUSER_ID, api, fields, models
from odoo.tools import SQL

READ_PATHS = [
    ("backend", "Backend"),
    ("portal", "Portal"),
    ("report", "Report"),
    ("export", "Export"),
]
# Where the subject of a record may see who opened it: his review and his improvement plan.
# Reads of the private notes about him, of calibration and of rewards stay the officers'
# (their log would tell him that a note or a calibration move exists).
EMPLOYEE_VISIBLE_STATES = {
    "performance.review": ("self_review", "manager_review", "calibration", "released", "done"),
    "performance.improvement.plan": ("active", "extended", "closed"),
}
BUFFER_KEY = "performance.read.log"
INSERT_COLUMNS = (
    ("date", SQL("timestamp[]")),
    ("user_id", SQL("int4[]")),
    ("user_name", SQL("varchar[]")),
    ("res_model", SQL("varchar[]")),
    ("res_id", SQL("int4[]")),
    ("res_name", SQL("varchar[]")),
    ("employee_id", SQL("int4[]")),
    ("employee_name", SQL("varchar[]")),
    ("company_id", SQL("int4[]")),
    ("path", SQL("varchar[]")),
    ("is_self", SQL("bool[]")),
    ("employee_visible", SQL("bool[]")),
)
# How a logged record leads to the employee it is about and to its company.
SUBJECT_PATHS = {
    "performance.coaching.note": ("log_id.employee_id", "log_id.company_id"),
    "survey.user_input": (
        "performance_review_id.employee_id",
        "performance_review_id.company_id",
    ),
}


class PerformanceReadLog(models.Model):
    """Who read which sensitive record, when and through which path.

    Rows are only ever written by ``_log_reads`` (buffered in the transaction, one insert
    per request, in SQL): no role may create, change or delete them (ir.model.access.csv).
    A row outlives the reader and the employee it names, as a message outlives its author
    (``mail.message.author_id`` is set null, ``email_from`` kept): deleting a user or an
    employee empties the link and keeps the name read at the time. A restrict would refuse
    the deletion of anyone who once opened a review, which Odoo does for no log.
    """

    _name = "performance.read.log"
    _description = "Sensitive Record Read"
    _order = "date desc, id desc"
    _log_access = False

    date = fields.Datetime(required=True, readonly=True, index=True)
    user_id = fields.Many2one(
        "res.users", string="Read By", readonly=True, index=True, ondelete="set null"
    )
    user_name = fields.Char(
        string="Reader Name",
        readonly=True,
        help="The reader's name when he read: kept if his user is deleted.",
    )
    res_model = fields.Char(string="Model", required=True, readonly=True, index=True)
    res_id = fields.Many2oneReference(
        string="Record ID", model_field="res_model", required=True, readonly=True
    )
    res_name = fields.Char(string="Record", readonly=True)
    employee_id = fields.Many2one(
        "hr.employee",
        string="About",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
    )
    employee_name = fields.Char(
        string="About (Name)",
        readonly=True,
        help="The name of the employee the record is about when it was read: kept if the "
        "employee is deleted.",
    )
    company_id = fields.Many2one("res.company", readonly=True, index=True)
    path = fields.Selection(READ_PATHS, required=True, readonly=True)
    is_self = fields.Boolean(
        string="Own Record",
        readonly=True,
        help="The reader is the employee the record is about: kept (he read his plan on that "
        "day), shown apart from the reads of others.",
    )
    employee_visible = fields.Boolean(
        readonly=True,
        help="The employee the record is about sees this read (his review and his plans).",
    )

    @api.model
    def _log_reads(self, records, path):
        """Remember that the current user read ``records`` through ``path``.

        Costs no query: the reads are kept in the transaction and written by one insert
        when it commits (``_flush_reads``).
        """
        if not records or self.env.uid == SUPERUSER_ID:
            return
        uid = self.env.uid
        cr = self.env.cr
        buffer = cr.precommit.data.get(BUFFER_KEY)
        if buffer is None:
            buffer = cr.precommit.data[BUFFER_KEY] = {}
            cr.precommit.add(self._flush_reads)
        now = fields.Datetime.now()
        for res_id in records._ids:
            if isinstance(res_id, int):
                buffer.setdefault((uid, records._name, res_id, path), now)

    @api.model
    def _flush_reads(self):
        """Write the reads of the transaction, one insert for all of them."""
        cr = self.env.cr
        buffer = cr.precommit.data.pop(BUFFER_KEY, None)
        if not buffer:
            return
        vals_list = self._prepare_read_vals(buffer)
        if not vals_list:
            return
        if not cr.readonly:
            self._insert_rows(cr, vals_list)
            return

        # A read-only request (Odoo 19 serves web_read and reports on a replica cursor when
        # one is configured): the rows go through a cursor of the primary once the request
        # is done, rather than failing the read and serving it again read/write.
        def write_later():
            with self.env.registry.cursor() as new_cr:
                self._insert_rows(new_cr, vals_list)

        cr.postcommit.add(write_later)

    @api.model
    def _insert_rows(self, cr, vals_list):
        """One INSERT for all the rows, a column per array: no role may create rows
        (ir.model.access.csv), the logging writes them itself, many times faster than the
        ORM's create would."""
        columns = INSERT_COLUMNS
        cr.execute(
            SQL(
                "INSERT INTO %s (%s) SELECT * FROM unnest(%s)",
                SQL.identifier(self._table),
                SQL(", ").join(SQL.identifier(name) for name, _type in columns),
                SQL(", ").join(
                    SQL("%s::%s", [vals[name] for vals in vals_list], sql_type)
                    for name, sql_type in columns
                ),
            )
        )

    @api.model
    def _prepare_read_vals(self, buffer):
        by_model = {}
        for _uid, model, res_id, _path in buffer:
            by_model.setdefault(model, set()).add(res_id)
        # sudo: names and subjects of the records the users just read, to snapshot them
        records = {
            model: {r.id: r for r in self.env[model].sudo().browse(ids).exists()}
            for model, ids in by_model.items()
        }
        uids = {key[0] for key in buffer}
        # sudo: which employees the readers are, to tell their own records apart
        readers = self.env["res.users"].sudo().browse(uids).with_context(active_test=False)
        own = {user.id: user.employee_ids.ids for user in readers}
        names = {user.id: user.name for user in readers}
        vals_list = []
        for (uid, model, res_id, path), date in buffer.items():
            record = records[model].get(res_id)
            if record is None:
                continue
            employee_path, company_path = SUBJECT_PATHS.get(model, ("employee_id", "company_id"))
            employee = record.mapped(employee_path)[:1]
            states = EMPLOYEE_VISIBLE_STATES.get(model)
            vals_list.append(
                {
                    "date": date,
                    "user_id": uid,
                    "user_name": names.get(uid),
                    "res_model": model,
                    "res_id": res_id,
                    "res_name": record.display_name,
                    "employee_id": employee.id or None,
                    "employee_name": employee.name or None,
                    "company_id": record.mapped(company_path)[:1].id or None,
                    "path": path,
                    "is_self": bool(employee) and employee.id in own.get(uid, ()),
                    "employee_visible": bool(states) and record.state in states,
                }
            )
        return vals_list

    def action_open_record(self):
        """Open the record read, if the user may read it."""
        self.ensure_one()
        record = self.env[self.res_model].browse(self.res_id).exists()
        record.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": record.id,
            "view_mode": "form",
        }
