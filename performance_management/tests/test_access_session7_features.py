"""Attacks on the features of the seventh session, as the least trusted role that reaches
each record: nudges, manager scorecards, automated flags, the portal's 1:1 additions and
the reward bound. The calls go through ``call_kw``, the dispatcher of JSON-RPC and JSON-2,
or through JSON-RPC over HTTP.

Holes found and closed here: a colleague naming himself the manager of a goal (then
running it, nudged to its owner and counted on another manager's scorecard); a 1:1 booked
with anyone as coach (in his calendar, missed on his scorecard); an action item given to
a stranger (a to-do in sudo on a 1:1 he cannot read); the flags counting anonymous answers
before their batch is released (their manager times them by refreshing).
"""

import json
from contextlib import contextmanager
from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.service.model import call_kw
from odoo.tests import HttpCase, new_test_user, tagged

from .common import PerformanceCase

# the ORM's refusals: a rule or field access (AccessError), a business check (UserError)
REFUSED = (AccessError, UserError, ValidationError)


def rpc(user, model, method, *args, **kwargs):
    """Call ``method`` of ``model`` as ``user`` through the JSON-RPC dispatcher."""
    return call_kw(model.with_user(user), method, list(args), kwargs)


class Session7Case(PerformanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_survey = new_test_user(
            cls.env,
            login="pm_s7_survey",
            groups="base.group_user,survey.group_survey_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )

    @contextmanager
    def refused(self):
        with self.assertRaises(Exception) as catch:
            yield
        self.assertIsInstance(catch.exception, REFUSED)


@tagged("post_install", "-at_install")
class TestNudgeAttacks(Session7Case):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Nudge = cls.env["performance.nudge"]
        cls.pulse_nudge = cls.Nudge.create(
            {
                "user_id": cls.user_peer.id,
                "company_id": cls.company.id,
                "kind": "pulse",
                "res_model": "res.partner",
                "res_id": cls.user_peer.partner_id.id,
                "channel": "discuss",
            }
        )
        cls.feedback_nudge = cls.Nudge.create(
            {
                "user_id": cls.user_peer.id,
                "company_id": cls.company.id,
                "kind": "feedback",
                "res_model": "hr.employee",
                "res_id": cls.peer.id,
                "channel": "activity",
            }
        )

    def test_reminder_channel_is_each_users_own(self):
        Users = self.env["res.users"]
        for user in (self.user_employee, self.user_portal, self.user_survey):
            with self.subTest(user=user.login), self.refused():
                rpc(user, Users, "write", self.user_peer.ids, {"performance_nudge_channel": "off"})
        self.assertEqual(self.user_peer.performance_nudge_channel, "discuss")
        rpc(
            self.user_peer,
            Users,
            "write",
            self.user_peer.ids,
            {"performance_nudge_channel": "off"},
        )
        self.assertEqual(self.user_peer.performance_nudge_channel, "off")

    def test_nudges_are_read_by_their_user_and_written_by_the_job_only(self):
        nudges = self.pulse_nudge | self.feedback_nudge
        for user in (self.user_employee, self.user_manager, self.user_survey):
            with self.subTest(user=user.login):
                self.assertFalse(rpc(user, self.Nudge, "search", [("id", "in", nudges.ids)]))
        with self.refused():
            rpc(self.user_portal, self.Nudge, "search", [])
        # who has not answered a pulse is the user's alone, officers included
        self.assertEqual(rpc(self.user_officer, self.Nudge, "search", []), self.feedback_nudge.ids)
        self.assertFalse(rpc(self.user_officer_b, self.Nudge, "search", []))
        self.assertEqual(rpc(self.user_peer, self.Nudge, "search", [], order="id"), nudges.ids)
        vals = {
            "user_id": self.user_employee.id,
            "company_id": self.company.id,
            "kind": "feedback",
            "res_model": "hr.employee",
            "res_id": self.employee.id,
            "channel": "discuss",
        }
        for user in (self.user_peer, self.user_officer):
            with self.subTest(user=user.login):
                with self.refused():
                    rpc(user, self.Nudge, "create", vals)
                with self.refused():
                    rpc(user, self.Nudge, "write", nudges.ids, {"user_id": user.id})
                with self.refused():
                    rpc(user, self.Nudge, "unlink", nudges.ids)
                with self.refused():
                    rpc(user, self.Nudge, "copy", self.feedback_nudge.ids)

    def test_colleague_cannot_make_the_job_nudge_someone_about_a_goal(self):
        """Pat names himself the manager of a goal of Eli's: refused, so the job never
        reminds Eli of a goal a colleague gave him."""
        Goal = self.env["performance.goal"]
        vals = {
            "name": "Planted",
            "employee_id": self.employee.id,
            "manager_id": self.peer.id,
            "state": "active",
            "date_start": fields.Date.today() - timedelta(days=60),
        }
        with self.assertRaises(UserError) as catch:
            rpc(self.user_peer, Goal, "create", vals)
        self.assertIn("may name another manager", str(catch.exception))
        del vals["manager_id"]
        with self.assertRaises(UserError):
            rpc(self.user_peer, Goal, "create", vals, context={"default_manager_id": self.peer.id})
        self.assertFalse(Goal.search([("name", "=", "Planted")]))


@tagged("post_install", "-at_install")
class TestGoalManagerNamed(Session7Case):
    """My Goals offers the reader's chain; the server holds it whatever the form sends."""

    def test_nobody_names_himself_manager_of_others_goals(self):
        Goal = self.env["performance.goal"]
        attempts = [
            # a colleague, a manager of another branch: a goal of Eli's
            (self.user_peer, {"employee_id": self.employee.id, "manager_id": self.peer.id}),
            (
                self.user_other_manager,
                {"employee_id": self.employee.id, "manager_id": self.other_manager.id},
            ),
            # the company's goals, read by everyone
            (self.user_peer, {"scope": "company", "manager_id": self.peer.id}),
            # a department he does not run
            (
                self.user_peer,
                {
                    "scope": "department",
                    "department_id": self.other_department.id,
                    "manager_id": self.peer.id,
                },
            ),
            # his own draft, approved by a manager of his choosing
            (self.user_employee, {"employee_id": self.employee.id, "manager_id": self.peer.id}),
        ]
        for user, vals in attempts:
            for state in ("draft", "active"):
                with self.subTest(user=user.login, vals=vals, state=state), self.refused():
                    rpc(user, Goal, "create", dict(vals, name="Forged", state=state))
        self.assertFalse(Goal.search([("name", "=", "Forged")]))

    def test_a_goal_is_not_moved_to_a_manager_of_ones_choosing(self):
        goal = self.env["performance.goal"].create(
            {"name": "Eli's own", "employee_id": self.employee.id}
        )
        Goal = self.env["performance.goal"]
        with self.refused():
            rpc(self.user_employee, Goal, "write", goal.ids, {"manager_id": self.peer.id})
        with self.refused():
            rpc(self.user_peer, Goal, "write", goal.ids, {"manager_id": self.peer.id})
        # Otto, named by an officer, runs the goal; he does not move it to Pat, whom he
        # does not manage, keeping himself as its manager
        goal.with_user(self.user_officer).manager_id = self.other_manager
        with self.refused():
            rpc(
                self.user_other_manager,
                Goal,
                "write",
                goal.ids,
                {"employee_id": self.peer.id, "manager_id": self.other_manager.id},
            )
        self.assertEqual(goal.employee_id, self.employee)

    def test_the_chain_still_names_another_manager(self):
        goal = (
            self.env["performance.goal"]
            .with_user(self.user_manager)
            .create({"name": "Shared lead", "employee_id": self.employee.id, "state": "active"})
        )
        self.assertEqual(goal.manager_id, self.manager)
        goal.manager_id = self.other_manager
        self.assertEqual(goal.manager_id, self.other_manager)
        by_director = (
            self.env["performance.goal"]
            .with_user(self.user_director)
            .create(
                {
                    "name": "Director's pick",
                    "employee_id": self.employee.id,
                    "manager_id": self.other_manager.id,
                    "state": "active",
                }
            )
        )
        self.assertEqual(by_director.manager_id, self.other_manager)


@tagged("post_install", "-at_install")
class TestOneOnOneAttacks(Session7Case):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Log = cls.env["performance.coaching.log"]
        cls.Item = cls.env["performance.coaching.action.item"]
        cls.log = cls.Log.create({"employee_id": cls.employee.id, "coach_id": cls.manager.id})

    def test_a_coach_is_in_the_employees_chain(self):
        """Olga books a 1:1 last week with Mia as coach: Mia's calendar, her missed 1:1s."""
        vals = {"date_start": fields.Datetime.now() - timedelta(days=5)}
        attempts = [
            (self.user_other_employee, {"employee_id": self.other_employee.id}, self.manager),
            (self.user_employee, {"employee_id": self.employee.id}, self.other_manager),
            (self.user_employee, {"employee_id": self.employee.id}, self.officer),
            # a director books for his report's report, with a stranger as coach
            (self.user_director, {"employee_id": self.employee.id}, self.other_manager),
        ]
        for user, employee_vals, coach in attempts:
            with self.subTest(user=user.login, coach=coach.name), self.refused():
                rpc(user, self.Log, "create", dict(vals, coach_id=coach.id, **employee_vals))
        self.assertFalse(self.Log.search([("coach_id", "=", self.other_manager.id)]))
        # moved afterwards: the same check
        own = self.Log.with_user(self.user_other_employee).create(
            {"employee_id": self.other_employee.id}
        )
        self.assertEqual(own.coach_id, self.other_manager)
        with self.refused():
            rpc(self.user_other_manager, self.Log, "write", own.ids, {"coach_id": self.manager.id})
        # the chain and one's own coach are fine
        self.employee.coach_id = self.peer
        for user, coach in (
            (self.user_employee, self.manager),
            (self.user_employee, self.director),
            (self.user_employee, self.peer),
            (self.user_director, self.manager),
            (self.user_officer, self.other_manager),
        ):
            with self.subTest(user=user.login, coach=coach.name):
                log = self.Log.with_user(user).create(
                    {"employee_id": self.employee.id, "coach_id": coach.id}
                )
                self.assertEqual(log.coach_id, coach)

    def test_action_items_are_taken_by_who_meets(self):
        for user in (self.user_employee, self.user_manager, self.user_director):
            for owner in (self.user_other_employee, self.user_employee_b, self.user_portal):
                with self.subTest(user=user.login, owner=owner.login), self.refused():
                    rpc(
                        user,
                        self.Item,
                        "create",
                        {"log_id": self.log.id, "name": "Spam", "owner_id": owner.id},
                    )
        self.assertFalse(
            self.env["mail.activity"].search(
                [("user_id", "in", (self.user_other_employee | self.user_employee_b).ids)]
            )
        )
        mine = self.Item.with_user(self.user_employee).create(
            {"log_id": self.log.id, "name": "Read the book"}
        )
        self.assertEqual(mine.owner_id, self.user_employee)
        with self.refused():
            rpc(self.user_employee, self.Item, "write", mine.ids, {"owner_id": self.user_peer.id})
        for_coach = self.Item.with_user(self.user_employee).create(
            {"log_id": self.log.id, "name": "Book a room", "owner_id": self.user_manager.id}
        )
        self.assertEqual(for_coach.activity_id.user_id, self.user_manager)

    def test_colleagues_reach_nothing_of_a_1_1(self):
        self.log.private_note = "<p>Mia's own</p>"
        item = self.Item.create({"log_id": self.log.id, "name": "Mia's item"})
        for user in (self.user_peer, self.user_other_manager, self.user_survey):
            with self.subTest(user=user.login):
                self.assertFalse(rpc(user, self.Log, "search", [("id", "=", self.log.id)]))
                with self.refused():
                    rpc(user, self.Log, "read", self.log.ids, ["shared_notes"])
                with self.refused():
                    rpc(user, self.Log, "write", self.log.ids, {"shared_notes": "<p>x</p>"})
                with self.refused():
                    rpc(user, self.Item, "write", item.ids, {"done": True})
                with self.refused():
                    rpc(user, self.Item, "create", {"log_id": self.log.id, "name": "x"})
        # Mia's private note is hers alone, Eli's manager chain included
        for user in (self.user_employee, self.user_director, self.user_officer):
            with self.subTest(user=user.login):
                [read] = rpc(user, self.Log, "read", self.log.ids, ["private_note"])
                self.assertFalse(read["private_note"])
                self.assertFalse(
                    rpc(user, self.env["performance.coaching.note"], "search_read", [], ["note"])
                )

    def test_portal_employee_writes_shared_notes_only(self):
        log = self.Log.create(
            {"employee_id": self.portal_employee.id, "coach_id": self.manager.id}
        )
        for vals in (
            {"name": "Renamed"},
            {"date_start": "2020-01-01 00:00:00"},
            {"coach_id": self.director.id},
            {"private_note": "<p>x</p>"},
            {"talking_point_ids": [Command.create({"name": "x"})]},
            {"action_item_ids": [Command.create({"name": "x"})]},
            {"goal_ids": [Command.clear()]},
            {"state": "cancelled"},
            {"calendar_event_id": False},
        ):
            with self.subTest(vals=list(vals)), self.refused():
                rpc(self.user_portal, self.Log, "write", log.ids, vals)
        rpc(self.user_portal, self.Log, "write", log.ids, {"shared_notes": "<p>ok</p>"})
        with self.refused():
            rpc(self.user_portal, self.Log, "write", self.log.ids, {"shared_notes": "<p>x</p>"})
        with self.refused():
            rpc(self.user_portal, self.Log, "copy", log.ids)
        with self.refused():
            rpc(self.user_portal, self.env["performance.coaching.note"], "search_read", [])
        # action items: his own, open, on his own 1:1 (default_* keys included)
        for context, vals in (
            ({}, {"log_id": self.log.id, "name": "x"}),
            ({}, {"log_id": log.id, "name": "x", "owner_id": self.user_manager.id}),
            ({}, {"log_id": log.id, "name": "x", "done": True}),
            ({"default_done": True}, {"log_id": log.id, "name": "x"}),
            ({"default_owner_id": self.user_manager.id}, {"log_id": log.id, "name": "x"}),
        ):
            with self.subTest(context=context, vals=vals), self.refused():
                rpc(self.user_portal, self.Item, "create", vals, context=context)
        item = rpc(self.user_portal, self.Item, "create", {"log_id": log.id, "name": "Mine"})
        for method, args in (("write", [{"done": True}]), ("unlink", [])):
            with self.subTest(method=method), self.refused():
                rpc(self.user_portal, self.Item, method, [item], *args)


@tagged("post_install", "-at_install")
class TestScorecardAttacks(Session7Case):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Card = cls.env["performance.manager.scorecard"]
        cls.env["performance.coaching.log"].create(
            {
                "employee_id": cls.employee.id,
                "coach_id": cls.manager.id,
                "date_start": fields.Datetime.now() - timedelta(days=10),
            }
        )
        cls.mia = cls.Card.search([("level", "=", "manager"), ("manager_id", "=", cls.manager.id)])
        cls.otto = cls.Card.search(
            [("level", "=", "manager"), ("manager_id", "=", cls.other_manager.id)]
        )

    def test_each_reader_groups_and_exports_his_rows_only(self):
        self.assertEqual(self.mia.one_on_one_missed, 1)
        for user, visible in (
            (self.user_other_manager, self.otto),
            (self.user_employee, self.Card),
            (self.user_survey, self.Card),
            (self.user_officer_b, self.Card),
        ):
            with self.subTest(user=user.login):
                groups = rpc(
                    user,
                    self.Card,
                    "read_group",
                    [],
                    ["one_on_one_missed:sum", "report_count:sum"],
                    ["manager_id"],
                    lazy=False,
                )
                self.assertEqual(
                    {group["manager_id"][0] for group in groups},
                    set(visible.manager_id.ids),
                )
                web = rpc(
                    user,
                    self.Card,
                    "web_read_group",
                    [("company_id", "=", self.company.id)],
                    ["department_id"],
                    ["one_on_one_missed:sum"],
                )
                self.assertEqual(
                    sum(g["one_on_one_missed:sum"] for g in web["groups"]),
                    sum(
                        visible.filtered(lambda c: c.company_id == self.company).mapped(
                            "one_on_one_missed"
                        )
                    ),
                )
                with self.refused():
                    rpc(user, self.Card, "export_data", self.mia.ids, ["one_on_one_missed"])
                with self.refused():
                    rpc(user, self.Card, "read", self.mia.ids, ["next_steps"])
        with self.refused():
            rpc(self.user_portal, self.Card, "search_read", [])
        for method, args in (
            ("write", [self.mia.ids, {"one_on_one_missed": 0}]),
            ("create", [{"manager_id": self.manager.id}]),
            ("unlink", [self.mia.ids]),
        ):
            for user in (self.user_manager, self.user_officer):
                with self.subTest(user=user.login, method=method), self.refused():
                    rpc(user, self.Card, method, *args)

    def test_team_mode_below_three_managers_shows_nobody_anything(self):
        self.department.manager_id = self.director
        self.company.performance_monitor_scorecards = "team"
        for user in (self.user_director, self.user_manager, self.user_officer):
            with self.subTest(user=user.login):
                self.assertFalse(rpc(user, self.Card, "search", []))
                groups = rpc(
                    user, self.Card, "read_group", [], ["one_on_one_missed:sum"], ["manager_id"]
                )
                self.assertFalse(groups)

    def test_a_report_cannot_book_missed_1_1s_on_another_manager(self):
        with self.refused():
            rpc(
                self.user_other_employee,
                self.env["performance.coaching.log"],
                "create",
                {
                    "employee_id": self.other_employee.id,
                    "coach_id": self.manager.id,
                    "date_start": fields.Datetime.now() - timedelta(days=3),
                },
            )
        self.env.invalidate_all()
        self.assertEqual(self.mia.one_on_one_missed, 1)


@tagged("post_install", "-at_install")
class TestFlagAttacks(Session7Case):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Issue = cls.env["performance.issue"]
        cls.issue = cls.Issue.create(
            {
                "employee_id": cls.employee.id,
                "company_id": cls.company.id,
                "rule": "constructive_feedback",
                "reason": "Why",
            }
        )

    def test_decisions_and_evidence_are_never_set_from_outside(self):
        Issue = self.Issue
        forged = {
            "decision": "accepted",
            "decision_user_id": self.user_director.id,
            "decision_date": "2026-01-01 00:00:00",
            "evidence_threshold": "0",
            "evidence_feedback_ids": [Command.set([])],
            "state": "dismissed",
            "dismiss_reason": "x",
            "plan_id": False,
        }
        for user in (self.user_manager, self.user_director, self.user_officer):
            for fname, value in forged.items():
                with self.subTest(user=user.login, field=fname), self.refused():
                    rpc(user, Issue, "write", self.issue.ids, {fname: value})
        vals = {
            "employee_id": self.employee.id,
            "company_id": self.company.id,
            "rule": "low_rating",
            "reason": "x",
        }
        for fname, value in forged.items():
            with self.subTest(field=fname):
                with self.refused():
                    rpc(self.user_officer, Issue, "create", dict(vals, **{fname: value}))
                with self.refused():
                    rpc(
                        self.user_officer,
                        Issue,
                        "create",
                        vals,
                        context={f"default_{fname}": value},
                    )
        self.issue.action_dismiss("Seen")
        self.assertEqual(self.issue.decision, "dismissed")
        # an issue is the detection's: nobody copies one (its signal and reason are readonly)
        with self.refused():
            rpc(self.user_officer, Issue, "copy", self.issue.ids)
        result = rpc(
            self.user_officer,
            Issue,
            "load",
            ["employee_id/.id", "company_id/.id", "rule", "reason", "decision"],
            [[str(self.employee.id), str(self.company.id), "low_rating", "x", "accepted"]],
        )
        self.assertFalse(result["ids"])
        self.assertFalse(Issue.search([("decision", "=", "accepted")]))
        with self.refused():
            rpc(self.user_employee, Issue, "create", vals)

    def test_the_employee_and_colleagues_read_no_flag(self):
        for user in (
            self.user_employee,
            self.user_peer,
            self.user_other_manager,
            self.user_survey,
        ):
            with self.subTest(user=user.login):
                self.assertFalse(rpc(user, self.Issue, "search", []))
                with self.refused():
                    rpc(user, self.Issue, "read", self.issue.ids, ["decision"])
                with self.refused():
                    self.issue.with_user(user).action_dismiss("Not mine")
        report = self.env["performance.flag.report"]
        for user in (self.user_manager, self.user_employee, self.user_portal, self.user_survey):
            with self.subTest(user=user.login), self.refused():
                rpc(user, report, "search_read", [], ["employee_id", "decision"])
        self.assertFalse(
            rpc(self.user_officer_b, report, "search", [("company_id", "=", self.company.id)])
        )

    @freeze_time("2026-11-02")
    def test_flags_count_anonymous_answers_only_released(self):
        """Mia asks four colleagues about Eli, anonymously; each answer is constructive.
        Until the batch is released, the flag counts none of them: a count that moved with
        each answer would tell Mia, refreshing, who answered when."""
        self.issue.unlink()
        self.company.write(
            {
                "performance_issue_feedback": True,
                "performance_issue_feedback_count": 1,
                "performance_issue_feedback_days": 30,
                "performance_anonymity_threshold": 4,
            }
        )
        raters = self.peer | self.director | self.other_employee | self.officer
        self.env["performance.feedback.request.wizard"].with_user(self.user_manager).create(
            {
                "employee_id": self.employee.id,
                "author_ids": [Command.set(raters.ids)],
                "date_deadline": "2026-11-20",
                "anonymous": True,
            }
        ).action_request()
        requests = self.env["performance.feedback"].search(
            [("employee_id", "=", self.employee.id), ("author_id", "in", raters.ids)]
        )
        self.assertEqual(len(requests), 4)
        for request in requests[:3]:
            request.with_user(request.author_id.user_id).action_answer(
                "<p>Late again</p>", "constructive"
            )
            self.Issue.with_user(self.user_manager).action_refresh()
            self.assertFalse(
                self.Issue.with_user(self.user_manager).search(
                    [("employee_id", "=", self.employee.id)]
                )
            )
        requests[3].with_user(requests[3].author_id.user_id).action_answer(
            "<p>Late again</p>", "constructive"
        )
        self.Issue.with_user(self.user_manager).action_refresh()
        issue = self.Issue.with_user(self.user_manager).search(
            [("employee_id", "=", self.employee.id)]
        )
        self.assertEqual(len(issue.evidence_feedback_ids), 4)
        self.assertIn("4", issue.reason)


@tagged("post_install", "-at_install")
class TestRewardAttacks(Session7Case):
    def test_reward_bound_is_the_administrators(self):
        for user in (self.user_officer, self.user_admin, self.user_manager, self.user_survey):
            with self.subTest(user=user.login):
                with self.refused():
                    rpc(
                        user,
                        self.env["res.company"],
                        "write",
                        self.company.ids,
                        {"performance_reward_amount_max": 1e15},
                    )
                with self.refused():
                    rpc(
                        user,
                        self.env["res.config.settings"],
                        "create",
                        {"performance_reward_amount_max": 1e15},
                    )
        self.assertEqual(self.company.performance_reward_amount_max, 1000000.0)

    def test_merit_decisions_are_never_set_from_outside(self):
        Reward = self.env["performance.reward"]
        vals = {"employee_id": self.employee.id, "kind": "bonus", "amount": 100}
        forged = {
            "merit_decision": "accepted",
            "merit_decision_user_id": self.user_director.id,
            "merit_decision_percent": 50.0,
            "merit_suggested_percent": 50.0,
            "merit_explanation": "Forged",
            "approver_id": self.user_director.id,
        }
        for fname, value in forged.items():
            for user in (self.user_manager, self.user_officer):
                with self.subTest(user=user.login, field=fname):
                    with self.refused():
                        rpc(user, Reward, "create", dict(vals, **{fname: value}))
                    with self.refused():
                        rpc(user, Reward, "create", vals, context={f"default_{fname}": value})
        reward = Reward.with_user(self.user_manager).create(vals)
        for fname, value in forged.items():
            for user in (self.user_manager, self.user_officer):
                with self.subTest(user=user.login, field=fname), self.refused():
                    rpc(user, Reward, "write", reward.ids, {fname: value})


@tagged("post_install", "-at_install")
class TestPortalJsonRpc(Session7Case, HttpCase):
    """The portal employee over /web/dataset/call_kw, as a script would call it."""

    def _call(self, model, method, args, kwargs=None):
        response = self.url_open(
            "/web/dataset/call_kw",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {
                        "model": model,
                        "method": method,
                        "args": args,
                        "kwargs": kwargs or {},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        return response.json()

    def test_portal_reaches_only_his_shared_notes(self):
        mine = self.env["performance.coaching.log"].create(
            {"employee_id": self.portal_employee.id, "coach_id": self.manager.id}
        )
        other = self.env["performance.coaching.log"].create(
            {"employee_id": self.employee.id, "coach_id": self.manager.id}
        )
        other.private_note = "<p>Secret</p>"
        self.authenticate("pm_portal", "pm_portal")
        log = "performance.coaching.log"
        for model, method, args in (
            (log, "write", [mine.ids, {"name": "Renamed"}]),
            (log, "write", [other.ids, {"shared_notes": "<p>x</p>"}]),
            (log, "read", [other.ids, ["shared_notes"]]),
            ("performance.coaching.note", "search_read", [[], ["note"]]),
            ("performance.nudge", "search_read", [[], ["kind"]]),
            ("performance.manager.scorecard", "search_read", [[], ["score"]]),
            ("performance.flag.report", "search_read", [[], ["decision"]]),
            ("performance.issue", "search_read", [[], ["decision"]]),
        ):
            with self.subTest(model=model, method=method):
                self.assertIn("error", self._call(model, method, args))
        result = self._call(log, "write", [mine.ids, {"shared_notes": "<p>Agreed</p>"}])
        self.assertTrue(result.get("result"))
        self.assertIn("Agreed", mine.shared_notes)
        self.assertNotIn("x", other.with_user(self.user_manager).shared_notes or "")


@tagged("post_install", "-at_install")
@freeze_time("2026-11-02 08:00:00")
class TestPulseNudgeActivity(Session7Case):
    def test_a_pulse_reminder_is_a_private_to_do(self):
        """Sent as an activity, a pulse reminder is not linked to a record: no officer finds
        in the activities who has not answered."""
        self.user_peer.performance_nudge_channel = "activity"
        self.env["performance.nudge"]._send_activity(
            self.user_peer, "pulse", self.env["performance.pulse.round"].browse()
        )
        activity = self.env["mail.activity"].search([("user_id", "=", self.user_peer.id)])
        self.assertEqual(len(activity), 1)
        self.assertFalse(activity.res_model)
        for user in (self.user_officer, self.user_manager, self.user_employee):
            with self.subTest(user=user.login):
                self.assertFalse(
                    rpc(user, self.env["mail.activity"], "search", [("id", "=", activity.id)])
                )
        self.assertEqual(
            rpc(self.user_peer, self.env["mail.activity"], "search", [("id", "=", activity.id)]),
            activity.ids,
        )


@tagged("post_install", "-at_install")
class TestKeyResultWarning(Session7Case):
    def test_the_range_warning_tells_a_stranger_nothing(self):
        """The far-value warning names the start and target of the key result: asked by
        someone who cannot read it, the onchange refuses instead of answering them."""
        goal = self.env["performance.goal"].create(
            {
                "name": "Confidential figures",
                "employee_id": self.employee.id,
                "key_result_ids": [
                    Command.create({"name": "Margin", "start_value": 4321, "target_value": 8765})
                ],
            }
        )
        kr = goal.key_result_ids
        KeyResult = self.env["performance.key.result"]
        for user in (self.user_peer, self.user_other_manager, self.user_officer_b):
            with self.subTest(user=user.login), self.refused():
                rpc(
                    user,
                    KeyResult,
                    "onchange",
                    kr.ids,
                    {"id": kr.id, "current_value": 99_999_999_999},
                    ["current_value"],
                    {"current_value": {}, "start_value": {}, "target_value": {}},
                )
