"""Hostile input: property tests of the scoring and progress math (hypothesis), and malformed
values (wrong types, huge strings, script in HTML, far dates, other people's ids) that must
get a clear error and leave no partial data."""

import psycopg2
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import PerformanceCase

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
finite = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)
percent = st.floats(min_value=0, max_value=100, allow_nan=False)
weight = st.floats(min_value=0, max_value=1000, allow_nan=False)


@tagged("post_install", "-at_install")
class TestScoringProperties(PerformanceCase):
    """The math, on in-memory records: no database row is written per example."""

    def _kr(self, start, target, direction="increase", kind="number"):
        return self.env["performance.key.result"].new(
            {
                "name": "KR",
                "kind": kind,
                "direction": direction,
                "start_value": start,
                "target_value": target,
            }
        )

    @SETTINGS
    @given(start=finite, span=st.floats(0, 1e9, allow_nan=False), a=finite, b=finite)
    def test_increasing_key_result_progress(self, start, span, a, b):
        kr = self._kr(start, start + span)
        low, high = sorted((a, b))
        p_low, p_high = kr._get_progress(low), kr._get_progress(high)
        self.assertTrue(0.0 <= p_low <= 100.0 and 0.0 <= p_high <= 100.0)
        self.assertLessEqual(p_low, p_high, "more done never means less progress")
        self.assertEqual(kr._get_progress(start + span), 100.0)
        if span > 1e-3:
            self.assertEqual(kr._get_progress(start), 0.0)

    @SETTINGS
    @given(target=finite, span=st.floats(1e-3, 1e9, allow_nan=False), a=finite, b=finite)
    def test_decreasing_key_result_progress(self, target, span, a, b):
        kr = self._kr(target + span, target, direction="decrease")
        low, high = sorted((a, b))
        self.assertGreaterEqual(kr._get_progress(low), kr._get_progress(high))
        self.assertEqual(kr._get_progress(target), 100.0)
        self.assertEqual(kr._get_progress(target + span), 0.0)
        self.assertTrue(0.0 <= kr._get_progress(a) <= 100.0)

    @SETTINGS
    @given(value=finite)
    def test_milestone_is_all_or_nothing(self, value):
        kr = self._kr(0, 1, kind="milestone")
        self.assertIn(kr._get_progress(value), (0.0, 100.0))

    @SETTINGS
    @given(parts=st.lists(st.tuples(percent, weight), min_size=0, max_size=8))
    def test_goal_rollup_is_a_weighted_average(self, parts):
        Goal = self.env["performance.goal"]
        goals = Goal.browse()
        for progress, part_weight in parts:
            goals |= Goal.new(
                {
                    "name": "part",
                    "progress_mode": "manual",
                    "manual_progress": progress,
                    "weight": part_weight,
                }
            )
        average = Goal._weighted_average(goals)
        weighted = [(p, w) for p, w in parts if w > 0]
        if not weighted:
            self.assertEqual(average, 0.0)
        else:
            values = [p for p, _w in weighted]
            self.assertGreaterEqual(average, min(values) - 1e-6)
            self.assertLessEqual(average, max(values) + 1e-6)

    @SETTINGS
    @given(
        values=st.lists(
            st.integers(min_value=-50, max_value=50), min_size=2, max_size=7, unique=True
        ),
        score=st.floats(min_value=-50, max_value=150, allow_nan=False),
    )
    def test_rating_scale_normalisation(self, values, score):
        scale = self.env["performance.rating.scale"].new(
            {
                "name": "Any",
                "level_ids": [Command.create({"name": str(v), "value": v}) for v in values],
            }
        )
        normalised = [scale._normalize(v) for v in sorted(values)]
        self.assertAlmostEqual(normalised[0], 0.0)
        self.assertAlmostEqual(normalised[-1], 100.0)
        self.assertEqual(normalised, sorted(normalised))
        level = scale._level_for_score(score)
        self.assertIn(level, scale.level_ids)
        # the chosen level is the closest one to the score
        best = min(abs(scale._normalize(v) - score) for v in values)
        self.assertAlmostEqual(abs(scale._normalize(level.value) - score), best)


