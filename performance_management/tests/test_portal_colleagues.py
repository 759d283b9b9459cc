from odoo import http
from odoo.tests import tagged

from ..controllers.portal_feedback import COLLEAGUE_LIMIT
from .common import PerformancePortalCase


@tagged("post_install", "-at_install")
class TestPortalColleagues(PerformancePortalCase):
    """The colleague field of the feedback and kudos forms: a bounded search, held to the
    colleagues the user may pick, and the posted id checked again by the server."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.crowd = cls.env["hr.employee"].create(
            [{"name": f"Crowd Member {index:02d}"} for index in range(COLLEAGUE_LIMIT + 5)]
        )
        cls.gone = cls.env["hr.employee"].create({"name": "Crowd Gone", "active": False})

    def _search(self, query):
        response = self.url_open(
            "/my/performance/colleagues?" + (f"q={query}" if query is not None else ""),
            allow_redirects=False,
        )
        return response

    def _post(self, url, data):
        data = dict(data, csrf_token=http.Request.csrf_token(self))
        return self.url_open(url, data=data, allow_redirects=False)

    def test_search_is_bounded(self):
        self.authenticate("pm_portal", "pm_portal")
        response = self._search("Crowd")
        self.assertEqual(response.status_code, 200)
        people = response.json()
        self.assertEqual(len(people), COLLEAGUE_LIMIT, "never more names than the limit")
        self.assertEqual(people[0], {"id": self.crowd[0].id, "name": "Crowd Member 00"})
        self.assertEqual([person["name"] for person in people], sorted(p["name"] for p in people))
        # Two letters at least: no list of the whole company.
        for query in (None, "", "C", " C "):
            with self.subTest(query=query):
                self.assertEqual(self._search(query).json(), [])

    def test_search_refusals(self):
        self.authenticate("pm_portal", "pm_portal")
        names = {
            person["name"]
            for query in ("Bea", "Paula", "Crowd")
            for person in self._search(query).json()
        }
        self.assertNotIn("Bea B", names, "a colleague of another company")
        self.assertNotIn("Paula Portal", names, "oneself")
        self.assertFalse(self._search("Crowd Gone").json(), "an archived employee")
        self.assertIn("Eli Employee", {person["name"] for person in self._search("Eli").json()})
        # The user of the other company sees their own colleagues, not ours.
        self.authenticate("pm_employee_b", "pm_employee_b")
        self.assertFalse(self._search("Eli").json())
        # Public visitors and users without an employee are refused.
        self.authenticate(None, None)
        response = self._search("Eli")
        self.assertNotEqual(response.status_code, 200)
        self.assertIn("/web/login", response.headers.get("Location", ""))
        user = self.env["res.users"].create(
            {
                "name": "No Employee",
                "login": "pm_no_employee",
                "password": "pm_no_employee",
                "group_ids": [(6, 0, self.env.ref("base.group_portal").ids)],
            }
        )
        self.assertFalse(user.employee_ids)
        self.authenticate("pm_no_employee", "pm_no_employee")
        self.assertEqual(self._search("Eli").status_code, 404)

    def test_posted_id_must_be_allowed(self):
        self.authenticate("pm_portal", "pm_portal")
        Recognition = self.env["performance.recognition"]
        Feedback = self.env["performance.feedback"]
        given = Feedback.search([("author_id", "=", self.portal_employee.id)])
        for forbidden in (self.employee_b.id, self.gone.id, self.portal_employee.id, "x", -1):
            with self.subTest(forbidden=forbidden):
                self._post(
                    "/my/performance/kudos/give",
                    {"receiver_id": str(forbidden), "visibility": "company", "message": "Hi"},
                )
                response = self._post(
                    "/my/performance/feedback/give",
                    {
                        "employee_id": str(forbidden),
                        "message": "Hi",
                        "feedback_type": "praise",
                        "visibility": "shared",
                    },
                )
                self.assertEqual(response.status_code, 200, "the form again, with the error")
                self.assertIn("Choose a colleague from the list.", response.text)
        self.assertFalse(Recognition.search([("giver_id", "=", self.portal_employee.id)]))
        self.assertEqual(Feedback.search([("author_id", "=", self.portal_employee.id)]), given)
        # An allowed colleague goes through.
        response = self._post(
            "/my/performance/feedback/give",
            {
                "employee_id": str(self.crowd[3].id),
                "message": "Thanks",
                "feedback_type": "praise",
                "visibility": "shared",
            },
        )
        self.assertEqual(response.status_code, 303)
        new = Feedback.search([("author_id", "=", self.portal_employee.id)]) - given
        self.assertEqual(new.employee_id, self.crowd[3])

    def test_forms_do_not_list_the_company(self):
        self.authenticate("pm_portal", "pm_portal")
        for url in ("/my/performance/kudos", "/my/performance/feedback/give"):
            with self.subTest(url=url):
                html = self.url_open(url).text
                self.assertIn("o_pm_colleague_search", html)
                self.assertNotIn("Crowd Member", html)
