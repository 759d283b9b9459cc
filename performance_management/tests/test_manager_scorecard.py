from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import tagged

from .common import PerformanceCase, PulseCase


class TestManagerScorecard(PerformanceCase):
    """The scorecard's figures on known data, who reads it, and the company's switch.

    Mia manages Eli, Pat, Paula and Noah (company 1:1 reminder: every 30 days). With Eli
    she set a weekly series: 12 1:1s due in 90 days, 6 held. With Pat 4 held for 3 due.
    Paula's last two were cancelled or never held; Noah was never met.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.performance_one_on_one_gap_days = 30
        now = fields.Datetime.now()
        today = fields.Date.context_today(cls.env.user)
        Log = cls.env["performance.coaching.log"]

        def log(employee, days, state="done", cadence="none", previous=None):
            return Log.create(
                {
                    "employee_id": employee.id,
                    "coach_id": cls.manager.id,
                    "date_start": now + timedelta(days=days),
                    "state": state,
                    "cadence": cadence,
                    "previous_id": previous.id if previous else False,
                }
            )

        held = [log(cls.employee, -7 * week) for week in range(6, 0, -1)]
        cls.next_log = log(cls.employee, 2, "planned", "weekly", previous=held[-1])
        for days in (-80, -50, -20, -10):
            log(cls.peer, days)
        log(cls.peer, -100)  # before the 90 days
        log(cls.portal_employee, -10, "cancelled")
        log(cls.portal_employee, -5, "planned")
        log(cls.employee, -40, "done", "none").write({"kind": "coaching"})  # not a 1:1

        # talking points: "Budget" carried over twice is stale; the others are not
        Point = cls.env["performance.coaching.talking.point"]
        Point.create({"log_id": held[-2].id, "name": "Budget"})
        for name, resolved in (("Budget", False), ("Solved", False)):
            Point.create(
                {"log_id": held[-1].id, "name": name, "carried_over": True, "resolved": resolved}
            )
        for name, resolved in (("Budget", False), ("Hiring", False), ("Solved", True)):
            Point.create(
                {
                    "log_id": cls.next_log.id,
                    "name": name,
                    "carried_over": True,
                    "resolved": resolved,
                }
            )

        # action items: one of Mia's is overdue
        Item = cls.env["performance.coaching.action.item"]
        for owner, days, done in (
            (cls.user_manager, -1, False),
            (cls.user_manager, -3, True),
            (cls.user_manager, 1, False),
            (cls.user_employee, -2, False),
        ):
            Item.create(
                {
                    "log_id": held[-1].id,
                    "name": "Follow up",
                    "owner_id": owner.id,
                    "date_deadline": today + timedelta(days=days),
                    "done": done,
                }
            )

        # feedback and kudos given by Mia: one of each in the last 90 days
        Feedback = cls.env["performance.feedback"]
        Feedback.with_user(cls.user_manager).create(
            {"employee_id": cls.employee.id, "message": "<p>Great demo.</p>"}
        )
        Feedback.create(
            {
                "employee_id": cls.peer.id,
                "author_id": cls.manager.id,
                "message": "<p>Old news.</p>",
                "date": today - timedelta(days=120),
            }
        )
        cls.env["performance.recognition"].with_user(cls.user_manager).create(
            {"receiver_ids": [Command.set(cls.peer.ids)], "message": "<p>Thanks!</p>"}
        )

        # reviews of the last 12 months: 2 on time, 1 late, 1 never submitted
        template = cls.env["performance.review.template"].create(
            {"name": "Scorecard", "question_weight": 0, "competency_weight": 0, "goal_weight": 100}
        )
        deadline = today - timedelta(days=30)
        for employee, done in (
            (cls.employee, deadline - timedelta(days=2)),
            (cls.peer, deadline),
            (cls.portal_employee, deadline + timedelta(days=3)),
            (cls.nouser_employee, False),
        ):
            cls.env["performance.review"].create(
                {
                    "employee_id": employee.id,
                    "manager_id": cls.manager.id,
                    "template_id": template.id,
                    "review_type": "recurring",
                    "date_start": today - timedelta(days=200),
                    "date_end": today - timedelta(days=40),
                    "date_manager_deadline": deadline,
                    "date_manager_done": done,
                    "state": "calibration" if done else "manager_review",
                }
            )

        # the team's active goals: 2 of 3 checked in over the last 30 days
        Goal = cls.env["performance.goal"]
        goals = Goal.create(
            [
                {"name": name, "employee_id": employee.id, "progress_mode": "manual"}
                for name, employee in (
                    ("Ship", cls.employee),
                    ("Learn", cls.employee),
                    ("Sell", cls.peer),
                    ("Draft only", cls.peer),
                )
            ]
        )
        goals[:3].write({"state": "active"})
        Checkin = cls.env["performance.goal.checkin"]
        for goal, days in ((goals[0], 5), (goals[1], 40), (goals[2], 0), (goals[2], 1)):
            Checkin.create({"goal_id": goal.id, "date": today - timedelta(days=days)})

        cls.Scorecard = cls.env["performance.manager.scorecard"]

    def card_of(self, manager, user=None):
        Scorecard = self.Scorecard.with_user(user) if user else self.Scorecard
        return Scorecard.search([("level", "=", "manager"), ("manager_id", "=", manager.id)])

    def test_figures_on_known_data(self):
        card = self.card_of(self.manager, self.user_manager)
        self.assertEqual(len(card), 1)
        self.assertRecordValues(
            card,
            [
                {
                    "report_count": 4,
                    "one_on_one_expected": 12 + 3 + 3 + 3,
                    "one_on_one_done": 6 + 4,
                    "one_on_one_missed": 2,
                    "stale_topic_count": 1,
                    "overdue_action_count": 1,
                    "feedback_count": 1,
                    "kudos_count": 1,
                    "review_due_count": 4,
                    "review_on_time_count": 2,
                    "goal_count": 3,
                    "goal_checked_count": 2,
                    "company_id": self.company.id,
                    "department_id": self.department.id,
                }
            ],
        )
        # each report counts up to his cadence: Eli 6 of 12, Pat 3 of 3
        self.assertAlmostEqual(card.one_on_one_rate, 100.0 * 9 / 21, places=2)
        self.assertAlmostEqual(card.review_on_time_rate, 50.0, places=2)
        self.assertAlmostEqual(card.checkin_rate, 100.0 * 2 / 3, places=2)
        self.assertAlmostEqual(card.score, (100.0 * 9 / 21 + 50.0 + 100.0 * 2 / 3) / 3, places=2)
        self.assertEqual(card.display_name, self.manager.name)

    def test_next_steps_name_the_weak_figures_only(self):
        steps = self.card_of(self.manager, self.user_manager).next_steps
        self.assertIn("10 of 21 1:1s held", steps)
        self.assertIn("1 overdue action items", steps)
        self.assertIn("talking points carried over", steps)
        self.assertIn("feedback or kudos", steps)
        self.assertIn("manager reviews", steps)
        # the check-ins are fine (2 of 3): no hint about them
        self.assertNotIn("check in", steps)

    def test_a_figure_without_data_gives_no_hint(self):
        card = self.card_of(self.other_manager, self.user_other_manager)
        # Otto met nobody and has no review due: his score is his 1:1 cadence alone
        self.assertEqual(card.one_on_one_expected, 3)
        self.assertEqual(card.one_on_one_rate, 0.0)
        self.assertFalse(card.review_due_count)
        self.assertEqual(card.score, 0.0)
        self.assertNotIn("manager reviews", card.next_steps)

    def test_who_reads_a_scorecard(self):
        mia = self.card_of(self.manager)
        director = self.card_of(self.director)
        otto = self.card_of(self.other_manager)
        Scorecard = self.Scorecard
        # the manager reads his own only; his manager reads his and those below him
        self.assertEqual(Scorecard.with_user(self.user_manager).search([]), mia)
        self.assertEqual(Scorecard.with_user(self.user_director).search([]), director | mia)
        # a colleague manager, an employee, a portal user: nothing of Mia's
        self.assertEqual(Scorecard.with_user(self.user_other_manager).search([]), otto)
        self.assertFalse(Scorecard.with_user(self.user_employee).search([]))
        for user in (self.user_other_manager, self.user_employee, self.user_officer_b):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                mia.with_user(user).read(["one_on_one_rate"])
        with self.assertRaises(AccessError):
            Scorecard.with_user(self.user_portal).search([])
        # officers: their companies only
        self.assertIn(mia, Scorecard.with_user(self.user_officer).search([]))
        self.assertFalse(
            Scorecard.with_user(self.user_officer_b).search([("company_id", "=", self.company.id)])
        )
        [(overdue,)] = Scorecard.with_user(self.user_director)._read_group(
            [], [], ["overdue_action_count:sum"]
        )
        self.assertEqual(overdue, 1)

    def test_switch_off_shows_no_scorecard_to_anyone(self):
        self.company.performance_monitor_scorecards = "off"
        for user in (self.user_manager, self.user_director, self.user_officer):
            with self.subTest(user=user.login):
                self.assertFalse(self.Scorecard.with_user(user).search([]))
        self.assertFalse(self.Scorecard.sudo().search([("company_id", "=", self.company.id)]))

    def test_switch_team_shows_department_aggregates_only(self):
        self.company.performance_monitor_scorecards = "team"
        Scorecard = self.Scorecard.sudo()
        self.assertFalse(
            Scorecard.search([("company_id", "=", self.company.id), ("level", "=", "manager")])
        )
        ours = [("department_id", "in", (self.department | self.other_department).ids)]
        # R&D has two managers (Dana and Mia): either could take his own figures off a sum
        self.assertFalse(self.Scorecard.with_user(self.user_officer).search(ours))
        # a third manager in R&D (Pat, over a new hire): one row; Sales (Otto alone): none
        self.env["hr.employee"].create(
            {
                "name": "Ivy Intern",
                "parent_id": self.peer.id,
                "department_id": self.department.id,
            }
        )
        rows = self.Scorecard.with_user(self.user_officer).search(ours)
        self.assertRecordValues(
            rows,
            [
                {
                    "level": "department",
                    "department_id": self.department.id,
                    "manager_count": 3,
                    "report_count": 1 + 4 + 1,
                    "overdue_action_count": 1,
                    "display_name": self.department.display_name,
                }
            ],
        )
        # no manager reads a row of his own any more
        self.assertFalse(self.Scorecard.with_user(self.user_manager).search([]))
        # a company asking for more answers before it shows a group asks as many managers
        self.company.performance_anonymity_threshold = 4
        self.assertFalse(self.Scorecard.with_user(self.user_officer).search(ours))

    def test_switch_individual_is_per_company(self):
        self.company_b.performance_monitor_scorecards = "off"
        self.assertTrue(self.card_of(self.manager, self.user_manager))


@tagged("post_install", "-at_install")
@freeze_time("2026-11-02")
class TestManagerScorecardPulse(PulseCase):
    """The upward questionnaire: the team's eNPS of its last released pulse round."""

    def test_team_enps_only_past_the_threshold(self):
        self.run_pulse_cron()
        # Mia's four reports answer (two promoters); Dana's team is Mia alone; with
        # Dana and Olivia, R&D has enough answers outside Mia's team not to hide it
        self.answer_rnd_pulse()
        Scorecard = self.env["performance.manager.scorecard"].with_user(self.user_director)
        mia = Scorecard.search([("manager_id", "=", self.manager.id)])
        self.assertFalse(mia.has_team_enps, "nothing while the round is open")
        self.schedule.round_ids.with_user(self.user_officer).action_close()
        mia.invalidate_recordset()
        self.assertTrue(mia.has_team_enps)
        self.assertEqual(mia.team_enps, 50.0)
        # a team under the threshold shows nothing
        dana = Scorecard.search([("manager_id", "=", self.director.id)])
        self.assertFalse(dana.has_team_enps)
