from odoo.tests import HttpCase, JsonRpcException, tagged

from .test_survey_360 import Survey360Case

ROUTE = "/performance/360/text_check/%s/%s"


def _pairs(flags):
    return [(flag["category"], flag["match"]) for flag in flags]


@tagged("post_install", "-at_install")
class TestTextCheck360(Survey360Case, HttpCase):
    """The text check of the free-text answers of 360 questionnaires: flags for whoever may
    answer an open questionnaire (its token), counted per named rater in the cycle's
    evaluation, the anonymous ones only together and once released."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._launch_today()

    def _check(self, user_input, text="She is always bossy", answer_token=None):
        return self.make_jsonrpc_request(
            ROUTE % (user_input.survey_id.access_token, answer_token or user_input.access_token),
            {"text": text},
        )["flags"]

    def _refused(self, user_input, answer_token=None):
        with self.assertRaises(JsonRpcException) as caught:
            self._check(user_input, answer_token=answer_token)
        self.assertIn("NotFound", str(caught.exception))

    def test_rater_gets_flags_while_answering(self):
        anonymous = self.input_of(self.review, self.portal_employee)
        own = self.input_of(self.review, role="self")
        self.assertTrue(anonymous.performance_anonymous)
        # a portal rater, the lowest rights with a user, on his anonymous answer
        self.authenticate("pm_portal", "pm_portal")
        flags = self._check(anonymous)
        self.assertEqual(_pairs(flags), [("absolute", "always"), ("personality", "bossy")])
        self.assertTrue(all(flag["reason"] and flag["label"] for flag in flags))
        self.assertEqual(self._check(anonymous, "Closed 12 tickets in May."), [])
        # someone else's named answer, an unknown token
        self._refused(own)
        self._refused(anonymous, answer_token="not-a-token")
        # without a login, as survey's page: the token is the key (a rater without a
        # user answers through his invitation's link)
        self.authenticate(None, None)
        self.assertEqual(len(self._check(anonymous)), 2)
        self.assertEqual(len(self._check(own)), 2)
        # the employee on his own self questionnaire
        self.authenticate("pm_employee", "pm_employee")
        self.assertEqual(
            _pairs(self._check(own)), [("absolute", "always"), ("personality", "bossy")]
        )
        # submitted: nothing more to write
        self.answer(anonymous, self.user_portal, "Often", "Often", "Fine")
        self.authenticate("pm_portal", "pm_portal")
        self._refused(anonymous)

    def test_refuses_other_surveys(self):
        survey = self.env["survey.survey"].create(
            {
                "title": "Canteen",
                "access_mode": "token",
                "question_and_page_ids": [
                    (0, 0, {"title": "Lunch?", "question_type": "text_box"}),
                ],
            }
        )
        self.assertNotEqual(survey.survey_type, "performance")
        other = survey._create_answer(partner=self.user_portal.partner_id)
        self.authenticate("pm_portal", "pm_portal")
        self._refused(other)

    def test_cycle_counts_anonymous_raters_together_once_released(self):
        cycle = self.cycle.with_user(self.user_officer)
        self.answer(
            self.input_of(self.review, self.peer), self.user_peer, "Always", "Often", "Bossy."
        )
        # one answer in, under the threshold of two: not counted, not even together
        self.assertFalse([row for row in cycle._get_text_flags_by_reviewer() if row["answers"]])
        self.answer(
            self.input_of(self.review, self.portal_employee),
            self.user_portal,
            "Often",
            "Often",
            "She is always bossy, great job!",
        )
        rows = [row for row in cycle._get_text_flags_by_reviewer() if row["answers"]]
        self.assertEqual(len(rows), 1)
        row = rows[0]
        self.assertTrue(row["anonymous"])
        self.assertFalse(row["reviewer"])
        self.assertEqual((row["answers"], row["texts"]), (2, 2))
        self.assertEqual(row["counts"], {"personality": 2, "absolute": 1, "vague_praise": 1})
        cycle.invalidate_recordset()
        html = str(cycle.text_flags_by_reviewer_html)
        self.assertIn("Anonymous 360 raters, together", html)
        self.assertNotIn("Pat Peer", html)
        self.assertNotIn("Paula Portal", html)


@tagged("post_install", "-at_install")
class TestTextCheck360Named(Survey360Case):
    """Named 360 answers count per rater, beside the reviews he wrote."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cycle.peer_anonymous = False
        cls._launch_today()

    def test_cycle_counts_named_raters(self):
        named = self.input_of(self.review, self.peer)
        self.assertFalse(named.performance_anonymous)
        self.answer(named, self.user_peer, "Always", "Often", "He is always bossy.")
        rows = self.cycle.with_user(self.user_officer)._get_text_flags_by_reviewer()
        row = next(row for row in rows if row["reviewer"] == self.peer)
        self.assertEqual((row["reviews"], row["answers"], row["texts"]), (0, 1, 1))
        self.assertEqual(row["counts"], {"absolute": 1, "personality": 1})
        self.assertFalse(any(row["anonymous"] for row in rows))
        html = str(self.cycle.with_user(self.user_officer).text_flags_by_reviewer_html)
        self.assertIn("Pat Peer", html)
        # the self questionnaire is the employee writing of himself: not a rater's wording
        own = self.input_of(self.review, role="self").with_user(self.user_employee).sudo()
        own._mark_in_progress()
        text = self.self_survey.question_ids.filtered(lambda q: q.question_type == "text_box")
        own._save_lines(text, "I am always bossy.")
        own._mark_done()
        rows = self.cycle.with_user(self.user_officer)._get_text_flags_by_reviewer()
        self.assertFalse([row for row in rows if row["reviewer"] == self.employee])
