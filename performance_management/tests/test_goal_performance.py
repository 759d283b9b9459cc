from unittest.mock import patch

from odoo.fields import Command
from odoo.sql_db import Cursor
from odoo.tests import tagged
from odoo.tests.common import warmup

from .common import GoalCase


@tagged("post_install", "-at_install")
class TestGoalPerformance(GoalCase):
    def _create_goals(self, count):
        parent = self._goal(name=f"Company {count}", progress_mode="children")
        return self.env["performance.goal"].create(
            [
                {
                    "name": f"Goal {index}",
                    "employee_id": self.employee.id,
                    "parent_id": parent.id,
                    "key_result_ids": [
                        Command.create({"name": "KR", "target_value": 100 + index % 100})
                    ],
                }
                for index in range(count)
            ]
        )

    def _update_progress(self, goals, value):
        """Move every key result, then store the new progress of all goals and their parent."""
        goals.key_result_ids.write({"current_value": value})
        self.env.flush_all()

    def _queries(self, goals, value):
        self.env.invalidate_all()
        queries = []
        execute = Cursor.execute

        def logged_execute(cr, query, params=None, log_exceptions=None):
            queries.append(str(getattr(query, "code", query)).strip())
            return execute(cr, query, params, log_exceptions)

        with patch.object(Cursor, "execute", logged_execute):
            self._update_progress(goals, value)
        return [query for query in queries if not query.startswith("UPDATE")]

    @warmup
    def test_progress_queries_do_not_grow_with_goals(self):
        small = self._create_goals(10)
        large = self._create_goals(1000)
        self.env.flush_all()
        # Reading and computing: the same queries for 10 goals as for 1,000.
        self.assertEqual(len(self._queries(small, 50)), len(self._queries(large, 50)))
        # Storing: the ORM writes changed rows 100 at a time, so 1,000 key results and
        # 1,000 goals take 10 UPDATEs each, plus one for the parent goal.
        self.env.invalidate_all()
        with self.assertQueryCount(6 + 10 + 10 + 1):
            self._update_progress(large, 100)
        # Each goal has its own target: 100 out of 100 to 199.
        self.assertAlmostEqual(large[0].progress, 100.0)
        self.assertAlmostEqual(large[42].progress, 100 / 142 * 100)
        expected = sum(100 / (100 + index % 100) * 100 for index in range(1000)) / 1000
        self.assertAlmostEqual(large.parent_id.progress, expected)
