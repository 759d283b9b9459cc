# pylint: disable=consider-merging-classes-inherited
from collections import defaultdict

from odoo import fields, models

from .performance_text_rule import FLAG_CATEGORIES


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
        """Per reviewer: reviews, texts written (manager answers and summaries) and flags by
        category, each text checked in the reviewer's language. Read with the officer's
        rights; the text check is the same as the writer saw."""
        self.ensure_one()
        Rule = self.env["performance.text.rule"]
        if not Rule.has_access("read"):
            return []
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
        stats = {}
        for review in reviews:
            reviewer = review.manager_id
            # the reviewer's language: the words he wrote are in his lists
            lang = reviewer.user_id.lang or self.env.lang
            row = stats.setdefault(
                reviewer,
                {"reviewer": reviewer, "reviews": 0, "texts": 0, "flags": 0, "counts": {}},
            )
            row["reviews"] += 1
            for text in [*texts[review], review.manager_summary]:
                if not text or not text.strip():
                    continue
                row["texts"] += 1
                for flag in Rule.check_text(text, lang):
                    row["counts"][flag["category"]] = row["counts"].get(flag["category"], 0) + 1
                    row["flags"] += 1
        rows = [row for row in stats.values() if row["texts"]]
        for row in rows:
            row["per_text"] = row["flags"] / row["texts"]
        return sorted(rows, key=lambda row: (-row["per_text"], row["reviewer"].name or ""))
