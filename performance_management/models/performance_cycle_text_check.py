# pylint: disable=consider-merging-classes-inherited
from collections import defaultdict

from odoo import fields, models

from .performance_text_rule import FLAG_CATEGORIES
from .survey_survey import PERFORMANCE_SURVEY_TYPE

# The row of the anonymous 360 answers, all raters together: never one per rater.
ANONYMOUS_RATERS = "anonymous"


class PerformanceCycle(models.Model):
    """Beside leniency: the wording flags of each reviewer's texts in the cycle."""

    _inherit = "performance.cycle"

    text_flags_by_reviewer_html = fields.Html(
        string="Wording by Reviewer",
        compute="_compute_text_flags_by_reviewer_html",
        sanitize=False,
        groups="performance_management.group_performance_officer",
    )

    def _compute_text_flags_by_reviewer_html(self):
        for cycle in self:
            rows = cycle._get_text_flags_by_reviewer() if cycle._origin else []
            cycle.text_flags_by_reviewer_html = (
                self.env["ir.qweb"]._render(
                    "performance_management.performance_cycle_text_flags",
                    {"rows": rows, "categories": cycle._text_flag_columns()},
                )
                if rows
                else False
            )

    def _text_flag_columns(self):
        labels = dict(
            self.env["performance.text.rule"]._fields["category"]._description_selection(self.env)
        )
        columns = [(category, labels[category]) for category, _label in FLAG_CATEGORIES]
        return [*columns, ("no_example", self.env._("No Example"))]

    def _get_text_flags_by_reviewer(self):
        """Per reviewer: reviews, 360 answers, texts written (manager answers and summaries,
        free-text answers of the 360 questionnaires) and flags by category, each text
        checked in the writer's language. Read with the officer's rights; the text check is
        the same as the writer saw.

        Anonymous 360 answers never count per rater: their author is unknown by design, and
        only the released ones (past the anonymity threshold) count, together in one row.
        """
        self.ensure_one()
        Rule = self.env["performance.text.rule"]
        if not Rule.has_access("read"):
            return []
        stats = {}

        def row_of(key, reviewer):
            return stats.setdefault(
                key,
                {
                    "reviewer": reviewer,
                    "anonymous": isinstance(key, str) and key == ANONYMOUS_RATERS,
                    "reviews": 0,
                    "answers": 0,
                    "texts": 0,
                    "flags": 0,
                    "counts": {},
                },
            )

        def count(row, text, lang):
            if not text or not text.strip():
                return
            row["texts"] += 1
            for flag in Rule.check_text(text, lang):
                row["counts"][flag["category"]] = row["counts"].get(flag["category"], 0) + 1
                row["flags"] += 1

        reviews = self.env["performance.review"].search([("cycle_id", "=", self._origin.id)])
        lines = self.env["performance.review.line"].search(
            [
                ("review_id", "in", reviews.ids),
                ("role", "=", "manager"),
                ("answer", "!=", False),
            ]
        )
        texts = defaultdict(list)
        for line in lines:
            texts[line.review_id].append(line.answer)
        for review in reviews:
            reviewer = review.manager_id
            # the reviewer's language: the words he wrote are in his lists
            lang = reviewer.user_id.lang or self.env.lang
            row = row_of(reviewer, reviewer)
            row["reviews"] += 1
            for text in [*texts[review], review.manager_summary]:
                count(row, text, lang)
        self._count_360_text_flags(row_of, count)
        rows = [row for row in stats.values() if row["texts"]]
        for row in rows:
            row["per_text"] = row["flags"] / row["texts"]
        return sorted(
            rows,
            key=lambda row: (row["anonymous"], -row["per_text"], row["reviewer"].name or ""),
        )

    def _count_360_text_flags(self, row_of, count):
        """The free-text answers of the cycle's submitted 360 questionnaires (the self ones
        aside: the employee writes of himself), per named rater, the released anonymous ones
        in one row. Read with the officer's rights: the rules show him named and released
        answers only."""
        UserInput = self.env["survey.user_input"]
        if not UserInput.has_access("read"):
            return
        inputs = UserInput.search(
            [
                ("performance_cycle_id", "=", self._origin.id),
                ("survey_id.survey_type", "=", PERFORMANCE_SURVEY_TYPE),
                ("state", "=", "done"),
                ("test_entry", "=", False),
                ("performance_role", "!=", "self"),
                "|",
                ("performance_anonymous", "=", False),
                ("performance_released", "=", True),
            ]
        )
        if not inputs:
            return
        lines = self.env["survey.user_input.line"].search(
            [
                ("user_input_id", "in", inputs.ids),
                ("answer_type", "in", ("char_box", "text_box")),
                ("skipped", "=", False),
            ]
        )
        by_input = lines.grouped("user_input_id")
        for user_input in inputs:
            if user_input.performance_anonymous:
                row = row_of(ANONYMOUS_RATERS, self.env["hr.employee"])
                lang = user_input.lang_id.code or self.env.lang
            else:
                if user_input.performance_role == "manager":
                    rater = user_input.performance_review_id.manager_id
                else:
                    rater = (
                        user_input.performance_feedback_id.author_id
                        or user_input.performance_request_id.author_id
                    )
                row = row_of(rater, rater)
                lang = rater.user_id.lang or user_input.lang_id.code or self.env.lang
            row["answers"] += 1
            for line in by_input.get(user_input, []):
                count(row, line.value_text_box or line.value_char_box, lang)
