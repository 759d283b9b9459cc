from odoo.tests import tagged

from odoo.addons.performance_management.models.performance_review_line import _BULK_COLUMNS

from .common import ReviewCase

# Filled by the insert itself, as the ORM does.
MAGIC = {"id", "create_uid", "create_date", "write_uid", "write_date"}


@tagged("post_install", "-at_install")
class TestReviewLineBulkInsert(ReviewCase):
    """The launch inserts review lines in SQL: they must be the lines the ORM would create."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Line = cls.env["performance.review.line"]
        cls.goal = cls.env["performance.goal"].create(
            {
                "name": "Ship the bulk insert",
                "employee_id": cls.employee.id,
                "progress_mode": "manual",
                "manual_progress": 40,
            }
        )

    def stored_fields(self):
        return {
            name: field
            for name, field in self.Line._fields.items()
            if field.store and field.column_type and name not in MAGIC
        }

    def test_insert_fills_every_column_the_orm_would(self):
        """A stored field with a default, a required one, or one computed or related, is one
        the ORM fills on create: the insert must list it too."""
        must_fill = {
            name
            for name, field in self.stored_fields().items()
            if field.default is not None or field.required or field.compute or field.related
        }
        missing = must_fill - set(_BULK_COLUMNS)
        self.assertFalse(
            missing,
            f"performance.review.line._bulk_insert does not fill {sorted(missing)}: add them "
            "to _BULK_COLUMNS (and their value to the insert)",
        )
        for name in _BULK_COLUMNS:
            self.assertIn(name, self.stored_fields(), "a column of the insert is no field")

    def test_inserted_lines_equal_created_lines(self):
        """The lines of a template (section, questions, a competency, a goal) created by the
        ORM and inserted in bulk hold the same values in every stored field."""
        commands = self.template._prepare_review_lines(self.job.job_skill_ids, [self.goal])
        kinds = {(vals.get("display_type"), vals.get("kind")) for __, __, vals in commands}
        self.assertGreaterEqual(len(kinds), 5, "every kind of line is compared")

        def review(name):
            return self.env["performance.review"].create(
                {
                    "name": name,
                    "employee_id": self.employee.id,
                    "manager_id": self.manager.id,
                    "template_id": self.template.id,
                    "date_start": "2026-01-01",
                    "date_end": "2026-12-31",
                }
            )

        created = review("ORM")
        created.line_ids = commands
        inserted = review("Bulk")
        self.Line._bulk_insert(
            [
                dict(
                    vals,
                    review_id=inserted.id,
                    company_id=inserted.company_id.id,
                    employee_id=inserted.employee_id.id,
                )
                for __, __, vals in commands
            ]
        )
        self.env.invalidate_all()
        compared = [name for name in self.stored_fields() if name != "review_id"]
        by_orm = created.line_ids.sorted("id").read(compared, load=None)
        by_sql = inserted.line_ids.sorted("id").read(compared, load=None)
        self.assertEqual(len(by_sql), len(commands))
        for orm_line, sql_line in zip(by_orm, by_sql, strict=True):
            orm_line.pop("id"), sql_line.pop("id")
            self.assertEqual(sql_line, orm_line, orm_line["name"])
