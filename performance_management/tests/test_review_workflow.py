from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ReviewCase


@tagged("post_install", "-at_install")
@freeze_time("2026-11-01")
class TestReviewWorkflow(ReviewCase):
    def test_launch_creates_reviews_lines_todos_and_invitations(self):
        reviews = self.launch()
        participants = self.env["hr.employee"].search([("department_id", "=", self.department.id)])
        self.assertEqual(reviews.employee_id, participants)
        self.assertEqual(self.cycle.state, "running")
        review = self.review_of(self.employee)
        self.assertEqual(review.manager_id, self.manager)
        self.assertEqual(review.state, "self_review")
        self.assertEqual(len(self.lines(review, "employee", "rating")), 1)
        self.assertEqual(len(self.lines(review, "manager", "rating")), 2)
        competency = self.lines(review, "manager", "competency")
        self.assertEqual(competency.skill_id, self.skill)
        self.assertEqual(competency.expected_level_id, self.skill_levels[1])
        self.assertEqual(len(review.assessment_ids), 1)
        activity = review.activity_ids
        self.assertEqual(activity.user_id, self.user_employee)
        mail = self.env["mail.mail"].search(
            [("model", "=", "performance.review"), ("res_id", "=", review.id)]
        )
        recipients = (mail.email_to or "") + ",".join(mail.recipient_ids.mapped("email"))
        self.assertIn("pm_employee@example.com", recipients)
        # The director has no manager: listed, not a failure.
        self.assertEqual(self.cycle.no_manager_count, 3)
        self.assertFalse(self.review_of(self.director).manager_id)

    def test_employee_writes_self_review_only_in_self_phase(self):
        review = self.launch() and self.review_of(self.employee)
        as_employee = review.with_user(self.user_employee)
        # The manager's lines are invisible, and cannot be written.
        self.assertFalse(as_employee.manager_line_ids)
        manager_line = self.lines(review, "manager", "rating")[0]
        with self.assertRaises(AccessError):
            manager_line.with_user(self.user_employee).rating_id = self.levels[4]
        # Not a full self review yet: refused.
        with self.assertRaisesRegex(UserError, "Rate every question"):
            as_employee.action_submit_self()
        self.fill(review, "employee", self.user_employee)
        # The manager cannot answer the self part, nor start before their phase.
        with self.assertRaisesRegex(UserError, "self review can only be written"):
            self.lines(review, "employee", "text").with_user(self.user_manager).answer = "x"
        with self.assertRaisesRegex(UserError, "manager review can only be written"):
            manager_line.with_user(self.user_manager).rating_id = self.levels[2]
        with self.assertRaisesRegex(UserError, "manager review is not open"):
            review.with_user(self.user_manager).action_submit_manager()
        as_employee.action_submit_self()
        self.assertEqual(review.state, "manager_review")
        with self.assertRaisesRegex(UserError, "self review can only be written"):
            self.lines(review, "employee", "text").with_user(self.user_employee).answer = "late"
        self.assertEqual(review.activity_ids.user_id, self.user_manager)

    def test_others_cannot_read_a_review(self):
        review = self.launch() and self.review_of(self.employee)
        for user in (self.user_peer, self.user_other_manager, self.user_employee_b):
            with self.assertRaises(AccessError):
                review.with_user(user).read(["name"])
            self.assertFalse(
                self.env["performance.review.line"]
                .with_user(user)
                .search([("review_id", "=", review.id)])
            )
        # The manager chain reads it.
        review.with_user(self.user_director).read(["name"])
        # The portal employee reads their own review only.
        own = self.review_of(self.portal_employee)
        own.with_user(self.user_portal).read(["name", "state"])
        with self.assertRaises(AccessError):
            review.with_user(self.user_portal).read(["name"])

    def test_blind_ratings_and_private_note(self):
        review = self.launch() and self.review_of(self.employee)
        self.fill(review, "employee", self.user_employee)
        review.with_user(self.user_employee).action_submit_self()
        self.fill(review, "manager", self.user_manager, level_index=4)
        as_manager = review.with_user(self.user_manager)
        as_manager.write({"potential": "high", "manager_summary": "Great year"})
        rating = review.assessment_ids.final_rating_id
        # the director writing the summary alone leaves the manager's potential and rating
        review.with_user(self.user_director).write({"manager_summary": "Great year, agreed"})
        self.assertEqual(review.assessment_ids.potential, "high")
        self.assertEqual(review.assessment_ids.final_rating_id, rating)
        self.assertEqual(review.assessment_ids.manager_summary, "Great year, agreed")
        note = (
            self.env["performance.review.note"]
            .with_user(self.user_manager)
            .create({"review_id": review.id, "note": "Flight risk"})
        )
        as_manager.action_submit_manager()
        self.assertEqual(review.state, "calibration")
        assessment = review.assessment_ids
        self.assertEqual(assessment.final_rating_id, assessment.suggested_rating_id)
        self.assertTrue(assessment.overall_score > 0)
        as_employee = review.with_user(self.user_employee)
        # Before release, nothing of the manager's part reaches the employee.
        self.assertFalse(as_employee.final_rating_id)
        self.assertFalse(as_employee.manager_summary)
        self.assertFalse(as_employee.manager_line_ids)
        Assessment = self.env["performance.review.assessment"].with_user(self.user_employee)
        self.assertFalse(Assessment.search([("employee_id", "=", self.employee.id)]))
        self.assertFalse(Assessment.search_count([("final_rating_id", "!=", False)]))
        with self.assertRaises(AccessError):
            assessment.with_user(self.user_employee).read(["final_rating_id"])
        self.assertFalse(
            self.env["performance.review"]
            .with_user(self.user_employee)
            .search([("final_rating_id", "!=", False)])
        )
        with self.assertRaises(AccessError):
            note.with_user(self.user_employee).read(["note"])
        review.with_user(self.user_officer).action_release()
        # Released: the ratings show, the private note never does.
        as_employee.invalidate_recordset()
        self.assertEqual(as_employee.final_rating_id, assessment.final_rating_id)
        self.assertEqual(as_employee.manager_summary, "Great year, agreed")
        self.assertTrue(as_employee.manager_line_ids)
        self.assertFalse(as_employee.note_ids)
        with self.assertRaises(AccessError):
            note.with_user(self.user_employee).read(["note"])
        with self.assertRaises(AccessError):
            self.env["performance.review.note"].with_user(self.user_employee).create(
                {"review_id": review.id, "note": "mine"}
            )

    def test_overall_score_is_weighted(self):
        review = self.launch() and self.review_of(self.employee)
        self.fill(review, "employee", self.user_employee)
        review.with_user(self.user_employee).action_submit_self()
        # Delivery (weight 2) at 5 = 100, Teamwork (weight 1) at 1 = 0: questions 66.7;
        # French native = 100; no goal: weights 60 and 20 only.
        delivery, teamwork = self.lines(review, "manager", "rating")
        delivery.with_user(self.user_manager).rating_id = self.levels[4]
        teamwork.with_user(self.user_manager).rating_id = self.levels[0]
        self.lines(review, "manager", "competency").with_user(
            self.user_manager
        ).skill_level_id = self.skill_levels[2]
        expected = (60 * 200 / 3 + 20 * 100) / 80
        self.assertAlmostEqual(review.assessment_ids.overall_score, expected, places=2)
        self.assertEqual(review.assessment_ids.suggested_rating_id, self.levels[3])

    def test_rating_outside_the_scale_is_refused(self):
        review = self.launch() and self.review_of(self.employee)
        other_scale = self.env["performance.rating.scale"].create(
            {"name": "Other", "level_ids": [(0, 0, {"value": 1, "name": "Odd"})]}
        )
        with self.assertRaisesRegex(ValidationError, "not a level of the scale"):
            self.lines(review, "employee", "rating").with_user(
                self.user_employee
            ).rating_id = other_scale.level_ids

    def test_release_pdf_and_acknowledgement_lock_the_review(self):
        review = self.launch() and self.review_of(self.employee)
        self.fill(review, "employee", self.user_employee)
        review.with_user(self.user_employee).action_submit_self()
        self.fill(review, "manager", self.user_manager)
        review.with_user(self.user_manager).action_submit_manager()
        with self.assertRaisesRegex(UserError, "officers release"):
            review.with_user(self.user_manager).action_release()
        # rendered for real: under tests Odoo's reports fall back to HTML and store nothing;
        # assets from a closed port, wkhtmltopdf does not wait on whatever server listens
        self.env["ir.config_parameter"].sudo().set_param("report.url", "http://127.0.0.1:9")
        review.with_user(self.user_officer).with_context(
            force_report_rendering=True
        ).action_release()
        self.assertEqual(review.state, "released")
        attachment = self.env["ir.attachment"].search(
            [
                ("res_model", "=", "performance.review"),
                ("res_id", "=", review.id),
                ("res_field", "=", "released_pdf"),
            ]
        )
        self.assertEqual(len(attachment), 1)
        self.assertEqual(attachment.mimetype, "application/pdf")
        self.assertTrue(review.has_released_pdf)
        with self.assertRaisesRegex(UserError, "Only the reviewed employee"):
            review.with_user(self.user_manager)._acknowledge("agree")
        wizard = (
            self.env["performance.review.acknowledge.wizard"]
            .with_user(self.user_employee)
            .create({"review_id": review.id, "agreement": "disagree", "comment": "Too low"})
        )
        wizard.action_confirm()
        self.assertEqual(review.state, "done")
        self.assertEqual(review.acknowledgement, "disagree")
        self.assertEqual(review.acknowledgement_comment, "Too low")
        with self.assertRaisesRegex(UserError, "locked"):
            self.lines(review, "manager", "rating")[0].with_user(
                self.user_officer
            ).rating_id = self.levels[0]
        with self.assertRaisesRegex(UserError, "locked"):
            review.with_user(self.user_officer).write({"date_end": "2026-12-30"})
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            review.with_user(self.user_officer).unlink()

    def test_skills_written_back_on_acknowledgement(self):
        self.company.performance_review_skill_writeback = True
        review = self.launch() and self.review_of(self.employee)
        self.fill(review, "employee", self.user_employee)
        review.with_user(self.user_employee).action_submit_self()
        self.fill(review, "manager", self.user_manager, skill_index=2)
        review.with_user(self.user_manager).action_submit_manager()
        review.with_user(self.user_officer).action_release()
        review.with_user(self.user_employee)._acknowledge("agree")
        skill = self.employee.employee_skill_ids.filtered(lambda s: s.skill_id == self.skill)
        self.assertEqual(skill.skill_level_id, self.skill_levels[2])

    def test_plain_users_cannot_run_cycles(self):
        with self.assertRaises(UserError):
            self.cycle.with_user(self.user_manager).action_launch()
        self.launch()
        with self.assertRaises(UserError):
            self.cycle.with_user(self.user_employee).action_release()
        with self.assertRaisesRegex(AccessError, "manager_id"):
            self.review_of(self.employee).with_user(self.user_manager).write(
                {"manager_id": self.other_manager.id}
            )

    def test_bad_cycle_input(self):
        empty = self.cycle.copy(
            {"department_ids": [(6, 0, self.env["hr.department"].create({"name": "Empty"}).ids)]}
        )
        with self.assertRaisesRegex(ValidationError, "out of order"):
            self.cycle.date_manager_deadline = "2026-11-01"
        with self.assertRaisesRegex(UserError, "no participants"):
            empty.with_user(self.user_officer).action_launch()
        with self.assertRaisesRegex(ValidationError, "add up to 100"):
            self.template.goal_weight = 50
        with self.assertRaisesRegex(ValidationError, "valid domain"):
            self.cycle.participant_domain = "[('name', 'bogus'"

    def test_cycle_progress_counts(self):
        self.launch()
        review = self.review_of(self.employee)
        self.fill(review, "employee", self.user_employee)
        review.with_user(self.user_employee).action_submit_self()
        self.cycle.invalidate_recordset()
        self.assertEqual(self.cycle.self_done_count, 1)
        self.assertEqual(self.cycle.self_late_count, 0)
        with freeze_time("2026-11-20"):
            self.cycle.invalidate_recordset()
            self.assertEqual(self.cycle.self_late_count, self.cycle.review_count - 1)
            late = self.env["performance.review"].search(
                [("cycle_id", "=", self.cycle.id), ("is_late", "=", True)]
            )
            self.assertNotIn(review, late)
            self.assertEqual(len(late), self.cycle.review_count - 1)