@tagged("post_install", "-at_install")
class TestMalformedValues(PerformanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.goal = (
            cls.env["performance.goal"]
            .with_user(cls.user_manager)
            .create({"name": "Solid goal", "employee_id": cls.employee.id})
        )

    def assertClean(self, action, errors=(UserError, ValidationError, ValueError, TypeError)):
        """Refused with a clear error, and nothing of the call stays in the database."""
        # Odoo's assertRaises takes one class: catch by hand
        raised = None
        try:
            # a constraint's database error is judged below, not an error of the run
            with self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                action()
                self.env.flush_all()
        except errors as error:
            raised = error
        except psycopg2.IntegrityError as error:
            # a named constraint reaches the user as a ValidationError with its message
            name = error.diag.constraint_name
            messages = [
                getattr(model._table_objects.get(name), "message", None)
                for model in self.env.registry.values()
            ]
            self.assertTrue(any(messages), f"{name} has no message for the user")
            raised = error
        self.env.invalidate_all()
        self.assertIsNotNone(raised, "the hostile value was accepted")

    def test_wrong_types_leave_no_trace(self):
        Goal = self.env["performance.goal"].with_user(self.user_manager)
        for vals in (
            {"weight": "heavy"},
            {"manual_progress": "half"},
            {"date_deadline": "next tuesday"},
            {"employee_id": "Eli"},
            {"state": "exploded"},
            {"manual_progress": 101},
            {"manual_progress": -1},
            {"weight": -5},
        ):
            with self.subTest(vals=vals):
                self.assertClean(
                    lambda vals=vals: self.goal.with_user(self.user_manager).write(vals)
                )
                self.assertEqual(self.goal.name, "Solid goal")
        before = Goal.search_count([])
        # a batch with one bad value creates nothing at all
        self.assertClean(
            lambda: Goal.create(
                [
                    {"name": "Good", "employee_id": self.employee.id},
                    {"name": "Bad", "employee_id": self.employee.id, "weight": -1},
                ]
            )
        )
        self.assertEqual(Goal.search_count([]), before)

    def test_huge_strings(self):
        huge = "x" * 200_000
        self.goal.with_user(self.user_manager).write({"name": huge[:5000]})
        self.assertEqual(len(self.goal.name), 5000)
        feedback = (
            self.env["performance.feedback"]
            .with_user(self.user_peer)
            .create({"employee_id": self.employee.id, "message": f"<p>{huge}</p>"})
        )
        self.assertIn(huge, feedback.message)

    def test_html_is_sanitised(self):
        payload = (
            '<p>Hello</p><script>alert("x")</script>'
            '<img src="x" onerror="alert(1)"><a href="javascript:alert(2)">link</a>'
        )
        records = {
            "goal description": self.goal.with_user(self.user_manager),
            "feedback": self.env["performance.feedback"]
            .with_user(self.user_peer)
            .create({"employee_id": self.employee.id, "message": "<p>ok</p>"}),
            "1:1 shared notes": self.env["performance.coaching.log"]
            .with_user(self.user_manager)
            .create({"employee_id": self.employee.id}),
            "improvement plan": self.env["performance.improvement.plan"]
            .with_user(self.user_manager)
            .create({"name": "P", "employee_id": self.employee.id, "date_end": "2027-01-31"}),
            "recognition": self.env["performance.recognition"]
            .with_user(self.user_peer)
            .create({"receiver_ids": [Command.set(self.employee.ids)], "message": "<p>ok</p>"}),
        }
        fields = {
            "goal description": "description",
            "feedback": "message",
            "1:1 shared notes": "shared_notes",
            "improvement plan": "reason",
            "recognition": "message",
        }
        for name, record in records.items():
            with self.subTest(record=name):
                record.write({fields[name]: payload})
                stored = str(record.sudo()[fields[name]])
                self.assertIn("Hello", stored)
                for bad in ("<script", "onerror", "javascript:"):
                    self.assertNotIn(bad, stored)

    def test_far_dates(self):
        goal = self.goal.with_user(self.user_manager)
        goal.write({"date_start": "2026-01-01", "date_deadline": "9999-12-31"})
        self.assertEqual(str(goal.date_deadline), "9999-12-31")
        self.assertClean(lambda: goal.write({"date_deadline": "0001-01-01"}))
        self.assertClean(lambda: goal.write({"date_deadline": "10000-01-01"}))
        self.assertEqual(str(goal.date_deadline), "9999-12-31")
        Plan = self.env["performance.improvement.plan"].with_user(self.user_manager)
        self.assertClean(
            lambda: Plan.create(
                {
                    "name": "Backwards",
                    "employee_id": self.employee.id,
                    "date_start": "2027-01-01",
                    "date_end": "1999-01-01",
                }
            )
        )

    def test_ids_of_records_you_cannot_see(self):
        other_goal = (
            self.env["performance.goal"]
            .with_user(self.user_other_manager)
            .create({"name": "Other team goal", "employee_id": self.other_employee.id})
        )
        other_goal.sudo().state = "active"
        errors = (UserError, ValidationError, AccessError)
        # checking in on somebody else's goal
        self.assertClean(
            lambda: (
                self.env["performance.goal.checkin"]
                .with_user(self.user_employee)
                .create({"goal_id": other_goal.id})
            ),
            errors,
        )
        # aligning your goal on a goal you cannot read
        self.assertClean(
            lambda: self.goal.with_user(self.user_manager).write({"parent_id": other_goal.id}),
            errors,
        )
        # a key result on a goal you cannot read
        self.assertClean(
            lambda: (
                self.env["performance.key.result"]
                .with_user(self.user_employee)
                .create({"name": "Sneaky", "goal_id": other_goal.id})
            ),
            errors,
        )
        # feedback tied to a goal you cannot read
        self.assertClean(
            lambda: (
                self.env["performance.feedback"]
                .with_user(self.user_peer)
                .create(
                    {
                        "employee_id": self.employee.id,
                        "message": "<p>About that goal</p>",
                        "goal_id": other_goal.id,
                    }
                )
            ),
            errors,
        )
        # ids that do not exist
        self.assertClean(
            lambda: (
                self.env["performance.goal"]
                .with_user(self.user_manager)
                .create({"name": "Ghost", "employee_id": 999_999_999})
            ),
            (*errors, ValueError),
        )
