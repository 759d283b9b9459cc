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
