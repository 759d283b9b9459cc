from odoo import http
from odoo.exceptions import ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from ..tools import FiniteFloat, FiniteMonetary
from .common import PerformanceCase, PerformancePortalCase

MODULE = "performance_management"
NOT_FINITE = (float("nan"), float("inf"), float("-inf"), "NaN", "Infinity", "-inf")


@tagged("post_install", "-at_install")
class TestFiniteNumbers(PerformanceCase):
    """Issue 17: a NaN key-result value was accepted over RPC and spread into team and
    company progress. Every number the addon stores refuses NaN and infinity."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.goal = cls.env["performance.goal"].create(
            {
                "name": "Eli's goal",
                "employee_id": cls.employee.id,
                "date_start": "2026-01-01",
                "date_deadline": "2026-12-31",
                "key_result_ids": [Command.create({"name": "Tickets", "target_value": 10})],
            }
        )
        cls.kr = cls.goal.key_result_ids

    def assertRefused(self, record, fname):
        for value in NOT_FINITE:
            with (
                self.subTest(model=record._name, field=fname, value=value),
                self.assertRaises(ValidationError) as catcher,
            ):
                record.write({fname: value})
            self.assertIn("must be a finite number", str(catcher.exception))

    def test_key_result_values_and_weights(self):
        kr = self.kr.with_user(self.user_employee)
        for fname in ("current_value", "start_value", "target_value", "weight"):
            self.assertRefused(kr, fname)
        self.assertRefused(self.goal.with_user(self.user_manager), "weight")
        self.assertEqual(self.kr.current_value, 0.0)
        self.assertEqual(self.goal.progress, 0.0, "nothing spread into the goal")

    def test_checkins(self):
        self.goal.state = "active"
        Checkin = self.env["performance.goal.checkin"].with_user(self.user_employee)
        for value in NOT_FINITE:
            with self.subTest(value=value), self.assertRaises(ValidationError):
                Checkin.create(
                    {
                        "goal_id": self.goal.id,
                        "confidence": "on_track",
                        "line_ids": [
                            Command.create({"key_result_id": self.kr.id, "value": value})
                        ],
                    }
                )
        self.assertFalse(self.goal.checkin_ids)

    def test_rewards_ratings_and_settings(self):
        reward = (
            self.env["performance.reward"]
            .with_user(self.user_manager)
            .create({"employee_id": self.employee.id, "kind": "bonus", "amount": 100.0})
        )
        for fname in ("amount", "raise_percent"):
            self.assertRefused(reward, fname)
        scale = self.env["performance.rating.scale"].create(
            {"name": "Finite scale", "level_ids": [Command.create({"name": "Ok", "value": 1})]}
        )
        self.assertRefused(scale.level_ids.with_user(self.user_admin), "value")
        matrix = (
            self.env["performance.merit.matrix"]
            .with_user(self.user_admin)
            .create({"rating_min": 1, "attainment_min": 0, "raise_percent": 1})
        )
        for fname in ("rating_min", "attainment_min", "raise_percent"):
            self.assertRefused(matrix, fname)
        self.assertRefused(self.env.company, "performance_issue_rating_threshold")

    def test_host_numbers_are_left_alone(self):
        """Only the addon's fields, on the addon's models: no override of base, and Odoo's own
        numbers are Odoo's to check."""
        for model in ("res.partner", "res.currency", "mail.message"):
            for cls in type(self.env[model]).__mro__:
                if getattr(cls, "_module", None) == "performance_management":
                    self.assertFalse(
                        {"create", "write", "_check_finite_numbers"} & set(vars(cls)),
                        f"{model}: the addon overrides {cls}",
                    )
        currency = self.env["res.currency"].create(
            {"name": "XFN", "symbol": "F", "rounding": 0.01}
        )
        self.assertFalse(hasattr(currency, "_check_finite_numbers"))

    def test_every_number_of_the_addon_is_checked(self):
        """Every Float and Monetary field the addon declares on a model it writes is one that
        refuses NaN and infinity (its SQL-view reports are never written)."""
        checked = 0
        for name in self.env.registry:
            Model = self.env[name]
            if Model._abstract or not Model._auto:
                continue
            for field in Model._fields.values():
                if field.type in ("float", "monetary") and field._module == MODULE:
                    with self.subTest(field=str(field)):
                        self.assertIsInstance(field, (FiniteFloat, FiniteMonetary))
                        checked += 1
        self.assertGreater(checked, 40)


@tagged("post_install", "-at_install")
class TestPortalCheckinNotFinite(PerformancePortalCase):
    """Issue 17: "inf" on the portal check-in answered HTTP 500."""

    def test_portal_checkin_refuses_not_finite_values(self):
        self.authenticate("pm_portal", "pm_portal")
        goal = self.portal_goal
        kr = goal.key_result_ids.filtered(lambda kr: kr.kind == "number")
        for raw in ("inf", "-inf", "nan", "1e999"):
            with self.subTest(raw=raw):
                response = self.url_open(
                    f"/my/performance/goals/{goal.id}/checkin",
                    data={
                        "confidence": "on_track",
                        f"kr_{kr.id}": raw,
                        "csrf_token": http.Request.csrf_token(self),
                    },
                    allow_redirects=False,
                )
                self.assertIn(response.status_code, (302, 303))
                page = self.url_open(f"/my/performance/goals/{goal.id}")
                self.assertEqual(page.status_code, 200)
                self.assertIn("must be a number", page.text)
        self.assertFalse(goal.checkin_ids)
        self.assertEqual(kr.current_value, 0.0)
