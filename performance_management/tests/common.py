from odoo.fields import Command
from odoo.tests import TransactionCase, new_test_user


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
