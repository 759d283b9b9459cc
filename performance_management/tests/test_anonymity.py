from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PerformanceCase


@tagged("post_install", "-at_install")
@freeze_time("2026-03-01")
class TestAnonymityHoldsAgainstItsRequester(PerformanceCase):
    """Issue 17: the requester of anonymous 360 feedback identified its authors by tagging
    each request, by answering his own requests to reach the threshold, and by watching
    which request turned "answered" when."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.performance_anonymity_threshold = 2
        cls.Feedback = cls.env["performance.feedback"]

    def _ask(self, requester, about, authors, **values):
        wizard = (
            self.env["performance.feedback.request.wizard"]
            .with_user(requester)
            .create(
                {
                    "employee_id": about.id,
                    "author_ids": [(6, 0, authors.ids)],
                    "date_deadline": "2026-03-20",
                    "anonymous": True,
                    **values,
                }
            )
        )
        wizard.action_request()
        return self.Feedback.search(
            [("employee_id", "=", about.id), ("author_id", "in", authors.ids)]
        )

    def _answer(self, requests, author, text):
        request = requests.filtered(lambda r: r.author_id == author)
        request.with_user(author.user_id).action_answer(f"<p>{text}</p>", "general")
        return request

    def _readable_answers(self, user):
        return self.Feedback.with_user(user).search(
            [("anonymous", "=", True), ("state", "=", "done")]
        )

    def test_a_tag_on_each_request_does_not_reach_the_answers(self):
        goals = self.env["performance.goal"].create(
            [{"name": f"Tag {n}", "employee_id": self.employee.id} for n in range(2)]
        )
        requests = self.Feedback.browse()
        for goal, author in zip(goals, self.peer | self.director, strict=True):
            requests |= self._ask(self.user_employee, self.employee, author, goal_id=goal.id)
        self.assertEqual(requests.goal_id, goals, "each request carries its own tag")
        self._answer(requests, self.peer, "From Pat")
        self._answer(requests, self.director, "From Dana")
        answers = self._readable_answers(self.user_employee)
        self.assertEqual(len(answers), 2)
        self.assertFalse(answers.goal_id, "the answer carries no tag of its request")
        self.assertFalse(answers.read(["request_message", "date_deadline"])[0]["date_deadline"])
        self.assertEqual(len(set(answers.mapped("date"))), 1)
        self.assertEqual(len(set(answers.mapped("write_date"))), 1)

    def test_own_and_subject_answers_do_not_count(self):
        requests = self._ask(
            self.user_manager, self.employee, self.manager | self.employee | self.peer
        )
        self._answer(requests, self.manager, "My own answer")
        self._answer(requests, self.employee, "The subject's answer")
        self._answer(requests, self.peer, "Pat's honest view")
        # Three answers, one answerer who counts: nothing is released, not even to HR.
        for user in (self.user_manager, self.user_employee, self.user_director):
            with self.subTest(user=user.login):
                self.assertFalse(self._readable_answers(user))
        stored = self.Feedback.search([("anonymous", "=", True), ("state", "=", "done")])
        self.assertEqual(len(stored), 3)
        self.assertFalse(any(stored.mapped("anonymous_released")))
        self.assertEqual(
            set(requests.with_user(self.user_manager).mapped("state")),
            {"requested"},
            "to its requester, no request looks answered yet",
        )
        self._ask(self.user_manager, self.employee, self.director)
        director_request = self.Feedback.search([("author_id", "=", self.director.id)])
        self._answer(director_request, self.director, "Dana's view")
        self.assertEqual(len(self._readable_answers(self.user_manager)), 4)

    def test_the_order_of_answers_is_not_seen(self):
        authors = self.peer | self.manager | self.director
        requests = self._ask(self.user_employee, self.employee, authors)
        as_requester = requests.with_user(self.user_employee)

        def seen():
            as_requester.invalidate_recordset()
            return {
                r.author_id: (r.state, r.write_date, len(r.activity_ids), r.anonymous_released)
                for r in as_requester
            }

        before = seen()
        self._answer(requests, self.peer, "First")
        self.assertEqual(seen(), before, "one answer in: the requester sees no change")
        self.assertFalse(self._readable_answers(self.user_employee))
        self.assertTrue(requests.filtered(lambda r: r.author_id == self.peer).activity_ids)
        self._answer(requests, self.manager, "Second")
        # The batch is released at once: both requests turn answered together.
        after = seen()
        self.assertEqual(after[self.peer][0], "answered")
        self.assertEqual(after[self.manager][0], "answered")
        self.assertEqual(after[self.peer][1:], after[self.manager][1:])
        self.assertEqual(after[self.director], before[self.director])
        self.assertEqual(len(self._readable_answers(self.user_employee)), 2)
        # The third answer alone would be identified: it waits for a batch of its own.
        self._answer(requests, self.director, "Third")
        self.assertEqual(seen()[self.director], before[self.director])
        self.assertEqual(len(self._readable_answers(self.user_employee)), 2)
        # Nothing tells the requester which request is answered, nor lets him search it.
        with self.assertRaises(AccessError):
            as_requester.read(["anonymous_answered"])
        with self.assertRaises(AccessError):
            self.Feedback.with_user(self.user_employee).search([("anonymous_answered", "=", True)])
        self.assertFalse(
            self.Feedback.with_user(self.user_employee).search([("can_answer", "=", True)])
        )
        # The author himself knows he answered.
        director_request = requests.filtered(lambda r: r.author_id == self.director)
        self.assertFalse(director_request.with_user(self.user_director).can_answer)
        self.assertNotIn(
            director_request,
            self.Feedback.with_user(self.user_director).search([("can_answer", "=", True)]),
        )
