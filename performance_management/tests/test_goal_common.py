from contextlib import contextmanager

from odoo.fields import Command

from .common import PerformanceCase


class GoalCase(PerformanceCase):
    """Helpers to build goals and key results quickly (no test here)."""

    @classmethod
    def _goal(cls, employee=None, **values):
        vals = {
            "name": values.pop("name", "Goal"),
            "employee_id": employee.id if employee else False,
            "date_start": "2026-01-01",
            "date_deadline": "2026-12-31",
        }
        if not employee and "scope" not in values:
            vals["scope"] = "company"
        key_results = values.pop("key_results", [])
        vals.update(values)
        vals["key_result_ids"] = [Command.create(kr) for kr in key_results]
        return cls.env["performance.goal"].create(vals)

    @staticmethod
    def _kr(name="KR", **values):
        return {"name": name, **values}

    @contextmanager
    def assertRefused(self, exception, text):
        """assertRaisesRegex that rolls back what the refused call wrote, like assertRaises."""
        with self.assertRaises(exception) as catcher:
            yield catcher
        self.assertRegex(str(catcher.exception), text)
