import logging
import random

from markupsafe import Markup

from odoo import api, models
from odoo.tools import SQL, float_compare, split_every

from ..tools import commit_cron_batch

_logger = logging.getLogger(__name__)

# Stored computed fields that keep the value of the day the record was written, on purpose:
# history does not move with the people (a review keeps the department it was written in).
SNAPSHOT_FIELDS = {
    "performance.review": ("department_id", "job_id"),
    "performance.reward": ("department_id",),
    "performance.recognition": ("department_id", "department_ids"),
}

# Records recomputed at once: the prefetch size of the ORM.
CHUNK_SIZE = 1000

# Drifts listed in the officers' message; the log and the count tell the rest.
MESSAGE_LIMIT = 20


class PerformanceFigureCheck(models.AbstractModel):
    """Stored figures against their recompute: the check of the tests and of a cron."""

    _name = "performance.figure.check"
    _description = "Stored Figures Check"

    @api.model
    def _get_checked_fields(self):
        """{model: [field names]}: every stored computed field of the addon that must equal
        its recompute at any time.

        Left out: values a user may overwrite (a computed default, editable without an
        inverse, such as a goal's manager or a review's name) and the snapshots above.
        """
        checked = {}
        for model_name in sorted(self.env.registry):
            Model = self.env[model_name]
            if Model._abstract or Model._transient or not Model._auto:
                continue
            snapshots = SNAPSHOT_FIELDS.get(model_name, ())
            names = [
                name
                for name, field in Model._fields.items()
                if field.store
                and field.compute
                and not field.related
                and "performance_management" in field._modules
                and (field.readonly or field.inverse)
                and name not in snapshots
            ]
            if names:
                checked[model_name] = names
        return checked

    @api.model
    def _check_records(self, records, fnames):
        """Recompute ``fnames`` on ``records`` and repair the values that drifted.

        Everything pending is flushed first, so the values compared are those a reader
        gets from the database. Returns the drifts found, as a list of
        ``(record, field name, stored value, recomputed value)``.
        """
        env = records.env
        env.flush_all()
        env.invalidate_all()
        stored = self._read_figures(records, fnames)
        for fname in fnames:
            env.add_to_compute(records._fields[fname], records)
        env.flush_all()
        env.invalidate_all()
        fresh = self._read_figures(records, fnames)
        drifts = []
        for record in records:
            for fname in fnames:
                before, after = stored[record.id][fname], fresh[record.id][fname]
                if not self._same_value(records._fields[fname], before, after):
                    drifts.append((record, fname, before, after))
        return drifts

    @api.model
    def _read_figures(self, records, fnames):
        # ids for relational values, so that two reads compare whatever the cache holds
        values = {}
        for record in records:
            values[record.id] = {
                fname: record[fname].ids if record._fields[fname].relational else record[fname]
                for fname in fnames
            }
        return values

    @api.model
    def _same_value(self, field, before, after):
        if field.type in ("float", "monetary"):
            # the same computation may add its parts in another order
            return not float_compare(before or 0.0, after or 0.0, precision_digits=6)
        if field.type == "many2many":
            return sorted(before) == sorted(after)
        return before == after

    @api.model
    def _sample(self, model_name, size):
        """Ids of up to ``size`` records of the model, taken at random."""
        Model = self.env[model_name]
        rows = self.env.execute_query(
            SQL(
                "SELECT id FROM %s ORDER BY random() LIMIT %s",
                SQL.identifier(Model._table),
                size,
            )
        )
        return Model.browse(row[0] for row in rows)

    @api.model
    def _cron_check_figures(self, sample_size=200):
        """Recompute a sample of every stored figure; repair and report what drifted.

        The ORM keeps the figures in step with what users do; this catches what it does
        not see: rows written in SQL by an import or a migration, a dependency missed.
        Off by default (Settings > Technical > Scheduled Actions).
        """
        checked = list(self._get_checked_fields().items())
        # a run stopped by its time starts over: in another order, every model gets its turn
        random.shuffle(checked)
        drifts = []
        remaining = len(checked)
        for model_name, fnames in checked:
            remaining -= 1
            records = self._sample(model_name, sample_size).sudo()
            found = []
            # by chunks, so that a whole database checked at once stays within memory
            for ids in split_every(CHUNK_SIZE, records.ids):
                found += self._check_records(records.browse(ids), fnames)
            self._report_drifts(found)
            drifts += found
            if not commit_cron_batch(self.env, len(records), remaining):
                break
        return drifts

    @api.model
    def _report_drifts(self, drifts):
        """Log each drift, and tell the officers of the records' companies."""
        if not drifts:
            return
        for record, fname, before, after in drifts:
            _logger.warning(
                "Stored figure out of date, repaired: %s(%s).%s was %r, is %r",
                record._name,
                record.id,
                fname,
                before,
                after,
            )
        by_company = {}
        for drift in drifts:
            record = drift[0]
            company = record.company_id if "company_id" in record._fields else None
            by_company.setdefault(company or self.env["res.company"], []).append(drift)
        officers = self.env.ref("performance_management.group_performance_officer").all_user_ids
        for company, company_drifts in by_company.items():
            users = officers.filtered(
                lambda user, company=company: (
                    user.active and not user.share and (not company or company in user.company_ids)
                )
            )
            if users:
                self._notify_drifts(users, company_drifts)

    @api.model
    def _notify_drifts(self, users, drifts):
        # ids and field labels only: the officers open the records with their own rights
        lines = [
            self.env._(
                "%(model)s #%(id)s, %(field)s: %(before)s, recomputed %(after)s",
                model=self.env["ir.model"]._get(record._name).name,
                id=record.id,
                field=record._fields[fname]._description_string(self.env),
                before=before,
                after=after,
            )
            for record, fname, before, after in drifts[:MESSAGE_LIMIT]
        ]
        if len(drifts) > MESSAGE_LIMIT:
            lines.append(self.env._("and %(count)s more.", count=len(drifts) - MESSAGE_LIMIT))
        self.env["mail.thread"].sudo().message_notify(
            partner_ids=users.partner_id.ids,
            subject=self.env._(
                "Performance: %(count)s stored figures were out of date and were repaired",
                count=len(drifts),
            ),
            body=self._drift_body(lines),
        )

    @api.model
    def _drift_body(self, lines):
        items = Markup().join(Markup("<li>%s</li>") % line for line in lines)
        return Markup("<ul>%s</ul>") % items
