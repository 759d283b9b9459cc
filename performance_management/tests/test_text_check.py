from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Command
from odoo.tests import Form, tagged

from .common import PerformanceCase


def _pairs(flags):
    return [(flag["category"], flag["match"].lower()) for flag in flags]


@tagged("post_install", "-at_install")
class TestTextCheck(PerformanceCase):
    """The review-text check: known texts give known flags, each with its reason."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Rule = cls.env["performance.text.rule"].with_user(cls.user_employee)
        cls.template = cls.env.ref("performance_management.review_template_annual")

    def _review(self, state="self_review", answers=("", ""), cycle=None):
        lines = []
        for sequence, answer in enumerate(answers, start=1):
            for role in ("employee", "manager"):
                lines.append(
                    Command.create(
                        {
                            "sequence": sequence,
                            "name": f"Question {sequence}",
                            "kind": "text",
                            "role": role,
                            "answer": answer if role == "manager" else False,
                        }
                    )
                )
        review = self.env["performance.review"].create(
            {
                "employee_id": self.employee.id,
                "manager_id": self.manager.id,
                "template_id": self.template.id,
                "cycle_id": cycle.id if cycle else False,
                "review_type": "cycle" if cycle else "probation",
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
                "line_ids": lines,
            }
        )
        review.state = state
        return review

    def test_english(self):
        flags = self.Rule.check_text(
            "She is always so abrasive and aggressive, and very supportive. Great job!",
            "en_US",
        )
        self.assertEqual(
            _pairs(flags),
            [
                ("absolute", "always"),
                ("personality", "abrasive"),
                ("personality", "aggressive"),
                ("gender_feminine", "supportive"),
                ("vague_praise", "great job"),
            ],
        )
        self.assertTrue(all(flag["reason"] for flag in flags), "every flag says why")
        self.assertIn("Gaucher", flags[3]["reason"])
        # masculine-coded, with an inflection through the trailing *
        self.assertEqual(
            _pairs(self.Rule.check_text("He was ambitiously self-confident.", "en_GB")),
            [("gender_masculine", "ambitiously"), ("gender_masculine", "self-confident")],
        )

    def test_french(self):
        flags = self.Rule.check_text(
            "Il est toujours très agressif et ambitieux, elle est si douce. Bon travail !",
            "fr_FR",
        )
        self.assertEqual(
            _pairs(flags),
            [
                ("absolute", "toujours"),
                ("personality", "agressif"),
                ("gender_masculine", "ambitieux"),
                ("gender_feminine", "douce"),
                ("vague_praise", "bon travail"),
            ],
        )
        self.assertIn("comportement", flags[1]["reason"])

    def test_german(self):
        flags = self.Rule.check_text(
            "Sie ist immer sehr emotional, ehrgeizig und einfühlsam. Gute Arbeit!", "de_DE"
        )
        self.assertEqual(
            _pairs(flags),
            [
                ("absolute", "immer"),
                ("personality", "emotional"),
                ("gender_masculine", "ehrgeizig"),
                ("gender_feminine", "einfühlsam"),
                ("vague_praise", "gute arbeit"),
            ],
        )
        self.assertIn("Verhalten", flags[1]["reason"])

    def test_spanish(self):
        flags = self.Rule.check_text(
            "Siempre es muy agresiva, ambiciosa y cariñosa. Buen trabajo.", "es_ES"
        )
        self.assertEqual(
            _pairs(flags),
            [
                ("absolute", "siempre"),
                ("personality", "agresiva"),
                ("gender_masculine", "ambiciosa"),
                ("gender_feminine", "cariñosa"),
                ("vague_praise", "buen trabajo"),
            ],
        )
        self.assertIn("conducta", flags[1]["reason"])

    def test_whole_words_html_and_examples(self):
        Rule = self.Rule
        # whole words only: "nevertheless" is not "never", "always" once per text
        self.assertEqual(
            _pairs(Rule.check_text("Nevertheless, always. Always!", "en_US")),
            [("absolute", "always")],
        )
        # HTML is read as text
        self.assertEqual(
            _pairs(Rule.check_text("<p>She is <b>bossy</b></p>", "en_US")),
            [("personality", "bossy")],
        )
        # praise citing an instance (a month, a figure, "for example") is not vague
        for text in (
            "Great job on the March release.",
            "Great job: 12 tickets closed.",
            "Great job, for example the demo.",
        ):
            self.assertEqual(Rule.check_text(text, "en_US"), [], text)
        self.assertEqual(Rule.check_text("Bon travail en mars.", "fr_FR"), [])
        # a long text citing no instance asks for one; a short one does not
        long_text = "The work on the customer portal was solid and the team relied on it. " * 3
        self.assertEqual(_pairs(Rule.check_text(long_text, "en_US")), [("no_example", "")])
        self.assertEqual(Rule.check_text(long_text + " In June.", "en_US"), [])
        self.assertEqual(Rule.check_text("The work was solid.", "en_US"), [])
        # no list for the language: nothing flagged; nothing in an empty text
        self.assertEqual(Rule.check_text("always bossy", "nl_NL"), [])
        self.assertEqual(Rule.check_text("", "en_US"), [])
        self.assertEqual(Rule.check_text(False, "en_US"), [])

    def test_rule_edits_apply_at_once(self):
        rule = self.env["performance.text.rule"].create(
            {"lang": "en", "category": "personality", "pattern": "grumpy*", "reason": "Why"}
        )
        self.assertEqual(
            self.Rule.check_text("A grumpy reply", "en_US"),
            [{"category": "personality", "match": "grumpy", "reason": "Why"}],
        )
        rule.active = False
        self.assertEqual(self.Rule.check_text("A grumpy reply", "en_US"), [])
        with self.assertRaises(ValidationError):
            rule.pattern = "gr*mpy"
        with self.assertRaises(ValidationError):
            rule.write({"pattern": "fine", "lang": "English"})

    def test_length(self):
        Rule = self.Rule
        history = [40, 50, 60]
        self.assertEqual(Rule._check_length("word " * 50, history), [])
        short = Rule._check_length("Fine.", history)
        self.assertEqual(short[0]["category"], "length")
        self.assertIn("median of 50", short[0]["reason"])
        self.assertEqual(Rule._check_length("word " * 151, history)[0]["category"], "length")
        # without enough history, no length flag
        self.assertEqual(Rule._check_length("Fine.", [40, 50]), [])

    def test_writer_history_is_his_own(self):
        """The length check compares with what the user wrote, read with his rights."""
        self._review("manager_review", ("word " * 40, "word " * 60))
        self._review("manager_review", ("word " * 50, ""))
        Rule = self.env["performance.text.rule"]
        self.assertEqual(
            sorted(Rule.with_user(self.user_manager)._get_writer_lengths()), [40, 50, 60]
        )
        # the employee did not write the manager's answers: none of them is his history
        self.assertEqual(Rule.with_user(self.user_employee)._get_writer_lengths(), [])
        self.assertEqual(Rule.with_user(self.user_peer)._get_writer_lengths(), [])

    def test_review_form_flags_the_writer(self):
        self._review("manager_review", ("word " * 40, "word " * 60))
        self._review("manager_review", ("word " * 50, ""))
        review = self._review("manager_review", ("", ""))
        with Form(review.with_user(self.user_manager)) as form:
            self.assertFalse(form.text_flags_html)
            with form.manager_sheet_line_ids.edit(0) as line:
                line.answer = "He is always bossy."
            flags = str(form.text_flags_html)
            self.assertIn("bossy", flags)
            self.assertIn('data-category="absolute"', flags)
            self.assertIn('data-category="length"', flags)
            self.assertIn("Question 1", flags)
        # the employee reads no flags on the part he does not write
        review.line_ids.flush_recordset()
        self.assertFalse(review.with_user(self.user_employee).text_flags_html)
        self.assertIn("bossy", str(review.with_user(self.user_manager).text_flags_html))

    def test_flags_escape_the_text(self):
        review = self._review("manager_review", ("<script>x</script> always", ""))
        flags = str(review.with_user(self.user_manager).text_flags_html)
        self.assertIn("always", flags)
        self.assertNotIn("<script>", flags)

    def test_feedback_wizards_flag(self):
        wizard = Form(
            self.env["performance.feedback.give"]
            .with_user(self.user_peer)
            .with_context(default_employee_ids=[self.employee.id])
        )
        wizard.message = "<p>Eli is never on time and so lazy.</p>"
        flags = str(wizard.text_flags_html)
        self.assertIn('data-category="absolute"', flags)
        self.assertIn("lazy", flags)
        # a warning, not a block: the feedback is sent as written
        wizard.save().action_give()
        sent = self.env["performance.feedback"].search([("employee_id", "=", self.employee.id)])
        self.assertIn("lazy", sent.message)
        self.assertIn("lazy", str(sent.with_user(self.user_peer).text_flags_html))
        # its receiver reads the feedback, not flags on someone else's wording
        self.assertFalse(sent.with_user(self.user_employee).text_flags_html)

    def test_rules_access(self):
        Rule = self.env["performance.text.rule"]
        vals = {"lang": "en", "category": "absolute", "pattern": "forever", "reason": "Why"}
        rule = Rule.with_user(self.user_admin).create(vals)
        rule.with_user(self.user_admin).write({"reason": "Because"})
        for user in (self.user_employee, self.user_manager, self.user_officer):
            self.assertEqual(rule.with_user(user).reason, "Because")
            with self.assertRaises(AccessError):
                rule.with_user(user).write({"reason": "Mine"})
            with self.assertRaises(AccessError):
                Rule.with_user(user).create({**vals, "pattern": "forevermore"})
            with self.assertRaises(AccessError):
                rule.with_user(user).unlink()
        # portal users get flags through the server, never the lists
        with self.assertRaises(AccessError):
            Rule.with_user(self.user_portal).check_text("always", "en_US")
        with self.assertRaises(AccessError):
            rule.with_user(self.user_portal).read(["pattern"])
        rule.with_user(self.user_admin).unlink()

    def test_cycle_flags_by_reviewer(self):
        cycle = self.env["performance.cycle"].create(
            {
                "name": "Wording 2026",
                "template_id": self.template.id,
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
            }
        )
        self._review("calibration", ("He is always bossy.", "Great job!"), cycle=cycle)
        rows = cycle.with_user(self.user_officer)._get_text_flags_by_reviewer()
        self.assertEqual(len(rows), 1)
        row = rows[0]
        self.assertEqual(row["reviewer"], self.manager)
        self.assertEqual(row["texts"], 2)
        self.assertEqual(row["counts"], {"absolute": 1, "personality": 1, "vague_praise": 1})
        html = str(cycle.with_user(self.user_officer).text_flags_by_reviewer_html)
        self.assertIn("Mia Manager", html)
        with self.assertRaises(AccessError):
            cycle.with_user(self.user_manager).read(["text_flags_by_reviewer_html"])
