from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ReviewCase


class CalibrationSessionCase(ReviewCase):
    """Reviews of Mia Manager's team in calibration, and a session on them.

    Participants: Mia (the reviewer), Dana (her manager: reads the same reviews) and Otto
    (a manager of another department: reads none of them). Olivia (officer) facilitates.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2026-11-01"):
            cls.cycle.with_user(cls.user_officer).action_launch()
            cls.review_employee = cls._submitted(cls.employee, level_index=2)
            cls.review_peer = cls._submitted(cls.peer, level_index=2)
            cls.review_manager = cls.cycle.review_ids.filtered(
                lambda r: r.employee_id == cls.manager
            )
            cls.cycle.with_user(cls.user_officer).action_start_calibration()
        export = cls.env.ref("base.group_allow_export")
        for user in (
            cls.user_manager,
            cls.user_director,
            cls.user_other_manager,
            cls.user_officer,
        ):
            user.group_ids += export
        cls.team_session = (
            cls.env["performance.calibration.session"]
            .with_user(cls.user_officer)
            .create(
                {
                    "name": "Team Mia",
                    "cycle_id": cls.cycle.id,
                    "manager_ids": [Command.set(cls.manager.ids)],
                    "participant_ids": [
                        Command.set(
                            (cls.user_manager | cls.user_director | cls.user_other_manager).ids
                        )
                    ],
                }
            )
        )

    @classmethod
    def _submitted(cls, employee, level_index):
        review = cls.cycle.review_ids.filtered(lambda r: r.employee_id == employee)
        for role, user in (("employee", employee.user_id), ("manager", cls.user_manager)):
            for line in review.sudo().line_ids.filtered(
                lambda line, role=role: line.role == role and not line.display_type
            ):
                line = line.with_user(user)
                if line.kind == "rating":
                    line.rating_id = cls.levels[level_index]
                elif line.kind == "competency":
                    line.skill_level_id = cls.skill_levels[1]
                elif line.kind == "text":
                    line.answer = "answer"
            if role == "employee":
                review.sudo().action_submit_self()
        review.with_user(cls.user_manager).write({"potential": "medium"})
        review.with_user(cls.user_manager).action_submit_manager()
        return review

    def vote(self, user, review, level, potential=False, session=None):
        return (
            self.env["performance.calibration.vote"]
            .with_user(user)
            .create(
                {
                    "session_id": (session or self.team_session).id,
                    "review_id": review.id,
                    "rating_id": level.id,
                    "potential": potential,
                }
            )
        )

    def calibrate(self, review, level, reason, user=None):
        wizard = (
            self.env["performance.calibration.wizard"]
            .with_user(user or self.user_officer)
            .create(
                {
                    "assessment_id": review.assessment_ids.id,
                    "new_rating_id": level.id,
                    "reason": reason,
                }
            )
        )
        return wizard.action_confirm()


@tagged("post_install", "-at_install")
class TestCalibrationSession(CalibrationSessionCase):
    def test_scope_is_the_managers_reviews_of_the_cycle(self):
        self.assertEqual(
            set(self.team_session.review_ids.employee_id.ids),
            set((self.employee | self.peer | self.portal_employee | self.nouser_employee).ids),
        )
        self.assertNotIn(self.review_manager, self.team_session.review_ids)
        self.team_session.with_user(self.user_officer).action_open()
        with self.assertRaisesRegex(UserError, "frozen"):
            self.team_session.with_user(self.user_officer).manager_ids = self.director

    def test_votes_are_blind_until_the_session_opens(self):
        session = self.team_session.with_user(self.user_officer)
        session.action_start_pre_rating()
        mine = self.vote(self.user_manager, self.review_employee, self.levels[4], "high")
        dana = self.vote(self.user_director, self.review_employee, self.levels[2], "medium")
        Vote = self.env["performance.calibration.vote"]
        domain = [("session_id", "=", self.team_session.id)]
        for user, own in (
            (self.user_manager, mine),
            (self.user_director, dana),
            (self.user_other_manager, Vote),
            (self.user_officer, Vote),  # the facilitator, too, sees counts only
        ):
            as_user = Vote.with_user(user)
            self.assertEqual(as_user.search(domain), own)
            self.assertEqual(as_user.search_count(domain), len(own))
            grouped = as_user.formatted_read_group(domain, ["voter_id"], ["__count"])
            self.assertEqual(sum(group["__count"] for group in grouped), len(own))
            self.assertEqual(as_user._read_group(domain, [], ["__count"])[0][0], len(own))
            for other in (mine | dana) - own:
                with self.assertRaises(AccessError), mute_logger("odoo.models"):
                    other.with_user(user).read(["rating_id"])
                with self.assertRaises(AccessError), mute_logger("odoo.models"):
                    other.with_user(user).export_data(["rating_id", "comment"])
                with self.assertRaises(AccessError), mute_logger("odoo.models"):
                    other.with_user(user).rating_id = self.levels[0]
        # what the facilitator reads before the opening: how many voted
        self.assertEqual(session.vote_count, 2)
        self.assertEqual(session.voter_count, 2)

        session.action_open()
        both = mine | dana
        for user in (self.user_manager, self.user_director, self.user_other_manager):
            as_user = Vote.with_user(user)
            self.assertEqual(as_user.search(domain), both)
            self.assertEqual(
                {r["rating_id"][0] for r in both.with_user(user).read(["rating_id"])},
                {self.levels[4].id, self.levels[2].id},
            )
            grouped = as_user.formatted_read_group(domain, ["voter_id"], ["__count"])
            self.assertEqual(len(grouped), 2)
            self.assertEqual(len(both.with_user(user).export_data(["rating_id"])["datas"]), 2)
        self.assertEqual(Vote.with_user(self.user_officer).search(domain), both)
        # nobody else: a colleague out of the session, an officer of another company
        for user in (self.user_peer, self.user_officer_b):
            self.assertFalse(Vote.with_user(user).search(domain))
            with self.assertRaises(AccessError), mute_logger("odoo.models"):
                mine.with_user(user).read(["rating_id"])

    def test_votes_only_on_readable_reviews_in_scope(self):
        self.team_session.with_user(self.user_officer).action_start_pre_rating()
        # Otto manages another department: the reviews in scope are not his to read
        with self.assertRaises(ValidationError) as refused:
            self.vote(self.user_other_manager, self.review_employee, self.levels[3])
        self.assertIn("not yours to read", str(refused.exception))
        # Mia's own review is not in this session's scope
        with self.assertRaises(ValidationError) as refused:
            self.vote(self.user_director, self.review_manager, self.levels[3])
        self.assertIn("not in the scope", str(refused.exception))
        # who is out of the session votes on nothing, even on reviews he reads, nor does a
        # participant vote in another's name
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.vote(self.user_officer, self.review_employee, self.levels[3])
        with self.assertRaises(ValidationError):
            self.vote(self.user_peer, self.review_employee, self.levels[3])
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.env["performance.calibration.vote"].with_user(self.user_manager).create(
                {
                    "session_id": self.team_session.id,
                    "review_id": self.review_employee.id,
                    "voter_id": self.user_director.id,
                    "rating_id": self.levels[3].id,
                }
            )
        vote = self.vote(self.user_manager, self.review_employee, self.levels[3])
        # a vote does not move to another review, out of scope
        with self.assertRaises(UserError):
            vote.review_id = self.review_manager
        other_scale = self.env["performance.rating.scale"].create(
            {"name": "Other", "level_ids": [Command.create({"value": 1, "name": "Only"})]}
        )
        with self.assertRaises(ValidationError):
            vote.rating_id = other_scale.level_ids
        # the vote screen lists what the participant may rate, not his own review
        self.team_session.with_user(self.user_director).action_open_my_votes()
        votes = (
            self.env["performance.calibration.vote"]
            .with_user(self.user_director)
            .search([("session_id", "=", self.team_session.id)])
        )
        self.assertEqual(votes.review_id, self.team_session.review_ids)
        self.team_session.with_user(self.user_other_manager).action_open_my_votes()
        self.assertFalse(
            self.env["performance.calibration.vote"]
            .with_user(self.user_other_manager)
            .search([("session_id", "=", self.team_session.id)])
        )

    def test_no_vote_before_pre_rating_nor_after_opening(self):
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.vote(self.user_manager, self.review_employee, self.levels[3])
        session = self.team_session.with_user(self.user_officer)
        session.action_start_pre_rating()
        vote = self.vote(self.user_manager, self.review_employee, self.levels[3])
        session.action_open()
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            vote.with_user(self.user_manager).rating_id = self.levels[4]
        session.action_close()
        as_manager = vote.with_user(self.user_manager)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            as_manager.rating_id = self.levels[4]
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            as_manager.unlink()
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.vote(self.user_manager, self.review_peer, self.levels[3])
        # a closed session is locked, for its facilitator too
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            session.name = "Renamed"
        with self.assertRaises(UserError):
            session.action_open()
        self.assertEqual(vote.rating_id, self.levels[3])

    def test_disagreements_on_known_votes(self):
        session = self.team_session.with_user(self.user_officer)
        current = self.review_employee.assessment_ids.final_rating_id
        self.assertEqual(current, self.levels[2])
        self.assertEqual(self.review_peer.assessment_ids.final_rating_id, self.levels[2])
        session.write({"threshold": 30})
        session.action_start_pre_rating()
        # Eli: 5 and 3 against a 3 -> 50 % of the scale apart
        self.vote(self.user_manager, self.review_employee, self.levels[4], "high")
        self.vote(self.user_director, self.review_employee, self.levels[2], "medium")
        # Pat: 4 and 4 against a 3 -> 25 %, under the threshold, potentials agree
        self.vote(self.user_manager, self.review_peer, self.levels[3], "medium")
        self.vote(self.user_director, self.review_peer, self.levels[3], "medium")
        session.action_open()
        lines = session.disagreement_ids
        self.assertEqual(lines.employee_id, self.employee)
        self.assertEqual(lines.spread, 50)
        self.assertEqual(lines.current_rating_id, self.levels[2])
        self.assertEqual(lines.lowest_rating_id, self.levels[2])
        self.assertEqual(lines.highest_rating_id, self.levels[4])
        self.assertEqual(lines.vote_count, 2)
        self.assertTrue(lines.potential_split)
        self.assertRegex(
            lines.vote_summary,
            r"^pm_director.*: Meets / Medium\npm_manager.*: Outstanding / High$",
        )
        # the participants read them; the other company's officer does not
        self.assertEqual(
            self.env["performance.calibration.disagreement"]
            .with_user(self.user_director)
            .search([("session_id", "=", self.team_session.id)]),
            lines,
        )
        self.assertFalse(
            self.env["performance.calibration.disagreement"]
            .with_user(self.user_officer_b)
            .search([])
        )

    def test_disagreements_sorted_by_spread(self):
        session = self.team_session.with_user(self.user_officer)
        session.write({"threshold": 10})
        session.action_start_pre_rating()
        self.vote(self.user_manager, self.review_peer, self.levels[3])  # 25 %
        self.vote(self.user_manager, self.review_employee, self.levels[0])  # 50 %
        session.action_open()
        self.assertEqual(session.disagreement_ids.mapped("spread"), [50, 25])
        self.assertEqual(session.disagreement_ids.employee_id, self.employee | self.peer)

    def test_moves_during_the_session_record_it_and_why(self):
        session = self.team_session.with_user(self.user_officer)
        session.action_start_pre_rating()
        self.vote(self.user_manager, self.review_employee, self.levels[4])
        session.action_open()
        # through the disagreement's button: the existing wizard
        action = session.disagreement_ids.action_calibrate()
        self.assertEqual(action["res_model"], "performance.calibration.wizard")
        self.calibrate(self.review_employee, self.levels[3], "Shipped the migration early")
        # through the 9-box of the session
        nine_box = session.action_view_nine_box()
        self.assertEqual(
            self.env["performance.review.assessment"]
            .with_user(self.user_officer)
            .search(nine_box["domain"])
            .review_id,
            self.team_session.review_ids,
        )
        self.review_peer.assessment_ids.with_user(self.user_officer).action_calibrate(
            self.levels[2].id, "high", "Mentors the new hires"
        )
        log = self.env["performance.calibration.log"].search(
            [("session_id", "=", self.team_session.id)], order="id"
        )
        self.assertEqual(len(log), 2)
        self.assertEqual(log[0].old_rating_id, self.levels[2])
        self.assertEqual(log[0].new_rating_id, self.levels[3])
        self.assertEqual(log[0].reason, "Shipped the migration early")
        self.assertEqual(log[1].new_potential, "high")
        self.assertEqual(session.move_count, 2)
        # a move out of scope, or after the session, is not the session's
        session.action_close()
        self.calibrate(self.review_employee, self.levels[4], "After the session")
        self.assertFalse(self.review_employee.assessment_ids.calibration_log_ids[:1].session_id)
        self.assertEqual(session.move_count, 2)
        # a second session may not open on reviews another open session holds
        other = self.team_session.copy({"name": "Again"})
        other.action_open()
        third = other.copy({"name": "Third"})
        with self.assertRaisesRegex(UserError, "Another session is open"):
            third.action_open()

    def test_minute_lists_participants_disagreements_and_moves(self):
        session = self.team_session.with_user(self.user_officer)
        session.action_start_pre_rating()
        self.vote(self.user_manager, self.review_employee, self.levels[4])
        session.action_open()
        self.calibrate(self.review_employee, self.levels[3], "Shipped the migration early")
        session.action_close()
        report = self.env["ir.actions.report"]
        log = self.review_employee.assessment_ids.calibration_log_ids
        # a participant who is not an officer prints it too
        for user in (self.user_officer, self.user_manager):
            html = (
                report.with_user(user)
                ._render_qweb_html(
                    "performance_management.action_report_calibration_session",
                    self.team_session.ids,
                )[0]
                .decode()
            )
            for text in (
                "Team Mia",
                "pm_director",
                "pm_other_manager",
                "Eli Employee",
                "Meets",
                "Exceeds",
                "Shipped the migration early",
                f"/odoo/performance.calibration.log/{log.id}",
            ):
                self.assertIn(text, html)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            report.with_user(self.user_peer)._render_qweb_html(
                "performance_management.action_report_calibration_session", self.team_session.ids
            )

    def test_minute_prints_as_pdf(self):
        if self.env["ir.actions.report"].get_wkhtmltopdf_state() != "ok":
            self.skipTest("wkhtmltopdf is not installed")
        session = self.team_session.with_user(self.user_officer)
        session.action_open()
        content, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                "performance_management.action_report_calibration_session", self.team_session.ids
            )
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(content.startswith(b"%PDF"))
        session.with_context(force_report_rendering=True).action_close()
        self.assertTrue(self.team_session.minute_pdf)

    def test_facilitator_is_an_officer_and_members_read_the_session(self):
        with self.assertRaises(ValidationError):
            self.team_session.with_user(self.user_officer).facilitator_id = self.user_manager
        Session = self.env["performance.calibration.session"]
        self.assertEqual(Session.with_user(self.user_director).search([]), self.team_session)
        self.assertFalse(Session.with_user(self.user_peer).search([]))
        self.assertFalse(Session.with_user(self.user_officer_b).search([]))
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.team_session.with_user(self.user_manager).action_open()
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            Session.with_user(self.user_manager).create(
                {"name": "Mine", "cycle_id": self.cycle.id}
            )
        # workflow fields move only through the buttons
        with self.assertRaises(UserError):
            self.team_session.with_user(self.user_officer).state = "closed"
        with self.assertRaises(UserError):
            self.team_session.with_user(self.user_officer).review_ids = self.review_manager
