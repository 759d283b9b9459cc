"""Everyday flows of issue 31, the items a second pass finished: 360 invitations that name
whom they rate, the portal 360 answer that leads back, key results and rewards that refuse
slips of the keys, My Goals' employee field, the portal 1:1 page, and 1:1 titles."""

from freezegun import freeze_time
from lxml import etree

from odoo import fields, http
from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Command
from odoo.tests import Form, HttpCase, tagged
from odoo.tools.safe_eval import safe_eval

from .common import PerformancePortalCase, ReviewCase
from .test_survey_360 import Survey360Case


@tagged("post_install", "-at_install")
@freeze_time("2026-11-01")
class TestInvitation360(Survey360Case):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # like Jeffrey Kelly in Odoo's demo: a manager without a user, two reports
        cls.jeffrey = cls.env["hr.employee"].create(
            {
                "name": "Jeffrey Kelly",
                "work_email": "jeffrey@example.com",
                "department_id": cls.other_department.id,
            }
        )
        cls.rachel, cls.ron = cls.env["hr.employee"].create(
            [
                {"name": name, "parent_id": cls.jeffrey.id, "department_id": cls.department.id}
                for name in ("Rachel Perry", "Ron Reed")
            ]
        )
        cls.manager_survey = cls._make_survey("Manager 360")
        cls.template.survey_manager_id = cls.manager_survey

    def _mails_to(self, email):
        inputs = self.UserInput.search([("email", "=", email)])
        return self.env["mail.mail"].search(
            [("model", "=", "survey.user_input"), ("res_id", "in", inputs.ids)]
        )

    def test_rater_without_user_tells_his_invitations_apart(self):
        """Jeffrey rates Rachel and Ron: two mails, each naming the person rated, the cycle
        and the deadline, greeting him by his name; no "Dear participant"."""
        self.launch()
        mails = self._mails_to("jeffrey@example.com")
        self.assertEqual(len(mails), 2)
        self.assertEqual(len(set(mails.mapped("subject"))), 2, "two different subjects")
        for employee in (self.rachel, self.ron):
            mail = mails.filtered(lambda m, e=employee: e.name in m.subject)
            self.assertEqual(len(mail), 1)
            self.assertIn(self.cycle.name, mail.subject)
            self.assertIn("11/30/2026", mail.subject, "the manager deadline")
            self.assertIn(employee.name, mail.body_html)
            self.assertIn("Jeffrey Kelly", mail.body_html)
            self.assertNotIn("participant", mail.body_html)
            user_input = self.UserInput.browse(mail.res_id)
            self.assertIn(user_input.access_token, mail.body_html)

    def test_anonymous_answers_keep_no_name(self):
        """The name the invitation greets by is a named rater's only."""
        self.launch()
        anonymous = self.UserInput.search(
            [("performance_anonymous", "=", True), ("performance_review_id", "!=", False)]
        )
        self.assertTrue(anonymous)
        self.assertFalse(any(anonymous.mapped("nickname")))


