"""Multi-company: what one company holds stays there, and no record links across companies."""

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import TransactionCase, new_test_user, tagged

from ..models.res_company import DEFAULT_KR_MODELS
from .common import ReviewCase


@tagged("post_install", "-at_install")
class TestMultiCompany(ReviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env_b = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company_b.ids))
        cls.manager_b = env_b["hr.employee"].create(
            {"name": "Bruno B", "company_id": cls.company_b.id}
        )
        cls.employee_b.parent_id = cls.manager_b
        cls.scale_b = env_b["performance.rating.scale"].create(
            {
                "name": "B scale",
                "company_id": cls.company_b.id,
                "level_ids": [Command.create({"name": str(v), "value": v}) for v in (1, 2, 3)],
            }
        )
        cls.template_b = env_b["performance.review.template"].create(
            {
                "name": "B template",
                "company_id": cls.company_b.id,
                "scale_id": cls.scale_b.id,
                "question_weight": 0,
                "competency_weight": 0,
                "goal_weight": 100,
            }
        )
        cls.cycle_b = env_b["performance.cycle"].create(
            {
                "name": "B cycle",
                "company_id": cls.company_b.id,
                "template_id": cls.template_b.id,
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
            }
        )
        cls.records_b = {
            "performance.goal": env_b["performance.goal"].create(
                {"name": "B goal", "employee_id": cls.employee_b.id}
            ),
            "performance.review": env_b["performance.review"].create(
                {
                    "employee_id": cls.employee_b.id,
                    "template_id": cls.template_b.id,
                    "date_start": "2026-01-01",
                    "date_end": "2026-12-31",
                }
            ),
            "performance.feedback": env_b["performance.feedback"].create(
                {
                    "employee_id": cls.employee_b.id,
                    "author_id": cls.manager_b.id,
                    "message": "<p>B feedback</p>",
                    "visibility": "public",
                }
            ),
            "performance.coaching.log": env_b["performance.coaching.log"].create(
                {"employee_id": cls.employee_b.id, "coach_id": cls.manager_b.id}
            ),
            "performance.improvement.plan": env_b["performance.improvement.plan"].create(
                {"name": "B plan", "employee_id": cls.employee_b.id, "date_end": "2027-01-31"}
            ),
            "performance.cycle": cls.cycle_b,
            "performance.review.template": cls.template_b,
            "performance.rating.scale": cls.scale_b,
            "performance.value": env_b["performance.value"].create({"name": "B value"}),
        }

    def assertRefused(self, action):
        # AccessError and ValidationError are UserErrors too
        with self.assertRaises(UserError), self.env.cr.savepoint():
            action()
            self.env.flush_all()

    def test_other_company_records_are_invisible(self):
        for user in (
            self.user_officer,
            self.user_admin,
            self.user_manager,
            self.user_employee,
            self.user_portal,
        ):
            for model, record in self.records_b.items():
                with self.subTest(user=user.login, model=model):
                    Model = self.env[model].with_user(user)
                    if not Model.has_access("read"):
                        continue
                    self.assertNotIn(record, Model.search([]))
                    with self.assertRaises(AccessError):
                        record.with_user(user).read(["display_name"])

    def test_own_company_officer_sees_them(self):
        for model, record in self.records_b.items():
            with self.subTest(model=model):
                self.assertIn(record, self.env[model].with_user(self.user_officer_b).search([]))

    def test_user_of_both_companies_sees_the_active_ones(self):
        self.user_officer.company_ids |= self.company_b
        goal_b = self.records_b["performance.goal"]
        Goal = self.env["performance.goal"].with_user(self.user_officer)
        self.assertNotIn(
            goal_b, Goal.with_context(allowed_company_ids=self.company.ids).search([])
        )
        both = (self.company | self.company_b).ids
        self.assertIn(goal_b, Goal.with_context(allowed_company_ids=both).search([]))

    def test_no_link_across_companies(self):
        officer = self.user_officer
        officer.company_ids |= self.company_b
        env = self.env(user=officer, context={"allowed_company_ids": self.company.ids})
        both = self.env(
            user=officer,
            context={"allowed_company_ids": (self.company | self.company_b).ids},
        )
        cases = {
            "goal of a company B employee in A": lambda: env["performance.goal"].create(
                {"name": "x", "employee_id": self.employee_b.id}
            ),
            "goal aligned on another company's goal": lambda: both["performance.goal"].create(
                {
                    "name": "x",
                    "employee_id": self.employee.id,
                    "company_id": self.company.id,
                    "parent_id": self.records_b["performance.goal"].id,
                }
            ),
            "review with another company's template": lambda: both["performance.review"].create(
                {
                    "employee_id": self.employee.id,
                    "company_id": self.company.id,
                    "template_id": self.template_b.id,
                    "date_start": "2026-01-01",
                    "date_end": "2026-12-31",
                }
            ),
            "review in another company's cycle": lambda: both["performance.review"].create(
                {
                    "employee_id": self.employee.id,
                    "company_id": self.company.id,
                    "cycle_id": self.cycle_b.id,
                    "template_id": self.template.id,
                    "date_start": "2026-01-01",
                    "date_end": "2026-12-31",
                }
            ),
            "review of a company B employee in A": lambda: both["performance.review"].create(
                {
                    "employee_id": self.employee_b.id,
                    "company_id": self.company.id,
                    "template_id": self.template.id,
                    "date_start": "2026-01-01",
                    "date_end": "2026-12-31",
                }
            ),
            "a batch of reviews, the second across companies": lambda: both[
                "performance.review"
            ].create(
                [
                    {
                        "employee_id": employee.id,
                        "company_id": self.company.id,
                        "template_id": self.template.id,
                        "date_start": "2026-01-01",
                        "date_end": "2026-12-31",
                    }
                    for employee in (self.employee, self.employee_b)
                ]
            ),
            "a batch of feedback, one across companies": lambda: env[
                "performance.feedback"
            ].create(
                [
                    {"employee_id": employee.id, "message": "<p>x</p>"}
                    for employee in (self.employee, self.employee_b, self.manager)
                ]
            ),
            "cycle with another company's template": lambda: both["performance.cycle"].create(
                {
                    "name": "x",
                    "company_id": self.company.id,
                    "template_id": self.template_b.id,
                    "date_start": "2026-01-01",
                    "date_end": "2026-12-31",
                }
            ),
            "template with another company's scale": lambda: both[
                "performance.review.template"
            ].create(
                {
                    "name": "x",
                    "company_id": self.company.id,
                    "scale_id": self.scale_b.id,
                    "question_weight": 0,
                    "competency_weight": 0,
                    "goal_weight": 100,
                }
            ),
            "feedback about a company B employee from A": lambda: env[
                "performance.feedback"
            ].create({"employee_id": self.employee_b.id, "message": "<p>x</p>"}),
            "1:1 with a company B employee in A": lambda: env["performance.coaching.log"].create(
                {"employee_id": self.employee_b.id}
            ),
            "improvement plan across companies": lambda: env[
                "performance.improvement.plan"
            ].create({"name": "x", "employee_id": self.employee_b.id, "date_end": "2027-01-31"}),
            "reward across companies": lambda: env["performance.reward"].create(
                {"employee_id": self.employee_b.id, "kind": "bonus", "amount": 5}
            ),
            "moving a review to another company": lambda: (
                both["performance.review"]
                .browse(self.launch()[:1].id)
                .write({"company_id": self.company_b.id})
            ),
        }
        for name, action in cases.items():
            with self.subTest(case=name):
                self.assertRefused(action)

    def test_a_batch_refused_across_companies_names_the_culprit(self):
        officer = self.user_officer
        officer.company_ids |= self.company_b
        both = self.env(
            user=officer,
            context={"allowed_company_ids": (self.company | self.company_b).ids},
        )
        values = {
            "company_id": self.company.id,
            "template_id": self.template.id,
            "date_start": "2026-01-01",
            "date_end": "2026-12-31",
        }
        with self.assertRaisesRegex(UserError, "Pat Peer.*Bruno B"), self.env.cr.savepoint():
            both["performance.review"].create(
                [
                    dict(values, employee_id=self.employee.id),
                    dict(values, manager_id=self.manager_b.id, employee_id=self.peer.id),
                ]
            )
        # The same batch within one company goes through, checked once per company.
        reviews = both["performance.review"].create(
            [dict(values, employee_id=employee.id) for employee in (self.employee, self.peer)]
        )
        self.assertEqual(reviews.company_id, self.company)


