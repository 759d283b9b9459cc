"""The shared fixtures of the addon's tests: the people (PerformanceCase) and, built on them,
goals, a review cycle, a review's evidence, a cycle to evaluate, the portal's records and a
pulse."""

from contextlib import contextmanager
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.fields import Command
from odoo.tests import HttpCase, TransactionCase, new_test_user


class PerformanceCase(TransactionCase):
    """The people every performance test works with, built without demo data.

    Company A: director > manager > employee, peer, portal_employee (a portal user) and
    nouser_employee (no user at all); other_manager > other_employee; officer and admin
    of the Performance app. Company B: officer_b, who works only there, and employee_b.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Performance Company B"})
        cls.department = cls.env["hr.department"].create(
            {"name": "Performance R&D", "company_id": cls.company.id}
        )
        cls.other_department = cls.env["hr.department"].create(
            {"name": "Performance Sales", "company_id": cls.company.id}
        )

        def user(login, groups="base.group_user", company=cls.company):
            return new_test_user(
                cls.env,
                login=login,
                groups=groups,
                company_id=company.id,
                company_ids=[Command.set(company.ids)],
                email=f"{login}@example.com",
            )

        cls.user_director = user("pm_director")
        cls.user_manager = user("pm_manager")
        cls.user_employee = user("pm_employee")
        cls.user_peer = user("pm_peer")
        cls.user_portal = user("pm_portal", groups="base.group_portal")
        cls.user_other_manager = user("pm_other_manager")
        cls.user_other_employee = user("pm_other_employee")
        cls.user_officer = user(
            "pm_officer", groups="performance_management.group_performance_officer"
        )
        cls.user_admin = user("pm_admin", groups="performance_management.group_performance_admin")
        cls.user_officer_b = user(
            "pm_officer_b",
            groups="performance_management.group_performance_officer",
            company=cls.company_b,
        )
        cls.user_employee_b = user("pm_employee_b", company=cls.company_b)

        Employee = cls.env["hr.employee"]

        def employee(name, user=None, parent=None, department=None, company=cls.company):
            return Employee.create(
                {
                    "name": name,
                    "user_id": user.id if user else False,
                    "parent_id": parent.id if parent else False,
                    "department_id": (department or cls.department).id
                    if company == cls.company
                    else False,
                    "company_id": company.id,
                }
            )

        cls.director = employee("Dana Director", cls.user_director)
        cls.manager = employee("Mia Manager", cls.user_manager, cls.director)
        cls.employee = employee("Eli Employee", cls.user_employee, cls.manager)
        cls.peer = employee("Pat Peer", cls.user_peer, cls.manager)
        cls.portal_employee = employee("Paula Portal", cls.user_portal, cls.manager)
        cls.nouser_employee = employee("Noah Nouser", None, cls.manager)
        cls.other_manager = employee(
            "Otto Other", cls.user_other_manager, department=cls.other_department
        )
        cls.other_employee = employee(
            "Olga Other",
            cls.user_other_employee,
            cls.other_manager,
            department=cls.other_department,
        )
        cls.officer = employee("Olivia Officer", cls.user_officer)
        cls.admin = employee("Adam Admin", cls.user_admin)
        cls.employee_b = employee("Bea B", cls.user_employee_b, company=cls.company_b)

    @classmethod
    def _goal(cls, employee=None, **values):
        """A goal of the employee (the company's without one) for 2026; values win, key_results
        is a list of key result values (see _kr)."""
        vals = {
            "name": values.pop("name", "Goal"),
            "employee_id": employee.id if employee else False,
            "date_start": "2026-01-01",
            "date_deadline": "2026-12-31",
        }
        if not employee and "scope" not in values:
            vals["scope"] = "company"
        key_results = values.pop("key_results", [])
        vals.update(values)
        vals["key_result_ids"] = [Command.create(kr) for kr in key_results]
        return cls.env["performance.goal"].create(vals)

    @staticmethod
    def _kr(name="KR", **values):
        return {"name": name, **values}

    @classmethod
    def _scale(cls, name, level_names):
        """A 1-5 rating scale, its levels named level_names, on the guideline 5/15/50/20/10%."""
        return cls.env["performance.rating.scale"].create(
            {
                "name": name,
                "level_ids": [
                    Command.create({"value": value, "name": level, "target_percent": target})
                    for value, level, target in zip(
                        (1, 2, 3, 4, 5), level_names, (5, 15, 50, 20, 10), strict=True
                    )
                ],
            }
        )


class GoalCase(PerformanceCase):
    """Goal tests: a refusal asserted with its message, and what it wrote rolled back."""

    @contextmanager
    def assertRefused(self, exception, text):
        """assertRaisesRegex that rolls back what the refused call wrote, like assertRaises."""
        with self.assertRaises(exception) as catcher:
            yield catcher
        self.assertRegex(str(catcher.exception), text)


class ReviewCase(PerformanceCase):
    """A 1-5 scale, a template with a job competency, and a cycle on the R&D department."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.scale = cls._scale(
            "Five levels",
            ("Needs Improvement", "Partially Meets", "Meets", "Exceeds", "Outstanding"),
        )
        cls.levels = cls.scale.level_ids.sorted("value")
        cls.skill_type = cls.env["hr.skill.type"].create(
            {
                "name": "Review Languages",
                "skill_ids": [Command.create({"name": "Review French"})],
                "skill_level_ids": [
                    Command.create({"name": "Basic", "level_progress": 0}),
                    Command.create({"name": "Fluent", "level_progress": 50}),
                    Command.create({"name": "Native", "level_progress": 100}),
                ],
            }
        )
        cls.skill = cls.skill_type.skill_ids
        cls.skill_levels = cls.skill_type.skill_level_ids.sorted("level_progress")
        cls.job = cls.env["hr.job"].create(
            {
                "name": "Review Developer",
                "job_skill_ids": [
                    Command.create(
                        {
                            "skill_id": cls.skill.id,
                            "skill_type_id": cls.skill_type.id,
                            "skill_level_id": cls.skill_levels[1].id,
                        }
                    )
                ],
            }
        )
        cls.employee.job_id = cls.job
        cls.template = cls.env["performance.review.template"].create(
            {
                "name": "Annual",
                "scale_id": cls.scale.id,
                "question_weight": 60,
                "competency_weight": 20,
                "goal_weight": 20,
                "line_ids": [
                    Command.create({"name": "Results", "display_type": "line_section"}),
                    Command.create({"name": "Delivery", "question_type": "rating", "weight": 2}),
                    Command.create({"name": "Highlights", "question_type": "text"}),
                    Command.create(
                        {"name": "Teamwork", "question_type": "rating", "answered_by": "manager"}
                    ),
                ],
            }
        )
        cls.cycle = cls.env["performance.cycle"].create(
            {
                "name": "Annual 2026",
                "template_id": cls.template.id,
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
                "date_self_deadline": "2026-11-15",
                "date_manager_deadline": "2026-11-30",
                "date_release": "2026-12-15",
                "participant_mode": "department",
                "department_ids": [Command.set(cls.department.ids)],
            }
        )

    # class methods: a case's setUpClass launches with them as its tests do
    @classmethod
    def launch(cls, cycle=None):
        (cycle or cls.cycle).with_user(cls.user_officer).action_launch()
        return (cycle or cls.cycle).review_ids

    @classmethod
    def review_of(cls, employee, cycle=None):
        return (cycle or cls.cycle).review_ids.filtered(lambda r: r.employee_id == employee)

    def lines(self, review, role, kind=None):
        return review.sudo().line_ids.filtered(
            lambda line: (
                line.role == role and not line.display_type and (not kind or line.kind == kind)
            )
        )

    def fill(self, review, role, user, level_index=3, skill_index=2):
        for line in self.lines(review, role):
            line = line.with_user(user)
            if line.kind == "rating":
                line.rating_id = self.levels[level_index]
            elif line.kind == "competency":
                line.skill_level_id = self.skill_levels[skill_index]
            elif line.kind == "text":
                line.answer = f"{role} answer"


