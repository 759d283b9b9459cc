from odoo.fields import Command

from .common import PerformanceCase


class ReviewCase(PerformanceCase):
    """A 1-5 scale, a template with a job competency, and a cycle on the R&D department."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.scale = cls.env["performance.rating.scale"].create(
            {
                "name": "Five levels",
                "level_ids": [
                    Command.create({"value": value, "name": name, "target_percent": target})
                    for value, name, target in (
                        (1, "Needs Improvement", 5),
                        (2, "Partially Meets", 15),
                        (3, "Meets", 50),
                        (4, "Exceeds", 20),
                        (5, "Outstanding", 10),
                    )
                ],
            }
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

    def launch(self, cycle=None):
        (cycle or self.cycle).with_user(self.user_officer).action_launch()
        return (cycle or self.cycle).review_ids

    def review_of(self, employee, cycle=None):
        return (cycle or self.cycle).review_ids.filtered(lambda r: r.employee_id == employee)

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
