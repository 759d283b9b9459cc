from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .common import PerformanceCase


class RewardCase(PerformanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Matrix = cls.env["performance.merit.matrix"]
        # Ratings on a 1-5 scale (rows) x goal attainment (columns) -> raise %.
        cls.grid = {
            (1, 0): 0.0,
            (1, 80): 0.0,
            (1, 100): 1.0,
            (3, 0): 1.0,
            (3, 80): 2.5,
            (3, 100): 3.0,
            (4, 0): 2.0,
            (4, 80): 4.0,
            (4, 100): 5.0,
        }
        Matrix.create(
            [
                {"rating_min": rating, "attainment_min": attainment, "raise_percent": percent}
                for (rating, attainment), percent in cls.grid.items()
            ]
        )
        cls.job_lead = cls.env["hr.job"].create({"name": "Reward Team Lead"})

    def _recommend(self, user=None, employee=None, **vals):
        return (
            self.env["performance.reward"]
            .with_user(user or self.user_manager)
            .create(
                {
                    "employee_id": (employee or self.employee).id,
                    "kind": "bonus",
                    "amount": 1000.0,
                    **vals,
                }
            )
        )


@tagged("post_install", "-at_install")
class TestMeritMatrix(RewardCase):
    def test_matrix_math(self):
        raise_for = self.env["performance.merit.matrix"]._get_raise_percent
        cases = [
            (0.5, 100, None),  # below every rating threshold
            (1, 0, 0.0),
            (2.9, 99.9, 0.0),
            (2.9, 100, 1.0),
            (3, 79, 1.0),
            (3, 80, 2.5),
            (3.5, 150, 3.0),
            (4, 80, 4.0),
            (5, 120, 5.0),
        ]
        for rating, attainment, expected in cases:
            with self.subTest(rating=rating, attainment=attainment):
                self.assertEqual(raise_for(rating, attainment), expected)
        # Another company has its own matrix.
        self.assertIsNone(raise_for(5, 100, self.company_b))

    def test_bad_cells(self):
        Matrix = self.env["performance.merit.matrix"]
        with self.assertRaisesRegex(ValidationError, "negative"):
            Matrix.create({"rating_min": 2, "attainment_min": 0, "raise_percent": -1})
        with self.assertRaisesRegex(ValidationError, "already has a cell"):
            Matrix.create({"rating_min": 3, "attainment_min": 80, "raise_percent": 9})
        with self.assertRaises(AccessError):
            Matrix.with_user(self.user_officer).create(
                {"rating_min": 2, "attainment_min": 0, "raise_percent": 1}
            )
        Matrix.with_user(self.user_admin).create(
            {"rating_min": 2.5, "attainment_min": 0, "raise_percent": 1}
        )

    def test_prefill_from_released_review(self):
        scale = self.env["performance.rating.scale"].create(
            {
                "name": "Reward scale",
                "level_ids": [
                    Command.create({"value": value, "name": str(value)}) for value in range(1, 6)
                ],
            }
        )
        template = self.env["performance.review.template"].create(
            {
                "name": "Reward template",
                "scale_id": scale.id,
                "goal_weight": 80,
                "competency_weight": 20,
                "question_weight": 0,
            }
        )
        cycle = self.env["performance.cycle"].create(
            {
                "name": "Reward cycle",
                "template_id": template.id,
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
            }
        )
        review = self.env["performance.review"].create(
            {
                "employee_id": self.employee.id,
                "template_id": template.id,
                "cycle_id": cycle.id,
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
                "line_ids": [
                    Command.create({"name": "Goal A", "kind": "goal", "achievement": 90}),
                    Command.create({"name": "Goal B", "kind": "goal", "achievement": 80}),
                ],
            }
        )
        review.assessment_ids.final_rating_id = scale.level_ids.filtered(
            lambda lvl: lvl.value == 4
        )
        budget = self.env["performance.reward.budget"].create(
            {"name": "Reward cycle budget", "cycle_id": cycle.id, "amount": 10000}
        )
        reward = self._recommend(kind="raise", amount=0, source="review", review_id=review.id)
        self.assertEqual(reward.cycle_id, cycle)
        self.assertEqual(reward.sudo().budget_id, budget)
        with self.assertRaisesRegex(UserError, "not released"):
            reward.action_apply_merit_matrix()
        review.state = "released"
        reward.with_user(self.user_manager).action_apply_merit_matrix()
        self.assertEqual(reward.merit_rating, 4.0)
        self.assertAlmostEqual(reward.merit_attainment, 85.0)
        self.assertEqual(reward.raise_percent, 4.0)


@tagged("post_install", "-at_install")
class TestRewardWorkflow(RewardCase):
    def test_approval_by_officer(self):
        reward = self._recommend()
        self.assertEqual(reward.recommender_id, self.manager)
        self.assertEqual(reward.currency_id, self.company.currency_id)
        reward.action_submit()
        self.assertEqual(reward.state, "submitted")
        with self.assertRaisesRegex(UserError, "own recommendation"):
            reward.action_approve()
        with self.assertRaisesRegex(UserError, "Only performance officers"):
            reward.with_user(self.user_director).action_approve()
        with self.assertRaises(UserError):
            reward.amount = 5000  # submitted: no more edits by the recommender
        officer_reward = reward.with_user(self.user_officer)
        self.assertTrue(officer_reward.can_approve)
        officer_reward.action_approve()
        self.assertEqual(reward.state, "approved")
        self.assertEqual(reward.approver_id, self.user_officer)
        with self.assertRaisesRegex(UserError, "Only performance officers"):
            reward.action_done()
        officer_reward.action_done()
        self.assertEqual(reward.state, "done")
        with self.assertRaises(UserError):
            officer_reward.unlink()

    def test_refuse_and_reset(self):
        reward = self._recommend()
        reward.action_submit()
        reward.with_user(self.user_officer).action_refuse()
        self.assertEqual(reward.state, "refused")
        reward.action_reset_draft()
        self.assertEqual(reward.state, "draft")
        reward.amount = 800
        with self.assertRaisesRegex(UserError, "not possible"):
            reward.action_approve()
        reward.unlink()

    def test_manager_approval_setting(self):
        reward = self._recommend()
        reward.action_submit()
        with self.assertRaises(UserError):
            reward.with_user(self.user_director).action_approve()
        self.company.performance_reward_manager_approval = True
        # Not any manager: the recommender's.
        with self.assertRaises(AccessError):
            reward.with_user(self.user_other_manager).action_approve()
        reward.with_user(self.user_director).action_approve()
        self.assertEqual(reward.state, "approved")

    def test_officer_cannot_approve_own(self):
        reward = self._recommend(user=self.user_officer, employee=self.peer)
        reward.action_submit()
        with self.assertRaisesRegex(UserError, "own recommendation"):
            reward.with_user(self.user_officer).action_approve()
        reward.with_user(self.user_admin).action_approve()

    def test_state_only_through_buttons(self):
        reward = self._recommend()
        with self.assertRaises(UserError):
            reward.state = "approved"
        with self.assertRaises(UserError):
            reward.with_user(self.user_officer).write({"state": "approved"})
        with self.assertRaises(UserError):
            self._recommend(state="approved")

    def test_bad_input(self):
        with self.assertRaisesRegex(ValidationError, "negative"):
            self._recommend(amount=-10)
        with self.assertRaisesRegex(ValidationError, "negative"):
            self._recommend(kind="raise", amount=0, raise_percent=-2)
        with self.assertRaisesRegex(ValidationError, "promotion needs"):
            self._recommend(kind="promotion", amount=0)
        promotion = self._recommend(kind="promotion", amount=0, job_id=self.job_lead.id)
        self.assertEqual(promotion.name, "Promotion for Eli Employee")
        with self.assertRaisesRegex(UserError, "for yourself"):
            self._recommend(employee=self.manager)
        with self.assertRaisesRegex(UserError, "own name"):
            self._recommend(recommender_id=self.director.id)
        # Peers cannot recommend for a colleague outside their chain.
        with self.assertRaisesRegex(UserError, "your team"):
            self._recommend(user=self.user_peer)

    def test_budget_totals(self):
        budget = self.env["performance.reward.budget"].create({"name": "2026", "amount": 5000})
        draft = self._recommend(amount=100)
        submitted = self._recommend(employee=self.peer, amount=1000)
        approved = self._recommend(employee=self.nouser_employee, amount=1500)
        refused = self._recommend(employee=self.portal_employee, amount=700)
        (draft | submitted | approved | refused).sudo().budget_id = budget
        (submitted | approved | refused).action_submit()
        approved.with_user(self.user_officer).action_approve()
        refused.with_user(self.user_officer).action_refuse()
        self.assertEqual(budget.recommended_amount, 2500)
        self.assertEqual(budget.approved_amount, 1500)
        self.assertEqual(budget.remaining_amount, 3500)
        with self.assertRaises(AccessError):
            budget.with_user(self.user_manager).read(["amount"])
        with self.assertRaises(ValidationError):
            budget.amount = -1


@tagged("post_install", "-at_install")
class TestRewardConfidentiality(RewardCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reward = cls._recommend(cls, amount=4321)
        cls.reward.action_submit()

    def _visible(self, user):
        Reward = self.env["performance.reward"].with_user(user)
        return bool(Reward.search([("id", "=", self.reward.id)]))

    def test_peers_never_see_amounts(self):
        Reward = self.env["performance.reward"].with_user(self.user_peer)
        self.assertFalse(Reward.search([]))
        self.assertFalse(Reward.search([("amount", "=", 4321)]))
        self.assertFalse(Reward.search_count([("amount", ">", 0)]))
        with self.assertRaises(AccessError):
            self.reward.with_user(self.user_peer).read(["amount"])
        self.user_peer.group_ids |= self.env.ref("base.group_allow_export")
        with self.assertRaises(AccessError):
            self.reward.with_user(self.user_peer).export_data(["amount"])
        self.assertEqual(Reward._read_group([], aggregates=["amount:sum"]), [(0.0,)])
        self.assertEqual(Reward.web_search_read([], {"amount": {}})["records"], [])

    def test_who_sees_what(self):
        self.assertTrue(self._visible(self.user_manager))  # recommender
        self.assertTrue(self._visible(self.user_director))  # recommender's chain
        self.assertTrue(self._visible(self.user_officer))
        for user in (
            self.user_peer,
            self.user_employee,  # not yet approved
            self.user_other_manager,
            self.user_portal,
            self.user_officer_b,
        ):
            with self.subTest(user=user.login):
                self.assertFalse(self._visible(user))
        self.reward.with_user(self.user_officer).action_approve()
        self.assertTrue(self._visible(self.user_employee))
        self.assertEqual(self.reward.with_user(self.user_employee).amount, 4321)
        self.assertFalse(self._visible(self.user_peer))
        with self.assertRaises(AccessError):
            self.reward.with_user(self.user_employee).write({"justification": "More!"})

    def test_employee_form_counters(self):
        employee = self.employee.with_user(self.user_officer)
        self.assertEqual(employee.performance_reward_count, 1)
        action = employee.action_open_performance_rewards()
        self.assertEqual(action["res_model"], "performance.reward")