@tagged("post_install", "-at_install")
@freeze_time("2026-11-01")
class TestReviewSideBySide(ReviewCase):
    def test_manager_sees_the_employee_answer_beside_his_own(self):
        self.launch()
        review = self.review_of(self.employee)
        self.fill(review, "employee", self.user_employee, level_index=3)
        review.with_user(self.user_employee).action_submit_self()
        lines = review.with_user(self.user_manager).manager_line_ids
        delivery = lines.filtered(lambda line: line.name == "Delivery")
        highlights = lines.filtered(lambda line: line.name == "Highlights")
        self.assertEqual(delivery.self_answer_display, self.levels[3].name)
        self.assertEqual(highlights.self_answer_display, "employee answer")
        # the question only the manager answers has nothing beside it
        teamwork = lines.filtered(lambda line: line.name == "Teamwork")
        self.assertFalse(teamwork.self_answer_display)
        delivery.with_user(self.user_manager).rating_id = self.levels[2]
        self.assertEqual(delivery.rating_description, self.levels[2].description)

    def test_both_tabs_show_the_template_sections(self):
        self.launch()
        review = self.review_of(self.employee)
        mine = review.with_user(self.user_employee).self_sheet_line_ids
        self.assertEqual(mine[0].display_type, "line_section")
        self.assertEqual(mine[0].name, "Results")
        self.assertIn("Delivery", mine.mapped("name"))
        self.assertEqual(set(mine.mapped("role")), {"shared", "employee"})
        self.assertNotIn("goal", mine.mapped("kind"))
        theirs = review.with_user(self.user_manager).manager_sheet_line_ids
        self.assertEqual(theirs[0].name, "Results")
        self.assertEqual(set(theirs.mapped("role")), {"shared", "manager"})
        # before release the employee reads no manager answer there, only the headings
        self.env.invalidate_all()  # a request of his own: no cache from the manager's read
        hidden = review.with_user(self.user_employee).manager_sheet_line_ids
        self.assertEqual(set(hidden.mapped("display_type")), {"line_section"})
