import importlib.util
from pathlib import Path
from unittest.mock import patch

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.service.model import call_kw
from odoo.tests import HttpCase, new_test_user, tagged

from .common import ReviewCase
from .test_survey_360 import Survey360Case

# an access error of the rules, or a business error: the ORM's refusals share this class
REFUSED = UserError


@tagged("post_install", "-at_install")
@freeze_time("2026-11-01")
class TestAnonymousFeedbackBatches(ReviewCase):
    """Free-text anonymous answers: a released batch carries nothing of who answered when."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Feedback = cls.env["performance.feedback"]
        cls.raters = cls.peer | cls.director | cls.other_employee | cls.officer
        cls.env.company.performance_anonymity_threshold = len(cls.raters)

    def _ask(self, authors, review=None):
        wizard = (
            self.env["performance.feedback.request.wizard"]
            .with_user(self.user_manager)
            .with_context(default_review_id=review.id if review else False)
            .create(
                {
                    "employee_id": self.employee.id,
                    "author_ids": [Command.set(authors.ids)],
                    "date_deadline": "2026-11-20",
                    "anonymous": True,
                }
            )
        )
        wizard.action_request()
        return self.Feedback.search(
            [("employee_id", "=", self.employee.id), ("author_id", "in", authors.ids)],
            order="id",
        )

    def _answer(self, request, text):
        request.with_user(request.author_id.user_id).action_answer(f"<p>{text}</p>")

    def _officer_view(self):
        """What an officer reads over JSON-RPC: every feedback about Eli, by id."""
        env = self.env(user=self.user_officer)
        return call_kw(
            env["performance.feedback"],
            "search_read",
            [[("employee_id", "=", self.employee.id)]],
            {
                "fields": ["author_id", "message", "state", "create_date", "write_date"],
                "order": "id",
            },
        )

    def test_a_released_batch_is_ordered_by_its_content_only(self):
        requests = self._ask(self.raters)
        self.assertEqual(requests.author_id, self.raters)
        # answered in the order of the requests, each text earlier in the alphabet
        texts = ["Delta", "Charlie", "Bravo", "Alpha"]
        seen_before = self._officer_view()
        for request, text in zip(requests[:-1], texts, strict=False):
            self._answer(request, text)
            # a waiting answer is nobody's to read, the officer's included
            self.assertEqual(self._officer_view(), seen_before)
        self._answer(requests[-1], texts[-1])
        released = self.Feedback.with_user(self.user_officer).search(
            [("employee_id", "=", self.employee.id), ("anonymous_released", "=", True)],
            order="id",
        )
        released = released.filtered(lambda f: f.state == "done")
        self.assertEqual(len(released), len(texts))
        # created at the release, after every request and every answer: in the order of
        # their words, never of their arrival nor of the requests
        self.assertEqual([f.message for f in released], [f"<p>{t}</p>" for t in sorted(texts)])
        self.assertGreater(min(released.ids), max(requests.ids))
        self.assertEqual(len(set(released.mapped("create_date"))), 1)
        self.assertEqual(len(set(released.mapped("write_date"))), 1)
        self.assertEqual(set(released.mapped("date")), {fields.Date.today()})
        self.assertFalse(released.author_id)
        # the officer's attack: requests and answers side by side, both by id
        guessed = dict(zip(requests.author_id, released.mapped("message"), strict=True))
        truth = {r.author_id: f"<p>{t}</p>" for r, t in zip(requests, texts, strict=True)}
        for author in self.raters:
            self.assertNotEqual(guessed[author], truth[author])
        # nothing waits any more: the answers the raters submitted are gone
        self.assertFalse(
            self.Feedback.search(
                [("anonymous", "=", True), ("state", "=", "done"), ("id", "not in", released.ids)]
            )
        )
        self.assertEqual(set(requests.mapped("state")), {"answered"})

    def test_the_summary_moves_only_at_the_release_and_never_past_the_raters_asked(self):
        self.env.company.performance_anonymity_threshold = 2
        self.launch()
        review = self.review_of(self.employee)
        requests = self._ask(self.peer | self.director | self.other_employee, review)
        self.assertEqual(requests.review_id, review)

        def summaries():
            review.invalidate_recordset(["peer_feedback_summary"])
            return {
                user.login: review.with_user(user).peer_feedback_summary
                for user in (self.user_employee, self.user_manager, self.user_officer)
            }

        before = summaries()
        self.assertIn("0 of 3 answers received", before["pm_employee"])
        self._answer(requests[0], "First")
        self.assertEqual(summaries(), before, "one anonymous answer in: nothing moves")
        # its requester cancels the answered request: the summary still tells nothing
        requests[0].with_user(self.user_manager).action_cancel()
        cancelled = summaries()
        self.assertIn("0 of 2 answers received", cancelled["pm_employee"])
        # the second answer releases the batch, the cancelled request's answer with it
        self._answer(requests[1], "Second")
        after = summaries()
        self.assertIn("2 of 3 answers received", after["pm_employee"])
        self.assertIn("First", after["pm_employee"])
        self.assertIn("Second", after["pm_employee"])
        self.assertEqual(requests[:2].mapped("state"), ["answered", "answered"])
        # the third one alone would name its rater: it waits, and the count with it
        self._answer(requests[2], "Third")
        self.assertEqual(summaries(), after)

    def test_reminders_mark_answered_and_late_requests_alike(self):
        requests = self._ask(self.peer | self.director)
        self._answer(requests[0], "On time")
        Mail = self.env["mail.mail"]
        with (
            freeze_time("2026-11-25"),
            patch.object(type(self.env["ir.cron"]), "_commit_progress", return_value=1.0),
        ):
            self.Feedback._cron_remind_overdue_requests()
        # the requester sees both reminded; only the late rater got the mail
        seen = requests.with_user(self.user_manager)
        seen.invalidate_recordset()
        self.assertEqual({str(d) for d in seen.mapped("date_reminded")}, {"2026-11-25"})
        self.assertEqual(len(set(seen.mapped("write_date"))), 1)
        reminded = Mail.search(
            [
                ("model", "=", "performance.feedback"),
                ("res_id", "in", requests.ids),
                ("subject", "ilike", "Reminder"),
            ]
        )
        self.assertEqual(reminded.mapped("res_id"), requests[1].ids)

    def test_the_upgrade_orders_past_batches_by_their_content(self):
        # a batch as earlier versions released it: in the order of arrival
        texts = ["Delta", "Charlie", "Bravo", "Alpha"]
        past = self.Feedback.create(
            [
                {
                    "employee_id": self.employee.id,
                    "requester_id": self.manager.id,
                    "anonymous": True,
                    "is_request": True,
                    "anonymous_released": True,
                    "state": "done",
                    "date": "2026-10-01",
                    "message": f"<p>{text}</p>",
                }
                for text in texts
            ]
        )
        script = Path(__file__).parents[1] / "migrations/19.0.1.1.0/post-anonymous-batches.py"
        spec = importlib.util.spec_from_file_location("pm_post_anonymous_batches", script)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(self.env.cr, "19.0.1.0.0")
        self.assertFalse(past.exists())
        copies = self.Feedback.search(
            [("employee_id", "=", self.employee.id), ("anonymous_released", "=", True)],
            order="id",
        )
        self.assertEqual(copies.mapped("message"), [f"<p>{t}</p>" for t in sorted(texts)])
        self.assertEqual(set(copies.mapped("date")), {fields.Date.to_date("2026-10-01")})
        self.assertGreater(min(copies.ids), max(past.ids))


@tagged("post_install", "-at_install")
@freeze_time("2026-11-01")
class TestAnonymous360Batches(Survey360Case):
    """360 questionnaires: the answers a rater submitted never reach anyone's eyes; their
    released copies are created together, in the order of what they say."""

    def _peer_requests(self, review):
        return self.env["performance.feedback"].search(
            [("review_id", "=", review.id), ("author_id", "!=", False)], order="id"
        )

    def test_released_questionnaires_are_copies_in_the_order_of_their_content(self):
        self.launch()
        review = self.review_of(self.employee)
        requests = self._peer_requests(review)
        self.assertEqual(len(requests), 2)
        originals = self.UserInput.browse(
            [self.input_of(review, r.author_id).id for r in requests]
        )
        users = {self.peer: self.user_peer, self.portal_employee: self.user_portal}
        # answered in the order of the requests; the later the request, the earlier its
        # answer in survey's order of choices (Often before Always)
        for request, value in zip(requests, ("Always", "Often"), strict=True):
            user_input = self.input_of(review, request.author_id)
            self.answer(user_input, users[request.author_id], value, value, "Fine")
        # the controller's transaction commits
        self.env.cr.flush()
        self.assertFalse(originals.exists(), "the raters' answers and tokens are gone")
        released = self.UserInput.with_user(self.user_officer).search(
            [("performance_review_id", "=", review.id), ("state", "=", "done")], order="id"
        )
        self.assertEqual(len(released), 2)
        self.assertGreater(min(released.ids), max(originals.ids))
        teamwork = self.survey.question_ids.sorted("sequence")[0]
        values = [
            r.user_input_line_ids.filtered(
                lambda line: line.question_id == teamwork
            ).suggested_answer_id.value
            for r in released
        ]
        self.assertEqual(values, ["Often", "Always"], "by content, not by request nor arrival")
        for records in (released, released.user_input_line_ids):
            self.assertEqual(len(set(records.mapped("create_date"))), 1)
            self.assertEqual(len(set(records.mapped("write_date"))), 1)
        self.assertFalse(released.partner_id or any(released.mapped("deadline")))
        self.assertFalse(any(released.mapped("start_datetime") + released.mapped("end_datetime")))
        self.assertEqual(set(released.mapped("performance_released")), {True})
        summary = review.with_user(self.user_employee).peer_feedback_summary
        self.assertIn("Peer 360: 2 answers", summary)
        self.assertIn("2 of 2 answers received", summary)

    def test_no_count_before_the_release(self):
        self.launch()
        review = self.review_of(self.employee)
        requests = self._peer_requests(review)

        def summaries():
            review.invalidate_recordset(["peer_feedback_summary"])
            return [
                review.with_user(user).peer_feedback_summary
                for user in (self.user_employee, self.user_manager, self.user_officer)
            ]

        before = summaries()
        self.assertIn("0 of 2 answers received", before[0])
        self.answer(
            self.input_of(review, requests[0].author_id), self.user_peer, "Always", "Often"
        )
        self.assertEqual(summaries(), before)


@tagged("post_install", "-at_install")
class TestSurveyRoutesNameNoRater(Survey360Case, HttpCase):
    """Survey's retry, print and result routes, as the rater who holds the token."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._launch_today()

    def _names(self):
        return ("Pat Peer", "pm_peer", "Paula Portal", "pm_portal")

    def _survey_inputs(self):
        return self.UserInput.search([("survey_id", "=", self.survey.id)])

    def test_retry_creates_nothing_in_the_raters_name(self):
        user_input = self.input_of(self.review, self.peer)
        self.authenticate("pm_peer", "pm_peer")
        start = self.url_open(
            f"/survey/start/{self.survey.access_token}",
            params={"answer_token": user_input.access_token},
        )
        self.assertEqual(start.status_code, 200)
        self.assertIn("Start Survey", start.text, "the token opens the questionnaire")
        for state in ("open", "submitted"):
            with self.subTest(state=state):
                if state == "submitted":
                    self.answer(user_input, self.user_peer, "Always", "Often", "Fine")
                before = self._survey_inputs()
                response = self.url_open(
                    f"/survey/retry/{self.survey.access_token}/{user_input.access_token}"
                )
                self.assertNotIn("/survey/start/", response.url)
                self.assertEqual(self._survey_inputs(), before)
                self.assertFalse(
                    self._survey_inputs().filtered(
                        lambda i: (
                            i.partner_id == self.user_peer.partner_id
                            or i.email == self.user_peer.email
                        )
                    )
                )

    def test_print_and_results_show_no_rater(self):
        pat = self.input_of(self.review, self.peer)
        paula = self.input_of(self.review, self.portal_employee)
        token = pat.access_token
        self.answer(pat, self.user_peer, "Always", "Often", "Clear")
        self.authenticate("pm_peer", "pm_peer")
        printed = self.url_open(
            f"/survey/print/{self.survey.access_token}", params={"answer_token": token}
        )
        self.assertEqual(printed.status_code, 200)
        for name in self._names():
            self.assertNotIn(name, printed.text)
        self.answer(paula, self.user_portal, "Often", "Often", "Kind")
        self.env.cr.flush()
        # released: the rater's token leads nowhere, his answer lives on in its copy only
        self.assertFalse(pat.exists())
        printed = self.url_open(
            f"/survey/print/{self.survey.access_token}", params={"answer_token": token}
        )
        self.assertNotIn("Clear", printed.text)
        results = self.url_open(f"/survey/results/{self.survey.id}")
        self.assertIn(results.status_code, (403, 404), "survey's results are the officers'")
        self.authenticate("pm_officer", "pm_officer")
        results = self.url_open(f"/survey/results/{self.survey.id}")
        self.assertEqual(results.status_code, 200)
        self.assertIn("Clear", results.text)
        for name in self._names():
            self.assertNotIn(name, results.text)


