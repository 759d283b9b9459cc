from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ReviewCase


@tagged("post_install", "-at_install")
class TestReviewLoad(ReviewCase):
    """Lighter reviews: time to fill, peer requests capped and balanced, usefulness."""

    def test_template_estimated_minutes(self):
        # Delivery (rating, both), Highlights (text, both), Teamwork (rating, manager):
        # 1 minute per rating question, 3 per free-text one, sections count nothing
        template = self.template.with_user(self.user_officer)
        self.assertEqual(template.estimated_self_minutes, 1 + 3)
        self.assertEqual(template.estimated_manager_minutes, 1 + 3 + 1)

    def test_peer_requests_capped_and_balanced(self):
        self.cycle.write({"peer_count": 2, "peer_rater_cap": 1})
        reviews = self.launch()
        requests = self.env["performance.feedback"].search(
            [("review_id", "in", reviews.ids), ("is_request", "=", True)]
        )
        per_rater = {}
        for request in requests:
            per_rater[request.author_id] = per_rater.get(request.author_id, 0) + 1
        # three colleagues under the same manager, each asked once: nobody past the cap
        self.assertEqual(set(per_rater), {self.employee, self.peer, self.portal_employee})
        self.assertEqual(set(per_rater.values()), {1})
        for review in reviews:
            asked = requests.filtered(lambda r, review=review: r.review_id == review).author_id
            self.assertNotIn(review.employee_id, asked)

    def test_peer_requests_balanced_without_cap(self):
        self.cycle.write({"peer_count": 1})
        reviews = self.launch()
        requests = self.env["performance.feedback"].search(
            [("review_id", "in", reviews.ids), ("is_request", "=", True)]
        )
        # four reviews (Noah has no user: reviewed, never asked), three colleagues asked:
        # the least asked first, so nobody is asked twice before everyone was asked once
        self.assertEqual(len(requests), 4)
        per_rater = {}
        for request in requests:
            per_rater[request.author_id] = per_rater.get(request.author_id, 0) + 1
        self.assertEqual(sorted(per_rater.values()), [1, 1, 2])

    def _done_review(self, employee):
        review = self.env["performance.review"].create(
            {
                "employee_id": employee.id,
                "manager_id": self.manager.id,
                "template_id": self.template.id,
                "review_type": "probation",
                "date_start": "2026-01-01",
                "date_end": "2026-06-30",
            }
        )
        review.state = "done"
        return review

    def test_usefulness_is_anonymous_and_counted_past_threshold(self):
        self.company.performance_anonymity_threshold = 3
        template = self.template.with_user(self.user_officer)
        review = self._done_review(self.employee)
        # only the reviewed employee, once
        with self.assertRaises(UserError):
            review.with_user(self.user_manager).action_answer_useful()
        review.with_user(self.user_employee).action_answer_useful()
        self.assertTrue(review.usefulness_answered)
        with self.assertRaises(UserError):
            review.with_user(self.user_employee).action_answer_not_useful()
        answers = self.env["performance.review.usefulness"].search([])
        self.assertEqual(answers.mapped("answer"), ["yes"])
        # nothing ties the answer to its author or its review
        self.assertNotIn("create_uid", answers._fields)
        self.assertNotIn("review_id", answers._fields)
        with self.assertRaises(AccessError):
            answers.with_user(self.user_officer).read(["answer"])
        # under the threshold: a count of answers, never their split
        self.assertIn("1 answers so far", str(template.usefulness_html))
        self._done_review(self.peer).with_user(self.user_peer).action_answer_somewhat_useful()
        self._done_review(self.portal_employee).sudo().with_user(
            self.user_portal
        )._answer_usefulness("yes")
        template.invalidate_recordset(["usefulness_html"])
        html = str(template.usefulness_html)
        self.assertNotIn("answers so far", html)
        self.assertIn("67%", html)
        self.assertIn("33%", html)
        with self.assertRaises(AccessError):
            template.with_user(self.user_manager).read(["usefulness_html"])

    def test_usefulness_refused_before_acknowledging(self):
        review = self._done_review(self.employee)
        review.state = "released"
        with self.assertRaises(UserError):
            review.with_user(self.user_employee).action_answer_useful()