class EvidenceCase(ReviewCase):
    """The 2026 review of Eli Employee, with known evidence spread over the year.

    Seen by Eli (self review): a reached key result (June), an off-track goal (check-in in
    March), praise from Pat (February), two shared constructive remarks on "Simplicity"
    (March, May), two kudos for "Teamwork" (February, June), a 1:1 in April with its shared
    notes and Eli's private note, French from Basic to Fluent (April). Only the chain also
    reads a private constructive remark (April) and Mia's private note on the 1:1.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2026-11-01"):
            cls.launch()
        cls.review = cls.review_of(cls.employee)
        cls.peer_review = cls.review_of(cls.peer)
        cls.teamwork = cls.env["performance.value"].create({"name": "Evidence Teamwork"})
        cls.simplicity = cls.env["performance.value"].create({"name": "Evidence Simplicity"})
        Goal = cls.env["performance.goal"]
        cls.goal_reached = Goal.create(
            {
                "name": "Ship the API",
                "employee_id": cls.employee.id,
                "state": "active",
                "date_start": "2026-01-15",
                "date_deadline": "2026-06-30",
                "key_result_ids": [
                    Command.create(
                        {"name": "Endpoints live", "start_value": 0, "target_value": 10}
                    ),
                ],
            }
        )
        cls.kr_reached = cls.goal_reached.key_result_ids
        cls.kr_reached.current_value = 10
        cls.goal_off = Goal.create(
            {
                "name": "Write the guide",
                "employee_id": cls.employee.id,
                "state": "active",
                "date_start": "2026-02-01",
                "date_deadline": "2026-09-30",
            }
        )
        cls.checkin = cls.env["performance.goal.checkin"].create(
            {
                "goal_id": cls.goal_off.id,
                "user_id": cls.user_employee.id,
                "date": "2026-03-10",
                "confidence": "off_track",
            }
        )
        Feedback = cls.env["performance.feedback"]

        def feedback(author, kind, day, visibility="shared", value=None):
            return Feedback.create(
                {
                    "employee_id": cls.employee.id,
                    "author_id": author.id,
                    "feedback_type": kind,
                    "visibility": visibility,
                    "date": day,
                    "value_id": value.id if value else False,
                    "message": f"<p>{kind} of {day}</p>",
                }
            )

        cls.praise = feedback(cls.peer, "praise", "2026-02-10")
        cls.constructive_1 = feedback(
            cls.manager, "constructive", "2026-03-15", value=cls.simplicity
        )
        cls.constructive_2 = feedback(
            cls.director, "constructive", "2026-05-20", value=cls.simplicity
        )
        cls.private_feedback = feedback(cls.manager, "constructive", "2026-04-01", "private")
        # about somebody else: never the employee's evidence
        cls.peer_feedback = Feedback.create(
            {
                "employee_id": cls.peer.id,
                "author_id": cls.manager.id,
                "date": "2026-04-02",
                "message": "<p>About Pat</p>",
            }
        )
        Recognition = cls.env["performance.recognition"]

        def kudos(giver, day):
            return Recognition.create(
                {
                    "giver_id": giver.id,
                    "receiver_ids": [Command.set(cls.employee.ids)],
                    "value_id": cls.teamwork.id,
                    "message": "<p>Thanks</p>",
                    "date": day,
                }
            )

        cls.kudos_1 = kudos(cls.peer, datetime(2026, 2, 1, 10, 0))
        cls.kudos_2 = kudos(cls.manager, datetime(2026, 6, 1, 10, 0))
        cls.log = cls.env["performance.coaching.log"].create(
            {
                "employee_id": cls.employee.id,
                "coach_id": cls.manager.id,
                "date_start": datetime(2026, 4, 15, 9, 0),
                "shared_notes": "<p>Talked about the guide</p>",
            }
        )
        cls.log.state = "done"
        Note = cls.env["performance.coaching.note"]
        cls.manager_note = Note.create(
            {"log_id": cls.log.id, "user_id": cls.user_manager.id, "note": "<p>Mia only</p>"}
        )
        cls.employee_note = Note.create(
            {"log_id": cls.log.id, "user_id": cls.user_employee.id, "note": "<p>Eli only</p>"}
        )
        Skill = cls.env["hr.employee.skill"]
        base = {
            "employee_id": cls.employee.id,
            "skill_type_id": cls.skill_type.id,
            "skill_id": cls.skill.id,
        }
        cls.skill_before = Skill.create(
            {
                **base,
                "skill_level_id": cls.skill_levels[0].id,
                "valid_from": date(2025, 6, 1),
                "valid_to": date(2026, 3, 31),
            }
        )
        cls.skill_after = Skill.create(
            {**base, "skill_level_id": cls.skill_levels[1].id, "valid_from": date(2026, 4, 1)}
        )

    @staticmethod
    def keys(evidence, kind=None):
        return {
            (item["model"], item["id"])
            for group, items in evidence.items()
            if kind in (None, group)
            for item in items
        }

    @staticmethod
    def key(record):
        return (record._name, record.id)

    def to_manager_phase(self, review=None):
        review = review or self.review
        review.sudo().state = "manager_review"


class ReportCase(PerformanceCase):
    """A known cycle to evaluate, on a 1-5 scale whose guideline is 5/15/50/20/10%.

    Reviewer Mia Manager: Eli 3 calibrated to 4 (released), Pat 5 (acknowledged),
    Paula 4 and Noah 4 (calibration). Reviewer Otto Other: Olga 3 calibrated to 2 (released),
    Oscar 2 (calibration, manager review late). Reviewer Dana Director: Mia 3. Dana's own
    review is still in self review. Goal lines: Eli 80%, Pat 100%. 360 requests on Eli's
    review: 3 answered of 4.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.scale = cls._scale(
            "Report Scale",
            (
                "Unsatisfactory",
                "Below Expectations",
                "Meets Expectations",
                "Exceeds Expectations",
                "Outstanding",
            ),
        )
        cls.levels = {int(level.value): level for level in cls.scale.level_ids}
        cls.template = cls.env["performance.review.template"].create(
            {
                "name": "Report Template",
                "scale_id": cls.scale.id,
                "question_weight": 0,
                "competency_weight": 50,
                "goal_weight": 50,
            }
        )
        cls.cycle = cls.env["performance.cycle"].create(
            {
                "name": "Annual Review 2026",
                "template_id": cls.template.id,
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
                "date_self_deadline": "2026-11-15",
                "date_manager_deadline": "2026-11-30",
            }
        )
        cls.cycle.state = "running"
        cls.oscar = cls.env["hr.employee"].create(
            {
                "name": "Oscar Other",
                "parent_id": cls.other_manager.id,
                "department_id": cls.other_department.id,
            }
        )
        Review = cls.env["performance.review"]

        def review(employee, manager, rating, state, calibrated_to=None, late=False):
            record = Review.create(
                {
                    "employee_id": employee.id,
                    "manager_id": manager.id if manager else False,
                    "cycle_id": cls.cycle.id,
                    "template_id": cls.template.id,
                    "date_start": "2026-01-01",
                    "date_end": "2026-12-31",
                    "state": "manager_review" if rating else "self_review",
                    "date_self_done": "2026-11-10" if rating else False,
                    "date_manager_done": ("2026-12-05" if late else "2026-11-20")
                    if rating
                    else False,
                }
            )
            if not rating:
                return record
            record.assessment_ids.final_rating_id = cls.levels[rating]
            record.state = "calibration"
            if calibrated_to:
                record.assessment_ids.with_context(
                    calibration_reason="Calibrated against the department"
                ).final_rating_id = cls.levels[calibrated_to]
            record.state = state
            return record

        with freeze_time("2026-12-10"):
            cls.review_eli = review(cls.employee, cls.manager, 3, "released", calibrated_to=4)
            cls.review_pat = review(cls.peer, cls.manager, 5, "done")
            cls.review_paula = review(cls.portal_employee, cls.manager, 4, "calibration")
            cls.review_noah = review(cls.nouser_employee, cls.manager, 4, "calibration")
            cls.review_olga = review(
                cls.other_employee, cls.other_manager, 3, "released", calibrated_to=2
            )
            cls.review_oscar = review(cls.oscar, cls.other_manager, 2, "calibration", late=True)
            cls.review_mia = review(cls.manager, cls.director, 3, "calibration")
            cls.review_dana = review(cls.director, None, None, "self_review")
        Line = cls.env["performance.review.line"]
        for record, achievement in ((cls.review_eli, 80.0), (cls.review_pat, 100.0)):
            Line.create(
                {
                    "review_id": record.id,
                    "name": "Ship the analysis",
                    "kind": "goal",
                    "role": "manager",
                    "achievement": achievement,
                }
            )
        Feedback = cls.env["performance.feedback"]
        with freeze_time("2026-11-01"):
            requests = Feedback.create(
                [
                    {
                        "employee_id": cls.employee.id,
                        "author_id": author.id,
                        "requester_id": cls.manager.id,
                        "review_id": cls.review_eli.id,
                        "state": "requested",
                        "date_deadline": "2026-11-30",
                    }
                    for author in (cls.peer, cls.portal_employee, cls.nouser_employee, cls.officer)
                ]
            )
        requests[:3].write({"state": "done", "message": "<p>Reliable and kind.</p>"})