@tagged("post_install", "-at_install")
class TestQuestionnaireHeader(Survey360Case, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.nouser_employee.work_email = "noah@example.com"
        cls.jeffrey = cls.env["hr.employee"].create(
            {
                "name": "Jeffrey Kelly",
                "work_email": "jeffrey@example.com",
                "department_id": cls.other_department.id,
            }
        )
        cls.rachel = cls.env["hr.employee"].create(
            {
                "name": "Rachel Perry",
                "parent_id": cls.jeffrey.id,
                "department_id": cls.department.id,
            }
        )
        cls.template.survey_manager_id = cls._make_survey("Manager 360")
        cls._launch_today()

    def _input(self, employee, role):
        return self.UserInput.search(
            [
                ("performance_review_id.employee_id", "=", employee.id),
                ("performance_role", "=", role),
            ]
        )

    def test_rater_without_user_sees_whom_he_rates(self):
        """Through the token alone, the questionnaire's header names the person rated, the
        cycle and the deadline; one's own says it is about one's own work."""
        rating = self._input(self.rachel, "manager")
        self.assertEqual(rating.email, "jeffrey@example.com")
        self.assertFalse(rating.partner_id)
        page = self.url_open(rating.get_start_url()).text
        self.assertIn("o_pm_survey_about", page)
        self.assertIn("Rachel Perry", page)
        self.assertIn(self.cycle.name, page)
        self.assertIn("Answer by", page)
        own = self._input(self.nouser_employee, "self")
        page = self.url_open(own.get_start_url()).text
        self.assertIn("About your own work", page)
        self.assertNotIn("Rachel Perry", page)


@tagged("post_install", "-at_install")
class TestPortal360Answered(Survey360Case, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._launch_today()

    def test_answered_request_shows_answered_and_leads_back(self):
        """Paula answers in Chromium: the header names Eli, the thanks page leads back to
        her performance page; the request then shows as answered (no 404)."""
        request = self.env["performance.feedback"].search(
            [("review_id", "=", self.review.id), ("author_id", "=", self.portal_employee.id)]
        )
        self.start_tour(
            f"/my/performance/feedback/{request.id}",
            "performance_survey_360_portal_back",
            login="pm_portal",
        )
        self.authenticate("pm_portal", "pm_portal")
        response = self.url_open(f"/my/performance/feedback/{request.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_pm_feedback_answered", response.text)
        self.assertNotIn("Answer the questionnaire", response.text)
        self.assertNotIn("o_pm_feedback_answer_form", response.text)
        given = self.url_open("/my/performance/feedback?filterby=given").text
        self.assertIn(f"/my/performance/feedback/{request.id}", given)
        # the requester learns nothing: the request is still open to his eyes
        self.assertEqual(request.state, "requested")
        self.authenticate("pm_peer", "pm_peer")
        other = self.url_open(f"/my/performance/feedback/{request.id}")
        self.assertEqual(other.status_code, 404)


@tagged("post_install", "-at_install")
class TestKeyResultDirection(ReviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.goal = cls.env["performance.goal"].create(
            {
                "name": "Response time",
                "employee_id": cls.employee.id,
                "key_result_ids": [
                    Command.create({"name": "Closed deals", "start_value": 60, "target_value": 90})
                ],
            }
        )
        cls.kr = cls.goal.key_result_ids

    def test_increase_below_its_start_is_refused(self):
        kr = self.kr.with_user(self.user_employee)
        with self.assertRaisesRegex(ValidationError, "increases"):
            kr.write({"direction": "increase", "start_value": 30, "target_value": -5})

    def test_far_value_asks_in_the_backend(self):
        kr = self.kr.with_user(self.user_employee)
        result = kr.onchange(
            {"current_value": 99_999_999_999}, ["current_value"], {"current_value": {}}
        )
        self.assertIn("far outside", result["warning"]["message"])
        self.assertIn("60", result["warning"]["message"])
        result = kr.onchange({"current_value": 75}, ["current_value"], {"current_value": {}})
        self.assertFalse(result.get("warning"), "a value in range asks nothing")
        # the user confirmed: the backend keeps the value he saves
        kr.current_value = 99_999_999_999
        self.assertEqual(kr.progress, 100)


@tagged("post_install", "-at_install")
class TestRewardBound(ReviewCase):
    def test_amount_above_the_company_bound_is_refused(self):
        Reward = self.env["performance.reward"].with_user(self.user_manager)
        vals = {"employee_id": self.employee.id, "kind": "bonus"}
        with self.assertRaisesRegex(ValidationError, "largest reward amount"):
            Reward.create(dict(vals, amount=99_999_999_999_999))
        reward = Reward.create(dict(vals, amount=5000))
        with self.assertRaisesRegex(ValidationError, "largest reward amount"):
            reward.write({"amount": 1_000_001})
        with self.assertRaisesRegex(ValidationError, "A raise of"):
            Reward.create(dict(vals, kind="raise", raise_percent=5000))
        # the administrator sets the bound of his company's currency
        self.company.performance_reward_amount_max = 5_000_000
        reward.write({"amount": 1_000_001})

    def test_plain_employee_cannot_move_the_bound(self):
        with self.assertRaises(AccessError):
            self.company.with_user(self.user_employee).performance_reward_amount_max = 10**15


@tagged("post_install", "-at_install")
class TestMyGoalsNew(ReviewCase):
    def _employee_domain(self, user):
        view = self.env["performance.goal"].with_user(user).get_views([(False, "form")])
        arch = etree.fromstring(view["views"]["form"]["arch"])
        fields_ = arch.xpath("//sheet//field[@name='employee_id'][@required]")
        self.assertEqual(len(fields_), 1, "one employee field per reader")
        return fields_[0].get("domain")

    def test_employee_defaults_and_offers_own_chain_only(self):
        """My Goals > New: the employee is the reader; a plain employee is offered himself
        (and, for a manager, his reports), not every colleague; an officer anyone."""
        Goal = self.env["performance.goal"].with_user(self.user_employee)
        action = self.env.ref("performance_management.performance_goal_action_my")
        context = safe_eval(action.context)
        with Form(Goal.with_context(**context)) as form:
            self.assertEqual(form.employee_id, self.employee)
            form.name = "Learn the product"
        self.assertEqual(form.record.employee_id, self.employee)
        domain = self._employee_domain(self.user_employee)
        self.assertIn("performance_chain_ids.user_id", domain)
        Employee = self.env["hr.employee"].with_user(self.user_employee)
        offered = Employee.search([("performance_chain_ids.user_id", "=", self.user_employee.id)])
        self.assertEqual(offered, self.employee)
        offered = Employee.with_user(self.user_manager).search(
            [("performance_chain_ids.user_id", "=", self.user_manager.id)]
        )
        self.assertIn(self.employee, offered)
        self.assertNotIn(self.other_employee, offered)
        self.assertFalse(self._employee_domain(self.user_officer))


@tagged("post_install", "-at_install")
class TestPortalMeetingAdditions(PerformancePortalCase):
    def _post(self, meeting, route, **data):
        return self.url_open(
            f"/my/performance/meetings/{meeting.id}/{route}",
            data=dict(data, csrf_token=http.Request.csrf_token(self)),
            allow_redirects=False,
        )

    def test_employee_adds_a_shared_note_and_an_action_item(self):
        self.authenticate("pm_portal", "pm_portal")
        page = self.url_open(f"/my/performance/meetings/{self.portal_meeting.id}").text
        self.assertIn("o_pm_meeting_note_form", page)
        self.assertIn("o_pm_action_item_form", page)
        self._post(self.portal_meeting, "note", note="Bring the <b>roadmap</b>")
        notes = self.portal_meeting.shared_notes
        self.assertIn("Paula shared notes", notes, "the earlier notes stay")
        self.assertIn("Paula Portal", notes)
        self.assertIn("&lt;b&gt;roadmap", notes, "typed text, not markup")
        self._post(
            self.portal_meeting, "action_item", name="Draft the plan", date_deadline="2030-01-31"
        )
        item = self.portal_meeting.action_item_ids.filtered(lambda i: i.name == "Draft the plan")
        self.assertEqual(item.owner_id, self.user_portal)
        self.assertEqual(item.date_deadline, fields.Date.to_date("2030-01-31"))
        self.assertFalse(item.activity_id, "no to-do a portal user could not open")
        page = self.url_open(f"/my/performance/meetings/{self.portal_meeting.id}").text
        self.assertIn("Draft the plan", page)

    def test_nothing_on_a_colleagues_meeting_nor_other_fields(self):
        self.authenticate("pm_portal", "pm_portal")
        for route, data in (("note", {"note": "Hi"}), ("action_item", {"name": "Hi"})):
            response = self._post(self.peer_meeting, route, **data)
            self.assertEqual(response.status_code, 404)
        self.assertNotIn("Hi", self.peer_meeting.shared_notes)
        self.assertFalse(self.peer_meeting.action_item_ids.filtered(lambda i: i.name == "Hi"))
        # through the ORM: only the shared notes of his own, open 1:1s; his own open items
        meeting = self.portal_meeting.with_user(self.user_portal)
        with self.assertRaises(AccessError):
            meeting.write({"date_start": fields.Datetime.now()})
        with self.assertRaises(AccessError):
            meeting.write({"coach_id": self.peer.id})
        with self.assertRaises(AccessError):
            self.peer_meeting.with_user(self.user_portal).write({"shared_notes": "<p>x</p>"})
        Item = self.env["performance.coaching.action.item"].with_user(self.user_portal)
        with self.assertRaises(AccessError):
            Item.create({"log_id": self.peer_meeting.id, "name": "Not mine"})
        with self.assertRaises(AccessError):
            Item.create({"log_id": meeting.id, "name": "Done", "done": True})
        with self.assertRaises(AccessError):
            Item.create({"log_id": meeting.id, "name": "Boss's", "owner_id": self.user_manager.id})
        item = Item.create({"log_id": meeting.id, "name": "Mine"})
        with self.assertRaises(AccessError):
            item.write({"name": "Changed"})
        self.portal_meeting.state = "cancelled"
        with self.assertRaises(AccessError):
            meeting.write({"shared_notes": "<p>late</p>"})


@tagged("post_install", "-at_install")
class TestMeetingTitles(ReviewCase):
    def test_title_names_the_day_and_keeps_a_typed_one(self):
        Log = self.env["performance.coaching.log"].with_user(self.user_manager)
        log = Log.create(
            {
                "employee_id": self.employee.id,
                "date_start": "2026-12-08 09:00:00",
            }
        )
        self.assertIn(self.employee.name, log.name)
        self.assertIn("12/08/2026", log.name)
        log.date_start = "2026-12-15 09:00:00"
        self.assertIn("12/15/2026", log.name, "the written title follows the day")
        log.name = "Quarterly talk"
        log.date_start = "2026-12-22 09:00:00"
        self.assertEqual(log.name, "Quarterly talk")


@tagged("post_install", "-at_install")
class TestSmallerItems(ReviewCase):
    def test_empty_questionnaire_is_refused(self):
        """A 360 questionnaire quick-created from the template has no question: the template
        refuses it, and its form offers no quick create."""
        officer = self.user_officer
        empty = (
            self.env["survey.survey"]
            .with_user(officer)
            .create({"title": "Quick peer", "survey_type": "performance"})
        )
        template = self.template.with_user(officer)
        with self.assertRaisesRegex(ValidationError, "Quick peer"):
            template.survey_peer_id = empty
        empty.question_and_page_ids = [
            Command.create({"title": "Teamwork", "question_type": "text_box"})
        ]
        template.survey_peer_id = empty
        self.assertEqual(template.survey_peer_id, empty)
        view = template.get_views([(False, "form")])["views"]["form"]["arch"]
        arch = etree.fromstring(view)
        for role in ("peer", "report", "manager", "self"):
            (node,) = arch.xpath(f"//field[@name='survey_{role}_id']")
            self.assertIn("no_quick_create", node.get("options"))

    def test_kudos_cards_name_receivers_with_plain_dates(self):
        view = (
            self.env["performance.recognition"]
            .with_user(self.user_employee)
            .get_views([(False, "kanban")])
        )
        arch = etree.fromstring(view["views"]["kanban"]["arch"])
        widgets = {node.get("widget") for node in arch.xpath("//field[@name='receiver_ids']")}
        self.assertIn("many2many_tags", widgets, "the receivers' names, not only faces")
        (date,) = arch.xpath("//field[@name='date']")
        self.assertNotEqual(date.get("widget"), "remaining_days", "no red 'days ago'")