@tagged("post_install", "-at_install")
class TestCompanyCreation(TransactionCase):
    """Issue 30: the default models of computed key results were linked as the creating user,
    who needed to read ir.model: a user Odoo lets create a company without Access Rights could
    not (Odoo's own test_mail creates one so)."""

    def test_a_company_creator_without_access_rights(self):
        founders = self.env["res.groups"].create({"name": "Company founders"})
        self.env["ir.model.access"].create(
            {
                "name": "founders create companies",
                "model_id": self.env["ir.model"]._get_id("res.company"),
                "group_id": founders.id,
                "perm_read": True,
                "perm_create": True,
            }
        )
        self.env["ir.rule"].create(
            {
                "name": "founders create any company",
                "model_id": self.env["ir.model"]._get_id("res.company"),
                "groups": [Command.link(founders.id)],
                "domain_force": "[(1, '=', 1)]",
            }
        )
        user = new_test_user(
            self.env, login="pm_founder", groups="base.group_user,base.group_partner_manager"
        )
        user.group_ids |= founders
        self.assertFalse(user.has_group("base.group_erp_manager"))
        self.assertFalse(self.env["ir.model"].with_user(user).has_access("read"))
        company = self.env["res.company"].with_user(user).create({"name": "Founded"})
        expected = self.env["ir.model"].search([("model", "in", DEFAULT_KR_MODELS)])
        self.assertEqual(company.sudo().performance_kr_model_ids, expected)
        self.assertIn(self.env["ir.model"]._get("calendar.event"), expected)
        # and an administrator still changes them afterwards
        company.sudo().performance_kr_model_ids = False
        self.assertFalse(company.sudo().performance_kr_model_ids)