class PerformancePortalCase(PerformanceCase, HttpCase):
    """Records of the portal employee (Paula) and of her peer (Pat), for the /my pages."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.today()
        now = fields.Datetime.now()
        cls.company.performance_goal_proposal = True
        cls.levels = cls.env.ref("performance_management.rating_scale_five").level_ids.sorted(
            "value"
        )
        cls.template = cls.env.ref("performance_management.review_template_annual")
        cls.value = cls.env["performance.value"].create({"name": "Ownership", "icon": "🚀"})
        job = cls.env["hr.job"].create({"name": "Portal Analyst"})
        path = cls.env["performance.career.path"].create({"name": "Portal Path"})
        cls.step = cls.env["performance.career.step"].create(
            {"path_id": path.id, "job_id": job.id, "level": 1}
        )
        for who in ("portal", "peer"):
            employee = cls.portal_employee if who == "portal" else cls.peer
            label = "Paula" if who == "portal" else "Secret Pat"
            records = cls._make_records(employee, label, today, now)
            for key, record in records.items():
                setattr(cls, f"{who}_{key}", record)

    @classmethod
    def _make_records(cls, employee, label, today, now):
        env = cls.env
        goal = env["performance.goal"].create(
            {
                "name": f"{label} goal",
                "employee_id": employee.id,
                "state": "active",
                "date_deadline": today + timedelta(days=60),
                "key_result_ids": [
                    Command.create(
                        {
                            "name": f"{label} tickets",
                            "kind": "number",
                            "start_value": 0,
                            "target_value": 10,
                        }
                    ),
                    Command.create(
                        {
                            "name": f"{label} milestone",
                            "kind": "milestone",
                            "target_value": 1,
                        }
                    ),
                ],
            }
        )

        def review(state, title):
            lines = []
            for sequence, question in enumerate(("Quality", "Teamwork"), start=1):
                for role in ("employee", "manager"):
                    vals = {
                        "sequence": sequence,
                        "name": f"{question}",
                        "kind": "rating",
                        "role": role,
                    }
                    if role == "manager":
                        vals["answer"] = f"{label} manager says {question} {state}"
                        vals["rating_id"] = cls.levels[2].id
                    elif state != "self_review":
                        vals["rating_id"] = cls.levels[3].id
                    lines.append(Command.create(vals))
            record = env["performance.review"].create(
                {
                    "name": f"{label} {title}",
                    "employee_id": employee.id,
                    "manager_id": cls.manager.id,
                    "template_id": cls.template.id,
                    "review_type": "probation",
                    "date_start": today - timedelta(days=90),
                    "date_end": today,
                    "line_ids": lines,
                }
            )
            record.assessment_ids.write(
                {
                    "final_rating_id": cls.levels[2].id,
                    "manager_summary": f"{label} summary {state}",
                }
            )
            record.state = state
            return record

        request = env["performance.feedback"].create(
            {
                "employee_id": cls.other_employee.id,
                "author_id": employee.id,
                "requester_id": cls.manager.id,
                "state": "requested",
                "request_message": f"{label} question",
                "date_deadline": today + timedelta(days=5),
            }
        )
        anonymous_request = env["performance.feedback"].create(
            {
                "employee_id": cls.manager.id,
                "author_id": employee.id,
                "requester_id": cls.manager.id,
                "state": "requested",
                "anonymous": True,
                "request_message": f"{label} anonymous question",
                "date_deadline": today + timedelta(days=5),
            }
        )
        received = env["performance.feedback"].create(
            {
                "employee_id": employee.id,
                "author_id": cls.manager.id,
                "state": "done",
                "visibility": "shared",
                "message": f"<p>{label} received praise</p>",
            }
        )
        meeting = env["performance.coaching.log"].create(
            {
                "employee_id": employee.id,
                "coach_id": cls.manager.id,
                "date_start": now + timedelta(days=2),
                "shared_notes": f"<p>{label} shared notes</p>",
            }
        )
        meeting.with_user(cls.user_manager).private_note = f"<p>{label} private note</p>"
        improvement = env["performance.improvement.plan"].create(
            {
                "name": f"{label} improvement",
                "employee_id": employee.id,
                "date_end": today + timedelta(days=30),
                "hr_note": f"<p>{label} hr note</p>",
                "objective_ids": [Command.create({"name": f"{label} objective"})],
            }
        )
        improvement.action_activate()
        development = env["performance.development.plan"].create(
            {
                "employee_id": employee.id,
                "target_step_id": cls.step.id,
                "action_ids": [
                    Command.create(
                        {
                            "name": f"{label} course",
                            "date_deadline": today + timedelta(days=20),
                        }
                    )
                ],
            }
        )
        development.action_start()
        return {
            "goal": goal,
            "review_self": review("self_review", "self review"),
            "review_released": review("released", "released review"),
            "request": request,
            "anonymous_request": anonymous_request,
            "received": received,
            "meeting": meeting,
            "improvement": improvement,
            "development": development,
            "action": development.action_ids,
        }


class PulseCase(PerformanceCase):
    """A monthly pulse of the R&D and Sales departments with the default questionnaire and
    an anonymity threshold of 3. R&D: Dana, Mia (Dana's team), Eli, Pat, Paula, Noah (Mia's
    team), Olivia and Adam; Sales: Otto and Olga (Otto's team)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.performance_anonymity_threshold = 3
        cls.pulse_survey = cls.env.ref("performance_management.performance_pulse_survey_default")
        cls.pulse_questions = cls.pulse_survey.question_ids.sorted(lambda q: (q.sequence, q.id))
        cls.schedule = cls.env["performance.pulse.schedule"].create(
            {
                "name": "Test pulse",
                "company_id": cls.company.id,
                "department_ids": [Command.set((cls.department | cls.other_department).ids)],
                "survey_id": cls.pulse_survey.id,
                "cadence": "monthly",
            }
        )
        cls.UserInput = cls.env["survey.user_input"]
        cls.Result = cls.env["performance.pulse.result"]

    def run_pulse_cron(self):
        self.env["performance.pulse.schedule"]._cron_run_pulses()
        return self.schedule.round_ids

    def pulse_input(self, employee, pulse_round=None):
        return self.UserInput.sudo().search(
            [
                ("performance_pulse_participant_id.employee_id", "=", employee.id),
                ("performance_pulse_round_id", "in", (pulse_round or self.schedule.round_ids).ids),
            ]
        )

    def answer_pulse(self, employee, enps, score, comment=""):
        """Answer as survey's controller does: the answer in sudo, the employee's user (the
        public user for an employee without one, who answers by his token link)."""
        user = employee.user_id or self.env.ref("base.public_user")
        answer = self.pulse_input(employee).with_user(user).sudo()
        answer._mark_in_progress()
        for question in self.pulse_questions:
            if question.question_type == "scale":
                answer._save_lines(question, str(enps if question.performance_enps else score))
            else:
                answer._save_lines(question, comment)
        answer._mark_done()
        self.env.flush_all()
        return answer

    def answer_rnd_pulse(self):
        """Seven of R&D answer: Mia's four reports (two promoters), Dana, Mia and Olivia;
        every other question scored 4."""
        for employee, enps in (
            (self.employee, 10),
            (self.peer, 9),
            (self.portal_employee, 8),
            (self.nouser_employee, 7),
            (self.manager, 3),
            (self.director, 3),
            (self.officer, 10),
        ):
            self.answer_pulse(employee, enps, 4)
