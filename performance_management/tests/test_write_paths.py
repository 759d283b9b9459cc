"""Issue 17, items 1 and 6: each reproduced attack replayed as the attacking role, refused.

The attacks go through ``call_kw``, the dispatcher of JSON-RPC (/web/dataset/call_kw) and
JSON-2: the same code path as an integration with the user's own API key.
"""

from lxml import etree

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .test_write_path_matrix import WritePathCase

# AccessError and ValidationError are UserErrors: any clear refusal, never a traceback
REFUSED = UserError


@tagged("post_install", "-at_install")
class TestWritePaths(WritePathCase):
    def setUp(self):
        super().setUp()
        self.mine = self.records["employee"]
        self.peers = self.elsewhere

    # 1. owners and links moved after the rules checked them ------------------------------

    def test_self_review_lines_keep_their_role_and_weight(self):
        review = self.mine["performance.review"]
        lines = self.lines(review, "employee").filtered(lambda line: line.kind == "rating")
        assessment = review.sudo().assessment_ids
        score, suggested = assessment.overall_score, assessment.suggested_rating_id
        for vals in (
            {"role": "manager"},
            {"weight": 100.0},
            {"role": "manager", "weight": 100.0, "rating_id": self.levels[-1].id},
        ):
            with self.subTest(vals=vals), self.assertRaises(REFUSED):
                self.rpc(self.user_employee, lines, "write", vals)
        # one cannot slip a low "manager" rating into a peer's review either
        with self.assertRaises(REFUSED):
            self.rpc(
                self.user_employee,
                lines[:1],
                "write",
                {"review_id": self.peers["performance.review"].id, "role": "manager"},
            )
        # rating oneself in one's phase still works, and stays an employee's answer
        self.rpc(self.user_employee, lines, "write", {"rating_id": self.levels[-1].id})
        self.assertEqual(set(lines.mapped("role")), {"employee"})
        self.assertEqual(lines.review_id, review)
        self.env.flush_all()
        self.assertEqual(assessment.overall_score, score)
        self.assertEqual(assessment.suggested_rating_id, suggested)

    def test_key_result_moves_only_between_goals_its_writer_defines(self):
        kr = self.mine["performance.key.result"]
        for user in (self.user_employee, self.user_other_manager):
            with self.subTest(user=user.login), self.assertRaises(REFUSED):
                self.rpc(user, kr, "write", {"goal_id": self.peers["performance.goal"].id})
        self.assertEqual(kr.goal_id, self.mine["performance.goal"])
        # Mia defines the results of both goals: the rules hold where it went
        self.rpc(self.user_manager, kr, "write", {"goal_id": self.peers["performance.goal"].id})
        kr.with_user(self.user_manager).check_access("write")

    def test_reviewer_note_is_not_re_signed_nor_moved_out_of_reach(self):
        note = self.mine["performance.review.note"]
        with self.assertRaises(REFUSED):
            self.rpc(self.user_other_manager, note, "write", {"note": "Mine"})
        for vals in (
            {"author_id": self.user_director.id},
            {"review_id": self.peers["performance.review"].id, "author_id": self.user_peer.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(REFUSED):
                self.rpc(self.user_manager, note, "write", vals)
        self.assertEqual(note.review_id, self.mine["performance.review"])
        self.assertEqual(note.author_id, self.user_manager)
        # nor created in someone else's name
        with self.assertRaises(REFUSED):
            self.rpc(
                self.user_manager,
                note,
                "create",
                {"review_id": note.review_id.id, "note": "N", "author_id": self.user_director.id},
            )

    def test_feedback_is_not_re_signed_into_a_review(self):
        feedback = self.mine["performance.feedback"]  # Pat's praise of Eli
        review = self.peers["performance.review"]
        for vals in (
            {"author_id": self.manager.id},
            {"employee_id": self.peer.id},
            {"review_id": review.id},
            {"author_id": self.manager.id, "employee_id": self.peer.id, "review_id": review.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(REFUSED):
                self.rpc(self.user_peer, feedback, "write", vals)
        self.assertEqual(
            (feedback.author_id, feedback.employee_id, feedback.review_id),
            (self.peer, self.employee, self.env["performance.review"]),
        )
        summary = review.with_user(self.user_manager).peer_feedback_summary or ""
        self.assertNotIn("Good job", summary)

    def test_feedback_is_not_moved_in_time(self):
        # the day feedback was given decides the window a flag counts it in: its author
        # neither moves it nor gives one dated another day, by values or default keys
        feedback = self.mine["performance.feedback"]  # Pat's praise of Eli
        day = feedback.date
        with self.assertRaises(REFUSED):
            self.rpc(self.user_peer, feedback, "write", {"date": "2020-01-01"})
        self.assertEqual(feedback.date, day)
        given = {"employee_id": self.employee.id, "message": "<p>Well done</p>"}
        for vals, context in (
            ({**given, "date": "2020-01-01"}, None),
            (given, {"default_date": "2020-01-01"}),
        ):
            kwargs = {"context": context} if context else {}
            with self.subTest(context=context), self.assertRaises(REFUSED):
                self.rpc(self.user_peer, feedback.browse(), "create", vals, **kwargs)
        # given today, as the form gives it
        created = self.rpc(self.user_peer, feedback.browse(), "create", given)
        self.assertEqual(created.date, fields.Date.context_today(feedback))
        # and a copy is given today, not on the day of the one it copies
        copied = self.rpc(self.user_peer, feedback, "copy")
        self.assertEqual(feedback.browse(copied).date, fields.Date.context_today(feedback))

    def test_feedback_cites_its_companys_values(self):
        other = self.env["performance.value"].create(
            {"name": "Company B's courage", "company_id": self.company_b.id}
        )
        wizard = self.rpc(
            self.user_peer,
            self.env["performance.feedback.give"],
            "create",
            {
                "employee_ids": [(6, 0, self.employee.ids)],
                "message": "<p>Brave</p>",
                "value_id": other.id,
            },
        )
        with self.assertRaises(REFUSED):
            self.rpc(self.user_peer, wizard, "action_give")
        self.assertFalse(self.env["performance.feedback"].search([("value_id", "=", other.id)]))

    def test_reward_is_not_turned_into_a_bonus_for_its_recommender(self):
        reward = self.mine["performance.reward"]  # Mia's 1,000 for Eli
        self.company.performance_reward_manager_approval = True
        with self.assertRaises(REFUSED):
            self.rpc(
                self.user_manager,
                reward,
                "write",
                {
                    "employee_id": self.manager.id,
                    "recommender_id": self.employee.id,
                    "amount": 50000,
                },
            )
        for vals in ({"employee_id": self.manager.id}, {"recommender_id": self.employee.id}):
            with self.subTest(vals=vals), self.assertRaises(REFUSED):
                self.rpc(self.user_manager, reward, "write", vals)
        self.assertEqual(
            (reward.employee_id, reward.recommender_id), (self.employee, self.manager)
        )
        self.assertEqual(reward.amount, 1000.0)
        # the recommender still tunes his own draft
        self.rpc(self.user_manager, reward, "write", {"amount": 1500.0})
        self.assertEqual(reward.amount, 1500.0)

    def test_calendar_event_of_a_1on1_is_the_applications(self):
        log = self.mine["performance.coaching.log"]
        own_event = log.calendar_event_id
        self.assertTrue(own_event)
        for user in (self.user_manager, self.user_employee):
            with self.subTest(user=user.login), self.assertRaises(REFUSED):
                self.rpc(user, log, "write", {"calendar_event_id": self.board_event.id})
        self.assertEqual(log.calendar_event_id, own_event)
        vals = {"employee_id": self.employee.id, "calendar_event_id": self.board_event.id}
        with self.assertRaises(REFUSED):
            self.rpc(self.user_manager, log, "create", vals)
        with self.assertRaises(REFUSED):
            self.rpc(
                self.user_manager,
                log,
                "create",
                {"employee_id": self.employee.id},
                context={"default_calendar_event_id": self.board_event.id},
            )
        # rescheduling and cancelling the 1:1 touch its own event only
        self.rpc(self.user_manager, log, "write", {"date_start": "2026-07-01 09:00:00"})
        self.rpc(self.user_manager, log, "action_cancel")
        self.assertTrue(self.board_event.exists())
        self.assertEqual(self.board_event.name, "Board meeting")
        self.assertFalse(own_event.exists())

    def test_activity_of_an_action_item_is_the_applications(self):
        item = self.mine["performance.coaching.action.item"]
        foreign = self.foreign_activity
        for user in (self.user_manager, self.user_employee):
            with self.subTest(user=user.login), self.assertRaises(REFUSED):
                self.rpc(user, item, "write", {"activity_id": foreign.id})
        with self.assertRaises(REFUSED):
            self.rpc(
                self.user_employee,
                item,
                "create",
                {"log_id": item.log_id.id, "name": "Mine", "activity_id": foreign.id},
            )
        # done and renamed: its own activity is closed and rescheduled, not the peer's
        self.rpc(self.user_employee, item, "write", {"name": "Renamed"})
        self.rpc(self.user_employee, item, "write", {"done": True})
        self.assertTrue(foreign.exists())
        self.assertTrue(foreign.active)

    def test_improvement_plan_needs_an_officer_as_hr_responsible(self):
        Plan = self.env["performance.improvement.plan"]
        against_manager = {
            "name": "Get better, boss",
            "employee_id": self.manager.id,
            "hr_responsible_id": self.user_employee.id,
            "date_end": "2027-06-30",
        }
        for employee in (self.manager, self.peer, self.director):
            vals = dict(against_manager, employee_id=employee.id)
            with self.subTest(employee=employee.name), self.assertRaises(REFUSED):
                self.rpc(self.user_employee, Plan, "create", vals)
        # a manager names an officer, not himself
        vals = dict(against_manager, employee_id=self.employee.id)
        with self.assertRaises(REFUSED):
            self.rpc(
                self.user_manager,
                Plan,
                "create",
                dict(vals, hr_responsible_id=self.user_manager.id),
            )
        plan = self.rpc(
            self.user_manager, Plan, "create", dict(vals, hr_responsible_id=self.user_officer.id)
        )
        self.assertEqual(plan.hr_responsible_id, self.user_officer)
        # nor hands an existing plan to an employee who could then run it
        with self.assertRaises(REFUSED):
            self.rpc(
                self.user_manager, plan, "write", {"hr_responsible_id": self.user_employee.id}
            )
        with self.assertRaises(REFUSED):
            self.rpc(self.user_employee, plan, "action_activate")

    def test_1on1_only_with_ones_own_people(self):
        Log = self.env["performance.coaching.log"]
        for user, employee in (
            (self.user_employee, self.other_employee),
            (self.user_employee, self.manager),
            (self.user_manager, self.other_employee),
            (self.user_other_manager, self.employee),
        ):
            vals = {"employee_id": employee.id, "coach_id": user.employee_ids.id}
            with self.subTest(user=user.login, employee=employee.name), self.assertRaises(REFUSED):
                self.rpc(user, Log, "create", vals)
        # a colleague is not made one's coach by naming him: the 1:1 would land in his
        # calendar, and count as missed on his scorecard
        own_with_peer = {"employee_id": self.employee.id, "coach_id": self.peer.id}
        with self.assertRaises(REFUSED):
            self.rpc(self.user_employee, Log, "create", own_with_peer)
        # one's own 1:1 with one's coach, and the manager's with his report
        self.employee.coach_id = self.peer
        self.rpc(self.user_employee, Log, "create", own_with_peer)
        log = self.rpc(self.user_manager, Log, "create", {"employee_id": self.employee.id})
        self.assertEqual(log.coach_id, self.manager)
        # the coach does not re-plan it with someone outside his chain
        with self.assertRaises(REFUSED):
            self.rpc(self.user_manager, log, "write", {"employee_id": self.other_employee.id})

    def test_goal_progress_and_confidence_are_computed(self):
        goal = self.mine["performance.goal"]
        progress, confidence = goal.progress, goal.confidence
        for user in (self.user_employee, self.user_manager, self.user_officer):
            for vals in (
                {"progress": 100.0},
                {"confidence": "on_track"},
                {"last_checkin_date": "2026-05-01"},
            ):
                with self.subTest(user=user.login, vals=vals), self.assertRaises(REFUSED):
                    self.rpc(user, goal, "write", vals)
        self.assertEqual((goal.progress, goal.confidence), (progress, confidence))

    def test_employee_does_not_cancel_his_development_actions(self):
        plan = self.mine["performance.development.plan"]
        self.env["performance.development.action"].create(
            {"name": "Mentoring", "plan_id": plan.id, "date_deadline": "2026-12-31"}
        )
        plan.action_ids.date_deadline = "2026-12-31"
        plan.with_user(self.user_manager).action_start()
        course = plan.action_ids[0]
        self.rpc(self.user_employee, course, "write", {"state": "done"})
        readiness = plan.readiness
        with self.assertRaises(REFUSED):
            self.rpc(self.user_employee, plan.action_ids - course, "write", {"state": "cancelled"})
        with self.assertRaises(REFUSED):
            self.rpc(self.user_employee, course, "write", {"state": "cancelled"})
        self.assertEqual(plan.readiness, readiness)
        # the manager still drops an action that no longer makes sense
        self.rpc(self.user_manager, plan.action_ids - course, "write", {"state": "cancelled"})

    # 6. states move through their actions only ------------------------------------------

    def test_states_move_through_their_actions_only(self):
        cycle, review = self.cycle, self.mine["performance.review"]
        probes = (
            (self.user_officer, cycle, "closed"),
            (self.user_officer, review, "done"),
            (self.user_manager, self.mine["performance.coaching.log"], "done"),
            (self.user_manager, self.mine["performance.development.plan"], "active"),
            (self.user_manager, self.mine["performance.goal"], "done"),
            # the matrix's plan is a started one (its employee reads no draft)
            (self.user_manager, self.mine["performance.improvement.plan"], "closed"),
            (self.user_officer, self.mine["performance.feedback"], "requested"),
        )
        for user, record, state in probes:
            with self.subTest(model=record._name), self.assertRaises(REFUSED):
                self.rpc(user, record, "write", {"state": state})
            self.assertNotEqual(record.state, state)
        with self.assertRaises(REFUSED):
            self.rpc(self.user_officer, cycle, "write", {"launch_state": "queued"})
        # an officer does not close a cycle whose reviews are in calibration
        review.sudo().state = "calibration"
        with self.assertRaises(UserError):
            cycle.with_user(self.user_officer).action_close()

    def test_records_start_where_their_workflow_starts(self):
        cycle = {
            "name": "Born closed",
            "template_id": self.template.id,
            "date_start": "2027-01-01",
            "date_end": "2027-12-31",
        }
        Cycle, Log = self.env["performance.cycle"], self.env["performance.coaching.log"]
        with self.assertRaises(REFUSED):
            self.rpc(self.user_officer, Cycle, "create", dict(cycle, state="closed"))
        with self.assertRaises(REFUSED):
            self.rpc(
                self.user_officer, Cycle, "create", cycle, context={"default_state": "closed"}
            )
        with self.assertRaises(REFUSED):
            self.rpc(
                self.user_manager,
                Log,
                "create",
                {"employee_id": self.employee.id, "state": "done"},
            )
        with self.assertRaises(REFUSED):
            self.rpc(
                self.user_peer,
                self.env["performance.feedback"],
                "create",
                {"employee_id": self.employee.id, "message": "<p>Hi</p>", "state": "answered"},
            )
        self.assertEqual(self.rpc(self.user_officer, Cycle, "create", cycle).state, "draft")

    def test_1on1_done_through_its_action_carries_over(self):
        log = self.mine["performance.coaching.log"]
        log.cadence = "weekly"
        point = self.mine["performance.coaching.talking.point"]
        with self.assertRaises(REFUSED):
            self.rpc(self.user_manager, log, "write", {"state": "done"})
        self.rpc(self.user_manager, log, "action_done")
        self.assertEqual(log.state, "done")
        self.assertTrue(log.next_id)
        self.assertEqual(log.next_id.previous_id, log)
        self.assertIn(point.name, log.next_id.talking_point_ids.mapped("name"))
        self.assertEqual(self.mine["performance.coaching.action.item"].log_id, log.next_id)

    def test_review_done_only_by_release_and_acknowledgement(self):
        review = self.mine["performance.review"]
        with self.assertRaises(REFUSED):
            self.rpc(self.user_officer, review, "write", {"state": "done"})
        with self.assertRaises(REFUSED):
            self.rpc(self.user_officer, review, "write", {"state": "released"})
        with self.assertRaises(REFUSED):
            self.rpc(self.user_officer, review, "write", {"acknowledgement": "agree"})
        self.assertEqual(review.state, "self_review")

    def test_state_kanbans_are_not_draggable(self):
        views = self.env["ir.ui.view"].search(
            [
                ("type", "=", "kanban"),
                ("model", "=like", "performance.%"),
                ("inherit_id", "=", False),
            ]
        )
        checked = 0
        for view in views:
            kanban = etree.fromstring(view.arch_db.encode())
            if kanban.get("default_group_by") != "state":
                continue
            checked += 1
            with self.subTest(view=view.name):
                self.assertIn(kanban.get("records_draggable"), ("0", "false"))
        self.assertGreaterEqual(checked, 7)

    # officers fix data, within their reach ------------------------------------------------

    def test_officer_fixes_data_within_reach(self):
        review = self.mine["performance.review"]
        self.rpc(self.user_officer, review, "write", {"manager_id": self.director.id})
        self.assertEqual(review.manager_id, self.director)
        line = self.lines(review, "employee")[:1]
        self.rpc(self.user_officer, line, "write", {"weight": 3.0})
        self.assertEqual(line.weight, 3.0)
        for vals in ({"role": "manager"}, {"review_id": self.peers["performance.review"].id}):
            with self.subTest(vals=vals), self.assertRaises(REFUSED):
                self.rpc(self.user_officer, line, "write", vals)
        # who signed a feedback or a reward stays, for officers too
        with self.assertRaises(REFUSED):
            self.rpc(
                self.user_officer,
                self.mine["performance.feedback"],
                "write",
                {"author_id": self.officer.id},
            )
        with self.assertRaises(REFUSED):
            self.rpc(
                self.user_officer,
                self.mine["performance.reward"],
                "write",
                {"recommender_id": self.officer.id},
            )
        # and nothing moves into a company the officer does not work in
        with self.assertRaises(REFUSED):
            self.rpc(self.user_officer_b, review, "write", {"manager_id": self.employee_b.id})
