from datetime import timedelta

from odoo import fields, http
from odoo.fields import Command
from odoo.tests import tagged

from .common import PerformancePortalCase


@tagged("post_install", "-at_install")
class TestPortalAccess(PerformancePortalCase):
    """Every /my/performance route answers only for the user's own records."""

    def _detail_urls(self, who):
        rec = lambda key: getattr(self, f"{who}_{key}")
        return [
            f"/my/performance/goals/{rec('goal').id}",
            f"/my/performance/reviews/{rec('review_self').id}",
            f"/my/performance/reviews/{rec('review_released').id}",
            f"/my/performance/reviews/{rec('review_released').id}/pdf",
            f"/my/performance/feedback/{rec('request').id}",
            f"/my/performance/feedback/{rec('anonymous_request').id}",
            f"/my/performance/feedback/{rec('received').id}",
            f"/my/performance/meetings/{rec('meeting').id}",
            f"/my/performance/improvement/{rec('improvement').id}",
            f"/my/performance/development/{rec('development').id}",
        ]

    def _form_posts(self, who):
        rec = lambda key: getattr(self, f"{who}_{key}")
        kr = rec("goal").key_result_ids[0]
        line = rec("review_self").line_ids.filtered(lambda line: line.role == "employee")[0]
        return [
            (
                f"/my/performance/goals/{rec('goal').id}/checkin",
                {"confidence": "on_track", "note": "hacked", f"kr_{kr.id}": "9"},
            ),
            (
                f"/my/performance/reviews/{rec('review_self').id}/save",
                {f"answer_{line.id}": "hacked", "submit": "1"},
            ),
            (
                f"/my/performance/reviews/{rec('review_released').id}/acknowledge",
                {"agreement": "agree", "comment": "hacked"},
            ),
            (
                f"/my/performance/feedback/{rec('request').id}/answer",
                {"message": "hacked", "feedback_type": "general"},
            ),
            (f"/my/performance/meetings/{rec('meeting').id}/talking_point", {"name": "hacked"}),
            (
                f"/my/performance/improvement/{rec('improvement').id}/acknowledge",
                {"comment": "hacked"},
            ),
            (f"/my/performance/development/action/{rec('action').id}", {"state": "done"}),
        ]

    def _post(self, url, data, csrf=True):
        if csrf:
            data = dict(data, csrf_token=http.Request.csrf_token(self))
        return self.url_open(url, data=data, allow_redirects=False)

    def test_own_pages_render(self):
        self.authenticate("pm_portal", "pm_portal")
        for url in [
            "/my",
            "/my/performance",
            "/my/performance/goals",
            "/my/performance/goals?filterby=all&sortby=progress",
            "/my/performance/goals/new",
            "/my/performance/reviews",
            "/my/performance/feedback",
            "/my/performance/feedback?filterby=received",
            "/my/performance/feedback?filterby=given",
            "/my/performance/feedback/give",
            "/my/performance/kudos",
            "/my/performance/meetings?filterby=all",
            "/my/performance/plans",
            *self._detail_urls("portal"),
        ]:
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 200, url)
                self.assertNotIn("Secret Pat", response.text)
        page = self.url_open("/my/performance").text
        self.assertIn("Paula goal", page)
        self.assertIn("Paula self review", page)

    def test_other_employee_ids_are_not_found(self):
        self.authenticate("pm_portal", "pm_portal")
        for url in self._detail_urls("peer"):
            with self.subTest(url=url):
                response = self.url_open(url, allow_redirects=False)
                self.assertIn(response.status_code, (403, 404), url)
                self.assertNotIn("Secret Pat", response.text)
        for url in ("/my/performance/goals/999999", "/my/performance/reviews/abc"):
            self.assertEqual(self.url_open(url).status_code, 404)

    def test_other_employee_forms_are_refused(self):
        self.authenticate("pm_portal", "pm_portal")
        for url, data in self._form_posts("peer"):
            with self.subTest(url=url):
                response = self._post(url, data)
                self.assertIn(response.status_code, (403, 404), url)
                self.assertNotIn("Secret Pat", response.text)
        self.assertFalse(self.peer_goal.checkin_ids)
        self.assertEqual(self.peer_review_self.state, "self_review")
        self.assertFalse(
            self.peer_review_self.line_ids.filtered("answer").filtered(
                lambda line: line.role == "employee"
            )
        )
        self.assertEqual(self.peer_review_released.state, "released")
        self.assertEqual(self.peer_request.state, "requested")
        self.assertEqual(len(self.peer_meeting.talking_point_ids), 0)
        self.assertFalse(self.peer_improvement.acknowledged_date)
        self.assertEqual(self.peer_action.state, "todo")

    def test_internal_user_sees_only_own_records(self):
        """A manager reads their team in the backend, but /my is their own employee side."""
        self.authenticate("pm_manager", "pm_manager")
        self.assertEqual(self.url_open("/my/performance").status_code, 200)
        received = f"/my/performance/feedback/{self.portal_received.id}"  # given by the manager
        for url in set(self._detail_urls("portal")) - {received}:
            with self.subTest(url=url):
                self.assertEqual(self.url_open(url).status_code, 404, url)

    def test_user_without_employee(self):
        user = self.env["res.users"].create(
            {
                "name": "No Employee",
                "login": "pm_noemployee",
                "password": "pm_noemployee",
                "group_ids": [(6, 0, [self.env.ref("base.group_portal").id])],
            }
        )
        self.authenticate(user.login, "pm_noemployee")
        self.assertEqual(self.url_open("/my/performance").status_code, 404)
        self.assertNotIn("/my/performance", self.url_open("/my").text)

    def test_post_without_csrf_is_refused(self):
        self.authenticate("pm_portal", "pm_portal")
        creations = [
            ("/my/performance/goals/new", {"name": "No token goal"}),
            (
                "/my/performance/feedback/give",
                {
                    "employee_id": str(self.employee.id),
                    "message": "No token",
                    "feedback_type": "praise",
                    "visibility": "shared",
                },
            ),
            (
                "/my/performance/kudos/give",
                {
                    "receiver_id": str(self.employee.id),
                    "message": "No token",
                    "visibility": "company",
                },
            ),
        ]
        for url, data in self._form_posts("portal") + creations:
            with self.subTest(url=url):
                response = self._post(url, data, csrf=False)
                self.assertEqual(response.status_code, 400, url)
        self.assertFalse(self.portal_goal.checkin_ids)
        self.assertEqual(self.portal_review_self.state, "self_review")
        self.assertEqual(self.portal_review_released.state, "released")
        self.assertEqual(self.portal_request.state, "requested")
        self.assertFalse(self.portal_meeting.talking_point_ids)
        self.assertFalse(self.portal_improvement.acknowledged_date)
        self.assertEqual(self.portal_action.state, "todo")
        self.assertFalse(self.env["performance.goal"].search([("name", "=", "No token goal")]))
        self.assertFalse(
            self.env["performance.feedback"].search(
                [("author_id", "=", self.portal_employee.id), ("state", "=", "done")]
            )
        )
        self.assertFalse(
            self.env["performance.recognition"].search(
                [("giver_id", "=", self.portal_employee.id)]
            )
        )

    def test_internal_employee_checks_in(self):
        """Internal users use the same pages, with the same checks."""
        goal = self.env["performance.goal"].create(
            {
                "name": "Eli goal",
                "employee_id": self.employee.id,
                "state": "active",
                "key_result_ids": [Command.create({"name": "Eli result", "target_value": 4})],
            }
        )
        self.authenticate("pm_employee", "pm_employee")
        self.assertIn("Eli goal", self.url_open("/my/performance/goals").text)
        self._post(
            f"/my/performance/goals/{goal.id}/checkin",
            {"confidence": "on_track", f"kr_{goal.key_result_ids.id}": "2"},
        )
        self.assertEqual(goal.checkin_ids.user_id, self.user_employee)
        self.assertEqual(goal.progress, 50.0)
        # a slip of the keys is refused, the range named; nothing is checked in
        self._post(
            f"/my/performance/goals/{goal.id}/checkin",
            {"confidence": "on_track", f"kr_{goal.key_result_ids.id}": "99999999999"},
        )
        self.assertEqual(len(goal.checkin_ids), 1)
        self.assertEqual(goal.key_result_ids.current_value, 2.0)
        self.assertIn(
            "goes from 0.00 to 4.00: 99,999,999,999.00 is far outside that range",
            self.url_open(f"/my/performance/goals/{goal.id}").text,
        )
        # Paula's goal is not Eli's, even though both report to the same manager.
        response = self._post(
            f"/my/performance/goals/{self.portal_goal.id}/checkin", {"confidence": "on_track"}
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.portal_goal.checkin_ids)

    def test_secrets_never_reach_the_page(self):
        self.authenticate("pm_portal", "pm_portal")
        review = self.url_open(f"/my/performance/reviews/{self.portal_review_self.id}").text
        self.assertNotIn("Paula manager says", review)
        self.assertNotIn("Paula summary", review)
        released = self.url_open(f"/my/performance/reviews/{self.portal_review_released.id}").text
        self.assertIn("Paula manager says Quality released", released)
        self.assertIn("Paula summary released", released)
        meeting = self.url_open(f"/my/performance/meetings/{self.portal_meeting.id}").text
        self.assertIn("Paula shared notes", meeting)
        self.assertNotIn("Paula private note", meeting)
        plan = self.url_open(f"/my/performance/improvement/{self.portal_improvement.id}").text
        self.assertIn("Paula objective", plan)
        self.assertNotIn("Paula hr note", plan)

    def test_meeting_times_show_no_seconds(self):
        self.portal_meeting.date_start = "2027-01-05 15:30:45"
        self.authenticate("pm_portal", "pm_portal")
        for url in (
            "/my/performance",
            "/my/performance/meetings",
            f"/my/performance/meetings/{self.portal_meeting.id}",
        ):
            page = self.url_open(url).text
            self.assertIn(":30", page, url)
            self.assertFalse(":30:45" in page, f"{url} shows the seconds")

    def test_recent_kudos_show_the_portal_icon(self):
        self.env["performance.recognition"].with_user(self.user_manager).create(
            {"receiver_ids": [(6, 0, self.portal_employee.ids)], "message": "<p>Thanks Paula</p>"}
        )
        self.authenticate("pm_portal", "pm_portal")
        page = self.url_open("/my/performance").text
        self.assertIn("Thanks Paula", page)
        # the portal's own icon font, not an emoji the reader's fonts may lack
        self.assertIn('class="fa fa-trophy', page)

    def test_checkin_a_result_cannot_take_is_refused(self):
        self.authenticate("pm_portal", "pm_portal")
        goal = self.portal_goal
        number = goal.key_result_ids.filtered(lambda kr: kr.kind != "milestone")
        url = f"/my/performance/goals/{goal.id}/checkin"
        response = self._post(url, {"confidence": "on_track", f"kr_{number.id}": "-50"})
        self.assertEqual(response.status_code, 303)
        self.assertFalse(goal.checkin_ids)
        self.assertEqual(number.current_value, 0.0)
        page = self.url_open(f"/my/performance/goals/{goal.id}").text
        self.assertIn("cannot stand at -50", page)

    def test_forms_work_and_validate(self):
        self.authenticate("pm_portal", "pm_portal")
        goal = self.portal_goal
        number, milestone = goal.key_result_ids
        url = f"/my/performance/goals/{goal.id}/checkin"
        response = self._post(url, {"confidence": "on_track", f"kr_{number.id}": "abc"})
        self.assertEqual(response.status_code, 303)
        self.assertFalse(goal.checkin_ids)
        page = self.url_open(f"/my/performance/goals/{goal.id}").text
        self.assertIn("must be a number", page)
        self._post(
            url,
            {
                "confidence": "at_risk",
                "note": "Half way",
                f"kr_{number.id}": "5",
                f"kr_{milestone.id}": "on",
            },
        )
        self.assertEqual(goal.checkin_ids.user_id, self.user_portal)
        self.assertEqual((number.current_value, milestone.current_value), (5.0, 1.0))
        self.assertEqual(goal.confidence, "at_risk")

        # Self review: a rating outside the scale is refused, then saved and submitted.
        review = self.portal_review_self
        lines = review.line_ids.filtered(lambda line: line.role == "employee")
        save = f"/my/performance/reviews/{review.id}/save"
        other_level = self.env["performance.rating.scale.level"].search(
            [("scale_id", "!=", review.scale_id.id)], limit=1
        )
        if other_level:
            self._post(save, {f"rating_{lines[0].id}": str(other_level.id)})
            self.assertFalse(lines[0].rating_id)
        self._post(save, {f"rating_{lines[0].id}": str(self.levels[4].id), "submit": "1"})
        self.assertEqual(review.state, "self_review", "Teamwork is not rated yet")
        self.assertIn(
            "Rate every question", self.url_open(f"/my/performance/reviews/{review.id}").text
        )
        self._post(
            save,
            {
                f"rating_{lines[1].id}": str(self.levels[3].id),
                f"answer_{lines[1].id}": "We ship together",
                "submit": "1",
            },
        )
        self.assertEqual(review.state, "manager_review")
        self.assertEqual(lines[1].answer, "We ship together")

        # Anonymous answer: stored without author.
        request = self.portal_anonymous_request
        to_answer = "/my/performance/feedback?filterby=requests"
        link = f'/my/performance/feedback/{request.id}"'
        self.assertIn(link, self.url_open(to_answer).text)
        self.assertIn(link, self.url_open("/my/performance").text, "a to-do of the overview")
        self._post(
            f"/my/performance/feedback/{request.id}/answer",
            {"message": "Listen more", "feedback_type": "constructive"},
        )
        # Answered, but until its batch of answers is released the request looks open to
        # everyone but its author, who has it no more among his requests to answer.
        self.assertTrue(request.sudo().anonymous_answered)
        self.assertEqual(request.state, "requested")
        self.assertNotIn(
            f'/my/performance/feedback/{request.id}"',
            self.url_open(to_answer).text,
        )
        self.assertNotIn(link, self.url_open("/my/performance").text)
        answer = self.env["performance.feedback"].search(
            [("employee_id", "=", self.manager.id), ("message", "ilike", "Listen more")]
        )
        self.assertTrue(answer.anonymous)
        self.assertFalse(answer.author_id)
        self.assertNotEqual(answer.create_uid, self.user_portal)

        # Give feedback to a colleague of another company: refused.
        self._post(
            "/my/performance/feedback/give",
            {
                "employee_id": str(self.employee_b.id),
                "message": "Hi",
                "feedback_type": "praise",
                "visibility": "shared",
            },
        )
        self.assertFalse(
            self.env["performance.feedback"].search([("employee_id", "=", self.employee_b.id)])
        )

        # Propose a goal: a draft waiting for the manager.
        response = self._post(
            "/my/performance/goals/new",
            {"name": "Learn SQL", "kr_name": "Courses", "kr_target": "3"},
        )
        goal = self.env["performance.goal"].search([("name", "=", "Learn SQL")])
        self.assertEqual(goal.employee_id, self.portal_employee)
        self.assertEqual((goal.state, goal.approval_requested), ("draft", True))
        self.assertEqual(goal.key_result_ids.target_value, 3.0)
        self.company.performance_goal_proposal = False
        self.assertEqual(self.url_open("/my/performance/goals/new").status_code, 404)

        # Development action status and plan acknowledgement.
        self._post(
            f"/my/performance/development/action/{self.portal_action.id}", {"state": "bogus"}
        )
        self.assertEqual(self.portal_action.state, "todo")
        self._post(
            f"/my/performance/development/action/{self.portal_action.id}", {"state": "done"}
        )
        self.assertEqual(self.portal_action.state, "done")
        self._post(
            f"/my/performance/improvement/{self.portal_improvement.id}/acknowledge",
            {"comment": "Understood"},
        )
        self.assertTrue(self.portal_improvement.acknowledged_date)
        self.assertEqual(self.portal_improvement.acknowledgement_comment, "Understood")

    def test_acknowledgement_is_a_deliberate_choice(self):
        self.authenticate("pm_portal", "pm_portal")
        review = self.portal_review_released
        page = self.url_open(f"/my/performance/reviews/{review.id}").text
        self.assertIn('id="pm_agree"', page)
        self.assertNotIn("checked", page.split('id="pm_agree"')[1].split(">")[0])
        self.assertNotIn("checked", page.split('id="pm_disagree"')[1].split(">")[0])
        # a post that picks neither is refused and acknowledges nothing
        self._post(f"/my/performance/reviews/{review.id}/acknowledge", {"comment": "ok"})
        self.assertFalse(review.acknowledgement)
        self.assertEqual(review.state, "released")

    def test_pdf_of_released_review(self):
        self.authenticate("pm_portal", "pm_portal")
        response = self.url_open(f"/my/performance/reviews/{self.portal_review_released.id}/pdf")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        not_released = f"/my/performance/reviews/{self.portal_review_self.id}/pdf"
        self.assertEqual(self.url_open(not_released).status_code, 404)

    def test_home_counter(self):
        self.authenticate("pm_portal", "pm_portal")
        self.assertIn("/my/performance", self.url_open("/my").text)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["performance_todo_count"]}
        )
        # Two reviews, two feedback requests, one plan to acknowledge.
        self.assertEqual(counters["performance_todo_count"], 5)

    def test_cite_refuses_what_is_no_id(self):
        # "²" is a digit to Python's isdigit, and no int: not found, never a server error
        self.authenticate("pm_portal", "pm_portal")
        url = f"/my/performance/reviews/{self.portal_review_self.id}/cite"
        for res_id in ("²", "abc", "-1"):
            with self.subTest(res_id=res_id):
                response = self._post(url, {"model": "performance.goal", "res_id": res_id})
                self.assertEqual(response.status_code, 404)

    def test_kudos(self):
        self.authenticate("pm_portal", "pm_portal")
        Recognition = self.env["performance.recognition"]
        response = self._post(
            "/my/performance/kudos/give",
            {
                "receiver_id": str(self.employee.id),
                "value_id": str(self.value.id),
                "visibility": "company",
                "message": "Great hand over",
            },
        )
        self.assertEqual(response.status_code, 303)
        kudos = Recognition.search([("giver_id", "=", self.portal_employee.id)])
        self.assertEqual(kudos.receiver_ids, self.employee)
        self.assertEqual(kudos.value_id, self.value)
        wall = self.url_open("/my/performance/kudos?filterby=wall")
        self.assertEqual(wall.status_code, 200)
        self.assertIn("Great hand over", wall.text)
        self.assertIn("Eli Employee", wall.text)
        # A value of another company, or oneself as receiver, is refused.
        value_b = self.env["performance.value"].create(
            {"name": "Elsewhere", "company_id": self.company_b.id}
        )
        for data in (
            {"receiver_id": str(self.employee.id), "value_id": str(value_b.id)},
            {"receiver_id": str(self.portal_employee.id)},
            {"receiver_id": str(self.employee_b.id)},
        ):
            self._post(
                "/my/performance/kudos/give",
                dict(data, visibility="company", message="Again"),
            )
        self.assertEqual(Recognition.search_count([("giver_id", "=", self.portal_employee.id)]), 1)
        # a value the form cannot read is told in the user's words, not Python's
        response = self._post(
            "/my/performance/kudos/give",
            {
                "receiver_id": str(self.employee.id),
                "value_id": "abc",
                "visibility": "company",
                "message": "Again",
            },
        )
        page = self.url_open(response.headers["Location"]).text
        self.assertIn("A value of the form is not valid", page)
        self.assertNotIn("invalid literal", page)
        self.assertEqual(Recognition.search_count([("giver_id", "=", self.portal_employee.id)]), 1)

    def test_anonymous_feedback_received(self):
        Feedback = self.env["performance.feedback"]
        answers = Feedback.create(
            [
                {
                    "employee_id": self.portal_employee.id,
                    "requester_id": self.portal_employee.id,
                    "is_request": True,
                    "anonymous": True,
                    "state": "done",
                    "visibility": "shared",
                    "message": f"<p>Anonymous opinion {index}</p>",
                }
                for index in range(3)
            ]
        )
        # the banner tells of the open anonymous requests about the user, never of the
        # answers that came in: it moves when they are asked or released
        Feedback.create(
            {
                "employee_id": self.portal_employee.id,
                "requester_id": self.portal_employee.id,
                "author_id": self.peer.id,
                "anonymous": True,
                "state": "requested",
                "date_deadline": fields.Date.today() + timedelta(days=7),
            }
        )
        self.authenticate("pm_portal", "pm_portal")
        answers.anonymous_released = False
        link = f"/my/performance/feedback/{answers[0].id}"
        page = self.url_open("/my/performance/feedback?filterby=received").text
        self.assertNotIn(link, page)
        self.assertIn("Anonymous answers are shown once", page)
        detail = self.url_open(f"/my/performance/feedback/{answers[0].id}")
        self.assertEqual(detail.status_code, 404)
        answers.anonymous_released = True
        page = self.url_open("/my/performance/feedback?filterby=received").text
        self.assertIn(link, page)
        detail = self.url_open(link).text
        self.assertIn("Anonymous opinion 0", detail)
        self.assertIn("<em>Anonymous</em>", detail)
        self.assertNotIn("Mia Manager", detail)
