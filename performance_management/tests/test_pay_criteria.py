from odoo.tests import HttpCase, tagged

from .common import PerformanceCase


@tagged("post_install", "-at_install")
class TestPayCriteriaPortal(PerformanceCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.performance_pay_criteria = "<p>Raises follow the A merit matrix</p>"
        cls.env["performance.merit.matrix"].create(
            {
                "company_id": cls.company.id,
                "rating_min": 4.0,
                "attainment_min": 80.0,
                "raise_percent": 4.25,
            }
        )
        cls.user_portal_b = cls.env["res.users"].create(
            {
                "name": "Portal B",
                "login": "pm_portal_b",
                "password": "pm_portal_b",
                "company_id": cls.company_b.id,
                "company_ids": [(6, 0, cls.company_b.ids)],
                "group_ids": [(6, 0, [cls.env.ref("base.group_portal").id])],
            }
        )
        cls.env["hr.employee"].create(
            {"name": "Pia B", "user_id": cls.user_portal_b.id, "company_id": cls.company_b.id}
        )

    def test_employee_of_the_company_sees_the_criteria(self):
        for login in ("pm_portal", "pm_employee"):
            self.authenticate(login, login)
            page = self.url_open("/my/performance/pay")
            self.assertEqual(page.status_code, 200)
            self.assertIn("Raises follow the A merit matrix", page.text)
            self.assertIn("4.25%", page.text)
            self.assertIn('href="/my/performance/pay"', self.url_open("/my/performance").text)

    def test_other_company_portal_user_does_not(self):
        self.authenticate("pm_portal_b", "pm_portal_b")
        page = self.url_open("/my/performance/pay")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("A merit matrix", page.text)
        self.assertNotIn("4.25", page.text)
        self.assertIn("not published pay criteria", page.text)

    def test_user_without_employee_gets_not_found(self):
        self.env["res.users"].create(
            {
                "name": "No Employee",
                "login": "pm_pay_noemployee",
                "password": "pm_pay_noemployee",
                "group_ids": [(6, 0, [self.env.ref("base.group_portal").id])],
            }
        )
        self.authenticate("pm_pay_noemployee", "pm_pay_noemployee")
        self.assertEqual(self.url_open("/my/performance/pay").status_code, 404)