@tagged("post_install", "-at_install")
@freeze_time("2026-11-01")
class TestAnonymityFlagsRefused(Survey360Case):
    """Over JSON-RPC, through values and default_ keys of the context: no user sets the
    flags of anonymity, release or request, nor quotes himself under a review he cannot
    read."""

    def _create(self, user, vals, context=None):
        env = self.env(user=user)
        return call_kw(env["performance.feedback"], "create", [vals], {"context": context or {}})

    def _quoted(self, review):
        review.invalidate_recordset(["peer_feedback_summary"])
        return review.with_user(self.user_manager).peer_feedback_summary

    def test_no_released_anonymous_answer_from_outside(self):
        self.launch()
        review = self.review_of(self.employee)
        summary = self._quoted(review)
        flags = {
            "anonymous": True,
            "anonymous_released": True,
            "is_request": True,
            "review_id": review.id,
            "state": "done",
        }
        message = {"employee_id": self.employee.id, "message": "<p>Planted</p>"}
        attempts = [
            # a colleague who cannot read the review, by the context's defaults
            (
                self.user_other_employee,
                {**message, "author_id": self.other_employee.id},
                {f"default_{k}": v for k, v in flags.items()},
            ),
            # the reviewer, by values and by defaults
            (self.user_manager, {**message, "author_id": self.manager.id, **flags}, {}),
            (
                self.user_manager,
                {**message, "author_id": self.manager.id},
                {f"default_{k}": v for k, v in flags.items()},
            ),
            # an officer, who writes every feedback, neither
            (self.user_officer, {**message, **flags}, {}),
            (self.user_officer, message, {f"default_{k}": v for k, v in flags.items()}),
        ]
        for user, vals, context in attempts:
            with self.subTest(user=user.login, context=bool(context)), self.assertRaises(REFUSED):
                self._create(user, vals, context)
        # nor by a write on one's own feedback
        own = self._create(self.user_manager, {**message, "author_id": self.manager.id}, {})
        for vals in (
            {"anonymous_released": True},
            {"anonymous": True},
            {"anonymous": True, "anonymous_released": True, "review_id": review.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(REFUSED):
                call_kw(
                    self.env(user=self.user_manager)["performance.feedback"],
                    "write",
                    [[own], vals],
                    {},
                )
        self.assertFalse(
            self.env["performance.feedback"].search(
                [("message", "ilike", "Planted"), ("anonymous", "=", True)]
            )
        )
        self.assertEqual(self._quoted(review), summary)

    def test_no_feedback_quoted_under_a_review_one_cannot_read(self):
        self.launch()
        review = self.review_of(self.employee)
        summary = self._quoted(review)
        vals = {
            "employee_id": self.employee.id,
            "author_id": self.other_employee.id,
            "message": "<p>Quoted under my name</p>",
        }
        for context in ({}, {"default_review_id": review.id}):
            with self.subTest(context=context), self.assertRaises(REFUSED):
                self._create(
                    self.user_other_employee,
                    {**vals, "review_id": review.id} if not context else vals,
                    context,
                )
        own = self._create(self.user_other_employee, vals)
        with self.assertRaises(REFUSED):
            call_kw(
                self.env(user=self.user_other_employee)["performance.feedback"],
                "write",
                [[own], {"review_id": review.id}],
                {},
            )
        self.assertFalse(self.env["performance.feedback"].browse(own).review_id)
        self.assertEqual(self._quoted(review), summary)

    def test_no_feedback_to_oneself_flagged_as_a_request(self):
        vals = {
            "employee_id": self.employee.id,
            "author_id": self.employee.id,
            "message": "<p>Great work, me</p>",
        }
        attempts = [
            ({**vals, "is_request": True}, {}),
            (vals, {"default_is_request": True}),
            (vals, {"default_is_request": True, "default_requester_id": self.manager.id}),
            ({**vals, "is_request": True, "requester_id": self.manager.id}, {}),
        ]
        for values, context in attempts:
            with self.subTest(values=values, context=context), self.assertRaises(REFUSED):
                self._create(self.user_employee, values, context)
        self.assertFalse(
            self.env["performance.feedback"].search(
                [("employee_id", "=", self.employee.id), ("author_id", "=", self.employee.id)]
            )
        )

    def test_no_answer_of_another_survey_linked_to_a_review(self):
        self.launch()
        review = self.review_of(self.employee)
        survey_user = new_test_user(
            self.env, login="pm_survey_user", groups="base.group_user,survey.group_survey_user"
        )
        canteen = self.env["survey.survey"].create(
            {"title": "Canteen", "survey_type": "survey", "access_mode": "public"}
        )
        env = self.env(user=survey_user)
        links = {
            "performance_review_id": review.id,
            "performance_anonymous": True,
            "performance_role": "peer",
        }
        for vals, context in (
            ({"survey_id": canteen.id, **links}, {}),
            ({"survey_id": canteen.id}, {f"default_{k}": v for k, v in links.items()}),
        ):
            with self.subTest(context=bool(context)), self.assertRaises(REFUSED):
                call_kw(env["survey.user_input"], "create", [vals], {"context": context})
        own = call_kw(env["survey.user_input"], "create", [{"survey_id": canteen.id}], {})
        with self.assertRaises(REFUSED):
            call_kw(env["survey.user_input"], "write", [[own], links], {})
        self.assertFalse(
            self.env["survey.user_input"].search(
                [("survey_id", "=", canteen.id), ("performance_review_id", "!=", False)]
            )
        )
