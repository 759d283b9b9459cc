from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.service.model import call_kw
from odoo.tests import tagged

from .common import PerformanceCase


class CareerCase(PerformanceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.skill_type = cls.env["hr.skill.type"].create(
            {
                "name": "Engineering",
                "skill_ids": [
                    Command.create({"name": "Python"}),
                    Command.create({"name": "Design"}),
                    Command.create({"name": "Leadership"}),
                ],
                "skill_level_ids": [
                    Command.create({"name": "Beginner", "level_progress": 25}),
                    Command.create({"name": "Intermediate", "level_progress": 50}),
                    Command.create({"name": "Advanced", "level_progress": 75}),
                    Command.create({"name": "Expert", "level_progress": 100}),
                ],
            }
        )
        cls.python, cls.design, cls.leadership = cls.skill_type.skill_ids
        cls.beginner, cls.intermediate, cls.advanced, cls.expert = (
            cls.skill_type.skill_level_ids.sorted("level_progress")
        )
        Job = cls.env["hr.job"]
        cls.job_junior = Job.create({"name": "Junior Developer"})
        cls.job_senior = Job.create({"name": "Senior Developer"})
        cls.job_lead = Job.create({"name": "Team Lead"})
        cls.job_expert = Job.create({"name": "Principal Engineer"})
        cls.path = cls.env["performance.career.path"].create({"name": "Engineering"})
        Step = cls.env["performance.career.step"]
        cls.step_junior = Step.create(
            {"path_id": cls.path.id, "job_id": cls.job_junior.id, "level": 1}
        )
        cls.step_senior = Step.create(
            {
                "path_id": cls.path.id,
                "job_id": cls.job_senior.id,
                "level": 2,
                "skill_ids": [
                    cls._expect(cls.python, cls.advanced),
                    cls._expect(cls.design, cls.intermediate),
                    cls._expect(cls.leadership, cls.expert),
                ],
            }
        )
        cls.step_lead = Step.create(
            {"path_id": cls.path.id, "job_id": cls.job_lead.id, "level": 3}
        )
        cls.step_expert = Step.create(
            {"path_id": cls.path.id, "job_id": cls.job_expert.id, "level": 3}
        )
        cls.step_junior.next_step_ids = cls.step_senior
        # A branch: from senior, a management track and an expert track.
        cls.step_senior.next_step_ids = cls.step_lead | cls.step_expert
        cls.employee.job_id = cls.job_junior

    @classmethod
    def _expect(cls, skill, level):
        return Command.create(
            {"skill_type_id": cls.skill_type.id, "skill_id": skill.id, "skill_level_id": level.id}
        )

    def _give_skill(self, employee, skill, level):
        return self.env["hr.employee.skill"].create(
            {
                "employee_id": employee.id,
                "skill_type_id": self.skill_type.id,
                "skill_id": skill.id,
                "skill_level_id": level.id,
            }
        )

    def _plan(self, employee=None, **vals):
        return self.env["performance.development.plan"].create(
            {
                "employee_id": (employee or self.employee).id,
                "current_step_id": self.step_junior.id,
                "target_step_id": self.step_senior.id,
                **vals,
            }
        )


@tagged("post_install", "-at_install")
class TestCareerPath(CareerCase):
    def test_branching_next_steps(self):
        self.assertEqual(self.step_senior.next_step_ids, self.step_lead | self.step_expert)
        self.assertEqual(
            self.step_junior._get_following_steps(),
            self.step_senior | self.step_lead | self.step_expert,
        )
        self.assertEqual(self.step_lead.previous_step_ids, self.step_senior)

    def test_loop_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot loop"):
            self.step_lead.next_step_ids = self.step_junior
        with self.assertRaisesRegex(ValidationError, "cannot loop"):
            self.step_lead.next_step_ids = self.step_lead

    def test_job_twice_in_path_refused(self):
        with self.assertRaisesRegex(ValidationError, "already a step"):
            self.env["performance.career.step"].create(
                {"path_id": self.path.id, "job_id": self.job_senior.id}
            )
        # Another path may use the same job.
        other = self.env["performance.career.path"].create({"name": "Other"})
        step = self.env["performance.career.step"].create(
            {"path_id": other.id, "job_id": self.job_senior.id}
        )
        self.assertEqual(step.name, "Senior Developer")

    def test_expected_skills_fall_back_to_job(self):
        self.env["hr.job.skill"].create(
            {
                "job_id": self.job_lead.id,
                "skill_type_id": self.skill_type.id,
                "skill_id": self.leadership.id,
                "skill_level_id": self.advanced.id,
            }
        )
        self.assertEqual(self.step_lead._get_expected_skills(), {self.leadership: self.advanced})
        self.assertEqual(
            self.step_senior._get_expected_skills(),
            {
                self.python: self.advanced,
                self.design: self.intermediate,
                self.leadership: self.expert,
            },
        )

    def test_paths_are_public_but_managed_by_officers(self):
        for user in (self.user_employee, self.user_portal):
            path = self.path.with_user(user)
            self.assertEqual(path.step_ids.mapped("name")[0], "Junior Developer")
        with self.assertRaises(AccessError):
            self.env["performance.career.path"].with_user(self.user_manager).create({"name": "X"})
        with self.assertRaises(AccessError):
            self.step_senior.with_user(self.user_employee).level = 5
        self.env["performance.career.path"].with_user(self.user_officer).create({"name": "Sales"})
        # Another company does not see ours.
        self.assertFalse(
            self.env["performance.career.path"]
            .with_user(self.user_officer_b)
            .search([("id", "=", self.path.id)])
        )


@tagged("post_install", "-at_install")
class TestDevelopmentPlan(CareerCase):
    def test_gap_and_readiness_math(self):
        self._give_skill(self.employee, self.python, self.expert)  # above the requirement
        design = self._give_skill(self.employee, self.design, self.beginner)  # below
        # no Leadership at all: missing
        plan = self._plan()
        lines = {line.skill_id: line for line in plan.skill_line_ids}
        self.assertEqual(len(lines), 3)
        self.assertEqual(
            [
                (lines[skill].status, lines[skill].current_progress, lines[skill].gap)
                for skill in (self.python, self.design, self.leadership)
            ],
            [("above", 100, 0), ("below", 25, 25), ("missing", 0, 100)],
        )
        self.assertEqual(lines[self.leadership].required_level_id, self.expert)
        self.assertFalse(lines[self.leadership].current_level_id)
        # (1 capped + 25/50 + 0) / 3: the surplus in Python does not hide the others.
        self.assertAlmostEqual(plan.skill_readiness, 50.0)
        self.assertEqual(plan.readiness, 50.0)
        self.assertEqual(plan.readiness_band, "later")

        # Updating a skill moves readiness.
        design.skill_level_id = self.intermediate
        self.assertEqual(lines[self.design].status, "met")
        self.assertAlmostEqual(plan.skill_readiness, 200 / 3, places=1)

        # Completing actions moves it too: 80% skills, 20% actions by default.
        plan.action_ids = [
            Command.create({"name": "Course", "date_deadline": "2030-01-01"}),
            Command.create({"name": "Mentoring", "kind": "mentoring"}),
        ]
        self.assertEqual(plan.action_progress, 0.0)
        self.assertAlmostEqual(plan.readiness, 53.3, places=1)
        plan.action_ids.action_done()
        self.assertEqual(plan.action_progress, 100.0)
        self.assertAlmostEqual(plan.readiness, 73.3, places=1)
        self.assertEqual(plan.readiness_band, "soon")

        self.company.performance_readiness_skill_weight = 100
        self.assertAlmostEqual(plan.readiness, 66.7, places=1)

    def test_employee_lacking_every_skill(self):
        plan = self._plan(employee=self.nouser_employee)
        self.assertEqual(set(plan.skill_line_ids.mapped("status")), {"missing"})
        self.assertEqual(plan.readiness, 0.0)

    def test_target_change_rebuilds_gap(self):
        plan = self._plan()
        self.assertEqual(len(plan.skill_line_ids), 3)
        plan.write({"current_step_id": self.step_senior.id, "target_step_id": self.step_lead.id})
        self.assertFalse(plan.skill_line_ids)

    def test_target_must_be_ahead(self):
        with self.assertRaisesRegex(ValidationError, "not ahead"):
            self._plan(current_step_id=self.step_senior.id, target_step_id=self.step_junior.id)
        with self.assertRaisesRegex(ValidationError, "not ahead"):
            self._plan(current_step_id=self.step_senior.id, target_step_id=self.step_senior.id)
        # Two steps ahead along a branch is fine.
        plan = self._plan(target_step_id=self.step_expert.id)
        self.assertEqual(plan.path_id, self.path)

    def test_action_without_deadline_in_active_plan(self):
        plan = self._plan(action_ids=[Command.create({"name": "Read a book"})])
        with self.assertRaisesRegex(ValidationError, "needs a deadline"):
            plan.action_start()
        plan.action_ids.date_deadline = "2030-01-01"
        plan.action_start()
        self.assertEqual(plan.state, "active")
        with self.assertRaisesRegex(ValidationError, "needs a deadline"):
            plan.action_ids = [Command.create({"name": "Conference"})]
        with self.assertRaises(UserError):
            plan.action_start()

    def test_employee_form_fields(self):
        plan = self._plan()
        employee = self.employee.with_user(self.user_officer)
        self.assertEqual(employee.performance_career_step_id, self.step_junior)
        self.assertEqual(employee.performance_next_step_ids, self.step_senior)
        self.assertEqual(employee.performance_development_plan_id, plan)
        self.assertEqual(employee.performance_skill_gap_ids, plan.skill_line_ids)
        self.assertEqual(employee.performance_development_plan_count, 1)
        # Without a plan, the position comes from the job.
        self.peer.job_id = self.job_senior
        self.assertEqual(self.peer.performance_next_step_ids, self.step_lead | self.step_expert)
        action = employee.action_open_performance_development_plans()
        self.assertEqual(action["domain"], [("employee_id", "=", self.employee.id)])


@tagged("post_install", "-at_install")
class TestDevelopmentPlanAccess(CareerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls.env["performance.development.plan"].create(
            {
                "employee_id": cls.employee.id,
                "current_step_id": cls.step_junior.id,
                "target_step_id": cls.step_senior.id,
                "mentor_id": cls.other_manager.id,
                "action_ids": [Command.create({"name": "Course", "date_deadline": "2030-01-01"})],
            }
        )
        cls.action = cls.plan.action_ids

    def test_employee_reads_plan_and_updates_action_status(self):
        plan = self.plan.with_user(self.user_employee)
        self.assertEqual(plan.target_step_id, self.step_senior)
        self.assertEqual(len(plan.skill_line_ids), 3)
        action = self.action.with_user(self.user_employee)
        action.state = "done"
        self.assertEqual(action.state, "done")
        self.assertTrue(action.date_done)
        with self.assertRaises(AccessError):
            action.date_deadline = "2031-01-01"
        with self.assertRaises(AccessError):
            action.name = "Something easier"
        with self.assertRaises(AccessError):
            plan.target_step_id = self.step_expert
        with self.assertRaises(AccessError):
            self.env["performance.development.action"].with_user(self.user_employee).create(
                {"plan_id": self.plan.id, "name": "More", "date_deadline": "2030-01-01"}
            )

    def test_manager_chain_manages(self):
        for user in (self.user_manager, self.user_director):
            plan = self.plan.with_user(user)
            plan.date_end = "2030-06-30"
            plan.action_ids = [
                Command.create({"name": f"Stretch {user.login}", "kind": "stretch"})
            ]
            self.action.with_user(user).date_deadline = "2030-02-01"
        self.assertEqual(len(self.plan.action_ids), 3)
        new = (
            self.env["performance.development.plan"]
            .with_user(self.user_manager)
            .create(
                {
                    "employee_id": self.peer.id,
                    "target_step_id": self.step_senior.id,
                }
            )
        )
        self.assertEqual(new.company_id, self.company)
        # Nobody manages their own plan.
        with self.assertRaises(AccessError):
            self.env["performance.development.plan"].with_user(self.user_manager).create(
                {"employee_id": self.manager.id, "target_step_id": self.step_senior.id}
            )

    def test_mentor_reads_but_does_not_manage(self):
        plan = self.plan.with_user(self.user_other_manager)
        self.assertEqual(plan.employee_id, self.employee)
        with self.assertRaises(AccessError):
            plan.date_end = "2030-06-30"

    def test_others_see_nothing(self):
        Plan = self.env["performance.development.plan"]
        for user in (self.user_peer, self.user_other_employee, self.user_officer_b):
            self.assertFalse(Plan.with_user(user).search([]))
            with self.assertRaises(AccessError):
                self.plan.with_user(user).read(["readiness"])
            self.assertFalse(self.env["performance.development.action"].with_user(user).search([]))
            self.assertFalse(
                self.env["performance.development.plan.skill"].with_user(user).search([])
            )

    def test_portal_employee_reads_own(self):
        plan = self._plan(employee=self.portal_employee)
        Plan = self.env["performance.development.plan"].with_user(self.user_portal)
        self.assertEqual(Plan.search([]), plan)
        with self.assertRaises(AccessError):
            plan.with_user(self.user_portal).date_end = "2030-01-01"

    def test_officer_manages_everything(self):
        plan = self.plan.with_user(self.user_officer)
        plan.action_start()
        plan.action_done()
        self.assertEqual(plan.state, "done")
        plan.unlink()


@tagged("post_install", "-at_install")
class TestDevelopmentFlows(CareerCase):
    def test_overdue_actions_reminded_once(self):
        # the kick-off activity plan has its own tests (test_activity_plan)
        self.env.ref("performance_management.mail_activity_plan_development").active = False
        plan = self._plan(
            action_ids=[
                Command.create({"name": "Course", "date_deadline": "2026-03-01"}),
                Command.create({"name": "Later", "date_deadline": "2026-06-01"}),
            ]
        )
        plan.action_start()
        course = plan.action_ids.filtered(lambda a: a.name == "Course")
        Action = self.env["performance.development.action"]
        with freeze_time("2026-03-10"):
            Action._cron_remind_overdue_actions()
            Action._cron_remind_overdue_actions()
        todo = plan.activity_ids
        self.assertEqual(len(todo), 1)
        self.assertEqual(todo.user_id, self.user_employee)
        self.assertIn("Course", todo.summary)
        # A new deadline, missed again, is reminded again.
        course.with_user(self.user_manager).date_deadline = "2026-04-01"
        with freeze_time("2026-04-05"):
            Action._cron_remind_overdue_actions()
        self.assertEqual(len(plan.activity_ids), 2)
        # Done actions are left alone.
        plan.action_ids.action_done()
        with freeze_time("2026-07-01"):
            Action._cron_remind_overdue_actions()
        self.assertEqual(len(plan.activity_ids), 2)

    def test_plan_from_review(self):
        scale = self.env["performance.rating.scale"].create(
            {"name": "Career scale", "level_ids": [Command.create({"value": 1, "name": "One"})]}
        )
        template = self.env["performance.review.template"].create(
            {
                "name": "Career template",
                "scale_id": scale.id,
                "goal_weight": 80,
                "competency_weight": 20,
                "question_weight": 0,
            }
        )
        review = self.env["performance.review"].create(
            {
                "employee_id": self.employee.id,
                "template_id": template.id,
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
            }
        )
        Plan = self.env["performance.development.plan"].with_user(self.user_manager)
        action = Plan.action_create_from_reviews(review)
        plan = Plan.browse(action["res_id"])
        self.assertEqual(plan.review_id, review)
        self.assertEqual(plan.current_step_id, self.step_junior)
        self.assertEqual(plan.target_step_id, self.step_senior)
        # Twice: the same plan, not a second one.
        self.assertEqual(Plan.action_create_from_reviews(review)["res_id"], plan.id)
        # over RPC (JSON-2), the reviews come as ids
        self.assertEqual(
            call_kw(Plan, "action_create_from_reviews", [review.ids], {})["res_id"], plan.id
        )
        self.peer.job_id = False
        review.employee_id = self.peer
        plan.sudo().review_id = False  # detached as data, not as the manager
        with self.assertRaisesRegex(UserError, "No next career step"):
            Plan.action_create_from_reviews(review)

    def test_succession(self):
        self._plan()
        self._plan(employee=self.peer, target_step_id=self.step_lead.id)
        self.assertEqual(self.step_senior.with_user(self.user_officer).successor_count, 1)
        action = self.step_lead.action_open_successors()
        plans = self.env["performance.development.plan"].search(action["domain"])
        self.assertEqual(plans.employee_id, self.peer)
        groups = self.env["performance.development.plan"]._read_group(
            [], ["target_job_id"], ["readiness:avg"]
        )
        self.assertEqual({job for job, _avg in groups}, {self.job_senior, self.job_lead})
