from freezegun import freeze_time

from odoo.fields import Command
from odoo.tests import tagged

from .common import ReviewCase


@tagged("post_install", "-at_install")
@freeze_time("2026-11-01")
class TestSkillWriteback(ReviewCase):
    """A released review writes levels back through hr_skills, which keeps the history."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.certification_type = cls.env["hr.skill.type"].create(
            {
                "name": "Review Certificates",
                "is_certification": True,
                "skill_ids": [
                    Command.create({"name": "Review Scrum"}),
                    Command.create({"name": "Review Odoo"}),
                ],
                "skill_level_ids": [
                    Command.create({"name": "Certified", "level_progress": 50}),
                    Command.create({"name": "Expert", "level_progress": 100}),
                ],
            }
        )
        cls.scrum, cls.odoo = cls.certification_type.skill_ids
        cls.certified, cls.expert = cls.certification_type.skill_level_ids.sorted("level_progress")
        EmployeeSkill = cls.env["hr.employee.skill"]
        cls.french = EmployeeSkill.create(
            {
                "employee_id": cls.employee.id,
                "skill_type_id": cls.skill_type.id,
                "skill_id": cls.skill.id,
                "skill_level_id": cls.skill_levels[1].id,
                "valid_from": "2026-01-01",
            }
        )
        cls.expired_scrum = EmployeeSkill.create(
            {
                "employee_id": cls.employee.id,
                "skill_type_id": cls.certification_type.id,
                "skill_id": cls.scrum.id,
                "skill_level_id": cls.certified.id,
                "valid_from": "2024-01-01",
                "valid_to": "2025-12-31",
            }
        )
        cls.valid_odoo = EmployeeSkill.create(
            {
                "employee_id": cls.employee.id,
                "skill_type_id": cls.certification_type.id,
                "skill_id": cls.odoo.id,
                "skill_level_id": cls.certified.id,
                "valid_from": "2026-01-01",
                "valid_to": "2027-12-31",
            }
        )

    def skills_of(self, skill):
        return self.employee.employee_skill_ids.filtered(
            lambda employee_skill: employee_skill.skill_id == skill
        ).sorted("valid_from")

    def test_new_level_archives_the_old_one_beside_it(self):
        self.employee._performance_set_skill_levels([(self.skill, self.skill_levels[2])])
        old, new = self.skills_of(self.skill)
        self.assertEqual(old, self.french)
        self.assertEqual(old.skill_level_id, self.skill_levels[1])
        self.assertEqual(str(old.valid_to), "2026-10-31")
        self.assertEqual(new.skill_level_id, self.skill_levels[2])
        self.assertEqual(str(new.valid_from), "2026-11-01")
        self.assertFalse(new.valid_to)
        # the form's current skills show the new level only
        self.employee.invalidate_recordset(["current_employee_skill_ids"])
        current = self.employee.current_employee_skill_ids.filtered(
            lambda employee_skill: employee_skill.skill_id == self.skill
        )
        self.assertEqual(current, new)

    def test_same_level_writes_nothing(self):
        self.employee._performance_set_skill_levels([(self.skill, self.skill_levels[1])])
        self.assertEqual(self.skills_of(self.skill), self.french)
        self.assertFalse(self.french.valid_to)

    def test_expired_certification_is_not_overwritten(self):
        self.employee._performance_set_skill_levels([(self.scrum, self.expert)])
        self.assertEqual(self.skills_of(self.scrum), self.expired_scrum)
        self.assertEqual(self.expired_scrum.skill_level_id, self.certified)
        self.assertEqual(str(self.expired_scrum.valid_to), "2025-12-31")

    def test_valid_certification_takes_the_level_over_its_dates(self):
        self.employee._performance_set_skill_levels([(self.odoo, self.expert)])
        old, new = self.skills_of(self.odoo).sorted(lambda skill: skill.level_progress)
        self.assertEqual(old, self.valid_odoo)
        self.assertEqual(old.skill_level_id, self.certified)
        self.assertEqual(str(old.valid_to), "2026-10-31")
        self.assertEqual(new.skill_level_id, self.expert)
        self.assertEqual((str(new.valid_from), str(new.valid_to)), ("2026-01-01", "2027-12-31"))

    def test_acknowledged_review_keeps_the_skill_history(self):
        self.company.performance_review_skill_writeback = True
        review = self.launch() and self.review_of(self.employee)
        self.fill(review, "employee", self.user_employee)
        review.with_user(self.user_employee).action_submit_self()
        self.fill(review, "manager", self.user_manager, skill_index=2)
        review.with_user(self.user_manager).action_submit_manager()
        review.with_user(self.user_officer).action_release()
        review.with_user(self.user_employee)._acknowledge("agree")
        old, new = self.skills_of(self.skill)
        self.assertEqual((old, old.skill_level_id), (self.french, self.skill_levels[1]))
        self.assertEqual(str(old.valid_to), "2026-10-31")
        self.assertEqual(new.skill_level_id, self.skill_levels[2])
        self.assertFalse(new.valid_to)

    def test_no_writeback_without_the_setting(self):
        self.company.performance_review_skill_writeback = False
        review = self.launch() and self.review_of(self.employee)
        self.fill(review, "employee", self.user_employee)
        review.with_user(self.user_employee).action_submit_self()
        self.fill(review, "manager", self.user_manager, skill_index=2)
        review.with_user(self.user_manager).action_submit_manager()
        review.with_user(self.user_officer).action_release()
        review.with_user(self.user_employee)._acknowledge("agree")
        self.assertEqual(self.skills_of(self.skill), self.french)
